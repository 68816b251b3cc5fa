"""„Did you mean“ on every engine: the engines' word statistics, and the suggestion picked from
them (`search.suggestions`)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from search.documents import expiry_text
from search.engines.base import IndexAction
from search.freshness import index_changed
from search.suggestions import RARE_RATIO, did_you_mean, edits, given_neighbours, suggestion
from tests.search.conftest import drop_indices, engine_fixture, holding
from tests.search.documents import document

DOCUMENTS = [
    document(31, "Socialinės paslaugos senjorams", summary="Pagalba į namus.",
             municipality=["alytus"]),
    document(32, "Paslaugos šeimoms", body="Konsultavimas ir paslaugos.", municipality=["alytus"]),
    document(33, "Dienos centro paslaugos", municipality=["alytus"]),
    document(34, "Paslaugos neįgaliesiems", municipality=["alytus"]),
    document(36, "Vaikų dienos centras", summary="Užimtumas vaikams.",
             municipality=["kalvarija"]),
    document(37, "Services for families", language="en", municipality=["alytus"]),
]


WRITTEN_SINCE = document(38, "Užimtumas jaunimui", municipality=["alytus"])
database_engine = engine_fixture(["database"])
remote_engine = engine_fixture(["elasticsearch", "opensearch"])
basic_engine = engine_fixture(["elasticsearch"])  # the test zip lacks the analysis module
analysing_server = engine_fixture(["opensearch"])


@pytest.fixture
def loaded(analysing_engine):
    """An engine that folds the words it counts, holding the documents."""
    return holding(analysing_engine, DOCUMENTS)


def test_a_mistyped_word_is_replaced_by_the_closest_frequent_indexed_word(loaded):
    assert did_you_mean(loaded, "Pasluagos senjoram", "lt", "alytus") == "paslaugos senjoram"
    assert did_you_mean(loaded, "seimmoms", "lt", None) == "seimoms"
    assert did_you_mean(loaded, "uzimtunas", "lt", None) == "uzimtumas"


def test_no_suggestion_when_the_words_are_frequent_or_known_in_another_form(loaded):
    assert did_you_mean(loaded, "paslaugos senjorams", "lt", "alytus") is None
    assert did_you_mean(loaded, "paslaugu senjorai", "lt", "alytus") is None
    assert did_you_mean(loaded, "ir su", "lt", None) is None
    assert did_you_mean(loaded, "qqqqqq", "lt", None) is None  # nothing near it


def test_the_statistics_are_those_of_the_public_documents_in_scope(loaded):
    assert did_you_mean(loaded, "uzimtunas", "lt", "alytus") is None  # only in Kalvarija
    assert did_you_mean(loaded, "famillies", "en", "alytus", ["lt"]) is None
    assert did_you_mean(loaded, "famillies", "en", "alytus", ["en"]) == "families"
    loaded.bulk([IndexAction(36, 2, None)])  # the page left the public site
    loaded.refresh()
    assert did_you_mean(loaded, "uzimtunas", "lt", None) is None


def test_a_word_written_since_is_suggested_at_once(loaded):
    assert did_you_mean(loaded, "uzimtunas", "lt", "alytus") is None
    holding(loaded, [WRITTEN_SINCE])
    assert did_you_mean(loaded, "uzimtunas", "lt", "alytus") == "uzimtumas"


def test_the_database_engine_counts_the_words_once_per_index_generation(database_engine):
    loaded = holding(database_engine, DOCUMENTS)
    assert did_you_mean(loaded, "Pasluagos", "lt", "alytus") == "paslaugos"
    with CaptureQueriesContext(connection) as again:
        assert did_you_mean(loaded, "Pasluagos senjoram", "lt", "alytus") == "paslaugos senjoram"
    assert not again.captured_queries
    index_changed()
    with CaptureQueriesContext(connection) as changed:
        assert did_you_mean(loaded, "Pasluagos", "lt", "alytus") == "paslaugos"
    assert changed.captured_queries


def test_the_remote_engines_keep_the_statistics_under_the_index_generation(remote_engine,
                                                                           monkeypatch):
    loaded = holding(remote_engine, DOCUMENTS)
    assert did_you_mean(loaded, "Pasluagos", "lt", "alytus") == "paslaugos"
    monkeypatch.setattr(loaded.client, "search", lambda **kwargs: pytest.fail("engine asked"))
    assert did_you_mean(loaded, "Pasluagos", "lt", "alytus") == "paslaugos"
    index_changed()
    with pytest.raises(pytest.fail.Exception):
        did_you_mean(loaded, "Pasluagos", "lt", "alytus")


def test_without_the_analysis_module_words_are_counted_as_written(basic_engine):
    loaded = holding(basic_engine, DOCUMENTS)
    assert did_you_mean(loaded, "Pasluagos", "lt", "alytus") == "paslaugos"
    assert did_you_mean(loaded, "uzimtunas", "lt", None) == "užimtumas"
    assert did_you_mean(loaded, "seimmoms", "lt", None) is None  # „šeimoms“: another letter


def test_the_statistics_are_counted_again_once_a_document_in_scope_expires(analysing_engine,
                                                                           monkeypatch):
    expiry = timezone.now() + timedelta(hours=1)
    loaded = holding(analysing_engine,
                     [*DOCUMENTS, {**WRITTEN_SINCE, "expires_at": expiry_text(expiry)}])
    assert did_you_mean(loaded, "uzimtunas", "lt", "alytus") == "uzimtumas"
    monkeypatch.setattr(timezone, "now", lambda: expiry)
    assert did_you_mean(loaded, "uzimtunas", "lt", "alytus") is None


def test_the_engines_count_the_documents_holding_each_near_word(loaded):
    near = loaded.nearby_words(["pasluagos", "paslaugos"], "alytus", [])
    assert near["pasluagos"] == {"paslaugos": 4}
    assert near["paslaugos"] == {"paslaugos": 4}


def test_a_rare_word_gives_way_only_to_a_much_more_frequent_neighbour():
    assert suggestion("pasluagos", {"pasluagos": {"pasluagos": 1, "paslaugos": 10}},
                      "lt") == "paslaugos"
    assert suggestion("pasluagos", {"pasluagos": {"pasluagos": 1, "paslaugos": 9}}, "lt") is None
    # a short word forgives one edit only
    assert suggestion("varna", {"varna": {"vora": 5}}, "lt") is None
    assert suggestion("varna", {"varna": {"vora": 5, "varta": 1}}, "lt") == "varta"


def test_a_word_no_neighbour_can_replace_is_given_alone():
    assert given_neighbours("paslaugos", {"paslaugos": 4, "paslaugas": 39}) == {"paslaugos": 4}
    near = {"paslaugos": 4, "paslaugas": 40}
    assert given_neighbours("paslaugos", near) == near
    assert given_neighbours("pasluagos", {"paslaugos": 1}) == {"paslaugos": 1}  # held by none


LETTERS = "pasluogė"


@given(st.data())
def test_giving_a_word_alone_never_changes_the_suggestion(data):
    """Whatever a word's count and its neighbours' (a letter changed, added or dropped)."""
    word = data.draw(st.text(LETTERS, min_size=4, max_size=8))
    spots, letters = st.integers(0, len(word)), st.sampled_from(LETTERS)
    neighbours = st.one_of(
        st.builds(lambda spot, letter: word[:spot] + letter + word[spot + 1:], spots, letters),
        st.builds(lambda spot, letter: word[:spot] + letter + word[spot:], spots, letters),
        st.builds(lambda spot: word[:spot] + word[spot + 1:], spots))
    own = data.draw(st.integers(0, 6))  # the word's documents; its neighbours' around the ratio
    counts = st.one_of(st.integers(1, 60),
                       st.integers(-1, 1).map(lambda off: max(1, own * RARE_RATIO + off)))
    near = data.draw(st.dictionaries(neighbours, counts, max_size=4)) | ({word: own} if own else {})
    assert suggestion(word, {word: given_neighbours(word, near)}, "lt") \
        == suggestion(word, {word: near}, "lt")


def asking(engine, monkeypatch) -> list[dict]:
    """The bodies the engine's searches send from now on."""
    sent, search = [], engine.client.search

    def recorded(**kwargs):
        sent.append(kwargs["body"])
        return search(**kwargs)

    monkeypatch.setattr(engine.client, "search", recorded)
    return sent


