"""Schemas shared by every page resource, and the resolvers that read their fields from a page.

A field that is a page's attribute of the same name is declared by its annotation alone; a
field computed from the page names a resolver (`resolve_<field>`), usually one made here."""

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import lru_cache
from operator import attrgetter
from typing import Annotated, Any
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, BeforeValidator
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from cms.api.openapi import API_NAMESPACE, api_enum
from cms.api.params import MAX_ID
from cms.api.registry import Context, resource_for
from pages.kinds import CONTENT_KINDS
from pages.listing import SORT_ORDERS

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


def rich_text(html: str) -> str:
    return expand_db_html(html) if html else ""


RichText = Annotated[str, BeforeValidator(rich_text)]  # stored rich text, written out as HTML
COLLECTION = "collection"  # the content type of collections, which are not a content kind
ANY_PAGE_ID = 918273645  # stands for the id in a detail path reversed once (`api_detail_path`)
Language = api_enum("Language", ["lt", "en"])
# The order of search results and lists (`pages.listing.SORT_ORDERS`)
Sort = api_enum("Sort", SORT_ORDERS)
SORT_DESCRIPTION = (
    "`relevance`: best match first (without `q`, and in a list: newest first); `newest`, "
    "`oldest`: by the date (a list: its type's date); `title`: A to Z; `start_date`: latest "
    "start first; `budget`: largest first. A \"-\" in front reverses a sort: `-title` Z to A, "
    "`-start_date` earliest first, `-budget` smallest first. Pages without the value come "
    "last either way; `start_date` and `budget` sort lists of projects only.")
ContentType = api_enum("ContentType", [*CONTENT_KINDS, COLLECTION])


def language_of(page: Page) -> str:
    return page.locale.language_code


def labelled(term, language: str) -> dict[str, Any]:
    """A term's slug and label in a language; a term of a hierarchy (target groups) also
    names its parent, the broader term."""
    broader = term.broader if getattr(term, "broader_id", None) else None
    return {"slug": term.slug, "label": term.label(language),
            "parent": {"slug": broader.slug, "label": broader.label(language)}
            if broader else None}


def terms(related, language: str) -> list[dict[str, str]]:
    return [labelled(term, language) for term in related.all()]


def labelled_term(path: str) -> Callable[[Page], dict[str, str] | None]:
    """A resolver of the term at `path` (dotted), labelled in the page's language."""

    def resolve(page: Page) -> dict[str, str] | None:
        term = attrgetter(path)(page)
        return labelled(term, language_of(page)) if term else None

    return staticmethod(resolve)


def labelled_terms(path: str) -> Callable[[Page], list[dict[str, str]]]:
    """A resolver of the terms related at `path`, labelled in the page's language."""

    def resolve(page: Page) -> list[dict[str, str]]:
        return terms(attrgetter(path)(page), language_of(page))

    return staticmethod(resolve)


def public_page(path: str) -> Callable[[Page, dict], Page | None]:
    """A resolver of the page referred to at `path` when it is public; any other page is
    never named."""

    def resolve(page: Page, context: dict) -> Page | None:
        referred = attrgetter(path)(page)
        return referred if Context.of_validation(context).is_public(referred) else None

    return staticmethod(resolve)


def public_pages(path: str) -> Callable[[Page, dict], list[Page]]:
    """A resolver of the public ones of the pages related at `path`."""

    def resolve(page: Page, context: dict) -> list[Page]:
        directory = Context.of_validation(context)
        return [referred for referred in attrgetter(path)(page).all()
                if directory.is_public(referred)]

    return staticmethod(resolve)


def content_type_of(page: Page) -> str:
    return resource_for(page).content_type


def url_of(page: Page, context: dict) -> str:
    return Context.of_validation(context).url(page)


def path_of(page: Page, context: dict) -> str:
    """The page's address on its site without scheme and host: what `pages/find/` takes."""
    return urlsplit(url_of(page, context)).path


def api_url_of(page: Page, context: dict) -> str:
    request = Context.of_validation(context).request
    return request.build_absolute_uri(api_detail_path(resource_for(page).key, page.pk))


