"""Rebuild of the public index behind its alias, with progress the admin panel polls.

The progress lives in the shared cache (`search.conf.shared_cache`), which the worker and
the web processes both reach; its key carries the index alias, so each index has its own.
"""

import logging
from dataclasses import asdict, dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.conf import shared_cache
from search.documents import searchable_page_ids
from search.engines import get_engine
from search.pipeline import rebuild

IDLE, QUEUED, RUNNING, DONE, FAILED = "idle", "queued", "running", "done", "failed"
STATE_LABELS = {IDLE: _("Not rebuilt"), QUEUED: _("Queued"), RUNNING: _("Building"),
                DONE: _("Done"), FAILED: _("Failed")}
PROGRESS_TTL = 24 * 3600
logger = logging.getLogger(__name__)


@dataclass
class RebuildProgress:
    state: str = IDLE
    done: int = 0
    total: int = 0
    message: str = ""
    updated_at: str = ""

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
    return RebuildProgress(**shared_cache().get(_key(), {}))


def write_progress(progress: RebuildProgress) -> None:
    progress.updated_at = timezone.now().isoformat()
    shared_cache().set(_key(), asdict(progress), PROGRESS_TTL)


def run_rebuild() -> str:
    """Rebuild now (in the worker), recording progress after every batch."""
    progress = RebuildProgress(RUNNING, total=len(searchable_page_ids()))
    write_progress(progress)

    def on_batch(size: int) -> None:
        progress.done += size
        write_progress(progress)

    try:
        index = rebuild(on_batch=on_batch)
    except Exception as error:
        write_progress(RebuildProgress(FAILED, progress.done, progress.total, str(error)))
        raise
    write_progress(RebuildProgress(DONE, progress.total, progress.total, index))
    return index


def rebuild_if_schema_changed() -> str | None:
    """Rebuild (recording progress) when the live index was built with another schema than the
    engine builds with now (a changed mapping, analysis or stemming table), so that no stale
    index keeps answering after an upgrade; the new index's name, or None when it is current."""
    engine = get_engine()
    engine.ensure_index()
    built_with, now = engine.live_schema(), engine.schema_version()
    if built_with == now:
        return None
    logger.warning("The search index %s was built with schema %s, the engine's is now %s: "
                   "rebuilding it behind its alias.", engine.alias, built_with or "?", now)
    return run_rebuild()
