"""Shared vocabularies: labels in both languages and how many published pages use each term."""

from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from cms.api.params import require_known
from cms.api.problems import ApiProblem, Problem, problem_responses
from cms.api.registry import Context
from cms.api.resources.base import AnswerLanguage, LabelledTermOut, Labels, Language
from cms.api.search_schemas import FacetKey
from pages.models.taxonomy import Term
from search.engines import get_engine
from search.facets import FACETS, Facet
from search.query import SearchQuery

router = Router(tags=["taxonomies"])
# The registry of exposed vocabularies: every search facet whose values are terms.
VOCABULARIES: dict[str, Facet] = {facet.key: facet for facet in FACETS
                                  if isinstance(facet.vocabulary, str)}
ERRORS = {400: Problem, 404: Problem}
PROBLEMS = {"responses": problem_responses(400, 404)}


@dataclass(frozen=True)
class Vocabulary:
    """A facet whose values are the terms of a vocabulary; `term_list` holds the terms an
    answer lists, each with its `usage` counted."""

    facet: Facet
    term_list: list[Term] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.facet.key

    @property
    def labels(self) -> dict[str, str]:
        return {"lt": self.facet.label_lt, "en": self.facet.label_en}

    @property
    def terms(self) -> int:
        return terms_of(self.facet).count()

    @property
    def parent(self) -> str | None:
        return self.facet.parent_facet


class VocabularyOut(Schema):
    key: str
    labels: Labels
    terms: int
    parent: FacetKey | None = Field(description="In a hierarchy: the vocabulary holding the "
                                                "`parent` of each term")


class TermUsage(LabelledTermOut):
    """A term, with the `usage` the operation counted, its `parent` in a hierarchy (a target
    group's broader group, a municipality's county, a county's region) and, for a term whose
    official name is hard to read, an easy-read `description` in the answer's language."""

    usage: int
    parent: str | None = Field(description="The slug of the broader term, in the vocabulary "
                                           "the taxonomy's `parent` names")
    description: str | None = None

    @staticmethod
    def resolve_description(term: Term, context: dict) -> str | None:
        return term.description(Context.of_validation(context).language)


class TaxonomyOut(VocabularyOut):
    term_list: list[TermUsage]


class TaxonomyParams(AnswerLanguage):
    language: list[Language] = Field(
        [], description="Count usage in pages of these languages; repeatable")


def terms_of(facet: Facet) -> QuerySet[Term]:
    return apps.get_model(facet.vocabulary).objects.order_by("slug")


@router.get("/", response={200: list[VocabularyOut], **ERRORS}, openapi_extra=PROBLEMS,
            operation_id="list_taxonomies", summary="Vocabularies")
def list_taxonomies(request: HttpRequest,
                    params: Query[AnswerLanguage]):  # type: ignore[valid-type]
    require_known(request, AnswerLanguage)
    return [Vocabulary(facet) for facet in VOCABULARIES.values()]


@router.get("/{key}/", response={200: TaxonomyOut, **ERRORS}, openapi_extra=PROBLEMS,
            operation_id="get_taxonomy", summary="A vocabulary's terms and their usage")
def get_taxonomy(request: HttpRequest, key: str, params: Query[TaxonomyParams]):
    """`usage`: how many published pages (in the `language`s, when given) carry the term."""
    require_known(request, TaxonomyParams)
    facet = VOCABULARIES.get(key)
    if facet is None:
        raise ApiProblem(404, _("There is no vocabulary “%(key)s”.") % {"key": key}, "key")
    filters = {"language": params.language}
    counts = get_engine().search(SearchQuery(filters=filters, page_size=1)).facets[key]
    usage = {value.value: value.count for value in counts}
    parents = facet.value_parents()
    terms = list(terms_of(facet))
    for term in terms:
        term.usage = usage.get(term.slug, 0)
        term.parent = parents.get(term.slug)
    return Vocabulary(facet, terms)
