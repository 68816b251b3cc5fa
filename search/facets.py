"""The public search facets, declared once, in the order they are shown: key, document field,
label, type, value labels and, for a hierarchy, each value's parent.

Labels are English source texts that the search app's catalogue translates (the project statuses
and content kinds those of the pages app); each reader asks for them in the language it shows,
the page's or the request's."""

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

from django.apps import apps
from django.db import transaction
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, pgettext_lazy

from pages.kinds import content_kinds
from pages.models import FundingMeasurePage, ProjectPage
from pages.public import public_pages
from search.freshness import bump_generation, generation_of, read_at_once


class BudgetBand(NamedTuple):
    slug: str
    upper_bound: int | None  # EUR, excluded; None for the open-ended top band
    label: Promise


BUDGET_BANDS = [
    BudgetBand("iki-100-tukst", 100_000, gettext_lazy("under €100k")),
    BudgetBand("100-500-tukst", 500_000, gettext_lazy("€100k–500k")),
    BudgetBand("500-tukst-1-mln", 1_000_000, gettext_lazy("€500k–1m")),
    BudgetBand("1-5-mln", 5_000_000, gettext_lazy("€1m–5m")),
    BudgetBand("virs-5-mln", None, gettext_lazy("over €5m")),
]
STATUSES: dict[str, Promise] = dict(ProjectPage.Status.choices)
LANGUAGES = {"lt": pgettext_lazy("content language", "Lithuanian"),
             "en": pgettext_lazy("content language", "English")}
PERIODS = {"2014-2020": "2014–2020", "2021-2027": "2021–2027"}  # the same in every language
logger = logging.getLogger(__name__)
VOCABULARY_GENERATION = "search:vocabulary-generation"  # counts term changes, all processes
GENERATION_CHECK_SECONDS = 1.0
# What facets read from vocabularies and measure pages: (source, language) → value labels,
# (term model, field) → value parents
_term_labels: dict[tuple[str, str], dict[str, str]] = {}
_generation_seen: dict[str, float] = {"value": -1, "at": float("-inf")}
_facet_labels: dict[tuple[str, str], str] = {}  # (facet, language) → its label: see `label`


def vocabulary_changed(**_signal_arguments: object) -> None:
    """A term or a measure page changed: this process forgets its labels and parents at once,
    the others within a second.
    Counted now and again on commit, so no process keeps labels read before the commit."""
    def bump() -> None:
        _term_labels.clear()
        bump_generation(VOCABULARY_GENERATION)

    bump()
    transaction.on_commit(bump)


def _forget_labels_if_terms_changed() -> None:
    """Checked at most once a second, or at once by a request that read the generation already
    (what it keeps is kept under that generation, so its labels must be as new). Without the
    shared cache every search reads the labels from the database."""
    now = time.monotonic()
    generation = read_at_once(VOCABULARY_GENERATION)
    if generation is None and now - _generation_seen["at"] < GENERATION_CHECK_SECONDS:
        return
    try:
        if generation is None:
            generation = generation_of(VOCABULARY_GENERATION)
    except Exception as error:
        logger.warning("Shared cache unavailable, term labels read from the database: %s", error)
        _term_labels.clear()
        return
    if generation != _generation_seen["value"]:
        _term_labels.clear()
    _generation_seen.update(value=generation, at=now)


def content_type_labels(language: str) -> dict[str, str]:
    """Key → plural label of every content kind: the values of the `content_type` facet."""
    return _kept(("content kinds", language),
                 lambda: {kind.key: kind.plural_in(language) for kind in content_kinds()})


def _kept(key: tuple[str, str], read: Callable[[], dict[str, str]]) -> dict[str, str]:
    """What `read` answers, kept in the process until a term or measure changes anywhere."""
    _forget_labels_if_terms_changed()
    if key not in _term_labels:
        _term_labels[key] = read()
    return _term_labels[key]


def term_labels(model_label: str, language: str) -> dict[str, str]:
    """Slug → label of a vocabulary."""
    return _kept((model_label, language), lambda: {
        term.slug: term.label(language) for term in apps.get_model(model_label).objects.all()})


def term_descriptions(model_label: str, language: str) -> dict[str, str]:
    """Slug → easy-read description of the terms of a vocabulary that have one."""
    return _kept((model_label, f"descriptions-{language}"), lambda: {
        term.slug: description for term in apps.get_model(model_label).objects.all()
        if (description := term.description(language))})


def term_parents(model_label: str, broader: str) -> dict[str, str]:
    """Slug → slug of the broader term (its `broader` field), for the terms that have one."""
    return _kept((model_label, broader), lambda: dict(
        apps.get_model(model_label).objects.filter(**{f"{broader}__isnull": False})
        .values_list("slug", f"{broader}__slug")))


def measure_labels(language: str) -> dict[str, str]:
    """Code → the code and name of each public measure, in a language (the Lithuanian name
    where the measure has no page in that language)."""
    def read() -> dict[str, str]:
        names: dict[str, str] = {}
        for locale in dict.fromkeys([language, "lt"]):  # the language's names win
            measures = public_pages(FundingMeasurePage.objects.filter(
                locale__language_code=locale)).values_list("code", "title")
            for code, title in measures:
                names.setdefault(code, title if code in title else f"{code} {title}")
        return names

    return _kept(("pages.FundingMeasurePage", language), read)