def api_detail_path(resource_key: str, page_id: int) -> str:
    """The path of a page's detail: reversed once per resource, then the id filled in (a
    search answer names twenty)."""
    before, after = _detail_path_around_id(resource_key, get_script_prefix(), get_urlconf())
    return f"{before}{page_id}{after}"


@lru_cache(maxsize=64)
def _detail_path_around_id(resource_key: str, _script_prefix: str,
                           _urlconf: str | None) -> tuple[str, str]:
    path = reverse(f"{API_NAMESPACE}:{resource_key}-detail", kwargs={"page_id": ANY_PAGE_ID})
    before, marker, after = path.rpartition(str(ANY_PAGE_ID))
    if not marker:
        raise ImproperlyConfigured(f"The detail path {path} does not hold its page id.")
    return before, after


class TermOut(Schema):
    slug: str
    label: str


class TargetGroupOut(TermOut):
    parent: TermOut | None = Field(description="The broader group this one belongs to (the "
                                               "search's `target_group` facet counts a page "
                                               "under both)")


class Labels(Schema):
    lt: str
    en: str


def label_in_answer(term: Any, context: dict) -> str:
    """A term's label in the answer's language (`lang`)."""
    return term.label(Context.of_validation(context).language)


class AnswerTermOut(TermOut):
    """A term labelled in the answer's language (`lang`), resolved from the term."""

    resolve_label = staticmethod(label_in_answer)


class LabelledTermOut(AnswerTermOut):
    """A term labelled in the answer's language and in every language."""

    labels: Labels

    @staticmethod
    def resolve_labels(term: Any) -> dict[str, str]:
        return term.labels()


class PageRef(Schema):
    id: int
    title: str
    url: str

    resolve_url = staticmethod(url_of)


class TranslationOut(Schema):
    """A public translation of a page."""

    id: int
    locale: Language
    path: str
    detail_url: str

    resolve_path = staticmethod(path_of)
    resolve_detail_url = staticmethod(api_url_of)
    resolve_locale = staticmethod(language_of)


class PageOut(Schema):
    id: int
    type: ContentType
    title: str
    slug: str
    url: str
    path: str = Field(description="The page's path on its site (see `pages/find/`)")
    locale: str
    site: str | None
    municipality: str | None = Field(description="The municipality on whose site the page is "
                                                 "published")
    translation_key: str
    first_published_at: datetime | None
    last_published_at: datetime | None

    resolve_url = staticmethod(url_of)
    resolve_path = staticmethod(path_of)
    resolve_type = staticmethod(content_type_of)
    resolve_locale = staticmethod(language_of)

    @staticmethod
    def resolve_site(page: Page, context: dict) -> str | None:
        directory = Context.of_validation(context).directory
        home = directory.home_of(page)
        return directory.site_slug(home) if home else None

    @staticmethod
    def resolve_municipality(page: Page, context: dict) -> str | None:
        home = Context.of_validation(context).directory.home_of(page)
        return home.municipality.slug if home and home.municipality else None

    @staticmethod
    def resolve_translation_key(page: Page) -> str:
        return str(page.translation_key)


class Translated(Schema):
    """What every detail adds to its summary: the page's public translations."""

    translations: list[TranslationOut] = Field(description="Its public translations")

    @staticmethod
    def resolve_translations(page: Page, context: dict) -> list[Page]:
        directory = Context.of_validation(context)
        return [translation.specific for translation in
                page.get_translations().live().select_related("locale").order_by("locale_id")
                if directory.is_public(translation)]


class AnswerLanguage(Schema):
    """`lang`, read by every operation: the language of the answer's labels and messages."""

    lang: Language = Field("lt", description="Language of labels and messages")


class PageFilters(AnswerLanguage):
    municipality: list[str] = Field([], description="Municipality slugs")
    language: list[Language] = Field([], description="Pages in these languages; repeatable "
                                                     "(as the search's `language` facet)")
    date_from: IsoDate | None = Field(None, description="From date (YYYY-MM-DD)")
    date_to: IsoDate | None = Field(None, description="To date (YYYY-MM-DD)")
    updated_since: IsoDateTime | None = Field(None, description="Published or updated since "
                                                                "(ISO 8601)")
    sort: Sort = Field("title", description=SORT_DESCRIPTION)
    translation_of: int | None = Field(None, ge=1, le=MAX_ID,
                                       description="Only the translations of this page (id)")



