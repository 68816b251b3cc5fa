"""Faceted search and autocomplete over the public search index."""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from ninja import Query, Router, Schema

from cms.api.answer_cache import search_answer
from cms.api.caching import mark_incomplete
from cms.api.pagination import link_header, total_pages
from cms.api.params import require_known, require_terms
from cms.api.problems import Problem, problem_responses
from cms.api.search_schemas import (
    CursorPage,
    SearchOut,
    SearchParams,
    Suggestion,
    SuggestParams,
    query_of,
)
from cms.searching import MAX_RESULT_WINDOW, count_search, next_cursor, run_and_mean
from pages.models import Municipality
from search.engines import get_engine

router = Router(tags=["search"])
ERRORS = {400: Problem, 404: Problem}
PROBLEMS = {"responses": problem_responses(400, 404)}


class SuggestOut(Schema):
    q: str
    results: list[Suggestion]


@router.get("/", response={200: SearchOut, **ERRORS}, openapi_extra=PROBLEMS,
            operation_id="search", summary="Search with filters (facets)")
def search(request: HttpRequest, response: HttpResponse,
           params: Query[SearchParams]):  # type: ignore[valid-type]
    """Each facet is a separate, repeatable parameter, e.g.
    `?target_group=senyvo-amziaus-asmenys&target_group=asmenys-su-negalia&municipality=alytus`.
    Facet counts are disjunctive: a facet's counts ignore its own selected values.
    `facet_info` says how to show each facet, in order; labels are in `lang`, else in the best
    match of Accept-Language.

    `budget_min`, `budget_max` (EUR) and `date_from`, `date_to` bound the results (inclusive);
    `stats` gives each bounded value's least and greatest over the matches. Page numbers reach
    the first 10,000 results (`page` × `page_size`); `next_cursor` pages through all of them
    (`cursor`). The `Link` header links the first, previous, next and last pages.
    `did_you_mean` offers a search for words that are in the index when those of `q` are
    not."""
    require_known(request, SearchParams)
    if params.lang is None:
        patch_vary_headers(response, ["Accept-Language"])
    query = query_of(params)

    def cursor_page() -> CursorPage:
        found, suggestion = run_and_mean(query, on_incomplete=lambda: mark_incomplete(request))
        answer = CursorPage(**vars(found), next_cursor=next_cursor(query, found),
                            did_you_mean=suggestion)
        response["Link"] = link_header(request, query.page,
                                       total_pages(found.count, query.page_size),
                                       MAX_RESULT_WINDOW // query.page_size, answer.next_cursor)
        return answer

    return search_answer(request, response, SearchOut, cursor_page,
                         on_count=lambda count: count_search(request, query, found=count > 0))


@router.get("/suggest/", response={200: SuggestOut, **ERRORS}, openapi_extra=PROBLEMS,
            operation_id="suggest", summary="Title suggestions while typing")
def suggest(request: HttpRequest, response: HttpResponse, params: Query[SuggestParams]):
    require_known(request, SuggestParams)

    def suggestions() -> dict:
        if params.municipality:
            require_terms("municipality", Municipality, [params.municipality])
        rows = get_engine().suggest(params.q, params.lang, params.municipality, params.limit)
        return {"q": params.q, "results": rows}

    return search_answer(request, response, SuggestOut, suggestions)
