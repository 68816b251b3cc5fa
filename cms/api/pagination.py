"""Numbered pages of a list: `page` and `page_size` in, `{count, page, page_size, results}` out.
The search endpoint reads the same two parameters (its engine cuts the pages)."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from cms.api.params import WholeNumber
from cms.searching import DEFAULT_PAGE_SIZE
from search.query import MAX_PAGE_SIZE, QueryError

LAST_PAGE = 10_000


class PageNumberInput(Schema):
    page: WholeNumber = Field(1, ge=1, le=LAST_PAGE)
    page_size: WholeNumber = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class PageNumbers(PaginationBase):
    """A page past the last one is refused (the first page always exists, even empty)."""

    Input = PageNumberInput
    items_attribute = "results"

    class Output(Schema):
        count: int
        page: int
        page_size: int
        results: list[Any]

    def paginate_queryset(self, queryset: QuerySet, pagination: PageNumberInput,
                          request: HttpRequest, **params: Any) -> dict[str, Any]:
        count = self._items_count(queryset)
        start = (pagination.page - 1) * pagination.page_size
        if pagination.page > 1 and start >= count:
            raise QueryError("page", _("There is no page %(page)s: only %(count)s items.")
                             % {"page": pagination.page, "count": count})
        return {"count": count, "page": pagination.page, "page_size": pagination.page_size,
                "results": list(queryset[start:start + pagination.page_size])}
