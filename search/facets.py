"""The public search facets, declared once: key, document field, label, and value labels.

Labels are English source texts that the search app's catalogue translates (the project statuses
and content kinds those of the pages app); each reader asks for them in the language it shows,
the page's or the request's."""

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from django.apps import apps
from django.db import transaction
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, pgettext_lazy

from pages.kinds import content_kinds
from pages.models import ProjectPage
from search.conf import shared_cache


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
_term_labels: dict[tuple[str, str], dict[str, str]] = {}
_generation_seen: dict[str, float] = {"value": -1, "at": float("-inf")}


def vocabulary_changed(**_signal_arguments: object) -> None:
    """A term changed: this process forgets its labels at once, the others within a second.
    Counted now and again on commit, so no process keeps labels read before the commit."""
    def bump() -> None:
        _term_labels.clear()
        try:
            cache = shared_cache()
            cache.add(VOCABULARY_GENERATION, 0, None)
            cache.incr(VOCABULARY_GENERATION)
        except Exception as error:  # shared cache down: the other processes read it as changed
            logger.warning("Vocabulary change not counted in the shared cache: %s", error)

    bump()
    transaction.on_commit(bump)


def _forget_labels_if_terms_changed() -> None:
    """Without the shared cache every search reads the labels from the database."""
    now = time.monotonic()
    if now - _generation_seen["at"] < GENERATION_CHECK_SECONDS:
        return
    try:
        generation = shared_cache().get(VOCABULARY_GENERATION, 0)
    except Exception as error:
        logger.warning("Shared cache unavailable, term labels read from the database: %s", error)
        _term_labels.clear()
        return
    if generation != _generation_seen["value"]:
        _term_labels.clear()
    _generation_seen.update(value=generation, at=now)


def content_type_labels(language: str) -> dict[str, str]:
    """Key → plural label of every content kind: the values of the `content_type` facet."""
    return {kind.key: kind.plural_in(language) for kind in content_kinds()}


def term_labels(model_label: str, language: str) -> dict[str, str]:
    """Slug → label of a vocabulary, kept in the process until a term changes anywhere."""
    _forget_labels_if_terms_changed()
    key = (model_label, language)
    if key not in _term_labels:
        terms = apps.get_model(model_label).objects.all()
        _term_labels[key] = {term.slug: term.label(language) for term in terms}
    return _term_labels[key]


@dataclass(frozen=True)
class Facet:
    key: str
    name: Promise  # the label, translated into the language active when it is read
    # a Term model's label, fixed labels (translatable or the same in every language),
    # labels by language, or none
    vocabulary: str | Mapping[str, Promise | str] | Callable[[str], dict[str, str]] | None = None

    @property
    def field(self) -> str:
        """Document field holding this facet's values (keyword, possibly multi-valued)."""
        return self.key

    def label(self, language: str) -> str:
        """The facet's label in a language ("lt" or "en")."""
        with translation.override(language):
            return str(self.name)

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
        are (measure codes, years)."""
        if self.vocabulary is None:
            return {}
        if isinstance(self.vocabulary, Mapping):
            with translation.override(language):
                return {value: str(label) for value, label in self.vocabulary.items()}
        if callable(self.vocabulary):
            return self.vocabulary(language)
        return term_labels(self.vocabulary, language)


FACETS = [
    Facet("target_group", pgettext_lazy("search facet", "Target group"), "pages.TargetGroup"),
    Facet("municipality", pgettext_lazy("search facet", "Municipality"), "pages.Municipality"),
    Facet("region", pgettext_lazy("search facet", "Region"), "pages.Region"),
    Facet("service_type", pgettext_lazy("search facet", "Service type"), "pages.ServiceType"),
    Facet("fund", pgettext_lazy("search facet", "Fund"), "pages.Fund"),
    Facet("measure", pgettext_lazy("search facet", "Measure")),
    Facet("programme", pgettext_lazy("search facet", "Programme"), "pages.Programme"),
    Facet("period", pgettext_lazy("search facet", "Programming period"), PERIODS),
    Facet("status", pgettext_lazy("search facet", "Status"), STATUSES),
    Facet("content_type", pgettext_lazy("search facet", "Content type"), content_type_labels),
    Facet("start_year", pgettext_lazy("search facet", "Start year")),
    Facet("budget_band", pgettext_lazy("search facet", "Budget"),
          {band.slug: band.label for band in BUDGET_BANDS}),
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
