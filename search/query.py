"""The one query object every engine answers, and the response they all return."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from pages.listing import MAX_PAGE_SIZE, SORT_ORDERS, SortOrder
from search.facets import FACETS, FACETS_BY_KEY, Facet


class QueryError(ValueError):
    """A query that cannot be answered; `parameter` names the culprit."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


@dataclass(frozen=True)
class Bounds:
    """An inclusive range of a document's field (EUR, or dates); None leaves an end open. A
    bounded field leaves out the documents without a value."""

    low: float | date | None = None
    high: float | date | None = None


# field → the query parameters of its lower and upper bound
RANGE_PARAMETERS = {"budget": ("budget_min", "budget_max"), "date": ("date_from", "date_to")}
# the fields whose least and greatest value over the matches a response gives
STAT_FIELDS = ("budget", "date", "start_date")
HIGHLIGHT_FIELDS = ("title", "summary", "body")  # the fields a hit's `highlights` come from


# What a query word's match is worth on every engine: each matching word first (`WORD_MATCH`
# is more than any match's relevance), then how it matched: as typed with its diacritics (or an
# English stem), folded or stemmed, or with a typo (no title boost).
WORD_MATCH = 1000.0
EXACT, FOLDED, TYPO = 1.0, 0.7, 0.4


@dataclass
class SearchQuery:
    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    language: str = "lt"  # language of labels and of the text analysis preference
    municipality: str | None = None  # scope to one municipality's site
    ranges: dict[str, Bounds] = field(default_factory=dict)  # field of RANGE_PARAMETERS → bounds
    # the results after this sort key of an engine's (its `SearchResponse.next_after`) instead
    # of skipping `offset` results; `page` is then the number of the page it starts
    after: list[Any] | None = None

    def __post_init__(self) -> None:
        self.text = self.text.strip()[:500]
        if self.sort not in SORT_ORDERS:
            raise QueryError("sort", _("Unknown sort order “%(sort)s”; allowed: %(allowed)s")
                             % {"sort": self.sort, "allowed": ", ".join(SORT_ORDERS)})
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
        for name, bounds in self.ranges.items():
            low_parameter, high_parameter = RANGE_PARAMETERS[name]
            if None not in (bounds.low, bounds.high) and bounds.low > bounds.high:
                raise QueryError(high_parameter, _("“%(high)s” (%(high_value)s) is less than "
                                                   "“%(low)s” (%(low_value)s).")
                                 % {"high": high_parameter, "high_value": bounds.high,
                                    "low": low_parameter, "low_value": bounds.low})
        self.ranges = {name: bounds for name, bounds in self.ranges.items()
                       if bounds != Bounds()}

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def order(self) -> SortOrder:
        return SORT_ORDERS[self.sort]

    def ranges_except(self, name: str | None) -> dict[str, Bounds]:
        """The ranges but the one of `name`: the stats of a field ignore its own range, as
        facet counts ignore their own selection."""
        return {key: bounds for key, bounds in self.ranges.items() if key != name}


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
    highlights: list["Highlight"] = field(default_factory=list)  # in HIGHLIGHT_FIELDS' order
    # facts a result card shows, as the document holds them (facet values, EUR)
    status: list[str] = field(default_factory=list)
    period: list[str] = field(default_factory=list)
    fund: list[str] = field(default_factory=list)
    budget: float | None = None
    start_date: str | None = None  # a project's start; `date` may be when it was published

    @property
    def dated(self) -> tuple[str, str] | None:
        """The date a result card shows and what it means (a DATE_MEANINGS key): a project's
        start, else when the page was published; None without either."""
        if self.start_date:
            return "start", self.start_date
        return ("published", self.date) if self.date else None


DATE_MEANINGS = ("start", "published")
CARD_FACTS = ("status", "period", "fund")  # the document's lists a result card shows
CARD_FIELDS = (*CARD_FACTS, "budget", "start_date")  # everything a result card reads


def card_facts(document: Mapping[str, Any]) -> dict[str, Any]:
    """The optional Hit fields a result card shows, read from a stored document."""
    return {**{key: document.get(key) or [] for key in CARD_FACTS},
            "budget": document.get("budget"), "start_date": document.get("start_date")}


@dataclass(frozen=True)
class Highlight:
    """A field's passages where the query's words are, each word in <mark> and the rest of the
    text HTML-escaped."""

    field: str
    fragments: list[str]


@dataclass(frozen=True)
class Stat:
    """The least and greatest value of a field over the matches (None when none has one):
    EUR, or ISO dates."""

    min: float | str | None
    max: float | str | None


@dataclass
class SearchResponse:
    """One page of results: `count` is the number of matches, `hits` those on this page;
    `next_after` is the sort key to ask for the page after it with (None on the last page)."""

    count: int
    page: int
    page_size: int
    hits: list[Hit]
    facets: dict[str, FacetValues]  # in the order facets are shown
    stats: dict[str, Stat] = field(default_factory=dict)  # a field of STAT_FIELDS → its stat
    next_after: list[Any] | None = None
    language: str = "lt"  # the language of its labels, the query's


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
