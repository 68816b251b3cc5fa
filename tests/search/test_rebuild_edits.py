"""A rebuild loses no edit made while it runs, whatever the edited page's place in the rebuild:
already written into the building index, read but not yet written, or not read yet; nor an
edit of a page that the documents point at, which the rebuild's batches share."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from pages.models import NewsPage, ProjectPage, ProviderPage
from search import pipeline
from search.documents import searchable_page_ids
from search.engines.base import IndexAction
from search.models import OutboxEntry, Rebuild, StoredIndex
from search.query import SearchQuery
from search.rebuild import begin_rebuild, complete_rebuild, run_rebuild, write_chunk
from search.reconcile import reconcile
from tests.factories import MEASURE, PROJECT, PROVIDER
from tests.search.documents import DOCUMENTS

PAGES = 6


@pytest.fixture
def news(sites, run_import, engine) -> list[NewsPage]:
    result = run_import([{"id": f"n{number}", "type": "news", "site": "alytus",
                          "title": f"Naujiena {number}", "lead": "Trumpai."}
                         for number in range(PAGES)])
    assert not result.failed, result.stderr
    pipeline.drain()
    engine.refresh()
    pages = list(NewsPage.objects.order_by("pk"))
    assert [page.title for page in pages] == [f"Naujiena {number}" for number in range(PAGES)]
    return pages


def titles(engine) -> dict[int, str]:
    return {hit.id: hit.title for hit in engine.search(SearchQuery(page_size=50)).hits}


def publish_title(page: NewsPage, title: str) -> None:
    page = NewsPage.objects.get(pk=page.pk)
    page.title = title
    page.save_revision().publish()


def test_edits_made_between_batches_reach_the_promoted_index(engine, news):
    """With one page per batch, `on_batch` is called when batch k is written and batch k + 1
    is already read (built with the versions and content of that moment). After batch 1, the
    pages are edited and drained:
    - pages 0 and 1 are already in the building index: only the drain's write to it (with a
      newer version) updates page 0 and deletes page 1;
    - page 2 is read but not written: the rebuild then writes its stale document with its old
      version, which must lose against the drain's newer one;
    - page 4 is not read yet: the rebuild reads it as edited."""
    assert [page.pk for page in news] == searchable_page_ids()
    calls: list[int] = []

    def edit_between_batches(size: int) -> None:
        calls.append(size)
        if len(calls) != 2:
            return
        publish_title(news[0], "Pakeista po įrašymo")
        NewsPage.objects.get(pk=news[1].pk).unpublish()
        publish_title(news[2], "Pakeista po nuskaitymo")
        publish_title(news[4], "Pakeista prieš nuskaitymą")
        report = pipeline.drain()
        assert (report.written, report.failed, report.postponed) == (4, 0, 0)

    run_rebuild(on_batch=edit_between_batches, batch_size=1)
    assert calls == [1] * PAGES
    engine.refresh()
    assert titles(engine) == {
        news[0].pk: "Pakeista po įrašymo",
        news[2].pk: "Pakeista po nuskaitymo",
        news[3].pk: "Naujiena 3",
        news[4].pk: "Pakeista prieš nuskaitymą",
        news[5].pk: "Naujiena 5",
    }
    written = dict(OutboxEntry.objects.values_list("page_id", "version"))
    indexed = engine.indexed_versions()
    assert all(indexed[pk] == written.get(pk, 0) for pk in indexed)
    assert not OutboxEntry.objects.filter(pending=True).exists()
    result = reconcile()
    assert (result.missing, result.stale, result.orphans) == (set(), set(), set())


@pytest.mark.parametrize("drained", [True, False], ids=["drained", "pending"])
def test_an_organisation_renamed_during_a_rebuild_reaches_every_project_of_it(
        engine, sites, run_import, drained):
    """The batches of a rebuild share the pages their documents point at, read by the first
    batch that needs one. The organisation leading every project is renamed after the first
    project was written, and its projects are drained or still pending when their batch is
    read: every project's document in the promoted index names it as renamed."""
    projects = [{**PROJECT, "id": f"p{number}", "title": f"Projektas {number}",
                 "project_code": "", "partners": []} for number in range(4)]
    result = run_import([PROVIDER, MEASURE, *projects])
    assert not result.failed, result.stderr
    pipeline.drain()
    calls: list[int] = []

    def rename_after_the_first_project(size: int) -> None:
        calls.append(size)
        if len(calls) != 2:
            return
        provider = ProviderPage.objects.get(title=PROVIDER["title"])
        provider.title = "Pervadinta administracija"
        provider.save_revision().publish()
        if drained:
            assert pipeline.drain().written == 1 + len(projects)

    run_rebuild(on_batch=rename_after_the_first_project, batch_size=1)
    pipeline.drain()
    engine.refresh()
    project_ids = set(ProjectPage.objects.values_list("pk", flat=True))
    found = engine.search(SearchQuery(text="Pervadinta", page_size=50)).hits
    assert {hit.id for hit in found} >= project_ids
    result = reconcile()
    assert (result.missing, result.stale, result.orphans) == (set(), set(), set())


