"""Shared vocabularies: labels in both languages and how many published pages use each term."""

from typing import Literal

from django.apps import apps
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from cms.api.params import require_known
from cms.api.problems import ApiProblem, Problem, problem_responses
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


class Labels(Schema):
    lt: str
    en: str


class VocabularyOut(Schema):
    key: str
    labels: Labels
    terms: int


class TermUsage(Schema):
    slug: str
    label: str
    labels: Labels
    usage: int


class TaxonomyOut(VocabularyOut):
    term_list: list[TermUsage]


class TaxonomyParams(Schema):
    lang: Literal["lt", "en"] = "lt"
    language: list[Literal["lt", "en"]] = Field(
        [], description="Count usage in pages of these languages; repeatable")


def terms_of(facet: Facet) -> QuerySet[Term]:
    return apps.get_model(facet.vocabulary).objects.order_by("slug")


def labels_of(facet: Facet) -> dict[str, str]:
    return {"lt": facet.label_lt, "en": facet.label_en}


@router.get("/", response={200: list[VocabularyOut], **ERRORS}, openapi_extra=PROBLEMS,
            operation_id="list_taxonomies", summary="Vocabularies")
def list_taxonomies(request: HttpRequest):
    require_known(request)
    return [{"key": key, "labels": labels_of(facet), "terms": terms_of(facet).count()}
            for key, facet in VOCABULARIES.items()]


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
    terms = list(terms_of(facet))
    return {"key": key, "labels": labels_of(facet), "terms": len(terms),
            "term_list": [{"slug": term.slug, "label": term.label(params.lang),
                           "labels": term.labels(), "usage": usage.get(term.slug, 0)}
                          for term in terms]}
