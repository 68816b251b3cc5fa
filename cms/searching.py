"""One way from request parameters to a SearchQuery: the API, the residents' page and
collections all parse and validate searches here, so they accept and reject the same input."""

import re
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _

from pages.listing import parsed_whole_number
from pages.models import CollectionPage, FundingMeasurePage
from search.engines import get_engine
from search.facets import FACETS_BY_KEY, Facet
from search.query import MAX_PAGE_SIZE, QueryError, SearchQuery, SearchResponse

DEFAULT_PAGE_SIZE = 20
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's from + size limit; deeper pages are refused
YEAR = re.compile(r"(19|20)[0-9]{2}")


def known_values(facet: Facet, values: list[str]) -> set[str]:
    """Those of `values` that can be a value of this facet."""
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
                 municipality: str | None = None) -> SearchQuery:
    query = SearchQuery(text=text, filters=checked_filters(filters), sort=sort, page=page,
                        page_size=page_size, language=language, municipality=municipality)
    if query.offset + query.page_size > MAX_RESULT_WINDOW:
        raise QueryError("page", _("Only the first %(limit)s results can be viewed.")
                          % {"limit": MAX_RESULT_WINDOW})
    return query


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
    if query.page > 1 and query.offset >= response.count:
        raise QueryError("page", _("There is no page %(page)s: only %(count)s results.")
                          % {"page": query.page, "count": response.count})
    return response
