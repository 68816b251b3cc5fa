"""Rebuild of the public index behind its alias, in chunks that workers write side by side,
with progress the admin panel polls.

A rebuild begins by creating the new index behind the building alias, so the outbox's writes
reach it from then on, and by recording itself (`search.models.Rebuild`) with the page id
range split into chunks. Each chunk writes its pages into the new index (`write_chunk`: a
worker's task, retried on failure, or a loop in this process) and is acknowledged once all its
pages were sent. The index goes live when every chunk is acknowledged (`complete_rebuild`);
a chunk that fails for good fails the rebuild instead (`fail_rebuild`): the new index is
dropped and the live one stays.

The panel's progress starts in the shared cache (`search.conf.shared_cache`), which web and
worker processes both reach, under a key carrying the index alias: queued, or failed to
start. Once a rebuild is recorded, it is read from the database: the pages its chunks wrote.
"""

import itertools
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.conf import shared_cache
from search.documents import SiteDirectory, searchable_page_ids
from search.engines import get_engine
from search.freshness import index_changed
from search.locks import one_at_a_time
from search.models import Rebuild, RebuildChunk
from search.pipeline import write_pages

IDLE, QUEUED = "idle", "queued"
RUNNING, DONE, FAILED = Rebuild.RUNNING, Rebuild.DONE, Rebuild.FAILED
STATE_LABELS = {IDLE: _("Not rebuilt"), QUEUED: _("Queued"), RUNNING: _("Building"),
                DONE: _("Done"), FAILED: _("Failed")}
PROGRESS_TTL = 24 * 3600
# A rebuild is cut into CHUNKS chunks of pages, each a worker's task, so that several workers
# share it; each holds MIN_CHUNK to MAX_CHUNK pages, so that a failed one is written again
# soon. Fewer chunks cost less: each one's first read and last send overlap nothing.
CHUNKS = 8
MIN_CHUNK, MAX_CHUNK = 1000, 5000
# pages in one bulk request, sent while the next are read (a chunk's first and last batches
# are smaller: see `search.pipeline.overlapped_batches`)
BATCH_SIZE = 250
_directories: dict[str, SiteDirectory] = {}  # by rebuild's index: see `directory_of`
logger = logging.getLogger(__name__)


class RebuildFailed(Exception):
    """The rebuild was failed (by a chunk that could not be written) before it went live."""


@dataclass
class RebuildProgress:
    state: str = IDLE
    done: int = 0
    total: int = 0
    message: str = ""
    updated_at: str = ""
    rebuild: int | None = None  # the recorded rebuild the figures come from

    @property
    def active(self) -> bool:
        return self.state in (QUEUED, RUNNING)

    @property
    def percent(self) -> int:
        return 100 if self.state == DONE else int(100 * self.done / self.total) if self.total else 0

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])


def _key() -> str:
    return f"search-rebuild:{get_engine().alias}"


def read_progress() -> RebuildProgress:
    """The progress to show: a recorded rebuild's pages written by all its chunks."""
    progress = RebuildProgress(**shared_cache().get(_key(), {}))
    rebuild = Rebuild.objects.filter(pk=progress.rebuild).first() if progress.rebuild else None
    if rebuild is None:
        return progress
    written = rebuild.chunks.aggregate(written=Sum("written"))["written"] or 0
    return RebuildProgress(rebuild.state, written, rebuild.total,
                           rebuild.index if rebuild.state == DONE else rebuild.message,
                           progress.updated_at, rebuild.pk)


def write_progress(progress: RebuildProgress) -> None:
    progress.updated_at = timezone.now().isoformat()
    shared_cache().set(_key(), asdict(progress), PROGRESS_TTL)


