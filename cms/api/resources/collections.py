"""Collections: saved searches whose detail carries the live results."""

from typing import Any

from ninja import Schema

from cms.api import jsonld
from cms.api.registry import Context, PageResource, register
from cms.api.resources.base import PageFilters, PageOut, page_fields, rich_text
from cms.api.search_schemas import SearchOut, search_payload
from cms.searching import known_filters, run, search_query
from pages.models import CollectionPage
from search.query import MAX_PAGE_SIZE, SORTS, SearchQuery, SearchResponse


class CollectionFilters(PageFilters):
    pass


class SavedQuery(Schema):
    q: str
    filters: dict[str, list[str]]
    sort: str


class CollectionSummary(PageOut):
    intro: str
    query: SavedQuery


class CollectionDetail(CollectionSummary):
    results: SearchOut


def summary(page: CollectionPage, context: Context) -> dict[str, Any]:
    return {**page_fields(page, context, "collection"), "intro": rich_text(page.intro),
            "query": {"q": page.query_text, "filters": known_filters(page.filter_values),
                      "sort": page.sort}}


def saved_query(page: CollectionPage, result_page: int = 1) -> SearchQuery:
    """The collection's saved search as it can run today: filter values renamed or deleted
    since it was saved are left out, and a sort or size no longer offered falls back to the
    default, so a published collection always shows."""
    return search_query(known_filters(page.filter_values), text=page.query_text,
                        sort=page.sort if page.sort in SORTS else "newest", page=result_page,
                        page_size=min(max(page.page_size, 1), MAX_PAGE_SIZE),
                        language=page.language)


def live_results(page: CollectionPage, result_page: int = 1) -> tuple[SearchQuery,
                                                                      SearchResponse]:
    query = saved_query(page, result_page)
    return query, run(query)


def detail(page: CollectionPage, context: Context) -> dict[str, Any]:
    query, response = live_results(page)
    return {**summary(page, context), "results": search_payload(query, response)}


def json_ld(page: CollectionPage, context: Context) -> dict[str, Any]:
    _query, response = live_results(page)
    items = [{"@type": "ListItem", "position": position, "url": hit.url, "name": hit.title}
             for position, hit in enumerate(response.hits, start=1)]
    return jsonld.thing(page, context, "CollectionPage", mainEntity={
        "@type": "ItemList", "numberOfItems": response.count, "itemListElement": items})


register(PageResource(
    key="collections", content_type="collection", model=CollectionPage,
    filters=CollectionFilters, summary_schema=CollectionSummary,
    detail_schema=CollectionDetail, summary=summary, detail=detail, json_ld=json_ld,
    select_related=("locale",),
))
