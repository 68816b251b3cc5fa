"""No lost or blocked update: concurrent transactions and drains, engine refusals, failing
pages and a worker killed in the middle of a bulk request, on the real database and engines."""

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from urllib.parse import urlsplit

import elastic_transport
import pytest
from django.db import connection, transaction
from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError

from config.celery import app
from pages.models import FundingMeasurePage, ProjectPage, ProviderPage
from search import documents, outbox, pipeline
from search.engines.base import IndexAction
from search.models import OutboxEntry, StoredDocument, StoredFacetValue, StoredIndex
from search.query import SearchQuery
from tests.conftest import create_demo_sites
from tests.factories import MEASURE, PROJECT, PROVIDER, TRANSLATION
from tests.search.documents import DOCUMENTS
from tests.search.worker_processes import ROOT, poll, worker_database_url
from workers.tasks import drain_outbox

postgresql = pytest.mark.skipif(connection.vendor != "postgresql",
                                reason="concurrent transactions and row locks: PostgreSQL")
remote_engines = pytest.mark.parametrize("engine", ["elasticsearch", "opensearch"],
                                         indirect=True)
NO_PAGE = 10**9  # page ids no page has: their documents are deletes


def concurrently(*works: Callable[[], object], hold: float | None = 0.3) -> list[object]:
    """Run each work in its own thread and connection, all started together. With `hold`,
    each runs in a transaction that stays open `hold` seconds after it, so that they overlap;
    with None, each runs as a worker does (autocommit)."""
    barrier = threading.Barrier(len(works))

    def run(work: Callable[[], object]) -> object:
        try:
            if hold is None:
                barrier.wait(timeout=60)
                return work()
            with transaction.atomic():
                OutboxEntry.objects.exists()  # the transaction has begun
                barrier.wait(timeout=60)
                result = work()
                time.sleep(hold)
            return result
        finally:
            connection.close()

    with ThreadPoolExecutor(len(works)) as pool:
        return [future.result() for future in [pool.submit(run, work) for work in works]]


@postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_changes_of_one_page_are_both_counted():
    outbox.record_changes([NO_PAGE + 1])
    concurrently(lambda: outbox.record_changes([NO_PAGE, NO_PAGE + 1]),
                 lambda: outbox.record_changes([NO_PAGE + 1, NO_PAGE]))
    versions = OutboxEntry.objects.filter(page_id__gte=NO_PAGE).values_list("page_id", "version")
    assert dict(versions) == {NO_PAGE: 2, NO_PAGE + 1: 3}


@postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_failure_of_an_older_version_leaves_a_new_change_pending(monkeypatch):
    monkeypatch.setattr(outbox, "MAX_ATTEMPTS", 1)
    outbox.record_changes([NO_PAGE])

    changed = threading.Event()

    def change() -> None:
        outbox.record_changes([NO_PAGE])
        changed.set()  # made, not yet committed: its transaction stays open

    def fail_version_1_after_the_change() -> None:
        assert changed.wait(timeout=60)
        outbox.record_failure(NO_PAGE, 1, "atmesta")

    concurrently(fail_version_1_after_the_change, change)
    entry = OutboxEntry.objects.get(page_id=NO_PAGE)
    assert (entry.version, entry.pending, entry.failed, entry.attempts) == (2, True, False, 0)


@postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_concurrent_document_writes_keep_the_newest(engine):
    def version(number: int, status: str) -> list[IndexAction]:
        return [IndexAction(page_id, number, {**DOCUMENTS[0], "id": page_id,
                                              "status": [status]})
                for page_id in (1, 2)]

    engine.bulk(version(1, "planned")[1:])  # page 2 is stored, page 1 is new
    results = concurrently(lambda: engine.bulk(version(3, "completed")),
                           lambda: engine.bulk(version(2, "running")))
    assert not [result for batch in results for result in batch if result.error]
    stored = StoredDocument.objects.filter(index__alias=engine.alias)
    assert sorted(stored.values_list("page_id", "version")) == [(1, 3), (2, 3)]
    assert set(StoredFacetValue.objects.filter(document__in=stored, facet="status")
               .values_list("value", flat=True)) == {"completed"}


@postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("engine", ["database", "opensearch"], indirect=True)
def test_concurrent_drains_write_every_row_once(engine, monkeypatch):
    OutboxEntry.objects.all().delete()
    outbox.record_changes(range(NO_PAGE, NO_PAGE + 40))
    building, barrier, build = {}, threading.Barrier(2), pipeline.actions_for

    def both_building(versions: dict[int, int], *args) -> list[IndexAction]:
        if threading.get_ident() not in building:  # each drain's first batch waits for the other
            building[threading.get_ident()] = set(versions)
            barrier.wait(timeout=60)
        return build(versions, *args)

    monkeypatch.setattr(pipeline, "actions_for", both_building)
    reports = concurrently(lambda: pipeline.drain(limit=20), lambda: pipeline.drain(limit=20),
                           hold=None)
    first, second = building.values()
    assert not first & second
    assert first | second == set(range(NO_PAGE, NO_PAGE + 40))
    assert [report.written for report in reports] == [20, 20]
    assert not OutboxEntry.objects.filter(pending=True).exists()


