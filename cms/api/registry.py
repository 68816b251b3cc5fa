"""The registry of what the API exposes: one resource per content kind (`pages.kinds`), and
collections; read by the router factory, preview and the JSON-LD renderer. The resources are
registered when the cms app is ready."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ninja import Schema
from wagtail.models import Page

from pages.kinds import CONTENT_KINDS

Serializer = Callable[[Any, "Context"], dict[str, Any]]


@dataclass(frozen=True)
class TermFilter:
    """A query parameter taking slugs of one vocabulary, matched through `lookup`."""

    vocabulary: type
    lookup: str


@dataclass(frozen=True)
class PageResource:
    key: str  # URL segment: /api/v1/<key>/
    content_type: str  # the search documents' content_type
    model: type[Page]
    filters: type[Schema]  # query parameters of the list operation
    summary_schema: type[Schema]
    detail_schema: type[Schema]
    summary: Serializer
    detail: Serializer
    json_ld: Serializer
    date_field: str = "first_published_at"  # ordering by date and the date range filters
    municipality_lookups: tuple[str, ...] = ()  # besides the site the page is published on
    term_filters: dict[str, TermFilter] = field(default_factory=dict)
    field_filters: dict[str, str] = field(default_factory=dict)  # parameter → `__in` lookup
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[Any, ...] = ()


RESOURCES: dict[str, PageResource] = {}


def register(resource: PageResource) -> PageResource:
    RESOURCES[resource.key] = resource
    return resource


def kind_resource(kind_key: str, **declaration: Any) -> PageResource:
    """The resource of a content kind: its model and `content_type` are the kind's."""
    kind = CONTENT_KINDS[kind_key]
    return PageResource(content_type=kind.key, model=kind.model, **declaration)


def resource_for(page: Page) -> PageResource | None:
    return next((resource for resource in RESOURCES.values()
                 if isinstance(page, resource.model)), None)


class Context:
    """What serializers share during one request: the request and the site directory."""

    def __init__(self, request) -> None:
        from search.documents import SiteDirectory

        self.request = request
        self.directory = SiteDirectory()

    def is_public(self, page: Page) -> bool:
        return self.directory.is_public(page)

    def url(self, page: Page) -> str:
        return page.get_full_url(self.request) or ""
