"""English stemming and the exact edges of typo tolerance, on the engines with the analysis.

The rule (`search.lithuanian.forgives_typo`, TYPO_MIN_LENGTH 7, TYPO_PREFIX_LENGTH 1; the
remote engines' fuzziness 1 on the folded fields only, the database engine's `one_edit` on the
folded words only): a typed word of seven letters or more, not a function word, may differ by
one edit (a letter changed, added, dropped, or two neighbours swapped) from an indexed word,
never in its first letter. The typo is in the word as typed: a stem one edit away from the
typed word is no match (the stems of unrelated words are often that close: „pagalba“ and
„pagal“), and a shorter typed word must match exactly (after stemming and folding): five- and
six-letter Lithuanian words have too many real neighbours („parama“, „pajama“). A match with
a typo only ranks below an exact match, even one outside the title.

English stemming applies to English pages, for a query in English; Lithuanian stemming to the
other pages.
"""

import pytest

from search.query import SearchQuery
from tests.search.conftest import holding
from tests.search.documents import document

DOCUMENTS = [
    document(21, "Help for families", language="en",
             body="Services supported by the municipality, provided by carers, and studies."),
    document(22, "Family house", language="en",
             body="A supporting team providing advice, studying together."),
    document(23, "Vaikai ir jaunimas", summary="Dienos centras."),
    document(24, "Globos namai", summary="Nakvynė."),
    document(25, "Marijampolė", summary="Miesto centras."),
    document(26, "Miesto centras", summary="Mariampole, kaip rašyta senuose žemėlapiuose."),
    document(27, "Seimas patvirtino įstatymą", summary="Dėl pagalbos pinigų."),
    document(28, "Šeimos namai", summary="Pagal tvarką."),
]


@pytest.fixture
def loaded(analysing_engine):
    return holding(analysing_engine, DOCUMENTS)


def found(engine, text: str, language: str = "lt") -> set[int]:
    return {hit.id for hit in engine.search(SearchQuery(text=text, language=language)).hits}


def ranked(engine, text: str) -> list[int]:
    return [hit.id for hit in engine.search(SearchQuery(text=text)).hits]


# Each pair is more than one edit apart, so typo tolerance cannot join them; only the English
# stemmer joins them (families/family → famili, supported/supporting → support, studies/studying
# → studi, provided/providing → provid), for a query in English.
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
    assert found(loaded, text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("family", {22}),  # the word as written; not „families“, which only stemmers join
    ("supported", {21}),
    ("studying", {22}),
])
def test_a_lithuanian_query_matches_english_pages_only_by_their_words(loaded, text, expected):
    assert found(loaded, text, "lt") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("jaunimas", {23}),  # eight letters, as written
    ("jaunimaz", {23}),  # eight letters, one letter changed
    ("jauniams", {23}),  # eight letters, two neighbours swapped
    ("jaunmas", {23}),  # seven letters typed, one letter dropped
    ("vaikaii", {23}),  # seven letters typed, one letter added
    ("jaumimsa", set()),  # eight letters, two edits
    ("kaunimas", set()),  # eight letters, one edit, but in the first letter
    ("vaikai", {23}),  # six letters, as written
    ("vaukai", set()),  # six letters, one letter changed: no typo allowed
    ("vakiai", set()),  # six letters, two neighbours swapped
    ("namai", {24, 28}),  # five letters, as written
    ("nemai", set()),
    ("nmai", set()),
    # „pagalbos“; not „pagal“, whose stem is one edit from „pagalb“ but two from the typed word
    ("pagalba", {27}),
])
def test_one_typo_only_in_typed_words_of_seven_letters_or_more(loaded, text, expected):
    assert found(loaded, text) == expected


def test_a_typo_only_match_in_the_title_ranks_below_an_exact_match_in_the_text(loaded):
    assert ranked(loaded, "mariampole") == [26, 25]


def test_a_match_with_the_diacritics_as_typed_ranks_above_a_folded_one(loaded):
    assert ranked(loaded, "šeima") == [28, 27]
