"""The public search facets, declared once: key, document field, labels, and value labels."""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction

from pages.kinds import content_kinds
from search.conf import shared_cache

BUDGET_BANDS = [  # (slug, upper bound in EUR or None, LT label, EN label)
    ("iki-100-tukst", 100_000, "iki 100 tūkst. €", "under €100k"),
    ("100-500-tukst", 500_000, "100–500 tūkst. €", "€100k–500k"),
    ("500-tukst-1-mln", 1_000_000, "500 tūkst.–1 mln. €", "€500k–1m"),
    ("1-5-mln", 5_000_000, "1–5 mln. €", "€1m–5m"),
    ("virs-5-mln", None, "virš 5 mln. €", "over €5m"),
]
STATUSES = {"planned": ("Planuojamas", "Planned"), "running": ("Vykdomas", "Running"),
            "completed": ("Įgyvendintas", "Completed")}
LANGUAGES = {"lt": ("Lietuvių", "Lithuanian"), "en": ("Anglų", "English")}
PERIODS = {"2014-2020": ("2014–2020", "2014–2020"), "2021-2027": ("2021–2027", "2021–2027")}
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
    label_lt: str
    label_en: str
    # a Term model's label, fixed labels, labels by language, or none
    vocabulary: str | dict | Callable[[str], dict[str, str]] | None = None

    @property
    def field(self) -> str:
        """Document field holding this facet's values (keyword, possibly multi-valued)."""
        return self.key

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_lt

    def value_labels(self, language: str) -> dict[str, str]:
        if self.vocabulary is None:
            return {}
        if isinstance(self.vocabulary, dict):
            index = 1 if language == "en" else 0
            return {value: labels[index] for value, labels in self.vocabulary.items()}
        if callable(self.vocabulary):
            return self.vocabulary(language)
        return term_labels(self.vocabulary, language)


FACETS = [
    Facet("target_group", "Tikslinė grupė", "Target group", "pages.TargetGroup"),
    Facet("municipality", "Savivaldybė", "Municipality", "pages.Municipality"),
    Facet("region", "Regionas", "Region", "pages.Region"),
    Facet("service_type", "Paslaugos rūšis", "Service type", "pages.ServiceType"),
    Facet("fund", "Fondas", "Fund", "pages.Fund"),
    Facet("measure", "Priemonė", "Measure"),
    Facet("programme", "Programa", "Programme", "pages.Programme"),
    Facet("period", "Programavimo laikotarpis", "Programming period", PERIODS),
    Facet("status", "Būsena", "Status", STATUSES),
    Facet("content_type", "Turinio tipas", "Content type", content_type_labels),
    Facet("start_year", "Pradžios metai", "Start year"),
    Facet("budget_band", "Biudžetas", "Budget", {slug: (lt, en) for slug, _, lt, en in
                                                  BUDGET_BANDS}),
    Facet("language", "Kalba", "Language", LANGUAGES),
]
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}


def budget_band(amount: float | None) -> str | None:
    if amount is None:
        return None
    for slug, upper, _lt, _en in BUDGET_BANDS:
        if upper is None or amount < upper:
            return slug
    return None
