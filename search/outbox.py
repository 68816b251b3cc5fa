"""Record, in the caller's transaction, which pages' public documents must be rewritten.

Guarantees:
- Every change a committed transaction recorded is written: recording is one atomic upsert per
  page (`version = version + 1`), so concurrent transactions never lose each other's change.
- A row is acknowledged only for the version the engine stored (or found superseded), so a
  change made while its page was being written stays pending.
- Workers claim due rows (`FOR UPDATE SKIP LOCKED`) and hold them for `CLAIM_SECONDS`
  without holding a database lock: concurrent drains write disjoint rows, publishing is never
  blocked by a drain, and the rows of a worker that died become due again when the claim ends.
- A document that names a page expiring later (or whose own page does) is rewritten at that
  moment: its row is scheduled with a `changed_at` ahead and becomes due then.
- Only a page's own failures (a rejected or unbuildable document) count towards MAX_ATTEMPTS;
  an engine that is briefly unable to write postpones the rows without counting an attempt.
"""

import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta

from celery import current_app
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from search.freshness import outbox_changed
from search.models import OutboxEntry

logger = logging.getLogger(__name__)
DRAIN_TASK = "workers.tasks.drain_outbox"  # queued by name: the search layer imports no tasks
MAX_ATTEMPTS = 5
BROKER_PAUSE_SECONDS = 10.0
CLAIM_SECONDS = 60  # longer than a batch normally takes; an overrun only repeats its writes
RETRY_LATER_SECONDS = 30  # after an engine answered "not now" (overload, write block)
UPSERT_ROWS = 500
_broker_down_until = 0.0
_deferred: ContextVar[bool] = ContextVar("search_drains_deferred", default=False)


@dataclass
class DrainRequest:
    """The one drain the changes of a transaction ask for once it commits."""

    asked: bool = False

    def ask_once(self) -> None:
        if not self.asked:
            self.asked = True
            schedule_drain()


_drain_request: ContextVar[DrainRequest | None] = ContextVar("search_drain_request",
                                                             default=None)


def record_changes(page_ids: Iterable[int]) -> None:
    """Bump the version of each page's outbox row (creating it) and schedule a drain."""
    ids = sorted(set(page_ids))  # one lock order, so concurrent recorders cannot deadlock
    if not ids:
        return
    now = timezone.now()
    for start in range(0, len(ids), UPSERT_ROWS):
        _upsert(ids[start:start + UPSERT_ROWS], now)
    if not _deferred.get():
        _drain_after_commit()


def _drain_after_commit() -> None:
    """Ask for a drain once the outermost transaction commits (at once outside a transaction),
    once however many changes it records.

    Every change registers its own commit callback, so a change rolled back with its savepoint
    takes only its own callback with it; the callbacks of one transaction share one request,
    which asks for the drain the first time one of them runs.
    """
    request = _drain_request.get()
    if request is None or request.asked:
        request = DrainRequest()
        _drain_request.set(request)
    transaction.on_commit(request.ask_once)


def schedule_changes(due: dict[int, datetime]) -> None:
    """Make each page's row due at its moment (no drain is asked for now). A page with a change
    already waiting is left alone: writing it schedules again."""
    by_moment: dict[datetime, list[int]] = {}
    for page_id, moment in sorted(due.items()):
        by_moment.setdefault(moment, []).append(page_id)
    for moment, ids in by_moment.items():
        for start in range(0, len(ids), UPSERT_ROWS):
            _upsert(ids[start:start + UPSERT_ROWS], moment, unless_pending=True)


def _upsert(page_ids: list[int], changed_at: datetime, unless_pending: bool = False) -> None:
    """Insert version 1, or add one to the version the row has when this statement runs."""
    meta, quote = OutboxEntry._meta, connection.ops.quote_name
    fresh = {"version": 1, "pending": True, "changed_at": changed_at, "attempts": 0,
             "retry_after": None, "failed": False, "last_error": ""}
    columns = ["page_id", *fresh]
    params = [meta.get_field(name).get_db_prep_save(value, connection)
              for page_id in page_ids for name, value in {"page_id": page_id, **fresh}.items()]
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    table, version = quote(meta.db_table), quote("version")
    reset = ", ".join(f"{quote(name)} = EXCLUDED.{quote(name)}" for name in columns[2:])
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(map(quote, columns))}) "
            f"VALUES {', '.join([row] * len(page_ids))} ON CONFLICT ({quote('page_id')}) "
            f"DO UPDATE SET {version} = {table}.{version} + 1, {reset}"
            + (f" WHERE NOT {table}.{quote('pending')}" if unless_pending else ""), params)
    outbox_changed()


