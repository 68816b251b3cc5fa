"""Celery tasks: drain the search outbox (after each commit and on the beat schedule), check the
index against the database a slice at a time, publish scheduled pages, forget old search
statistics, rebuild the index on request from the admin (in chunks any worker takes) and, when
a worker starts, if the index was built with another schema."""

from typing import Any

from celery import Task, group, shared_task
from celery.signals import worker_ready

from search import searched_texts
from search.engines import get_engine
from search.outbox import DRAIN_TASK, schedule_drain
from search.pipeline import BATCH_SIZE, DrainReport, drain_batch
from search.rebuild import (
    begin_rebuild,
    complete_rebuild,
    fail_rebuild,
    one_beginning_at_a_time,
    schema_outdated,
    write_chunk,
)
from search.reconcile import reconcile_next_slice


@shared_task(name=DRAIN_TASK, bind=True, autoretry_for=(Exception,), retry_backoff=2,
             retry_backoff_max=60, retry_jitter=True, max_retries=8, acks_late=True)
def drain_outbox(self) -> dict[str, int]:
    """Drain one batch and, when it was full, queue the next one: a backlog is shared by every
    worker, and a worker asked to stop (warm shutdown) waits for one batch at most. An
    exception (engine or database unreachable) releases the claimed rows and Celery retries
    the task. Rows the engine postponed wait for the beat."""
    report: DrainReport = drain_batch(BATCH_SIZE)
    if not report.postponed and report.written + report.failed >= BATCH_SIZE:
        schedule_drain()
    return {"written": report.written, "failed": report.failed, "postponed": report.postponed}


@shared_task
def reconcile_index_slice() -> dict[str, int]:
    """Check the next slice of the index against the database by fingerprint; queue repairs.
    Round after round, the whole index is checked (the health panel shows the last pass)."""
    return reconcile_next_slice().figures()


@shared_task
def publish_scheduled_pages() -> None:
    """Go-live and expiry of scheduled pages; their signals feed the outbox."""
    from django.core.management import call_command

    call_command("publish_scheduled")


@shared_task
def prune_searched_texts() -> int:
    """Forget the search statistics of the days no longer kept; the rows removed."""
    return searched_texts.prune()


@shared_task(acks_late=False)
def rebuild_search_index(chunk_size: int | None = None) -> str:
    """Rebuild the public index behind its alias, one task per chunk of pages, which the
    workers share; progress is shown in "Paieškos būklė". The new index's name."""
    rebuild = begin_rebuild(chunk_size)
    chunk_ids = list(rebuild.chunks.order_by("pk").values_list("pk", flat=True))
    try:
        if chunk_ids:
            group(write_rebuild_chunk.si(rebuild.pk, chunk_id)
                  for chunk_id in chunk_ids).apply_async()
        else:
            complete_rebuild(rebuild.pk)
    except Exception as error:  # broker unreachable: no chunk may be written
        fail_rebuild(rebuild.pk, f"{type(error).__name__}: {error}")
        raise
    return rebuild.index


class RebuildChunkTask(Task):
    def on_failure(self, exc: BaseException, task_id: str, args: tuple, kwargs: dict,
                   einfo: Any) -> None:
        """Out of retries: the rebuild fails, its index is dropped and the live one stays."""
        fail_rebuild(args[0], f"{type(exc).__name__}: {exc}")


@shared_task(base=RebuildChunkTask, autoretry_for=(Exception,), retry_backoff=2,
             retry_backoff_max=60, retry_jitter=True, max_retries=5, acks_late=True)
def write_rebuild_chunk(rebuild_id: int, chunk_id: int) -> None:
    """Write one chunk of a rebuild into its index; the last chunk acknowledged makes the index
    live. A chunk that fails (engine or database unreachable) is written again, from its start,
    after a backoff; once out of retries, the rebuild fails."""
    write_chunk(chunk_id)
    complete_rebuild(rebuild_id)


@shared_task(acks_late=False)
def rebuild_search_index_if_schema_changed() -> str | None:
    """Rebuild the index, in chunks the workers share, if an upgrade changed what it is built
    with (mapping, analysis); the new index's name, or None when it is current. The check is
    made where rebuilds begin one at a time, so that workers starting together begin one."""
    with one_beginning_at_a_time(get_engine().alias):
        return rebuild_search_index() if schema_outdated() else None


@worker_ready.connect
def check_index_schema(**_signal_arguments: object) -> None:
    """A worker that starts after an upgrade brings the index up to the new schema."""
    rebuild_search_index_if_schema_changed.delay()
