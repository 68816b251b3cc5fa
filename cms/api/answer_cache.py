"""Search answers kept in the shared cache (`search.conf.shared_cache`), so that a repeated
search costs no engine round trip, no validation and no serialisation.

An answer is kept under its request: scheme, host, path and every parameter (in the order of
their names; a name's values in their order), the answer's language, the index alias, the index
generation that every write the engine acknowledged bumps (`search.freshness`) and the
vocabularies' generation (labels, synonyms, known filter values). It is served until a
generation changes, until the next change scheduled in the outbox falls due (a page expiring
leaves results at that moment), and for ANSWER_SECONDS at most. Only successful answers are
kept; hits and misses are counted in the shared cache (`answer_counts`).

An answer is validated against its schema once and written once, as the API writes any JSON
(`cms.api.rendering`).
"""

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

import orjson
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from ninja import Schema

from cms.api.caching import is_incomplete, mark_modified
from cms.api.rendering import RENDERER
from search.conf import index_alias, shared_cache
from search.facets import VOCABULARY_GENERATION
from search.freshness import freshness, generation_of, index_generation

logger = logging.getLogger(__name__)
ANSWER_SECONDS = 300
HITS, MISSES = "cms:search-answers:hits", "cms:search-answers:misses"


@dataclass(frozen=True)
class KeptAnswer:
    body: bytes
    headers: dict[str, str]
    until: datetime | None  # when the next scheduled change falls due
    count: int | None  # the answer's number of matches, if it has one


@dataclass(frozen=True)
class AnswerCounts:
    hits: int
    misses: int

    @property
    def hit_rate(self) -> float:
        asked = self.hits + self.misses
        return self.hits / asked if asked else 0.0


@cache
def shape_of(schema: type[Schema]) -> str:
    """A digest of the answer's JSON schema: answers kept by a process serving another shape
    (before a deploy) are not served by this one."""
    return hashlib.sha256(orjson.dumps(schema.model_json_schema(),
                                       option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]


def answer_key(request: HttpRequest, generations: list[Any], schema: type[Schema]) -> str:
    params = sorted(((name, value) for name, values in request.GET.lists() for value in values),
                    key=lambda pair: pair[0])
    address = [request.scheme, request.get_host(), request.path, params,
               translation.get_language(), index_alias(), generations, shape_of(schema)]
    return "cms:search-answer:" + hashlib.sha256(orjson.dumps(address)).hexdigest()


def _count(key: str) -> None:
    cache = shared_cache()
    try:
        cache.incr(key)
    except ValueError:
        cache.add(key, 0, None)
        cache.incr(key)


def answer_counts() -> AnswerCounts:
    """Searches answered from the shared cache and searches that were not (but were kept)."""
    counts = shared_cache().get_many([HITS, MISSES])
    return AnswerCounts(counts.get(HITS, 0), counts.get(MISSES, 0))


def reset_answer_counts() -> None:
    shared_cache().delete_many([HITS, MISSES])


def kept_answer(key: str, now: datetime) -> KeptAnswer | None:
    kept = shared_cache().get(key)
    if isinstance(kept, KeptAnswer) and (kept.until is None or now < kept.until):
        _count(HITS)
        return kept
    return None


def search_answer(request: HttpRequest, response: HttpResponse, schema: type[Schema],
                  compute: Callable[[], Any], on_count: Callable[[int], None] | None = None,
                  **dump_options: bool) -> HttpResponse:
    """The answer `compute` makes, validated by `schema` and dumped with `dump_options` (as
    the operation's own options: `by_alias`, `exclude_none`), written into `response` (which
    holds the operation's headers); or the same answer kept from an earlier request. The
    response says the index's freshness as Last-Modified. `on_count` is told the answer's
    number of matches, computed or kept. An answer marked incomplete is not kept."""
    now = timezone.now()
    state = freshness()
    mark_modified(request, state.latest_change)
    generation = index_generation()  # read before the engine is asked
    key, kept = None, None
    if generation is not None:
        try:
            key = answer_key(request, [generation, generation_of(VOCABULARY_GENERATION)], schema)
            kept = kept_answer(key, now)
        except Exception as error:
            logger.warning("Search answers unavailable in the shared cache: %s", error)
            key = None
    if kept:
        for name, value in kept.headers.items():
            response[name] = value
        response.content = kept.body
        if on_count and kept.count is not None:
            on_count(kept.count)
        return response
    context = {"request": request, "response_status": 200}
    answer = schema.model_validate(compute(), context=context)
    response.content = RENDERER.render(
        request, answer.model_dump(context=context, **dump_options), response_status=200)
    count = getattr(answer, "count", None)
    if on_count and count is not None:
        on_count(count)
    if key is not None and not is_incomplete(request):
        try:
            shared_cache().set(key, KeptAnswer(response.content, dict(response.items()),
                                               state.next_change, count), ANSWER_SECONDS)
            _count(MISSES)
        except Exception as error:
            logger.warning("Search answer not kept in the shared cache: %s", error)
    return response
