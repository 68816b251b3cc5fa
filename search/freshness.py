"""What every process knows of the index through the shared cache (`search.conf.shared_cache`)
without asking the database or the engine on each request.

- The index generation: a number that every write the engine acknowledged bumps (a drain
  once its writes are visible to search, a rebuild once its index is behind the alias). An
  answer kept under one generation is never served under a later one, so no search answers
  from before a change acknowledged since. A generation is read before the engine is asked:
  an answer read while a write lands is kept under the generation the write replaces.
- The outbox's freshness: when the newest change that has happened was recorded (what a
  search answer says as Last-Modified) and when the next scheduled one falls due. It is read
  from the outbox once per outbox generation, which every recorded change bumps, and is kept
  only until that next change falls due, so it never lags a change, pending or written.

A generation is counted at once and again on commit, so that no process keeps what it read
before the commit. A generation the cache lost starts again from the clock, never from a number
an earlier one reached. Without the shared cache, everything is read afresh each time.
"""

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Generic, TypeVar

from django.db import transaction
from django.db.models import Max, Min, Q
from django.utils import timezone

from search.conf import shared_cache
from search.models import OutboxEntry

logger = logging.getLogger(__name__)
T = TypeVar("T")
INDEX_GENERATION = "search:index-generation"
OUTBOX_GENERATION = "search:outbox-generation"
FRESHNESS_SECONDS = 3600  # a kept freshness is exact until its generation changes
# the generations this request read, by key (see `generations_read_at_once`)
_read_at_once: ContextVar[dict[str, int] | None] = ContextVar("generations read at once",
                                                               default=None)


def bump_generation(key: str) -> None:
    """Bump the generation at `key` now (see the module); a generation read once for this
    request (`generations_read_at_once`) is read afresh after it."""
    known = _read_at_once.get()
    if known is not None:
        known.pop(key, None)
    try:
        cache = shared_cache()
        try:
            cache.incr(key)
        except ValueError:  # never counted, or lost by the cache
            cache.add(key, time.time_ns(), None)
    except Exception as error:
        logger.warning("Search change not counted in the shared cache (%s): %s", key, error)


def count_change(key: str) -> None:
    """Bump the generation at `key` now and again on commit (see the module)."""
    bump_generation(key)
    transaction.on_commit(partial(bump_generation, key))


@contextmanager
def generations_read_at_once(keys: Iterable[str]) -> Iterator[None]:
    """Within, the generations at `keys` are read from the shared cache in one round trip,
    and not again: a request keeps what it reads under the generations it began with (as it
    would, had it read each one before the engine answered), or under one it bumped itself."""
    try:
        known = {key: value for key, value in shared_cache().get_many(list(keys)).items()
                 if isinstance(value, int)}
    except Exception as error:
        logger.warning("Generations unavailable in the shared cache: %s", error)
        known = {}
    token = _read_at_once.set(known)
    try:
        yield
    finally:
        _read_at_once.reset(token)


def read_at_once(key: str) -> int | None:
    """The generation at `key` as this request read it (`generations_read_at_once`), if it
    did."""
    known = _read_at_once.get()
    return known.get(key) if known is not None else None


def generation_of(key: str) -> int:
    """The generation at `key`, started from the clock when there is none."""
    known = _read_at_once.get()
    if known is not None and (found := known.get(key)) is not None:
        return found
    cache = shared_cache()
    found = cache.get(key)
    if found is None:
        cache.add(key, time.time_ns(), None)
        found = cache.get(key)
    if found is None:
        raise LookupError(f"The shared cache keeps no {key}.")
    if known is not None:
        known[key] = found
    return found


def index_changed() -> None:
    """The engine acknowledged writes that search now sees."""
    count_change(INDEX_GENERATION)


def index_generation() -> int | None:
    """The index generation; None when the shared cache cannot tell it (keep nothing)."""
    try:
        return generation_of(INDEX_GENERATION)
    except Exception as error:
        logger.warning("Index generation unavailable in the shared cache: %s", error)
        return None


def outbox_changed() -> None:
    """A change was recorded or scheduled in the outbox."""
    count_change(OUTBOX_GENERATION)


@dataclass(frozen=True)
class Freshness:
    latest_change: datetime | None  # the newest change that has happened, written or not
    next_change: datetime | None  # the earliest change scheduled ahead

    def holds_at(self, moment: datetime) -> bool:
        return self.next_change is None or moment < self.next_change


def read_freshness(now: datetime) -> Freshness:
    """The outbox's freshness at `now`, in one query."""
    moments = OutboxEntry.objects.aggregate(
        latest=Max("changed_at", filter=Q(changed_at__lte=now)),
        next=Min("changed_at", filter=Q(changed_at__gt=now)))
    return Freshness(moments["latest"], moments["next"])


def kept_under_generation(generation: str, name: str, read: Callable[[], T], seconds: int,
                          usable: Callable[[object], bool]) -> T:
    """What `read` gives, kept in the shared cache under `name` and the count of `generation`
    for `seconds`, and read again when the generation moves on or what is kept is not
    `usable`; what `read` gives is kept only when it is usable. Without the shared cache, it is
    read each time."""
    try:
        cache = shared_cache()
        key = f"{name}:{generation_of(generation)}"
        kept = cache.get(key)
    except Exception as error:
        logger.warning("%s unavailable in the shared cache: %s", name, error)
        return read()
    if usable(kept):
        return kept
    found = read()
    if usable(found):
        try:
            cache.set(key, found, seconds)
        except Exception as error:
            logger.warning("%s not kept in the shared cache: %s", name, error)
    return found


@dataclass(frozen=True)
class ExactUntil(Generic[T]):
    """A value read from the index, exact until `until`, when the first document it counts
    expires (None: none does), or until the index generation moves on."""

    value: T
    until: datetime | None

    def holds_at(self, moment: datetime) -> bool:
        return self.until is None or moment < self.until


def kept_until_expiry(name: str, read: Callable[[], ExactUntil[T]], seconds: int) -> T:
    """The value `read` gives, kept under the index generation while it holds."""
    now = timezone.now()
    return kept_under_generation(
        INDEX_GENERATION, name, read, seconds,
        lambda kept: isinstance(kept, ExactUntil) and kept.holds_at(now)).value


def freshness() -> Freshness:
    """The outbox's freshness now, from the shared cache while it holds (see the module)."""
    now = timezone.now()
    return kept_under_generation(
        OUTBOX_GENERATION, "search:freshness", lambda: read_freshness(now), FRESHNESS_SECONDS,
        lambda kept: isinstance(kept, Freshness) and kept.holds_at(now))
