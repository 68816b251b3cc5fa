"""The Celery app of worker processes under test that records what the engine stores: config's
app, with every acknowledged document write pushed onto the Redis list WRITES_KEY names, as
"<process id> <index, or - for the live alias and a rebuild's> <page id> <version>". With
FAILING_PAGE set, a write holding that page raises the first FAILURES times (counted in Redis),
as an unreachable engine does."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

import django
import redis
from celery.signals import worker_init

from config.celery import app

if TYPE_CHECKING:  # imported once Django is set up
    from search.engines.base import ActionResult, IndexAction, SearchEngine

__all__ = ["app"]
REDIS = redis.Redis.from_url(os.environ["REDIS_URL"])
WRITES_KEY = os.environ["WRITES_KEY"]
FAILING_PAGE = int(os.environ.get("FAILING_PAGE", "0"))
FAILURES = int(os.environ.get("FAILURES", "0"))


def recorded(bulk: Callable[..., list[ActionResult]]) -> Callable[..., list[ActionResult]]:
    def recording_bulk(engine: SearchEngine, actions: list[IndexAction],
                       index: str | None = None) -> list[ActionResult]:
        if any(action.page_id == FAILING_PAGE for action in actions) and \
                REDIS.incr(f"{WRITES_KEY}:failures") <= FAILURES:
            raise ConnectionError(f"page {FAILING_PAGE} cannot be written now")
        results = bulk(engine, actions, index)
        written = [f"{os.getpid()} {index or '-'} {result.page_id} {result.version}"
                   for result in results if not result.error]
        if written:
            REDIS.rpush(WRITES_KEY, *written)
        return results

    return recording_bulk


def engine_classes(base: type[SearchEngine]) -> list[type[SearchEngine]]:
    return [found for subclass in base.__subclasses__()
            for found in [subclass, *engine_classes(subclass)]]


@worker_init.connect
def record_engine_writes(**_signal_arguments: object) -> None:
    django.setup()
    from search.engines import database, elasticsearch, opensearch  # noqa: F401  (every engine)
    from search.engines.base import SearchEngine

    for engine_class in engine_classes(SearchEngine):
        if "bulk" in vars(engine_class):
            engine_class.bulk = recorded(vars(engine_class)["bulk"])
