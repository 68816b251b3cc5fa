"""A rebuild in chunks, run by Celery in this process (eagerly): progress sums the chunks, a
chunk failing once is written again, one failing for good fails the rebuild and leaves the live
index as it was."""

import threading
from collections.abc import Callable

import pytest

from search import rebuild as rebuild_module
from search.documents import SiteDirectory, searchable_page_ids
from search.models import Rebuild, StoredIndex
from search.pipeline import overlapped_batches, write_pages
from search.query import SearchQuery
from search.rebuild import (
    DONE,
    FAILED,
    RUNNING,
    begin_rebuild,
    chunk_size_for,
    complete_rebuild,
    read_progress,
    run_rebuild,
    write_chunk,
)
from tests.search.conftest import engine_fixture
from workers.tasks import rebuild_search_index, write_rebuild_chunk

PAGES = 7
server_engine = engine_fixture(["elasticsearch", "opensearch"])


def import_news(run_import) -> list[int]:
    result = run_import([{"id": f"n{number}", "type": "news", "site": "alytus",
                          "title": f"Naujiena {number}", "lead": "Trumpai."}
                         for number in range(PAGES)])
    assert not result.failed, result.stderr
    return searchable_page_ids()


@pytest.fixture
def news(sites, run_import, engine) -> list[int]:
    return import_news(run_import)


@pytest.fixture
def eager(monkeypatch) -> None:
    """Tasks run in this process as they are queued, retries too (without their wait)."""
    monkeypatch.setitem(rebuild_search_index.app.conf, "task_always_eager", True)


def live_index(engine) -> str:
    if hasattr(engine, "client"):
        return next(iter(engine.client.indices.get_alias(name=engine.alias)))
    return StoredIndex.objects.get(alias=engine.alias, live=True).name


def index_exists(engine, index: str) -> bool:
    if hasattr(engine, "client"):
        return engine.client.indices.exists(index=index)
    return StoredIndex.objects.filter(name=index).exists()


def indexed_ids(engine) -> set[int]:
    engine.refresh()
    return {hit.id for hit in engine.search(SearchQuery(page_size=50)).hits}


def failing_in(chunk_upto: int, times: int, monkeypatch) -> list[int]:
    """Writing the chunk that ends at page `chunk_upto` raises its first `times` attempts;
    answers the attempts made."""
    write_pages, attempts = rebuild_module.write_pages, []

    def flaky_write_pages(index: str, page_ids: list[int], *args) -> None:
        if page_ids and page_ids[-1] == chunk_upto:
            attempts.append(len(attempts))
            if len(attempts) <= times:
                raise ConnectionError("the engine cannot be reached")
        write_pages(index, page_ids, *args)

    monkeypatch.setattr(rebuild_module, "write_pages", flaky_write_pages)
    return attempts


def test_a_rebuild_is_cut_into_eight_chunks_of_one_to_five_thousand_pages():
    assert chunk_size_for(0) == chunk_size_for(3_000) == chunk_size_for(8_000) == 1_000
    assert chunk_size_for(8_001) == 1_001
    assert chunk_size_for(20_000) == 2_500
    assert chunk_size_for(40_000) == chunk_size_for(100_000) == 5_000


def test_a_rebuild_takes_its_chunk_size_from_its_pages(news, engine, monkeypatch):
    monkeypatch.setattr(rebuild_module, "chunk_size_for", lambda pages: pages - 1)
    rebuild = begin_rebuild()
    assert [(chunk.after, chunk.upto) for chunk in rebuild.chunks.order_by("pk")] == [
        (0, news[-2]), (news[-2], news[-1])]


def test_progress_sums_the_pages_each_chunk_wrote(news, engine):
    rebuild = begin_rebuild(chunk_size=3)
    chunks = list(rebuild.chunks.order_by("pk"))
    assert [(chunk.after, chunk.upto) for chunk in chunks] == [
        (0, news[2]), (news[2], news[5]), (news[5], news[6])]
    assert (read_progress().state, read_progress().done, read_progress().total) == (
        RUNNING, 0, PAGES)
    write_chunk(chunks[2].pk)
    write_chunk(chunks[0].pk)
    assert (read_progress().state, read_progress().done, read_progress().percent) == (
        RUNNING, 4, 57)
    assert not complete_rebuild(rebuild.pk)  # a chunk is not acknowledged yet
    write_chunk(chunks[1].pk)
    assert complete_rebuild(rebuild.pk)
    assert not complete_rebuild(rebuild.pk)  # promoted once
    progress = read_progress()
    assert (progress.state, progress.done, progress.total, progress.message) == (
        DONE, PAGES, PAGES, rebuild.index)
    assert live_index(engine) == rebuild.index
    assert indexed_ids(engine) == set(news)


def test_a_chunk_failing_once_is_written_again_and_the_rebuild_completes(
        news, engine, eager, monkeypatch):
    attempts = failing_in(news[5], 1, monkeypatch)
    index = rebuild_search_index.delay(chunk_size=3).get()
    assert attempts == [0, 1]
    assert read_progress().state == DONE and read_progress().done == PAGES
    assert live_index(engine) == index
    assert indexed_ids(engine) == set(news)


