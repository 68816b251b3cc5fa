"""Query parameter checks the schemas cannot express, shared by every operation."""

import re
from typing import Annotated, Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from pages.listing import parsed_whole_number
from search.query import QueryError

MAX_ID = 2**63 - 1  # the largest id a database's 64-bit integer column can hold
AMOUNT = re.compile(r"[0-9]{1,12}(\.[0-9]{1,2})?")


def is_page_id(value: int) -> bool:
    """Whether this number can be the id of a page; the database refuses to compare larger
    ones (SQLite raises OverflowError)."""
    return 0 < value <= MAX_ID


def written_in_digits(value: Any) -> Any:
    """A query parameter's number only when written in ASCII digits; Pydantic would also take
    blanks, signs, underscores and other scripts' digits."""
    if isinstance(value, str) and parsed_whole_number(value) is None:
        raise PydanticCustomError("int_parsing", "not a whole number")
    return value


WholeNumber = Annotated[int, BeforeValidator(written_in_digits)]


def at_least(minimum: int) -> Any:
    """A `WholeNumber` of at least `minimum`, also where it may be absent (`at_least(1) | None`):
    bounds given to the field of a union would reach the OpenAPI document as Pydantic's `ge`,
    not JSON Schema's `minimum`."""
    return Annotated[int, Field(ge=minimum), BeforeValidator(written_in_digits)]


def written_as_amount(value: Any) -> Any:
    """An amount of euros only as digits with at most two decimals (`1500`, `99.5`); Pydantic
    would also take exponents, `inf` and `nan`."""
    if isinstance(value, str) and not AMOUNT.fullmatch(value):
        raise PydanticCustomError("float_parsing", "not an amount such as 1500 or 99.50")
    return value


Amount = Annotated[float, Field(ge=0, lt=10**12), BeforeValidator(written_as_amount)]


def require_known(request: HttpRequest, *schemas: type[Schema]) -> None:
    """Refuse parameters no schema declares, so a typo never silently widens a query."""
    allowed = {name for schema in schemas for name in schema.model_fields}
    for name in request.GET:
        if name not in allowed:
            raise QueryError(name, _("Unknown parameter “%(name)s”; allowed: %(allowed)s.")
                             % {"name": name, "allowed": ", ".join(sorted(allowed))})


def require_terms(parameter: str, vocabulary: type, slugs: list[str]) -> list[str]:
    """The slugs, when each is a term of the vocabulary."""
    wanted = sorted(set(slugs))
    found = set(vocabulary.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    if unknown := [slug for slug in wanted if slug not in found]:
        raise QueryError(parameter, _("Unknown value of “%(name)s”: %(values)s.")
                         % {"name": parameter, "values": ", ".join(unknown)})
    return wanted


def any_of(pages: QuerySet, condition: Q) -> QuerySet:
    """Filter by a condition that may join many rows, without duplicating pages."""
    return pages.filter(pk__in=pages.model.objects.filter(condition).values("pk"))
