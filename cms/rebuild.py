"""Queueing a rebuild of the public index from the admin: the worker runs it (search/rebuild.py)
and records its progress, which the admin panel polls."""

from django.utils.translation import gettext as _

from search.engines import get_engine
from search.rebuild import (
    FAILED,
    QUEUED,
    RebuildProgress,
    one_beginning_at_a_time,
    read_progress,
    write_progress,
)
from workers.tasks import rebuild_search_index


def start_rebuild() -> RebuildProgress:
    """Queue a rebuild unless one is under way (or queued by a click meanwhile); answer the
    progress to show."""
    with one_beginning_at_a_time(get_engine().alias):
        progress = read_progress()
        if progress.active:
            return progress
        progress = RebuildProgress(QUEUED)
        write_progress(progress)
    try:
        rebuild_search_index.apply_async(retry=False)
    except Exception as error:  # broker unreachable
        progress = RebuildProgress(FAILED, message=_("The task queue cannot be reached: %(error)s")
                                    % {"error": error})
        write_progress(progress)
    return progress
