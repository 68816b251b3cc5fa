"""Collections ("rinkiniai"): saved searches whose detail carries the live results."""

from typing import Any

from ninja import Schema

from cms.api import jsonld
from cms.api.registry import Context, PageResource, register
from cms.api.resources.base import PageFilters, PageOut, page_fields, rich_text
from cms.api.search_schemas import SearchOut, search_payload
from cms.searching import run, search_query
from pages.models import CollectionPage


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
            "query": {"q": page.query_text, "filters": page.filter_values, "sort": page.sort}}


def live_results(page: CollectionPage, result_page: int = 1):
    query = search_query(page.filter_values, text=page.query_text, sort=page.sort,
                         page=result_page, page_size=page.page_size, language=page.language)
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