@remote_engines
def test_unreachable_engine_leaves_the_rows_due_without_using_attempts(engine, settings):
    outbox.record_changes([NO_PAGE])
    url_setting = "ELASTICSEARCH_URL" if settings.ELASTICSEARCH_URL else "OPENSEARCH_URL"
    setattr(settings, url_setting, "http://127.0.0.1:9")  # nothing listens there
    with pytest.raises((elastic_transport.ConnectionError, OpenSearchConnectionError)):
        pipeline.drain()  # the client's connection error, which Celery retries
    entry = OutboxEntry.objects.get(page_id=NO_PAGE)
    assert (entry.pending, entry.attempts, entry.retry_after) == (True, 0, None)


@pytest.fixture
def pages(sites, run_import, engine) -> list[int]:
    result = run_import([PROVIDER, MEASURE, PROJECT, TRANSLATION])
    assert not result.failed, result.stderr
    return list(OutboxEntry.objects.filter(pending=True).values_list("page_id", flat=True))


def with_documents(page_ids: list[int]) -> set[int]:
    return {page_id for page_id, document in documents.build_documents(page_ids).items()
            if document}


def found(engine) -> set[int]:
    engine.refresh()
    return {hit.id for hit in engine.search(SearchQuery(page_size=50)).hits}


def drain_now() -> pipeline.DrainReport:
    """A drain after every postponement has run out."""
    OutboxEntry.objects.update(retry_after=None)
    return pipeline.drain()


@remote_engines
@pytest.mark.parametrize("block", ["index.blocks.write", "index.blocks.read_only_allow_delete"])
def test_write_block_postpones_without_using_attempts(engine, pages, block, monkeypatch):
    monkeypatch.setattr(outbox, "MAX_ATTEMPTS", 1)
    [index] = engine._indices_of(engine.alias)
    engine.client.indices.put_settings(index=index, body={block: True})
    try:
        for _drain in range(2):
            report = drain_now()
            assert (report.written, report.failed, report.postponed) == (0, 0, len(pages))
    finally:
        engine.client.indices.put_settings(index=index, body={block: None})
    entries = OutboxEntry.objects.all()
    assert {(entry.pending, entry.failed, entry.attempts) for entry in entries} == {
        (True, False, 0)}
    assert all("cluster_block_exception" in entry.last_error for entry in entries)
    assert drain_now().written == len(pages)
    assert not OutboxEntry.objects.filter(pending=True).exists()
    assert found(engine) == with_documents(pages)


def delete_live_index(engine) -> str:
    if not hasattr(engine, "client"):
        return str(StoredIndex.objects.filter(alias=engine.alias, live=True).delete())
    [index] = engine._indices_of(engine.alias)
    engine.client.indices.delete(index=index)
    return index


def test_index_deleted_behind_the_alias_is_never_acknowledged(engine, pages, monkeypatch):
    build, deleted = pipeline.actions_for, []

    def deleting_the_index(versions: dict[int, int], *args) -> list[IndexAction]:
        deleted.append(delete_live_index(engine))
        return build(versions, *args)

    monkeypatch.setattr(pipeline, "actions_for", deleting_the_index)
    report = pipeline.drain()
    assert (report.written, report.failed, report.postponed) == (0, 0, len(pages))
    if hasattr(engine, "client"):
        assert not engine.client.indices.exists(index=deleted[0])  # no stray index written
    entries = OutboxEntry.objects.all()
    assert {(entry.pending, entry.attempts) for entry in entries} == {(True, 0)}
    assert all("index" in entry.last_error for entry in entries)
    monkeypatch.setattr(pipeline, "actions_for", build)
    assert drain_now().written == len(pages)  # into a new live index
    assert found(engine) == with_documents(pages)


@pytest.mark.parametrize("engine", ["database", "opensearch"], indirect=True)
def test_page_whose_document_cannot_be_built_fails_alone(engine, pages, monkeypatch):
    broken = ProjectPage.objects.get(locale__language_code="lt").pk
    expected = with_documents(pages) - {broken}
    mapping = documents.MAPPINGS["project"]

    def failing(page, *args):
        if page.pk == broken:
            raise ValueError("sugadintas puslapis")
        return mapping.mapper(page, *args)

    monkeypatch.setitem(documents.MAPPINGS, "project", replace(mapping, mapper=failing))
    report = pipeline.drain()
    assert (report.written, report.failed) == (len(pages) - 1, 1)
    entry = OutboxEntry.objects.get(page_id=broken)
    assert entry.pending and entry.failed and "sugadintas puslapis" in entry.last_error
    assert not OutboxEntry.objects.exclude(page_id=broken).filter(pending=True).exists()
    assert found(engine) == expected


