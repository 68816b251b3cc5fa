"""Celery tasks: drain the search outbox (after each commit and on the beat schedule), check the
index against the database a slice at a time, publish scheduled pages, forget old search
statistics, rebuild the index on request from the admin and, when a worker starts, if the index
was built with another schema."""

from celery import shared_task
from celery.signals import worker_ready

from search import searched_texts
from search.outbox import DRAIN_TASK
from search.pipeline import DrainReport, drain
from search.rebuild import rebuild_if_schema_changed, run_rebuild
from search.reconcile import reconcile_next_slice


@shared_task(name=DRAIN_TASK, bind=True, autoretry_for=(Exception,), retry_backoff=2,
             retry_backoff_max=60, retry_jitter=True, max_retries=8, acks_late=True)
def drain_outbox(self) -> dict[str, int]:
    """Drain until nothing is due; an exception (engine or database unreachable) releases the
    claimed rows and Celery retries the task. Rows the engine postponed wait for the beat."""
    report: DrainReport = drain()
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
def rebuild_search_index() -> str:
    """Rebuild the public index behind its alias; progress is shown in "Paieškos būklė"."""
    return run_rebuild()


@shared_task(acks_late=False)
def rebuild_search_index_if_schema_changed() -> str | None:
    """Rebuild the index if an upgrade changed what it is built with (mapping, analysis)."""
    return rebuild_if_schema_changed()


@worker_ready.connect
def check_index_schema(**_signal_arguments: object) -> None:
    """A worker that starts after an upgrade brings the index up to the new schema."""
    rebuild_search_index_if_schema_changed.delay()