def test_a_server_counts_the_neighbours_only_of_words_they_may_replace(analysing_server,
                                                                        monkeypatch):
    """One round trip gives the words' counts in scope and each neighbour's documents in the
    whole index, a bound above its count in scope: a word no neighbour can reach costs no
    other."""
    loaded, sent = holding(analysing_server, DOCUMENTS), asking(analysing_server, monkeypatch)
    assert loaded.nearby_words(["paslaugos", "centro"], None, []) == {
        "paslaugos": {"paslaugos": 4}, "centro": {"centro": 1}}  # „centras“: 1, not counted
    assert len(sent) == 1 and "centras" not in str(sent)
    assert did_you_mean(loaded, "Pasluagos", "lt", "alytus") == "paslaugos"
    assert len(sent) == 3


def test_of_several_shards_every_neighbour_is_counted(analysing_server, settings, monkeypatch):
    """A neighbour's documents are summed over the shards that suggest it, no bound above its
    count."""
    settings.SEARCH_INDEX_SHARDS = 2
    drop_indices(analysing_server)
    analysing_server.ensure_index()
    loaded = holding(analysing_server, DOCUMENTS)
    sent = asking(loaded, monkeypatch)
    assert loaded.nearby_words(["paslaugos", "centro"], None, []) == {
        "paslaugos": {"paslaugos": 4}, "centro": {"centro": 1}}
    assert len(sent) == 2 and "centras" in str(sent[1])
    assert "expiring" not in sent[1]["aggs"]  # the scope's first expiry: the first one's


def test_edits_count_a_swap_of_neighbours_as_one():
    assert edits("pasluagos", "paslaugos") == 1
    assert edits("seimmoms", "seimoms") == 1
    assert edits("abc", "cba") == 2
    assert edits("", "abc") == 3
