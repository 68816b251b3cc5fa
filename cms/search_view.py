"""What the search page and collection templates show, computed from a query and its response:
facets with counts, active-filter chips, results with highlights, pagination and sort."""

from dataclasses import dataclass
from math import ceil
from urllib.parse import urlencode

from django.http import HttpRequest, QueryDict
from django.utils import translation
from django.utils.safestring import mark_safe

from cms.api.search_schemas import only_marks
from cms.search_texts import PLACE_FACETS, VALUES_SHOWN, VISIBLE_FACETS, results_summary
from pages.listing import SORT_LABELS
from search.facets import FACETS_BY_KEY
from search.query import SearchQuery, SearchResponse


@dataclass
class Chip:
    facet: str
    label: str
    remove_url: str


def url_with(params: QueryDict, **changes: list[str]) -> str:
    """`?…` with some parameters replaced (an empty list removes one); the page resets."""
    copy = params.copy()
    copy.pop("page", None)
    for key, values in changes.items():
        copy.setlist(key, values)
    return "?" + copy.urlencode() if copy else "?"


def facet_views(query: SearchQuery, response: SearchResponse, hidden: tuple[str, ...]) -> list:
    views = []
    for key in VISIBLE_FACETS:
        if key in hidden:
            continue
        values = [value for value in response.facets.get(key, [])
                  if value.count or value.selected]
        if not values:
            continue
        facet = FACETS_BY_KEY[key]
        views.append({"key": key, "label": facet.label(query.language),
                      "shown": values[:VALUES_SHOWN], "more": values[VALUES_SHOWN:],
                      "open": any(value.selected for value in values) or len(views) < 3})
    return views


def chips(params: QueryDict, query: SearchQuery, response: SearchResponse,
          hidden: tuple[str, ...]) -> list[Chip]:
    labels = {key: {value.value: value.label for value in values}
              for key, values in response.facets.items()}
    return [Chip(FACETS_BY_KEY[key].label(query.language), labels[key].get(value, value),
                 url_with(params, **{key: [other for other in values if other != value]}))
            for key, values in query.filters.items() if key not in hidden for value in values]


def result_views(query: SearchQuery, response: SearchResponse) -> list[dict]:
    kinds = FACETS_BY_KEY["content_type"].value_labels(query.language)
    places = {value.value: value.label for value in response.facets.get("municipality", [])}
    return [{"title": hit.title, "url": hit.url, "date": hit.date,
             "type": kinds.get(hit.content_type, hit.content_type),
             "places": [places.get(slug, slug) for slug in hit.municipality],
             "snippet": mark_safe(only_marks(hit.highlight))}
            for hit in response.hits]


def page_url(params: QueryDict, number: int) -> str:
    return url_with(params, page=[str(number)]) if number > 1 else url_with(params)


def pagination(params: QueryDict, query: SearchQuery, count: int) -> dict | None:
    last = max(1, ceil(count / query.page_size))
    if last == 1:
        return None
    numbers = sorted({1, last, *range(max(1, query.page - 2), min(last, query.page + 2) + 1)})
    return {
        "numbers": [{"number": number, "current": number == query.page,
                     "url": page_url(params, number)} for number in numbers],
        "previous": page_url(params, query.page - 1) if query.page > 1 else None,
        "next": page_url(params, query.page + 1) if query.page < last else None,
    }


def results_context(request: HttpRequest, query: SearchQuery, response: SearchResponse,
                    hidden: tuple[str, ...]) -> dict:
    params = request.GET
    language = query.language
    with translation.override(language):
        count_text = results_summary(response.count, query.text)
        sorts = [(sort, str(label)) for sort, label in SORT_LABELS.items()]
    return {
        "query": query, "count": response.count, "count_text": count_text,
        "facets": facet_views(query, response, hidden + ("language",)),
        "chips": chips(params, query, response, hidden), "results": result_views(query, response),
        "pagination": pagination(params, query, response.count),
        "sorts": sorts,
        "clear_url": "?" + urlencode({"q": query.text}) if query.text else "?",
        "place_facets": PLACE_FACETS,
    }