@pytest.fixture
def queue():
    """A Celery queue of this test's own on the real Redis."""
    if not os.environ.get("REDIS_URL"):
        pytest.fail("REDIS_URL is not set: start Redis with `make services`.")
    previous, app.conf.task_default_queue = app.conf.task_default_queue, f"test-{uuid.uuid4()}"
    yield app.conf.task_default_queue
    app.conf.task_default_queue = previous


class HoldingProxy:
    """A TCP proxy to an engine that passes every request on but never returns the answer to
    a bulk request: its writes are applied while the client still waits (and, once it has
    given up waiting, while it waits for the one it sends again)."""

    def __init__(self, url: str) -> None:
        target = urlsplit(url)
        self.target = (target.hostname, target.port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.bulk_sent = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:  # closed
                return
            upstream = socket.create_connection(self.target)
            held = threading.Event()
            threading.Thread(target=self._pump, args=(client, upstream, held, True),
                             daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, held, False),
                             daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, held: threading.Event,
              requests: bool) -> None:
        try:
            while data := source.recv(65536):
                if requests and b"/_bulk" in data:
                    held.set()
                    self.bulk_sent.set()
                if requests or not held.is_set():
                    sink.sendall(data)
        except OSError:
            pass
        finally:
            sink.close()

    def close(self) -> None:
        self.listener.close()


def start_worker(queue: str, settings, engine_url: str, *options: str) -> subprocess.Popen:
    url_setting = "ELASTICSEARCH_URL" if settings.ELASTICSEARCH_URL else "OPENSEARCH_URL"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test",
           "DATABASE_URL": worker_database_url(), "CELERY_QUEUE": queue,
           "SEARCH_INDEX_ALIAS": settings.SEARCH_INDEX_ALIAS, "ELASTICSEARCH_URL": "",
           "OPENSEARCH_URL": "", url_setting: engine_url}
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "-Q", queue,
         "--loglevel=warning", *options], cwd=ROOT, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@remote_engines
def test_worker_killed_during_a_bulk_request_loses_nothing(run_import, queue, settings, engine):
    create_demo_sites()
    projects = [{**PROJECT, "id": f"p{number}", "title": f"Projektas numeris {number}",
                 "project_code": "", "partners": []} for number in range(8)]
    assert not run_import([PROVIDER, MEASURE, PROJECT, *projects]).failed
    engine_url = settings.ELASTICSEARCH_URL or settings.OPENSEARCH_URL
    proxy = HoldingProxy(engine_url)
    killed = start_worker(queue, settings, proxy.url)
    try:
        drain_outbox.apply_async()
        assert proxy.bulk_sent.wait(timeout=90), "the worker sent no bulk request"
        poll(lambda: engine.refresh() or engine.count() > 0, 30,
             "the engine applying the writes whose answer never arrives")
    finally:
        killed.kill()
        print(killed.communicate(timeout=30)[0])
        proxy.close()
    engine.refresh()
    assert engine.count() > 0  # the engine stored documents …
    imported = [page.pk for model in (ProviderPage, FundingMeasurePage, ProjectPage)
                for page in model.objects.all()]
    assert len(imported) == len(projects) + 3
    assert set(OutboxEntry.objects.filter(page_id__in=imported).values_list(
        "pending", flat=True)) == {True}  # … but none was acknowledged
    page = ProjectPage.objects.get(title="Projektas numeris 7")
    before = OutboxEntry.objects.get(page_id=page.pk).version
    page.title = "Projektas numeris septyni"
    page.save_revision().publish()  # a newer version while the claim is held
    successor = start_worker(queue, settings, engine_url, "--beat", "--schedule",
                             str(ROOT / ".cache" / f"beat-{queue}"))
    try:
        expected: dict[int, int] = {}

        def indexed_at_latest_versions() -> bool:
            versions = dict(OutboxEntry.objects.values_list("page_id", "version"))
            built = documents.build_documents(versions)
            expected.clear()
            expected.update({page_id: versions[page_id] for page_id in versions
                             if built[page_id] is not None})
            engine.refresh()
            return engine.indexed_versions() == expected and not OutboxEntry.objects.filter(
                pending=True).exists()

        poll(indexed_at_latest_versions, seconds=outbox.CLAIM_SECONDS + 90)
        assert set(imported) <= set(expected)
        assert expected[page.pk] > before
        assert [hit.title for hit in engine.search(SearchQuery(text="septyni")).hits] == [
            "Projektas numeris septyni"]
    finally:
        successor.terminate()
        print(successor.communicate(timeout=30)[0])
