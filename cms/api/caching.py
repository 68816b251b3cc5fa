"""HTTP caching for public GET responses: ETag, Last-Modified, Cache-Control and 304s.

The ETag is the body's digest, so it is right whatever the body was read from. Last-Modified
is sent only where one moment covers everything a body shows: the search marks the index's
latest change with `mark_modified`; a page's body also shows related pages and vocabularies,
whose changes its own publication date would not reflect, so pages send none. The policy per
path prefix decides max-age (short for search, whose results change whenever the index does,
and for errors)."""

from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date

SEARCH_MAX_AGE = ERROR_MAX_AGE = 60
DEFAULT_MAX_AGE = 300


def mark_modified(request: HttpRequest, *moments: datetime | None) -> None:
    """Record the newest of these moments as the response's Last-Modified."""
    known = [moment for moment in moments if moment]
    previous = getattr(request, "_last_modified", None)
    if previous:
        known.append(previous)
    if known:
        request._last_modified = max(known)


def mark_private(request: HttpRequest) -> None:
    """Never cache this response in a shared cache (drafts, previews)."""
    request._private = True


def mark_incomplete(request: HttpRequest) -> None:
    """The answer lacks a part that could not be read now: never kept, by a cache of ours
    (`cms.api.answer_cache`) or an HTTP cache."""
    request._incomplete = True


def is_incomplete(request: HttpRequest) -> bool:
    return getattr(request, "_incomplete", False)


def max_age_for(path: str) -> int:
    return SEARCH_MAX_AGE if "/search/" in path else DEFAULT_MAX_AGE


def with_caching_headers(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    patch_vary_headers(response, ["Accept", "Authorization"])
    if response.status_code >= 400:  # problem details are written in the request's language
        patch_vary_headers(response, ["Accept-Language"])
    if request.method not in ("GET", "HEAD"):
        return response
    if getattr(request, "_private", False) or "Authorization" in request.headers:
        patch_cache_control(response, private=True, no_store=True)
        return response
    if response.status_code >= 500 or is_incomplete(request):  # a passing failure: never kept
        patch_cache_control(response, no_store=True)
        return response
    if response.status_code >= 400:
        patch_cache_control(response, public=True, max_age=ERROR_MAX_AGE)
        return response
    if response.status_code != 200:
        return response
    if not response.has_header("ETag") and not response.streaming:
        set_response_etag(response)
    last_modified = getattr(request, "_last_modified", None)
    if last_modified:
        response.headers["Last-Modified"] = http_date(last_modified.timestamp())
    patch_cache_control(response, public=True, max_age=max_age_for(request.path))
    return get_conditional_response(
        request, etag=response.headers.get("ETag"),
        last_modified=int(last_modified.timestamp()) if last_modified else None,
        response=response)
