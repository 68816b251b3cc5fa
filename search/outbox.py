"""Record, in the caller's transaction, which pages' public documents must be rewritten."""

import logging
import time
from collections.abc import Iterable
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from search.models import OutboxEntry

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
BROKER_PAUSE_SECONDS = 10.0
_broker_down_until = 0.0


def record_changes(page_ids: Iterable[int]) -> None:
    """Bump the version of each page's outbox row (creating it) and schedule a drain."""
    ids = set(page_ids)
    if not ids:
        return
    now = timezone.now()
    OutboxEntry.objects.filter(page_id__in=ids).update(
        version=F("version") + 1, pending=True, failed=False, attempts=0, retry_after=None,
        changed_at=now, last_error="")
    existing = set(OutboxEntry.objects.filter(page_id__in=ids).values_list("page_id", flat=True))
    OutboxEntry.objects.bulk_create(
        [OutboxEntry(page_id=page_id, changed_at=now) for page_id in ids - existing],
        ignore_conflicts=True)
    if not any(callback is schedule_drain for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(schedule_drain)  # once per transaction, however many changes


def schedule_drain() -> None:
    """Ask a worker to drain now; if the broker is down the beat schedule drains later.

    After a failure the broker is left alone for a few seconds, so publishing stays fast
    while it is down.
    """
    global _broker_down_until
    from workers.tasks import drain_outbox

    if time.monotonic() < _broker_down_until:
        return
    try:
        drain_outbox.apply_async(retry=False)
    except Exception as error:  # broker unreachable: the rows wait for the beat schedule
        _broker_down_until = time.monotonic() + BROKER_PAUSE_SECONDS
        logger.warning("Search outbox drain not queued (%s); beat will pick it up.", error)


def due_entries(limit: int) -> list[OutboxEntry]:
    now = timezone.now()
    pending = OutboxEntry.objects.filter(pending=True, failed=False)
    due = pending.filter(retry_after__isnull=True) | pending.filter(retry_after__lte=now)
    return list(due.order_by("changed_at", "page_id")[:limit])


def acknowledge(page_id: int, version: int) -> None:
    OutboxEntry.objects.filter(page_id=page_id, version=version).update(
        pending=False, attempts=0, last_error="", retry_after=None)


def record_failure(page_id: int, version: int, error: str) -> None:
    """Retry with exponential backoff; after MAX_ATTEMPTS the row is marked failed."""
    entry = OutboxEntry.objects.filter(page_id=page_id, version=version).first()
    if entry is None:  # a newer change superseded this version
        return
    entry.attempts += 1
    entry.last_error = error
    entry.failed = entry.attempts >= MAX_ATTEMPTS
    entry.retry_after = timezone.now() + timedelta(seconds=2 ** entry.attempts)
    entry.save(update_fields=["attempts", "last_error", "failed", "retry_after"])


def retry_failed(page_ids: Iterable[int] | None = None) -> int:
    failed = OutboxEntry.objects.filter(failed=True)
    if page_ids is not None:
        failed = failed.filter(page_id__in=page_ids)
    return failed.update(failed=False, attempts=0, retry_after=None)
