"""A rebuild fanned out to two real Celery worker processes on Redis, and two of them draining
one outbox; the workers record every document the engine stores (tests/search/recorded_writes)."""

import os
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
import redis
from celery import current_app
from django.db import connection, transaction

from search import pipeline
from search.documents import searchable_page_ids
from search.models import OutboxEntry, RebuildChunk
from search.outbox import DRAIN_TASK, record_changes
from search.rebuild import DONE, read_progress, run_rebuild
from tests.conftest import create_demo_sites
from tests.factories import MEASURE, PROJECT, PROVIDER
from tests.search.worker_processes import own_queue, poll, running_worker
from workers.tasks import rebuild_search_index

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PROJECTS = 16


@pytest.fixture
def writes() -> Iterator[str]:
    """The Redis list the workers record their writes in."""
    key = f"test-writes-{uuid.uuid4().hex[:8]}"
    yield key
    redis.Redis.from_url(os.environ["REDIS_URL"]).delete(key, f"{key}:failures")


def recorded(key: str) -> list[tuple[str, str, int, int]]:
    """(process, index, page id, version) of each write the workers recorded."""
    return [(pid, index, int(page_id), int(version)) for pid, index, page_id, version in
            (line.decode().split() for line in
             redis.Redis.from_url(os.environ["REDIS_URL"]).lrange(key, 0, -1))]


def two_workers(stack: ExitStack, queue: str, settings, writes: str, **env: str) -> None:
    for name in ("first", "second"):
        stack.enter_context(running_worker(
            queue, settings, beat=False, name=name, app_module="tests.search.recorded_writes",
            env={"WRITES_KEY": writes, **env}))


def indexed_documents(engine) -> dict[int, tuple[int, str]]:
    engine.refresh()
    return engine.indexed_fingerprints(0, None)


@pytest.fixture
def queue() -> Iterator[str]:
    with own_queue() as name:
        yield name


@pytest.fixture
def projects(queue, run_import, engine) -> list[int]:
    """Pages of several kinds, indexed; their ids."""
    create_demo_sites()
    result = run_import([PROVIDER, MEASURE] + [
        {**PROJECT, "id": f"p{number}", "title": f"Projektas numeris {number}",
         "project_code": "", "partners": []} for number in range(PROJECTS)])
    assert not result.failed, result.stderr
    pipeline.drain()
    with current_app.connection_for_write() as broker:
        broker.default_channel.queue_purge(queue)  # the drains the import asked for: done
    return searchable_page_ids()


@pytest.mark.parametrize("engine", ["opensearch", "database"], indirect=True)
def test_a_rebuild_fanned_out_to_two_workers_writes_what_one_process_writes(
        projects, queue, engine, settings, writes):
    with ExitStack() as stack:
        run_rebuild()
        one_process = indexed_documents(engine)
        assert len(one_process) >= PROJECTS
        two_workers(stack, queue, settings, writes)
        rebuild_search_index.delay(chunk_size=3)
        poll(lambda: read_progress().state == DONE, what="the rebuild done")
    assert indexed_documents(engine) == one_process
    progress = read_progress()
    assert progress.done == progress.total == len(projects)
    chunk_writes = [write for write in recorded(writes) if write[1] == progress.message]
    assert sorted(page_id for _pid, _index, page_id, _version in chunk_writes) == sorted(
        one_process)
    assert RebuildChunk.objects.filter(rebuild=progress.rebuild, acknowledged=True).count() == (
        -(-len(projects) // 3))


@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_a_chunk_failing_on_a_worker_is_retried_and_the_rebuild_completes(
        projects, queue, engine, settings, writes):
    failing_page = projects[len(projects) // 2]
    with ExitStack() as stack:
        two_workers(stack, queue, settings, writes, FAILING_PAGE=str(failing_page),
                    FAILURES="1")
        rebuild_search_index.delay(chunk_size=4)
        poll(lambda: read_progress().state == DONE, what="the rebuild done")
    failures = redis.Redis.from_url(os.environ["REDIS_URL"]).get(f"{writes}:failures")
    assert int(failures) >= 2  # its chunk failed, then was written
    assert set(indexed_documents(engine)) == set(projects)


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="workers share the outbox with SKIP LOCKED on PostgreSQL")
@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_two_workers_draining_one_outbox_write_each_row_once(queue, engine, settings, writes):
    rows = 3 * pipeline.BATCH_SIZE + 100  # more batches than workers: they share the rows
    with ExitStack() as stack:
        two_workers(stack, queue, settings, writes)
        with transaction.atomic():  # pages gone: each row writes a deletion
            record_changes(range(10**9, 10**9 + rows))
        current_app.send_task(DRAIN_TASK)  # a second drain beside the one the commit asked for
        poll(lambda: not OutboxEntry.objects.filter(pending=True).exists(),
             what="the outbox drained")
    drained = [write for write in recorded(writes) if write[1] == "-"]
    times_written = Counter(page_id for _pid, _index, page_id, _version in drained)
    assert set(times_written.values()) == {1}
    assert set(range(10**9, 10**9 + rows)) <= set(times_written)
    assert len({pid for pid, *_rest in drained}) == 2  # both workers wrote some