def test_a_rebuild_left_running_is_superseded_and_edits_reach_the_next_one(engine, news):
    """A rebuild whose process stopped stays recorded as running, its index behind the
    building alias. The next rebuild fails it and drops its index: edits made while the next
    one runs are written (to the live index and the new one alone), none refused."""
    left_behind = begin_rebuild()  # and its process stops: no chunk written, nothing dropped

    def edit_between_batches(size: int) -> None:
        publish_title(news[0], "Pakeista perstatant")
        pipeline.drain()

    index = run_rebuild(on_batch=edit_between_batches, batch_size=2)
    left_behind.refresh_from_db()
    assert (left_behind.state, left_behind.message) == (Rebuild.FAILED,
                                                         "Superseded by a new rebuild.")
    assert not OutboxEntry.objects.filter(attempts__gt=0).exists()
    assert not OutboxEntry.objects.filter(pending=True).exists()
    engine.refresh()
    assert titles(engine)[news[0].pk] == "Pakeista perstatant"
    assert engine.bulk([IndexAction(news[1].pk, 99, None)])[0].error == ""  # writes go through
    assert indices_of(engine) == [index]
    late_chunk = left_behind.chunks.values_list("pk", flat=True).first()
    run_rebuild()  # removes the superseded record; a late task of it changes nothing
    assert not Rebuild.objects.filter(pk=left_behind.pk).exists()
    write_chunk(late_chunk)
    assert not complete_rebuild(left_behind.pk)
    assert len(indices_of(engine)) == 1


def indices_of(engine, live: bool | None = None) -> list[str]:
    """The indices of the engine's alias: live, rebuilding, or (None) both."""
    client = getattr(engine, "client", None)
    if client is None:
        stored = StoredIndex.objects.filter(alias=engine.alias)
        if live is not None:
            stored = stored.filter(live=live)
        return sorted(stored.values_list("name", flat=True))
    if live is None:
        return sorted(client.indices.get(index=f"{engine.alias}-*"))
    return engine._indices_of(engine.alias if live else engine.building_alias)


def test_a_late_task_of_a_rebuild_that_went_live_never_drops_the_live_index(engine, news):
    rebuild = begin_rebuild()
    for chunk_id in rebuild.chunks.values_list("pk", flat=True):
        write_chunk(chunk_id)
    assert complete_rebuild(rebuild.pk)
    Rebuild.objects.filter(pk=rebuild.pk).update(state=Rebuild.FAILED)  # as a race may leave it
    write_chunk(rebuild.chunks.values_list("pk", flat=True).first())  # redelivered late
    engine.abandon(rebuild.index)  # as failing it again would
    engine.refresh()
    assert indices_of(engine, live=True) == [rebuild.index]
    assert len(titles(engine)) == PAGES


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="rebuilds begun by two processes at once: PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rebuilds_begun_at_once_begin_one_after_the_other(engine):
    both_ready = threading.Barrier(2)

    def begin(_number: int) -> int:
        both_ready.wait()
        try:
            return begin_rebuild().pk
        finally:
            connection.close()

    with ThreadPoolExecutor(2) as pool:
        begun = list(pool.map(begin, range(2)))
    states = Rebuild.objects.filter(pk__in=begun)
    assert sorted(states.values_list("state", flat=True)) == [Rebuild.FAILED, Rebuild.RUNNING]
    running = states.get(state=Rebuild.RUNNING)
    assert indices_of(engine, live=False) == [running.index]
    assert engine.bulk([IndexAction(10**9, 1, DOCUMENTS[0])])[0].error == ""
