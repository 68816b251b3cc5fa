"""English stemming and the exact edges of typo tolerance, on the engines with the analysis.

The rule (`search/engines/dsl.py`: fuzziness "AUTO:6,100", prefix_length 1;
`search/engines/database.py`: FUZZY_MIN_LENGTH 6, `one_edit`): a typed word of six letters or
more may differ by one edit (a letter changed, added, dropped, or two neighbours swapped) from
an indexed word, never in its first letter; a shorter typed word must match exactly (after
stemming and folding).
"""

import pytest

from search.engines.base import IndexAction
from search.query import SearchQuery
from tests.search.documents import document

DOCUMENTS = [
    document(21, "Help for families", language="en",
             body="Services supported by the municipality, provided by carers, and studies."),
    document(22, "Family house", language="en",
             body="A supporting team providing advice, studying together."),
    document(23, "Vaikai ir jaunimas", summary="Dienos centras."),
    document(24, "Globos namai", summary="Nakvynė."),
]


@pytest.fixture
def loaded(analysing_engine):
    results = analysing_engine.bulk([IndexAction(doc["id"], 1, doc) for doc in DOCUMENTS])
    assert not [result for result in results if result.error]
    analysing_engine.refresh()
    return analysing_engine


def found(engine, text: str) -> set[int]:
    return {hit.id for hit in engine.search(SearchQuery(text=text)).hits}


# Each pair is more than one edit apart, so typo tolerance cannot join them. „families“ and
# „family“ also share a Lithuanian stem („famil“); the other pairs only the English stemmer
# joins (supported/supporting → support, studies/studying → studi, provided/providing → provid).
# Not „employed“/„employment“: the remote engines' `english` stemmer (Porter) makes „emploi“ and
# „employ“, one edit apart, where the database engine's Snowball English makes „employ“ twice.
@pytest.mark.parametrize(("text", "expected"), [
    ("families", {21, 22}),
    ("family", {21, 22}),
    ("supported", {21, 22}),
    ("supporting", {21, 22}),
    ("studies", {21, 22}),
    ("studying", {21, 22}),
    ("provided", {21, 22}),
    ("providing", {21, 22}),
])
def test_english_stemming_joins_forms_more_than_one_edit_apart(loaded, text, expected):
    assert found(loaded, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("vaikai", {23}),  # six letters, as written
    ("vaukai", {23}),  # six letters, one letter changed
    ("vakiai", {23}),  # six letters, two neighbours swapped
    ("vaikaii", {23}),  # seven letters typed, one letter added
    ("vuukai", set()),  # six letters, two letters changed
    ("baikai", set()),  # six letters, one edit, but in the first letter
    ("vakai", set()),  # one letter dropped leaves five typed letters: no typo allowed
    ("namai", {24}),  # five letters, as written
    ("nemai", set()),  # five letters, one letter changed
    ("nmai", set()),
])
def test_one_typo_only_in_words_of_six_letters_or_more(loaded, text, expected):
    assert found(loaded, text) == expected
