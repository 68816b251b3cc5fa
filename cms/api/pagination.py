"""Numbered pages of a list: `page` and `page_size` in, `{count, page, page_size, total_pages,
results}` out, with a `Link` header (RFC 8288) to the first, previous, next and last pages. The
search endpoint reads the same two parameters (its engine cuts the pages) and links the same
way."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from cms.api.params import WholeNumber
from cms.searching import DEFAULT_PAGE_SIZE, MAX_RESULT_WINDOW
from search.query import MAX_PAGE_SIZE, QueryError

LAST_PAGE = MAX_RESULT_WINDOW  # the page of the last result reachable, at one per page


class PageNumberInput(Schema):
    page: WholeNumber = Field(1, ge=1, le=LAST_PAGE, description=(
        f"From 1. A search reaches its first {MAX_RESULT_WINDOW:,} results by page number "
        f"(page × page_size ≤ {MAX_RESULT_WINDOW:,}); it pages further with `cursor`."))
    page_size: WholeNumber = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


def total_pages(count: int, page_size: int) -> int:
    """The number of pages; the first page always exists, even empty."""
    return max(1, -(-count // page_size))


def link_header(request: HttpRequest, page: int, pages: int, last_numbered: int,
                next_cursor: str | None = None) -> str:
    """Links to the first, previous, next and last pages, each the request's address with its
    `page` (or, past the pages reachable by number and when paging by cursor, the next page's
    `cursor`). A page beyond `last_numbered` is linked by cursor only."""

    def address(name: str, value: str | int) -> str:
        params = request.GET.copy()
        for paging in ("page", "cursor"):
            params.pop(paging, None)
        params[name] = str(value)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    links = {"first": address("page", 1)}
    if 1 < page <= last_numbered + 1:
        links["prev"] = address("page", page - 1)
    if page < pages:
        if page < last_numbered and "cursor" not in request.GET:
            links["next"] = address("page", page + 1)
        elif next_cursor:
            links["next"] = address("cursor", next_cursor)
    if pages <= last_numbered:
        links["last"] = address("page", pages)
    return ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items())


class PageNumbers(PaginationBase):
    """A page past the last one is refused (the first page always exists, even empty)."""

    Input = PageNumberInput
    items_attribute = "results"

    class Output(Schema):
        count: int
        page: int
        page_size: int
        total_pages: int = Field(description="The number of pages (at least 1)")
        results: list[Any]

    def paginate_queryset(self, queryset: QuerySet, pagination: PageNumberInput,
                          request: HttpRequest, response: HttpResponse | None = None,
                          **params: Any) -> dict[str, Any]:
        """Sets the `Link` header on the operation's `response` when it takes one."""
        count = self._items_count(queryset)
        start = (pagination.page - 1) * pagination.page_size
        if pagination.page > 1 and start >= count:
            raise QueryError("page", _("There is no page %(page)s: only %(count)s items.")
                             % {"page": pagination.page, "count": count})
        pages = total_pages(count, pagination.page_size)
        if response is not None:
            response["Link"] = link_header(request, pagination.page, pages, LAST_PAGE)
        return {"count": count, "page": pagination.page, "page_size": pagination.page_size,
                "total_pages": pages, "results": list(queryset[start:start + pagination.page_size])}