def chunk_size_for(pages: int) -> int:
    """The pages of each chunk of a rebuild of `pages` pages (see CHUNKS)."""
    return min(MAX_CHUNK, max(MIN_CHUNK, -(-pages // CHUNKS)))


def one_beginning_at_a_time(alias: str) -> AbstractContextManager[None]:
    """No other rebuild of `alias` begins meanwhile."""
    return one_at_a_time(f"rebuild:{alias}")


def begin_rebuild(chunk_size: int | None = None) -> Rebuild:
    """Create the new index (writes of the outbox reach it from now on) and record the rebuild
    with its chunks, each of up to `chunk_size` page ids (by default `chunk_size_for` them).

    One rebuild begins at a time, and its progress says it is under way before another may
    begin (see `schema_outdated`). It supersedes one still recorded as running (its process may
    have stopped): that one is failed first, so that its chunks stop, then `create_index`
    drops its index; its record stays until the next rebuild, for a chunk still writing to see
    that it failed. The page ids are read once the new index exists (and writes reach it)."""
    engine = get_engine()
    try:
        with one_beginning_at_a_time(engine.alias):
            earlier = Rebuild.objects.filter(alias=engine.alias)
            superseded = list(earlier.filter(state=RUNNING).values_list("pk", flat=True))
            earlier.filter(pk__in=superseded, state=RUNNING).update(
                state=FAILED, message="Superseded by a new rebuild.")
            engine.ensure_index()
            index = engine.create_index()
            page_ids = searchable_page_ids()
            chunk_size = chunk_size or chunk_size_for(len(page_ids))
            bounds = [0, *page_ids[chunk_size - 1::chunk_size]]
            if page_ids and bounds[-1] != page_ids[-1]:
                bounds.append(page_ids[-1])
            with transaction.atomic():
                earlier.exclude(state=RUNNING).exclude(pk__in=superseded).delete()
                rebuild = Rebuild.objects.create(alias=engine.alias, index=index,
                                                 total=len(page_ids))
                RebuildChunk.objects.bulk_create(
                    RebuildChunk(rebuild=rebuild, after=after, upto=upto)
                    for after, upto in itertools.pairwise(bounds))
            write_progress(RebuildProgress(RUNNING, total=rebuild.total, rebuild=rebuild.pk))
    except Exception as error:
        write_progress(RebuildProgress(FAILED, message=f"{type(error).__name__}: {error}"))
        raise
    return rebuild


def directory_of(rebuild: Rebuild) -> SiteDirectory:
    """The site directory the chunks of a rebuild share in this process, read when the first
    of them starts here: after the rebuild's index exists, as `write_pages` requires."""
    if rebuild.index not in _directories:
        _directories.clear()
        _directories[rebuild.index] = SiteDirectory()
    return _directories[rebuild.index]


def write_chunk(chunk_id: int, on_batch: Callable[[int], None] | None = None,
                batch_size: int = BATCH_SIZE) -> None:
    """Write a chunk's pages into its rebuild's index and acknowledge it; nothing when the
    rebuild is over (or its record gone). Written again from the start when retried (its count
    too)."""
    chunk = RebuildChunk.objects.select_related("rebuild").filter(pk=chunk_id).first()
    if chunk is None or chunk.rebuild.state != RUNNING:
        return
    rebuild = chunk.rebuild
    this_chunk = RebuildChunk.objects.filter(pk=chunk.pk)
    this_chunk.update(written=0)

    def count(size: int) -> None:
        this_chunk.update(written=F("written") + size)
        if on_batch:
            on_batch(size)

    try:
        write_pages(rebuild.index, searchable_page_ids(chunk.after, upto=chunk.upto), count,
                    batch_size, directory_of(rebuild))
    except Exception:
        if not ended(rebuild):
            raise  # written again, from its start
    acknowledged = this_chunk.filter(rebuild__state=RUNNING).update(acknowledged=True)
    if not acknowledged and ended(rebuild):
        # The rebuild failed (or was superseded) while this chunk wrote, which may have
        # created its dropped index again (an engine creates an index a write names).
        get_engine().abandon(rebuild.index)


def ended(rebuild: Rebuild) -> bool:
    """Whether the rebuild failed, or its record is gone (superseded, then removed)."""
    return not Rebuild.objects.filter(pk=rebuild.pk).exclude(state=FAILED).exists()


def complete_rebuild(rebuild_id: int) -> bool:
    """Make the rebuild's index live if every chunk is acknowledged; whether this call did.

    One conditional update marks it done, so of calls that race exactly one promotes (the
    others wait for its transaction and find it done); a promotion that fails leaves the
    rebuild running, to be completed by the next call.
    """
    rebuild = Rebuild.objects.filter(pk=rebuild_id).first()
    if rebuild is None:  # superseded, and its record removed by a rebuild after it
        return False
    with transaction.atomic():
        if not Rebuild.objects.filter(pk=rebuild_id, state=RUNNING).exclude(
                chunks__acknowledged=False).update(state=DONE):
            return False
        get_engine().promote(rebuild.index)
    index_changed()
    logger.info("The search index %s is live.", rebuild.index)
    return True


def fail_rebuild(rebuild_id: int, error: str) -> None:
    """Fail a running rebuild: its index is dropped, the live one stays."""
    rebuild = Rebuild.objects.filter(pk=rebuild_id).first()
    if rebuild and Rebuild.objects.filter(pk=rebuild_id, state=RUNNING).update(
            state=FAILED, message=error[:2000]):
        logger.error("The rebuild into %s failed: %s", rebuild.index, error)
        get_engine().abandon(rebuild.index)


def run_rebuild(on_batch: Callable[[int], None] | None = None, batch_size: int = BATCH_SIZE,
                chunk_size: int | None = None) -> str:
    """Rebuild in this process: the chunks one after another, then promote; the new index's
    name. No edit made meanwhile is lost (see `search.pipeline.write_pages`)."""
    return write_rebuild(begin_rebuild(chunk_size), on_batch, batch_size)


def write_rebuild(rebuild: Rebuild, on_batch: Callable[[int], None] | None = None,
                  batch_size: int = BATCH_SIZE) -> str:
    """Write a begun rebuild's chunks in this process, then promote its index; its name."""
    try:
        for chunk_id in rebuild.chunks.order_by("pk").values_list("pk", flat=True):
            write_chunk(chunk_id, on_batch, batch_size)
        if not complete_rebuild(rebuild.pk):
            raise RebuildFailed(Rebuild.objects.get(pk=rebuild.pk).message)
    except BaseException as error:
        fail_rebuild(rebuild.pk, f"{type(error).__name__}: {error}")
        raise
    return rebuild.index


def schema_outdated() -> bool:
    """Whether the live index was built with another schema than the engine builds with now (a
    changed mapping, analysis or stemming table) and no rebuild is under way to replace it.

    The rebuild's state is read before the live schema: a rebuild marked done was promoted in
    the same transaction, so its schema is then live. Read the other way round, a rebuild
    finishing between the two reads would look like none was ever made."""
    engine = get_engine()
    engine.ensure_index()
    if read_progress().active:
        return False
    built_with, now = engine.live_schema(), engine.schema_version()
    if built_with == now:
        return False
    logger.warning("The search index %s was built with schema %s, the engine's is now %s: "
                   "rebuilding it behind its alias.", engine.alias, built_with or "?", now)
    return True


def rebuild_if_schema_changed() -> str | None:
    """Rebuild in this process when the schema is outdated, so that no stale index keeps
    answering after an upgrade; the new index's name, or None when it is current. The check is
    made where rebuilds begin one at a time, so that a worker starting meanwhile begins none."""
    with one_beginning_at_a_time(get_engine().alias):
        if not schema_outdated():
            return None
        rebuild = begin_rebuild()
    return write_rebuild(rebuild)
