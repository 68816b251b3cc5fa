"""A search the engine cannot answer now (`SearchUnavailable`): the residents' pages that show
search results answer 503 with a page asking to try again in a moment, and the API a 503
problem (`cms.api.problems`); both say when with Retry-After and are never cached."""

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from search.engines.base import SearchUnavailable

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 10  # a leaving node's shard copies are out of the routing by then


def as_unavailable(request: HttpRequest, error: SearchUnavailable,
                   response: HttpResponse) -> HttpResponse:
    """`response`, the answer to a request whose search the engine could not answer: logged,
    saying when to ask again, and never kept by caches."""
    logger.warning("Search unavailable for %s: %s", request.path, error)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    patch_cache_control(response, no_store=True)
    return response


class SearchUnavailableMiddleware:
    """Answers a page whose search failed (`SearchUnavailable`) with the 503 page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest,
                          exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, SearchUnavailable):
            return None
        return as_unavailable(request, exception,
                              render(request, "cms/search_unavailable.html", status=503))
