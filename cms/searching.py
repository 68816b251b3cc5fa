"""One way from request parameters to a SearchQuery: the API, the residents' page and
collections all parse and validate searches here, so they accept and reject the same input."""

import logging
import re
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextvars import copy_context
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _

from cms.scope import site_scope
from pages.listing import parsed_whole_number
from pages.models import CollectionPage, FundingMeasurePage
from search import searched_texts
from search.engines import get_engine
from search.engines.base import SearchUnavailable
from search.facets import FACETS_BY_KEY, Facet
from search.query import MAX_PAGE_SIZE, Bounds, QueryError, SearchQuery, SearchResponse
from search.suggestions import did_you_mean

logger = logging.getLogger(__name__)

SUGGESTERS = ThreadPoolExecutor(4, thread_name_prefix="did-you-mean")  # see `run_and_mean`

DEFAULT_PAGE_SIZE = 20
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's from + size limit; deeper pages are refused
CURSOR_SALT = "search-cursor"
YEAR = re.compile(r"(19|20)[0-9]{2}")


def known_values(facet: Facet, values: list[str]) -> set[str]:
    """Those of `values` that can be a value of this facet."""
    if not values:
        return set()
    if facet.key == "measure":
        return set(FundingMeasurePage.objects.filter(code__in=values)
                   .values_list("code", flat=True))
    if facet.key == "start_year":
        return {value for value in values if YEAR.fullmatch(value)}
    return set(values) & set(facet.value_labels("lt"))