FacetType = Literal["terms", "hierarchical", "range"]
FACET_TYPES: tuple[FacetType, ...] = ("terms", "hierarchical", "range")


@dataclass(frozen=True)
class Facet:
    """A facet. Its `type` tells a front-end how to show it: "terms", a list of values;
    "hierarchical", values that name their parent, a value of the facet whose vocabulary the
    term model's `broader` field points at (the same facet for target groups; the next broader
    place for municipalities and counties; none for regions, the top); "range", values that are
    steps of a scale (amounts, years), listed in the scale's order."""

    key: str
    name: Promise  # the label, translated into the language active when it is read
    # a Term model's label, fixed labels (translatable or the same in every language),
    # labels by language, or none
    vocabulary: str | Mapping[str, Promise | str] | Callable[[str], dict[str, str]] | None = None
    type: FacetType = "terms"
    broader: str | None = None  # the term model's field naming a term's parent

    @property
    def field(self) -> str:
        """Document field holding this facet's values (keyword, possibly multi-valued)."""
        return self.key

    def label(self, language: str) -> str:
        """The facet's label in a language ("lt" or "en"), translated once per process."""
        key = (self.key, language)
        if key not in _facet_labels:
            with translation.override(language):
                _facet_labels[key] = str(self.name)
        return _facet_labels[key]

    @property
    def label_lt(self) -> str:
        """The Lithuanian label, for readers that show both languages at once."""
        return self.label("lt")

    @property
    def label_en(self) -> str:
        """The English label, for readers that show both languages at once."""
        return self.label("en")

    def value_labels(self, language: str) -> dict[str, str]:
        """Value → its label in a language; empty for facets whose values are shown as they
        are (years)."""
        if self.vocabulary is None:
            return {}
        if isinstance(self.vocabulary, Mapping):
            fixed = self.vocabulary

            def translated() -> dict[str, str]:
                with translation.override(language):
                    return {value: str(label) for value, label in fixed.items()}

            return _kept((f"facet:{self.key}", language), translated)
        if callable(self.vocabulary):
            return self.vocabulary(language)
        return term_labels(self.vocabulary, language)

    def value_descriptions(self, language: str) -> dict[str, str]:
        """Value → its easy-read description in a language, for terms whose official name is
        hard to read (target groups); empty for other facets."""
        if not isinstance(self.vocabulary, str):
            return {}
        return term_descriptions(self.vocabulary, language)

    @property
    def parent_facet(self) -> str | None:
        """The key of the facet whose values are this facet's values' parents."""
        if self.broader is None or not isinstance(self.vocabulary, str):
            return None
        model = apps.get_model(self.vocabulary)._meta.get_field(self.broader).related_model
        return next(facet.key for facet in FACETS if isinstance(facet.vocabulary, str)
                    and apps.get_model(facet.vocabulary) is model)

    def value_parents(self) -> dict[str, str]:
        """Value → the value of `parent_facet` it belongs to; empty outside hierarchies."""
        if self.broader is None or not isinstance(self.vocabulary, str):
            return {}
        return term_parents(self.vocabulary, self.broader)

    def scale_order(self, values: list[str]) -> list[str]:
        """A range facet's values in the scale's order: as the vocabulary lists them (budget
        bands from the smallest), else as numbers (years)."""
        if isinstance(self.vocabulary, Mapping):
            rank = {step: position for position, step in enumerate(self.vocabulary)}
            return sorted(values, key=lambda value: (rank.get(value, len(rank)), value))
        return sorted(values, key=lambda value: (len(value), value))  # whole numbers


FACETS = [
    Facet("target_group", pgettext_lazy("search facet", "Target group"), "pages.TargetGroup",
          "hierarchical", broader="broader"),
    Facet("municipality", pgettext_lazy("search facet", "Municipality"), "pages.Municipality",
          "hierarchical", broader="county"),
    Facet("county", pgettext_lazy("search facet", "County"), "pages.County",
          "hierarchical", broader="region"),
    Facet("region", pgettext_lazy("search facet", "Region"), "pages.Region", "hierarchical"),
    Facet("service_type", pgettext_lazy("search facet", "Service type"), "pages.ServiceType"),
    Facet("fund", pgettext_lazy("search facet", "Fund"), "pages.Fund"),
    Facet("measure", pgettext_lazy("search facet", "Measure"), measure_labels),
    Facet("programme", pgettext_lazy("search facet", "Programme"), "pages.Programme"),
    Facet("period", pgettext_lazy("search facet", "Programming period"), PERIODS),
    Facet("status", pgettext_lazy("search facet", "Status"), STATUSES),
    Facet("content_type", pgettext_lazy("search facet", "Content type"), content_type_labels),
    Facet("start_year", pgettext_lazy("search facet", "Start year"), type="range"),
    Facet("budget_band", pgettext_lazy("search facet", "Budget"),
          {band.slug: band.label for band in BUDGET_BANDS}, "range"),
    Facet("language", pgettext_lazy("search facet", "Language"), LANGUAGES),
]
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}


def budget_band(amount: float | None) -> str | None:
    """The slug of the budget band an amount (EUR) falls in; None without an amount."""
    if amount is None:
        return None
    for band in BUDGET_BANDS:
        if band.upper_bound is None or amount < band.upper_bound:
            return band.slug
    return None
