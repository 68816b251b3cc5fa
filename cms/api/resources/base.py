"""Schemas and serializers shared by every page resource."""

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, BeforeValidator
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from cms.api.registry import Context
from search.query import MAX_PAGE_SIZE

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$")


def iso_only(value: Any) -> Any:
    """Dates and times as ISO 8601 text only; pydantic would also take numbers as timestamps."""
    if not isinstance(value, str) or not ISO_DATE.match(value):
        raise ValueError("expected an ISO 8601 date, e.g. 2024-05-31")
    return value


def in_utc(value: datetime) -> datetime:
    """Aware and in UTC (databases refuse odd offsets such as -23:33); naive means Vilnius."""
    try:
        aware = value if value.tzinfo else timezone.make_aware(value)
        return aware.astimezone(UTC)
    except (OverflowError, ValueError) as error:
        raise ValueError("date out of range") from error


IsoDate = Annotated[date, BeforeValidator(iso_only)]
IsoDateTime = Annotated[datetime, BeforeValidator(iso_only), AfterValidator(in_utc)]
Language = Literal["lt", "en"]
Ordering = Literal["title", "-title", "date", "-date"]


class TermOut(Schema):
    slug: str
    label: str


class PageRef(Schema):
    id: int
    title: str
    url: str


class PageOut(Schema):
    id: int
    type: str
    title: str
    slug: str
    url: str
    locale: str
    site: str | None
    municipality: str | None = Field(description="The municipality on whose site the page is "
                                                 "published")
    translation_key: str
    first_published_at: datetime | None
    last_published_at: datetime | None


class Paging(Schema):
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


class PageFilters(Paging):
    municipality: list[str] = Field([], description="Municipality slugs")
    locale: Language | None = None
    date_from: IsoDate | None = Field(None, description="From date (YYYY-MM-DD)")
    date_to: IsoDate | None = Field(None, description="To date (YYYY-MM-DD)")
    updated_since: IsoDateTime | None = Field(None, description="Published or updated since "
                                                                "(ISO 8601)")
    ordering: Ordering = "title"


class DetailParams(Schema):
    format: Literal["json", "jsonld"] = "json"


def language_of(page: Page) -> str:
    return page.locale.language_code


def terms(related, language: str) -> list[dict[str, str]]:
    return [{"slug": term.slug, "label": term.label(language)} for term in related.all()]


def term(value, language: str) -> dict[str, str] | None:
    return {"slug": value.slug, "label": value.label(language)} if value else None


def page_ref(page: Page | None, context: Context) -> dict[str, Any] | None:
    """A reference to a public page; None for any other, which is never named."""
    if page is None or not context.is_public(page):
        return None
    return {"id": page.pk, "title": page.title, "url": context.url(page)}


def page_refs(pages: Iterable[Page], context: Context) -> list[dict[str, Any]]:
    return [ref for page in pages if (ref := page_ref(page, context))]


def number(amount: Decimal | None) -> float | None:
    return float(amount) if amount is not None else None


def rich_text(html: str) -> str:
    return expand_db_html(html) if html else ""


def page_fields(page: Page, context: Context, content_type: str) -> dict[str, Any]:
    home = context.directory.home_of(page)
    return {
        "id": page.pk, "type": content_type, "title": page.title, "slug": page.slug,
        "url": context.url(page), "locale": language_of(page),
        "site": context.directory.site_slug(home) if home else None,
        "municipality": home.municipality.slug if home and home.municipality else None,
        "translation_key": str(page.translation_key),
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
    }