def checked_filters(filters: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """Facet filters with blank values dropped; unknown keys or values raise QueryError."""
    checked = {}
    for key, values in filters.items():
        facet = FACETS_BY_KEY.get(key)
        if facet is None:
            raise QueryError(key, _("Unknown parameter “%(name)s”.") % {"name": key})
        values = sorted({value.strip() for value in values if value.strip()})
        if unknown := sorted(set(values) - known_values(facet, values)):
            raise QueryError(key, _("Unknown value of the filter “%(name)s”: %(values)s.")
                             % {"name": key, "values": ", ".join(unknown)})
        if values:
            checked[key] = values
    return checked


def known_filters(filters: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """Facet filters with unknown keys and values dropped: a saved search whose term was
    renamed or deleted since goes on without it."""
    known = {}
    for key, values in filters.items():
        if (facet := FACETS_BY_KEY.get(key)) is not None:
            values = [value.strip() for value in values if "\x00" not in value]
            if kept := sorted(known_values(facet, values)):
                known[key] = kept
    return known


def whole_number(parameter: str, raw: str | None, default: int) -> int:
    if raw in (None, ""):
        return default
    number = parsed_whole_number(raw)
    if number is None:
        raise QueryError(parameter, _("“%(name)s” must be a positive whole number.")
                          % {"name": parameter})
    return number


def refuse_nul(params: Mapping[str, list[str]] | QueryDict) -> None:
    """A NUL character can be in no name or value (PostgreSQL refuses it in any text)."""
    lists = params.lists() if isinstance(params, QueryDict) else params.items()
    for key, values in lists:
        if "\x00" in key or any("\x00" in value for value in values):
            name = key.replace("\x00", "")
            raise QueryError(name, _("The parameter “%(name)s” holds the forbidden character NUL.")
                              % {"name": name})


def search_query(filters: Mapping[str, list[str]], *, text: str = "", sort: str = "relevance",
                 page: int = 1, page_size: int = DEFAULT_PAGE_SIZE, language: str = "lt",
                 municipality: str | None = None, ranges: dict[str, Bounds] | None = None,
                 cursor: str | None = None) -> SearchQuery:
    """The search asked for; with a `cursor` (see `next_cursor`), the page after the one that
    gave it, however deep: `page` must then be left at 1."""
    after = None
    if cursor is not None:
        if page != 1:
            raise QueryError("cursor", _("Give either “page” or “cursor”, not both."))
        page, after = cursor_position(cursor, sort, page_size)
    query = SearchQuery(text=text, filters=checked_filters(filters), sort=sort, page=page,
                        page_size=page_size, language=language, municipality=municipality,
                        ranges=ranges or {}, after=after)
    if after is None and query.offset + query.page_size > MAX_RESULT_WINDOW:
        raise QueryError("page", _("Only the first %(limit)s results can be reached by page "
                                   "number; page further with “cursor”.")
                          % {"limit": MAX_RESULT_WINDOW})
    return query


def next_cursor(query: SearchQuery, response: SearchResponse) -> str | None:
    """An opaque, signed token of the page after the response's: its sort, the number of
    results before it and the engine's sort key of the last result shown. The same page gives
    the same token (the answer's ETag stays)."""
    if response.next_after is None:
        return None
    shown = query.offset + len(response.hits)
    return signing.Signer(salt=CURSOR_SALT).sign_object(
        {"engine": type(get_engine()).__name__, "sort": query.sort, "before": shown,
         "after": response.next_after}, compress=True)


def cursor_position(cursor: str, sort: str, page_size: int) -> tuple[int, list[Any]]:
    """The page number a cursor's page has at this page size, and its engine's sort key."""
    try:
        position = signing.Signer(salt=CURSOR_SALT).unsign_object(cursor)
    except signing.BadSignature as error:
        raise QueryError("cursor", _("This cursor is not one the search gave.")) from error
    if position["engine"] != type(get_engine()).__name__:
        raise QueryError("cursor", _("The search has changed since this cursor was given; "
                                     "start again from the first page."))
    if position["sort"] != sort:
        raise QueryError("cursor", _("This cursor pages a search sorted by “%(sort)s”.")
                          % {"sort": position["sort"]})
    return position["before"] // page_size + 1, position["after"]


def check_collection_search(page: CollectionPage) -> None:
    """Refuse a collection whose saved search this parser would refuse, naming the field."""
    try:
        search_query(page.filter_values, text=page.query_text, sort=page.sort,
                     language=page.language)
    except QueryError as error:
        field = "sort" if error.parameter == "sort" else "filters"
        raise ValidationError({field: f"{error.parameter}: {error}"}) from error


def query_from_params(params: QueryDict, *, language: str = "lt",
                      municipality: str | None = None,
                      fixed: Mapping[str, list[str]] | None = None) -> SearchQuery:
    """Parse a QueryDict; `fixed` filters always apply. Parameters that are neither a search
    parameter nor a facet are passed over: the API refuses them before (`require_known`), the
    residents' page ignores them."""
    refuse_nul(params)
    facet_keys = [key for key in params if key in FACETS_BY_KEY]
    page_size = whole_number("page_size", params.get("page_size"), DEFAULT_PAGE_SIZE)
    if page_size > MAX_PAGE_SIZE:
        raise QueryError("page_size", _("The page size must be from 1 to %(largest)s.")
                          % {"largest": MAX_PAGE_SIZE})
    filters = {key: params.getlist(key) for key in facet_keys} | dict(fixed or {})
    return search_query(filters, text=params.get("q", ""),
                        sort=params.get("sort") or "relevance",
                        page=whole_number("page", params.get("page"), 1), page_size=page_size,
                        language=params.get("lang") or language, municipality=municipality)


def run(query: SearchQuery) -> SearchResponse:
    """Search, refusing a page beyond the last one (the first page always exists)."""
    response = get_engine().search(query)
    if query.after is None and query.page > 1 and query.offset >= response.count:
        raise QueryError("page", _("There is no page %(page)s: only %(count)s results.")
                          % {"page": query.page, "count": response.count})
    return response


def only(values: list[str] | None) -> str | None:
    return values[0] if values and len(values) == 1 else None


def is_first_page_of_words(query: SearchQuery) -> bool:
    return bool(query.text) and query.after is None and query.page == 1


def count_search(request: HttpRequest, query: SearchQuery, found: bool) -> None:
    """The first page of a search for words (not a cursor's) counted in the site's search
    statistics (`search.searched_texts`), whether or not its answer was kept from before."""
    if is_first_page_of_words(query) and (scope := site_scope(request)):
        searched_texts.record(scope.site.pk, query.text, found=found)


def meant(query: SearchQuery) -> str | None:
    """On the first page of a search for words, the query the resident may have meant
    (`search.suggestions`, over the public pages of the search's municipality and language)."""
    if not is_first_page_of_words(query):
        return None
    municipality = query.municipality or only(query.filters.get("municipality"))
    return did_you_mean(get_engine(), query.text, query.language, municipality,
                        query.filters.get("language", []))


def run_and_mean(query: SearchQuery, on_incomplete: Callable[[], None] | None = None,
                 ) -> tuple[SearchResponse, str | None]:
    """`run`, with the query the resident may have `meant`: asked side by side where the engine
    answers both without the database, as the suggestion costs round trips of its own. A
    suggestion the engine could not give (`SearchUnavailable`) leaves the results without
    it, and `on_incomplete` is told."""
    if not (is_first_page_of_words(query) and get_engine().talks_only_to_its_server):
        return run(query), meant(query)
    suggesting = SUGGESTERS.submit(copy_context().run, meant, query)  # the same generations
    found = run(query)
    try:
        return found, suggesting.result()
    except SearchUnavailable as error:
        logger.warning("A search answered without „did you mean“: %s", error)
        if on_incomplete:
            on_incomplete()
        return found, None


def searched(request: HttpRequest, query: SearchQuery) -> tuple[SearchResponse, str | None]:
    """`run_and_mean`, the search counted (`count_search`)."""
    response, suggestion = run_and_mean(query)
    count_search(request, query, found=bool(response.count))
    return response, suggestion
