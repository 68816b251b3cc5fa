"""The stem overrides (`search.analysis.STEM_OVERRIDES`) on both engines with the Lithuanian
analysis: the database engine's Python stemming and the remote engines' `stemmer_override`
filter join the forms Snowball splits, typed with or without diacritics."""

import pytest

from search.query import SearchQuery
from tests.search.conftest import holding
from tests.search.documents import document

DOCUMENTS = [
    document(41, "Pagalba vienam asmeniui", summary="Kiekvienas asmuo gauna konsultaciją."),
    document(42, "Senyvo amžiaus gyventojai", summary="Dienos centras."),
    document(43, "Žmogus ir bendruomenė", summary="Savanoriai."),
    document(44, "Paras ir valandos", summary="Budėjimas."),
]


@pytest.fixture
def loaded(analysing_engine):
    return holding(analysing_engine, DOCUMENTS)


def found(engine, text: str) -> set[int]:
    return {hit.id for hit in engine.search(SearchQuery(text=text)).hits}


@pytest.mark.parametrize(("text", "expected"), [
    ("asmenys", {41}),  # Snowball: „asmen“, but „asm“ for „asmuo“
    ("asmens", {41}),
    ("amžius", {42}),  # Snowball: „amž“, but „amžiaus“ for „amžiaus“
    ("amzius", {42}),
    ("žmonės", {43}),  # another root in the plural
    ("zmonems", {43}),
    ("parama", set()),  # Snowball: „par“, as for „paras“
])
def test_forms_snowball_splits_find_each_other(loaded, text, expected):
    assert found(loaded, text) == expected
