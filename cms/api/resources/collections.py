"""Collections: saved searches whose detail carries the live results."""

from typing import Any

from ninja import Schema

from cms.api import jsonld
from cms.api.registry import Context, PageResource, on_request_host, register
from cms.api.resources.base import COLLECTION, PageFilters, PageOut, RichText, Translated
from cms.api.search_schemas import SearchOut
from cms.searching import known_filters, run, search_query
from pages.listing import SORTS
from pages.models import CollectionPage
from search.query import MAX_PAGE_SIZE, SearchQuery, SearchResponse


class CollectionFilters(PageFilters):
    pass


class SavedQuery(Schema):
    """A collection's saved search, read from the collection page."""

    q: str
    filters: dict[str, list[str]]
    sort: str

    @staticmethod
    def resolve_q(page: CollectionPage) -> str:
        return page.query_text

    @staticmethod
    def resolve_filters(page: CollectionPage) -> dict[str, list[str]]:
        return known_filters(page.filter_values)


class CollectionSummary(PageOut):
    intro: RichText
    query: SavedQuery

    @staticmethod
    def resolve_query(page: CollectionPage) -> CollectionPage:
        return page


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


def with_live_results(page: CollectionPage) -> CollectionPage:
    """The page, its live results read (the resource's `prepared`)."""
    page.results_found = live_results(page)[1]
    return page


class CollectionDetail(CollectionSummary, Translated):
    results: SearchOut

    @staticmethod
    def resolve_results(page: CollectionPage) -> SearchResponse:
        return page.results_found


def json_ld(page: CollectionPage, context: Context) -> dict[str, Any]:
    _query, response = live_results(page)
    items = [{"@type": "ListItem", "position": position,
              "url": on_request_host(hit.url, context.request), "name": hit.title}
             for position, hit in enumerate(response.hits, start=1)]
    return jsonld.thing(page, context, "CollectionPage", mainEntity={
        "@type": "ItemList", "numberOfItems": response.count, "itemListElement": items})


register(PageResource(
    key="collections", content_type=COLLECTION, model=CollectionPage,
    filters=CollectionFilters, summary_schema=CollectionSummary,
    detail_schema=CollectionDetail, json_ld=json_ld,
    select_related=("locale",), prepared=with_live_results,
))
