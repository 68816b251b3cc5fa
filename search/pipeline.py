"""Drain the outbox into the engine: claim due rows → map pages to documents → bulk write.

Guarantees of a drain:
- A row is acknowledged only after the engine stored its version (or a newer one), so a
  worker killed at any point, even in the middle of a bulk request, loses nothing: its claimed
  rows become due again and are written by the next drain (see `search.outbox.claim_due`).
- Concurrent drains claim disjoint rows.
- Once the engine acknowledged writes, they are visible to search and the index generation
  is bumped (`search.freshness`): no answer kept from before them is served again.
- A page whose document cannot be built or is rejected by the engine fails alone; the rest of
  its batch is written. An engine that cannot write for now postpones the batch's rows without
  using up their attempts, and the drain stops until the next scheduled one.
"""

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from django.db import DatabaseError

from search.documents import SiteDirectory, among, build_documents, expiry_moment
from search.engines import get_engine
from search.engines.base import ActionResult, IndexAction, RetryLater
from search.freshness import index_changed
from search.models import OutboxEntry
from search.outbox import (
    acknowledge,
    claim_due,
    postpone,
    record_changes,
    record_failure,
    release,
    schedule_changes,
)

BATCH_SIZE = 500
# bulk requests a rebuild has the engine write side by side (each on a write thread of its own)
SENDS_AT_ONCE = 2


@dataclass
class DrainReport:
    written: int = 0
    failed: int = 0
    postponed: int = 0


def actions_for(versions: dict[int, int], directory: SiteDirectory | None = None
                ) -> list[IndexAction]:
    """Versions are read before the documents, so content is never older than its version
    (a `directory` passed in was read before the versions of any page changed since)."""
    documents = (build_documents(versions) if directory is None
                 else build_documents(versions, directory))
    return [IndexAction(page_id, versions[page_id], documents[page_id]) for page_id in versions]


