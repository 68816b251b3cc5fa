"""The registry of what the API exposes: one resource per content kind (`pages.kinds`), and
collections; read by the router factory, preview and the JSON-LD renderer. The resources are
registered when the cms app is ready.

A resource's summary and detail schemas resolve their fields from the page itself (django-ninja
resolvers), sharing one `Context` per request for URLs and the site directory."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.http.request import split_domain_port
from ninja import Schema
from wagtail.models import Page

from pages.kinds import CONTENT_KINDS

JsonLdRenderer = Callable[[Any, "Context"], dict[str, Any]]


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
    summary_schema: type[Schema]  # a list's items, resolved from the page
    detail_schema: type[Schema]  # a detail, resolved from the page
    json_ld: JsonLdRenderer
    date_field: str = "first_published_at"  # ordering by date and the date range filters
    municipality_lookups: tuple[str, ...] = ()  # besides the site the page is published on
    term_filters: dict[str, TermFilter] = field(default_factory=dict)
    field_filters: dict[str, str] = field(default_factory=dict)  # parameter → `__in` lookup
    # a sort's field (`pages.listing.SortOrder`) besides `title` and `date` → what it orders by
    sort_values: dict[str, Any] = field(default_factory=dict)
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[Any, ...] = ()
    # the page with what its detail shows from outside the database (a collection's live
    # results, from the engine) read before the detail schema resolves it: Pydantic would turn
    # a failure there (the engine not answering, a 503) into a validation error
    prepared: Callable[[Page], Page] = lambda page: page


RESOURCES: dict[str, PageResource] = {}


def register(resource: PageResource) -> PageResource:
    RESOURCES[resource.key] = resource
    return resource


def kind_resource(kind_key: str, **declaration: Any) -> PageResource:
    """The resource of a content kind: its model and `content_type` are the kind's."""
    kind = CONTENT_KINDS[kind_key]
    return PageResource(content_type=kind.key, model=kind.model, **declaration)


def resource_of_type(content_type: str) -> PageResource:
    return next(resource for resource in RESOURCES.values()
                if resource.content_type == content_type)


def resource_for(page: Page) -> PageResource | None:
    return next((resource for resource in RESOURCES.values()
                 if isinstance(page, resource.model)), None)


class Context:
    """What schemas and JSON-LD renderers share during one request: the request, the site
    directory and the language of labels (`lang`, which the operation's schema has validated;
    Lithuanian when absent)."""

    def __init__(self, request) -> None:
        from search.documents import SiteDirectory

        self.request = request
        self.directory = SiteDirectory()
        self.language = request.GET.get("lang") or "lt"

    @classmethod
    def of(cls, request) -> "Context":
        """The request's context, made on first use and shared by everything answering it."""
        if not hasattr(request, "_api_context"):
            request._api_context = cls(request)
        return request._api_context

    @classmethod
    def of_validation(cls, validation_context: dict[str, Any]) -> "Context":
        """The context of the request whose response a schema is resolving (django-ninja
        passes the request in the validation context)."""
        return cls.of(validation_context["request"])

    def is_public(self, page: Page) -> bool:
        return self.directory.is_public(page)

    def url(self, page: Page) -> str:
        return on_request_host(page.get_full_url(self.request) or "", self.request)


def on_request_host(url: str, request) -> str:
    """A page's URL on the site the request is for, with the request's scheme and port (the
    API may be served behind a proxy, on another port than the site records name); a URL on
    another site as it is."""
    parts = urlsplit(url)
    address, name = request_host(request)
    if not parts.hostname or parts.hostname != name:
        return url
    return urlunsplit((request.scheme, address, *parts[2:]))


def request_host(request) -> tuple[str, str]:
    """The request's host with its port, and its name alone: read once per request (a search
    answer's every hit asks)."""
    if not hasattr(request, "_api_host"):
        address = request.get_host()
        request._api_host = (address, split_domain_port(address)[0])
    return request._api_host