def test_a_chunk_failing_for_good_fails_the_rebuild_and_the_live_index_stays(
        news, engine, eager, monkeypatch):
    old_index = live_index(engine)
    attempts = failing_in(news[5], 100, monkeypatch)
    rebuild_search_index.delay(chunk_size=3)
    assert len(attempts) == write_rebuild_chunk.max_retries + 1
    progress = read_progress()
    assert progress.state == FAILED and not progress.active
    assert "the engine cannot be reached" in progress.message
    assert live_index(engine) == old_index
    assert not index_exists(engine, Rebuild.objects.get(pk=progress.rebuild).index)
    write_chunk(Rebuild.objects.get(pk=progress.rebuild).chunks.last().pk)  # redelivered
    assert not complete_rebuild(progress.rebuild)
    assert live_index(engine) == old_index


def test_the_chunks_a_process_writes_share_one_site_directory_per_rebuild(
        news, engine, monkeypatch):
    """Read when the process's first chunk of a rebuild starts; a later rebuild reads its own."""
    read: list[SiteDirectory] = []

    class CountedDirectory(SiteDirectory):
        def __init__(self) -> None:
            super().__init__()
            read.append(self)

    monkeypatch.setattr(rebuild_module, "SiteDirectory", CountedDirectory)
    run_rebuild(chunk_size=3)
    assert len(read) == 1
    run_rebuild(chunk_size=3)
    assert len(read) == 2
    assert indexed_ids(engine) == set(news)


@pytest.mark.parametrize("pages", [0, 1, 3, 99, 100, 101, 2500, 2501])
def test_a_chunk_is_sent_in_batches_whose_first_and_last_are_smaller(pages):
    """Every page once, in order; the first and the last batch hold a fifth of the others
    (what is not overlapped costs less), the others at most a batch's size."""
    page_ids = list(range(1, pages + 1))
    sizes = [len(batch) for batch in overlapped_batches(page_ids, 50)]
    assert [page for batch in overlapped_batches(page_ids, 50) for page in batch] == page_ids
    assert all(0 < size <= 50 for size in sizes)
    if pages > 20:
        assert sizes[0] == sizes[-1] == 10


def sending(engine, monkeypatch, before: Callable[[int], None]) -> list[int]:
    """The sizes of the bulk writes the engine is sent from now on; `before` is told each
    send's number (from 1) before it goes."""
    sent: list[int] = []
    bulk = type(engine).bulk

    def recorded_bulk(self, actions, index=None):
        sent.append(len(actions))
        before(len(sent))
        return bulk(self, actions, index=index)

    monkeypatch.setattr(type(engine), "bulk", recorded_bulk)
    return sent


def test_a_server_is_sent_the_next_batch_while_the_last_ones_outcome_is_recorded(
        sites, run_import, server_engine, monkeypatch):
    """The sender goes on to the batch read meanwhile as soon as one is written: the server
    does not wait for the written one's pages to be counted."""
    page_ids = import_news(run_import)
    second_sent = threading.Event()
    sent = sending(server_engine, monkeypatch,
                   lambda count: second_sent.set() if count == 2 else None)
    sent_while_first_recorded: list[bool] = []
    counted: list[int] = []

    def on_batch(size: int) -> None:
        if not counted:
            sent_while_first_recorded.append(second_sent.wait(timeout=60))
        counted.append(size)

    write_pages(server_engine.create_index(), page_ids, on_batch, batch_size=5)
    assert sent_while_first_recorded == [True]
    assert sent == counted == [1, 5, 1]


def test_a_server_writes_two_batches_side_by_side(sites, run_import, server_engine,
                                                   monkeypatch):
    """The second batch is sent while the first is still being written, not after it."""
    page_ids = import_news(run_import)
    second_sent = threading.Event()
    first_waited: list[bool] = []

    def before(count: int) -> None:
        if count == 1:
            first_waited.append(second_sent.wait(timeout=30))
        elif count == 2:
            second_sent.set()

    sent = sending(server_engine, monkeypatch, before)
    write_pages(server_engine.create_index(), page_ids, batch_size=5)
    assert first_waited == [True] and sent == [1, 5, 1]


def test_a_failed_send_is_raised_with_no_batch_counted(sites, run_import, server_engine,
                                                      monkeypatch):
    """The batch sent beside one that fails is still sent; no later one is sent, and nothing
    is counted as written."""
    page_ids = import_news(run_import)

    def fail_first(count: int) -> None:
        if count == 1:
            raise ConnectionError("the server went away")

    sent = sending(server_engine, monkeypatch, fail_first)
    counted: list[int] = []
    with pytest.raises(ConnectionError):
        write_pages(server_engine.create_index(), page_ids, counted.append, batch_size=5)
    assert sent == [1, 5] and counted == []
