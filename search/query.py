"""The one query object every engine answers, and the response they all return."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from pages.listing import MAX_PAGE_SIZE, SORTS
from search.facets import FACETS, FACETS_BY_KEY, Facet


class QueryError(ValueError):
    """A query that cannot be answered; `parameter` names the culprit."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


@dataclass
class SearchQuery:
    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    language: str = "lt"  # language of labels and of the text analysis preference
    municipality: str | None = None  # scope to one municipality's site

    def __post_init__(self) -> None:
        self.text = self.text.strip()[:500]
        if self.sort not in SORTS:
            raise QueryError("sort", _("Unknown sort order “%(sort)s”; allowed: %(allowed)s")
                             % {"sort": self.sort, "allowed": SORTS})
        if self.page < 1:
            raise QueryError("page", _("The page number must be 1 or more."))
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise QueryError("page_size", _("The page size must be from 1 to %(largest)s.")
                             % {"largest": MAX_PAGE_SIZE})
        if self.language not in ("lt", "en"):
            raise QueryError("lang", _("The language must be “lt” or “en”."))
        for key in self.filters:
            if key not in FACETS_BY_KEY:
                raise QueryError(key, _("Unknown filter “%(filter)s”.") % {"filter": key})
        self.filters = {key: sorted(set(values)) for key, values in self.filters.items() if values}

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


@dataclass
class FacetValue:
    value: str
    count: int
    selected: bool
    label: str = ""
    parent: str | None = None  # in a hierarchy: the value of the parent facet it belongs to


class FacetValues(list[FacetValue]):
    """A facet's values in a response, with the facet and its label in the response's
    language."""

    def __init__(self, facet: Facet, label: str, values: list[FacetValue]) -> None:
        super().__init__(values)
        self.facet = facet
        self.label = label


@dataclass
class Hit:
    id: int
    content_type: str
    title: str
    url: str
    locale: str
    municipality: list[str]
    date: str | None
    summary: str
    highlight: str  # an excerpt with the query's words in <mark>; the summary when it has none
    score: float | None = None
    # facts a result card shows, as the document holds them (facet values, EUR)
    status: list[str] = field(default_factory=list)
    period: list[str] = field(default_factory=list)
    fund: list[str] = field(default_factory=list)
    budget: float | None = None
    start_date: str | None = None  # a project's start; `date` may be when it was published


CARD_FACTS = ("status", "period", "fund")  # the document's lists a result card shows
CARD_FIELDS = (*CARD_FACTS, "budget", "start_date")  # everything a result card reads


def card_facts(document: Mapping[str, Any]) -> dict[str, Any]:
    """The optional Hit fields a result card shows, read from a stored document."""
    return {**{key: document.get(key) or [] for key in CARD_FACTS},
            "budget": document.get("budget"), "start_date": document.get("start_date")}


@dataclass
class SearchResponse:
    """One page of results: `count` is the number of matches, `hits` those on this page."""

    count: int
    page: int
    page_size: int
    hits: list[Hit]
    facets: dict[str, FacetValues]  # in the order facets are shown


def facet_listing(counts: dict[str, dict[str, int]], selected: dict[str, list[str]],
                 language: str) -> dict[str, FacetValues]:
    """Per facet, in the order of FACETS: every counted value plus every selected one (even
    at 0), labelled, with its parent in a hierarchy; sorted by count then value, a range
    facet's in the scale's order."""
    facets = {}
    for facet in FACETS:
        chosen = set(selected.get(facet.key, []))
        values = {**dict.fromkeys(chosen, 0), **counts.get(facet.key, {})}
        labels = facet.value_labels(language) if values else {}
        parents = facet.value_parents() if values else {}
        order = (facet.scale_order(list(values)) if facet.type == "range" else
                 sorted(values, key=lambda value: (-values[value], value)))
        facets[facet.key] = FacetValues(facet, facet.label(language), [
            FacetValue(value, values[value], value in chosen, labels.get(value, value),
                       parents.get(value)) for value in order])
    return facets