def buildable_actions(versions: dict[int, int], directory: SiteDirectory | None = None
                      ) -> tuple[list[IndexAction], dict[int, str]]:
    """The actions of every page whose document can be built, and the error of each other one.

    A failing batch is split in halves until the failing pages are alone; a database error is
    not a page's fault and is raised.
    """
    try:
        return actions_for(versions, directory), {}
    except DatabaseError:
        raise
    except Exception as error:
        if len(versions) == 1:
            return [], dict.fromkeys(versions, f"{type(error).__name__}: {error}"[:2000])
    items = list(versions.items())
    actions, errors = buildable_actions(dict(items[:len(items) // 2]), directory)
    more_actions, more_errors = buildable_actions(dict(items[len(items) // 2:]), directory)
    return actions + more_actions, errors | more_errors


def settle(results: list[ActionResult], report: DrainReport) -> None:
    """Acknowledge what the engine stored; postpone or count a failure for the rest."""
    for result in results:
        if isinstance(result, RetryLater):
            postpone(result.page_id, result.version, result.error)
            report.postponed += 1
        elif result.error:
            record_failure(result.page_id, result.version, result.error)
            report.failed += 1
        else:
            acknowledge(result.page_id, result.version)
            report.written += 1


def schedule_rewrites(actions: list[IndexAction], results: list[ActionResult]) -> None:
    """A written document that stops being right at a known moment (its page, or a page it
    names, expires) is rewritten at that moment."""
    written = {result.page_id for result in results if not result.error}
    schedule_changes({action.page_id: expiry_moment(action.document["expires_at"])
                      for action in actions if action.page_id in written
                      and action.document and action.document["expires_at"]})


def drain_batch(limit: int = BATCH_SIZE) -> DrainReport:
    """Claim up to `limit` due rows and write them; on an exception they are released."""
    entries, claimed_until = claim_due(limit)
    report = DrainReport()
    if not entries:
        return report
    try:
        engine = get_engine()
        engine.ensure_index()
        versions = {entry.page_id: entry.version for entry in entries}
        actions, unbuildable = buildable_actions(versions)
        for page_id, error in unbuildable.items():
            record_failure(page_id, versions[page_id], error, final=True)
        report.failed += len(unbuildable)
        results = engine.bulk(actions) if actions else []
        if any(not result.error for result in results):
            engine.refresh()  # acknowledged once searches see it
    except BaseException:
        release(entries, claimed_until)
        raise
    settle(results, report)
    if report.written:
        index_changed()  # what the generation counts is what searches see
    schedule_rewrites(actions, results)
    return report


def drain(limit: int = BATCH_SIZE, on_batch: Callable[[DrainReport], None] | None = None
          ) -> DrainReport:
    """Drain batches until nothing is due or the engine asked to retry later."""
    total = DrainReport()
    while True:
        report = drain_batch(limit)
        if on_batch:
            on_batch(report)
        total.written += report.written
        total.failed += report.failed
        total.postponed += report.postponed
        if report.postponed or report.written + report.failed < limit:
            return total


class InlineExecutor(Executor):
    """Runs each call at once, in the caller's thread."""

    def submit(self, fn: Callable, /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            future.set_exception(error)
        return future


def overlapped_batches(page_ids: list[int], size: int) -> Iterator[list[int]]:
    """The pages in batches of `size`, but for the first and the last, of a fifth of it: what
    `write_pages` does not overlap (reading the first batch, waiting for the last one's send)
    then costs a fifth."""
    edge = max(1, size // 5)
    if len(page_ids) <= 2 * edge:
        yield from (page_ids[start:start + size] for start in range(0, len(page_ids), size))
        return
    yield page_ids[:edge]
    middle = page_ids[edge:-edge]
    yield from (middle[start:start + size] for start in range(0, len(middle), size))
    yield page_ids[-edge:]


def write_pages(index: str, page_ids: list[int], on_batch: Callable[[int], None] | None = None,
                batch_size: int = BATCH_SIZE, directory: SiteDirectory | None = None) -> None:
    """Write the documents of `page_ids` into `index`, a rebuilding index the outbox's writes
    already reach (see `search.rebuild`); `on_batch` is told each batch's number of pages.

    Every document is written with its outbox version, so whichever of a drain's write and
    this one is older loses. Where the engine allows, `SENDS_AT_ONCE` batches are sent side by
    side while the next one is read from the database and built (`overlapped_batches`); it is
    sent once the oldest batch in flight is answered and its outcome recorded (so when a send
    fails, the batches sent beside it are still written before the error is raised, though
    not counted: a chunk is written again from its start, see `search.rebuild`). A page
    that could not be written (or built) is queued again: the drain writes it to both indices,
    or records why it cannot.

    The batches share one site directory (sites, view restrictions, vocabulary terms, the
    pages documents point at): the `directory` given, or one read now, after the index exists
    in either case. A batch holding a page whose change is still pending is built with a fresh
    one, read after its versions, as the drain does: that change may be newer than the shared
    directory (a change of a page that documents point at queues those documents' pages). A
    change no longer pending is in the index already, with the version this would write, which
    therefore cannot replace it.
    """
    engine = get_engine()
    sending: deque[tuple[Future, list[IndexAction], int]] = deque()

    def finish(sent: tuple[Future, list[IndexAction], int]) -> None:
        future, actions, size = sent
        results = future.result()
        record_changes(result.page_id for result in results if result.error)
        schedule_rewrites(actions, results)
        if on_batch:
            on_batch(size)

    with (ThreadPoolExecutor(SENDS_AT_ONCE) if engine.talks_only_to_its_server
          else InlineExecutor()) as sender:
        directory = directory or SiteDirectory()
        for batch in overlapped_batches(page_ids, batch_size):
            outbox = list(among(OutboxEntry.objects.all(), "page_id", batch).values_list(
                "page_id", "version", "pending"))
            versions = dict.fromkeys(batch, 0) | {page_id: version
                                                  for page_id, version, _pending in outbox}
            if any(pending for _page_id, _version, pending in outbox):
                directory = SiteDirectory()
            actions, unbuildable = buildable_actions(versions, directory)
            record_changes(unbuildable)
            actions = [action for action in actions if action.document]
            while len(sending) >= SENDS_AT_ONCE:
                finish(sending.popleft())
            sending.append((sender.submit(engine.bulk, actions, index=index), actions,
                            len(batch)))
        while sending:
            finish(sending.popleft())
