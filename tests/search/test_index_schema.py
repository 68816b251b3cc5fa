"""Each index records the schema it was built with (the engine's mapping and analysis settings;
for the database engine, the analysis and its stored terms): an index of another schema, as an
upgrade leaves it, is rebuilt behind its alias when a worker starts (in chunks the workers
share) or `search_index upgrade` runs, and search keeps answering from the rebuilt one."""

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection

from search import pipeline
from search import rebuild as rebuilds
from search.conf import shared_cache
from search.engines import get_engine
from search.models import Rebuild
from search.query import SearchQuery
from search.rebuild import begin_rebuild, rebuild_if_schema_changed, schema_outdated, write_rebuild
from tests.factories import MEASURE, PROJECT, PROVIDER
from tests.search.conftest import as_another_process
from workers import tasks

FOUND = SearchQuery(text="savarankiško gyvenimo namai")


@pytest.fixture
def indexed(engine, sites, run_import):
    assert not run_import([PROVIDER, MEASURE, PROJECT]).failed
    pipeline.drain()
    engine.refresh()
    return engine


@pytest.mark.parametrize("engine", ["database", "opensearch"], indirect=True)
def test_an_index_of_the_current_schema_is_left_as_it_is(indexed):
    assert indexed.live_schema() == indexed.schema_version() != ""
    assert rebuild_if_schema_changed() is None


@pytest.mark.parametrize("engine", ["database", "opensearch"], indirect=True)
def test_an_index_of_another_schema_is_rebuilt_and_search_answers_from_the_new_one(
        indexed, monkeypatch):
    before = indexed.search(FOUND)
    assert before.count >= 1
    upgraded = "upgraded-schema"
    monkeypatch.setattr(type(indexed), "schema_version", lambda engine: upgraded)
    new_index = rebuild_if_schema_changed()
    assert new_index is not None
    engine = get_engine()
    engine.refresh()
    assert engine.live_schema() == upgraded
    assert [hit.id for hit in engine.search(FOUND).hits] == [hit.id for hit in before.hits]
    assert rebuild_if_schema_changed() is None  # once is enough


@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_the_upgrade_command_says_what_it_did(indexed, monkeypatch):
    def upgrade() -> str:
        out = StringIO()
        call_command("search_index", "upgrade", "--no-progress", stdout=out)
        return out.getvalue()

    assert "dabartinę schemą" in upgrade()
    monkeypatch.setattr(type(indexed), "schema_version", lambda engine: "upgraded-schema")
    assert "Naujas indeksas" in upgrade()


@pytest.mark.parametrize("engine", ["database", "opensearch"], indirect=True)
def test_a_starting_worker_queues_the_rebuild_in_chunks_that_any_worker_takes(
        indexed, monkeypatch):
    """Once per schema: a second check, while the chunks wait, starts no other rebuild."""
    before = indexed.search(FOUND)
    monkeypatch.setattr(type(indexed), "schema_version", lambda engine: "upgraded-schema")
    queued: list = []
    monkeypatch.setattr(tasks, "group", lambda signatures: SimpleNamespace(
        apply_async=lambda: queued.extend(signatures)))
    new_index = tasks.rebuild_search_index_if_schema_changed()
    assert [signature.task for signature in queued] == [tasks.write_rebuild_chunk.name] * len(
        Rebuild.objects.get(index=new_index).chunks.all())
    assert tasks.rebuild_search_index_if_schema_changed() is None
    assert indexed.live_schema() != "upgraded-schema"  # the old index answers meanwhile
    for signature in queued:
        signature.apply()
    engine = get_engine()
    engine.refresh()
    assert engine.live_schema() == "upgraded-schema"
    assert [hit.id for hit in engine.search(FOUND).hits] == [hit.id for hit in before.hits]


@pytest.mark.parametrize("engine", ["database", "opensearch"], indirect=True)
def test_a_rebuild_finishing_while_the_schema_is_checked_is_not_begun_again(
        indexed, monkeypatch):
    """Whichever the check reads first, the rebuild's state or the live schema, the rebuild
    finishing right after that read leaves the index current."""
    monkeypatch.setattr(type(indexed), "schema_version", lambda engine: "upgraded-schema")
    rebuild = begin_rebuild()
    unfinished = [lambda: write_rebuild(rebuild)]

    def finishing_after(read: Callable) -> Callable:
        def read_then_finish(*args: object) -> object:
            value = read(*args)
            while unfinished:
                unfinished.pop()()
            return value
        return read_then_finish

    monkeypatch.setattr(rebuilds, "read_progress", finishing_after(rebuilds.read_progress))
    monkeypatch.setattr(type(indexed), "live_schema", finishing_after(type(indexed).live_schema))
    assert not schema_outdated()
    assert not unfinished
    assert get_engine().live_schema() == "upgraded-schema"


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="a worker starting beside the command, each with its connection")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("engine", ["database", "opensearch"], indirect=True)
def test_a_worker_starting_as_a_rebuild_begins_finds_it_under_way(indexed, monkeypatch):
    """The worker checks the schema the moment `search_index rebuild` has begun its rebuild,
    with no progress shown before (none for a day, say)."""
    monkeypatch.setattr(type(indexed), "schema_version", lambda engine: "upgraded-schema")
    monkeypatch.setattr(tasks, "group", lambda signatures: SimpleNamespace(
        apply_async=lambda: None))
    shared_cache().delete(rebuilds._key())
    beginning = rebuilds.one_beginning_at_a_time
    worker_check: list[Future] = []

    @contextmanager
    def then_a_worker_starts(alias: str) -> Iterator[None]:
        with beginning(alias):
            yield
        if not worker_check:  # the first beginning: the command's
            with ThreadPoolExecutor(1) as pool:
                worker_check.append(pool.submit(
                    as_another_process, tasks.rebuild_search_index_if_schema_changed))
                worker_check[0].result()

    monkeypatch.setattr(rebuilds, "one_beginning_at_a_time", then_a_worker_starts)
    new_index = rebuilds.run_rebuild()
    assert worker_check[0].result() is None
    assert list(Rebuild.objects.values_list("index", flat=True)) == [new_index]


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="workers starting at once, each with its connection: PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("engine", ["database", "opensearch"], indirect=True)
@pytest.mark.parametrize("upgrading", ["two workers", "a worker and the upgrade command"])
def test_workers_starting_together_after_an_upgrade_begin_one_rebuild(
        engine, monkeypatch, upgrading):
    monkeypatch.setattr(type(engine), "schema_version", lambda engine: "upgraded-schema")
    monkeypatch.setattr(tasks, "group", lambda signatures: SimpleNamespace(
        apply_async=lambda: None))
    starters = [tasks.rebuild_search_index_if_schema_changed,
                tasks.rebuild_search_index_if_schema_changed if upgrading == "two workers"
                else rebuild_if_schema_changed]
    both_ready = threading.Barrier(2)

    def start(upgrade: Callable[[], str | None]) -> str | None:
        both_ready.wait()
        return as_another_process(upgrade)

    with ThreadPoolExecutor(2) as pool:
        begun = [index for index in pool.map(start, starters) if index]
    assert len(begun) == 1
    assert list(Rebuild.objects.values_list("index", flat=True)) == begun