@contextmanager
def drains_deferred() -> Iterator[None]:
    """Changes recorded inside the block ask no worker to drain: a bulk load records them and
    drains once at the end, with or without a broker."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def schedule_drain() -> None:
    """Ask a worker to drain now; if the broker is down the beat schedule drains later.

    After a failure the broker is left alone for a few seconds, so publishing stays fast
    while it is down.
    """
    global _broker_down_until
    if time.monotonic() < _broker_down_until:
        return
    try:
        current_app.send_task(DRAIN_TASK, retry=False)
    except Exception as error:  # broker unreachable: the rows wait for the beat schedule
        _broker_down_until = time.monotonic() + BROKER_PAUSE_SECONDS
        logger.warning("Search outbox drain not queued (%s); beat will pick it up.", error)


def claim_due(limit: int) -> tuple[list[OutboxEntry], datetime]:
    """Take up to `limit` due rows for this worker until the returned claim time.

    Rows another worker is claiming are skipped, not waited for; the claim is a `retry_after`
    in the future, so it ends by itself if this worker dies. A new change makes the row due
    at once: its newer version may then be written beside this one, and the older one loses.
    """
    claimed_until = timezone.now() + timedelta(seconds=CLAIM_SECONDS)
    with transaction.atomic():
        entries = list(_due().select_for_update(skip_locked=True)
                       .order_by("changed_at", "page_id")[:limit])
        OutboxEntry.objects.filter(pk__in=[entry.pk for entry in entries]).update(
            retry_after=claimed_until)
    return entries, claimed_until


def release(entries: list[OutboxEntry], claimed_until: datetime) -> None:
    """Make rows claimed until `claimed_until` due again (their drain stopped early)."""
    OutboxEntry.objects.filter(pk__in=[entry.pk for entry in entries],
                               retry_after=claimed_until).update(retry_after=None)


def waiting() -> QuerySet[OutboxEntry]:
    """Rows whose change has happened and is not written yet (failed ones included)."""
    return OutboxEntry.objects.filter(pending=True, changed_at__lte=timezone.now())


def _due() -> QuerySet[OutboxEntry]:
    now = timezone.now()
    pending = waiting().filter(failed=False)
    return pending.filter(retry_after__isnull=True) | pending.filter(retry_after__lte=now)


def acknowledge(page_id: int, version: int) -> None:
    OutboxEntry.objects.filter(page_id=page_id, version=version).update(
        pending=False, attempts=0, last_error="", retry_after=None)


def record_failure(page_id: int, version: int, error: str, final: bool = False) -> None:
    """Retry with exponential backoff; after MAX_ATTEMPTS (or at once when `final`, for an
    error that repeats until the page or the code changes) the row is marked failed."""
    with transaction.atomic():
        entry = OutboxEntry.objects.select_for_update().filter(
            page_id=page_id, version=version).first()
        if entry is None:  # a newer change superseded this version
            return
        entry.attempts += 1
        entry.last_error = error
        entry.failed = final or entry.attempts >= MAX_ATTEMPTS
        entry.retry_after = timezone.now() + timedelta(seconds=2 ** entry.attempts)
        entry.save(update_fields=["attempts", "last_error", "failed", "retry_after"])


def postpone(page_id: int, version: int, error: str) -> None:
    """The engine could not write now (overload, a write block): retry later, no attempt used."""
    OutboxEntry.objects.filter(page_id=page_id, version=version).update(
        last_error=error, retry_after=timezone.now() + timedelta(seconds=RETRY_LATER_SECONDS))


def retry_failed(page_ids: Iterable[int] | None = None) -> int:
    failed = OutboxEntry.objects.filter(failed=True)
    if page_ids is not None:
        failed = failed.filter(page_id__in=page_ids)
    return failed.update(failed=False, attempts=0, retry_after=None)
