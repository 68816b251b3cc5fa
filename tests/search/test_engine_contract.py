"""One contract, every engine: the same documents give the same hits and facet counts."""

import pytest

from search.engines.base import IndexAction
from search.query import SearchQuery
from tests.search.conftest import drop_indices
from tests.search.documents import DOCUMENTS
from tests.search.worker_processes import poll


def search(engine, **kwargs):
    return engine.search(SearchQuery(**kwargs))


def counts(response, key: str) -> dict[str, int]:
    return {value.value: value.count for value in response.facets[key]}


def ids(response) -> set[int]:
    return {hit.id for hit in response.hits}


def test_no_query_returns_everything_with_all_facets(loaded):
    response = search(loaded)
    assert response.count == 6
    assert counts(response, "language") == {"lt": 5, "en": 1}
    assert counts(response, "content_type") == {"project": 4, "news": 1, "provider": 1}
    assert counts(response, "status") == {"running": 3, "completed": 1}


def test_facets_are_disjunctive(loaded):
    response = search(loaded, filters={"target_group": ["senyvo-amziaus-asmenys"]})
    assert ids(response) == {1, 4, 5}
    # its own facet ignores its own selection …
    assert counts(response, "target_group") == {
        "senyvo-amziaus-asmenys": 3, "asmenys-su-negalia": 2, "suauge-socialineje-rizikoje": 1,
        "proto-ar-psichikos-negalia": 1}
    # … every other facet respects it
    assert counts(response, "municipality") == {"alytus": 3}
    assert counts(response, "status") == {"running": 2}
    selected = [value for value in response.facets["target_group"] if value.selected]
    assert [value.value for value in selected] == ["senyvo-amziaus-asmenys"]


def test_two_facets_selected(loaded):
    response = search(loaded, filters={"target_group": ["senyvo-amziaus-asmenys"],
                                       "status": ["running"]})
    assert ids(response) == {1, 5}
    assert counts(response, "status") == {"running": 2}
    assert counts(response, "target_group") == {
        "senyvo-amziaus-asmenys": 2, "asmenys-su-negalia": 1, "proto-ar-psichikos-negalia": 1}


def test_values_within_a_facet_are_alternatives(loaded):
    response = search(loaded, filters={"municipality": ["kalvarija", "elektrenai"]})
    assert ids(response) == {3, 6}


def test_selected_value_without_hits_is_still_listed(loaded):
    response = search(loaded, filters={"municipality": ["utena"]})
    assert response.count == 0
    utena = next(value for value in response.facets["municipality"] if value.value == "utena")
    assert utena.selected and utena.count == 0


def test_municipality_scope(loaded):
    assert ids(search(loaded, municipality="kalvarija")) == {3}


def test_text_query_with_filters(loaded):
    assert ids(search(loaded, text="paslaugos")) == {1, 3}
    assert ids(search(loaded, text="paslaugos", filters={"status": ["running"],
                                                          "language": ["lt"]})) == {1, 3}
    # A page matches when one of the words does, the pages matching both first: a word that
    # matches nothing (a typo, a word the pages do not use) leaves the others' pages.
    assert [hit.id for hit in search(loaded, text="paslaugos senyvo").hits][:1] == [1]
    assert ids(search(loaded, text="paslaugos senyvo")) == {1, 3}
    assert ids(search(loaded, text="senyvo baseinas")) == {1}


def test_project_code_is_searchable(loaded):
    assert ids(search(loaded, text="08.1.1-CPVA-R-407-11-0005")) == {2}


@pytest.mark.parametrize(("sort", "expected"), [
    ("newest", [3, 1, 5, 2, 4, 6]),
    ("start_date", [3, 1, 5, 2, 4, 6]),
    ("budget", [3, 2, 1, 5, 4, 6]),
])
def test_sorts(loaded, sort, expected):
    assert [hit.id for hit in search(loaded, sort=sort).hits] == expected


def test_pagination(loaded):
    first = search(loaded, sort="budget", page=1, page_size=4)
    second = search(loaded, sort="budget", page=2, page_size=4)
    assert first.count == second.count == 6
    assert [hit.id for hit in first.hits + second.hits] == [3, 2, 1, 5, 4, 6]


def test_highlight_marks_the_match(loaded):
    hit = search(loaded, text="paslaugos", filters={"language": ["lt"]}).hits[0]
    assert "<mark>" in hit.highlight


def test_older_version_never_overwrites_newer(engine):
    newer = {**DOCUMENTS[0], "title": "Naujausia versija"}
    older = {**DOCUMENTS[0], "title": "Sena versija"}
    assert not engine.bulk([IndexAction(1, 5, newer)])[0].error
    assert not engine.bulk([IndexAction(1, 4, older)])[0].error  # acknowledged, not applied
    engine.refresh()
    assert [hit.title for hit in search(engine).hits] == ["Naujausia versija"]
    engine.bulk([IndexAction(1, 6, None)])
    engine.bulk([IndexAction(1, 5, newer)])
    engine.refresh()
    assert search(engine).count == 0


def test_rebuild_index_receives_writes_and_replaces_the_live_one(loaded):
    new_index = loaded.create_index()
    loaded.bulk([IndexAction(7, 1, {**DOCUMENTS[0], "id": 7, "title": "Per perstatymą"})])
    loaded.refresh()
    assert 7 in ids(search(loaded))  # the live index got it too
    loaded.promote(new_index)  # searchable at once: promoting refreshes the new index
    assert ids(search(loaded)) == {7}  # the new index only had the write made meanwhile
    loaded.bulk([IndexAction(8, 1, {**DOCUMENTS[0], "id": 8, "title": "Po perstatymo"})])
    # not refreshed by hand: the promoted index refreshes itself again (every second)
    poll(lambda: ids(search(loaded)) == {7, 8}, seconds=60)
    assert set(loaded.indexed_versions()) == {7, 8}
    loaded.promote(new_index)  # again, as a retried promotion does: the index stays live
    assert ids(search(loaded)) == {7, 8}


def test_suggest_titles(loaded):
    titles = [item["title"] for item in loaded.suggest("Savarankiško", "lt", None, 5)]
    assert titles == ["Savarankiško gyvenimo namai Alytuje"]
    assert loaded.suggest("Savarankiško", "en", None, 5) == []


def test_an_index_not_created_yet_answers_every_search_empty(engine):
    """Before anything is published, no index may exist yet: searches, suggestions and
    "did you mean" answer with nothing found (the index is created), never with an error."""
    drop_indices(engine)
    assert engine.search(SearchQuery(text="paslaugos")).count == 0
    assert engine.suggest("pas", "lt", None, 5) == []
    assert engine.nearby_words(["paslaugos"], None, []) == {"paslaugos": {}}
    assert engine.search(SearchQuery()).hits == []
