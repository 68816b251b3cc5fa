"""Lithuanian and English analysis on the engines that really have the analyzers."""

import pytest

from search.engines.base import IndexAction
from search.query import SearchQuery
from tests.search.documents import DOCUMENTS


@pytest.fixture
def loaded(analysing_engine):
    analysing_engine.bulk([IndexAction(doc["id"], 1, doc) for doc in DOCUMENTS])
    analysing_engine.refresh()
    return analysing_engine


def found(engine, text: str) -> set[int]:
    return {hit.id for hit in engine.search(SearchQuery(text=text)).hits}


@pytest.mark.parametrize(("text", "expected"), [
    ("paslaugoms", {1, 3}),  # inflection: dative plural finds nominative „paslaugos“
    ("paslaugų", {1, 3}),
    ("zmones", {1}),  # typed without diacritics finds „žmonėms“
    ("siauliai", {3}),
    ("ŠIAULIAI", {3}),
    ("savarankisko gyvenimo", {2}),
    ("paslaugso", {1, 3}),  # one typo in a long word
    ("service", {5}),  # one typo from „services“ (English stems answer English queries)
])
def test_lithuanian_analysis(loaded, text, expected):
    assert found(loaded, text) == expected


def test_no_typo_tolerance_on_short_words(loaded):
    assert found(loaded, "namai") == {1, 2}
    assert found(loaded, "nsmai") == set()  # one typo, but the word is too short to forgive


def test_autocomplete_folds_and_completes(loaded):
    titles = [item["title"] for item in loaded.suggest("savarank", "lt", None, 5)]
    assert titles == ["Savarankiško gyvenimo namai Alytuje"]
