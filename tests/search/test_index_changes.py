"""The alias's indexes change (the first one is created, a rebuilt one goes live) while other
processes write and search: one first index, no write lost, no search failing."""

import contextlib
import threading

import pytest
from django.db import connection
from django.db.models.deletion import Collector

from search.engines import database, get_engine
from search.engines.base import IndexAction
from search.models import StoredIndex
from search.query import SearchQuery
from search.rebuild import begin_rebuild, complete_rebuild
from tests.search.conftest import drop_indices, elsewhere, holding, use_engine
from tests.search.documents import DOCUMENTS

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="processes side by side, each with its connection: PostgreSQL")
side_by_side = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("kind", ["database", "opensearch"])
@postgresql_only
@side_by_side
def test_processes_finding_no_index_create_one(kind, settings, monkeypatch):
    """Both look for an index at the same moment (the first look of each waits for the
    other's); one creates it, the other finds it."""
    use_engine(kind, settings)
    engine = get_engine()
    looked_up = "_indexes" if kind == "database" else "_indices_of"
    look = getattr(type(engine), looked_up)
    both_looking = threading.Barrier(2, timeout=5)
    looked: set[int] = set()

    def looking_together(engine, *args):
        if threading.get_ident() not in looked:
            looked.add(threading.get_ident())
            # on a lock, the other waits to look until this one is done
            with contextlib.suppress(threading.BrokenBarrierError):
                both_looking.wait()
        return look(engine, *args)

    monkeypatch.setattr(type(engine), looked_up, looking_together)
    outcome: list = []
    try:
        for thread in [elsewhere(engine.ensure_index, outcome) for _ in range(2)]:
            thread.join(timeout=60)
        assert outcome == [None, None]
        monkeypatch.setattr(type(engine), looked_up, look)
        if kind == "database":
            assert StoredIndex.objects.filter(alias=engine.alias, live=True).count() == 1
        else:
            assert len(engine._indices_of(engine.alias)) == 1
    finally:
        drop_indices(engine)


@postgresql_only
@side_by_side
@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_a_write_while_a_rebuild_goes_live_is_kept(engine, monkeypatch):
    """The write comes once the old index's rows to drop are read, before they are dropped."""
    holding(engine, DOCUMENTS)
    rebuild = begin_rebuild()
    changed = {**DOCUMENTS[0], "title": "Pakeistas pavadinimas"}
    delete = Collector.delete
    outcome: list = []
    writes: list[threading.Thread] = []

    def deleting_while_a_write_comes(collector: Collector) -> object:
        if StoredIndex in collector.data and not writes:
            writes.append(elsewhere(lambda: engine.bulk([IndexAction(changed["id"], 2, changed)]),
                                    outcome))
            writes[0].join(timeout=5)  # or it waits for the index to go live
        return delete(collector)

    monkeypatch.setattr(Collector, "delete", deleting_while_a_write_comes)
    assert complete_rebuild(rebuild.pk)
    writes[0].join(timeout=60)
    [results] = outcome
    assert [result.error for result in results] == [""]
    assert engine.indexed_versions() == {changed["id"]: 2}
    assert [hit.title for hit in engine.search(SearchQuery(text="pakeistas")).hits] == [
        changed["title"]]


@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_a_search_while_a_rebuild_goes_live_answers_from_the_new_index(engine, monkeypatch):
    """The rebuild goes live between the search's ranking of the documents and its reading
    of the page's rows."""
    holding(engine, DOCUMENTS)
    query = SearchQuery(text="projektas")
    before = [hit.id for hit in engine.search(query).hits]
    assert before
    rebuild = begin_rebuild()
    engine.bulk([IndexAction(doc["id"], 1, doc) for doc in DOCUMENTS], index=rebuild.index)
    score = database.AnalysedQuery.score
    promoted: list[bool] = []

    def going_live_while_ranking(analysed, *args):
        if not promoted:
            promoted.append(complete_rebuild(rebuild.pk))
        return score(analysed, *args)

    monkeypatch.setattr(database.AnalysedQuery, "score", going_live_while_ranking)
    assert [hit.id for hit in engine.search(query).hits] == before
    assert promoted == [True]
