"""A query naming a synonym set's term finds the pages holding the set's other terms, in any of
their forms, on both engines with the Lithuanian analysis, ranked as if they held the query's
words; a set that an administrator adds applies to the next search."""

import pytest
from django.urls import reverse

from search.query import SearchQuery
from tests.editorial import logged_in, national_admin
from tests.search.conftest import holding
from tests.search.documents import document

ELDERLY_PAGE, DISABILITY_PAGE, STREET_PAGE, UNIVERSITY_PAGE = 41, 42, 43, 44
SENIORS_CLUB, AGE_PAGE, CARE_PAGE, ENGLISH_PAGE, BOTH_TERMS_PAGE = 45, 46, 47, 48, 49
DOCUMENTS = [
    document(ELDERLY_PAGE, "Dienos centras", summary="Paslaugos senyvo amžiaus asmenims."),
    document(DISABILITY_PAGE, "Užimtumo programa", summary="Dirbtuvės asmenims su negalia."),
    document(STREET_PAGE, "Bendruomenės namai", summary="Adresas: Vilniaus gatvė 5."),
    document(UNIVERSITY_PAGE, "Vilniaus universiteto praktika", summary="Studentams."),
    document(SENIORS_CLUB, "Senjorų klubas", summary="Susitikimai kas savaitę."),
    document(AGE_PAGE, "Asmens duomenų apsauga", summary="Amžiaus cenzas renginiuose."),
    document(CARE_PAGE, "Rūpybos paslaugos", summary="Vaikams be tėvų globos."),
    document(ENGLISH_PAGE, "Day centre", language="en", summary="Activities for older people."),
    document(BOTH_TERMS_PAGE, "Senjorų ir senyvo amžiaus asmenų klubas"),
]


@pytest.fixture
def loaded(analysing_engine):
    return holding(analysing_engine, DOCUMENTS)


def ranked(engine, text: str, language: str = "lt") -> list[int]:
    return [hit.id for hit in engine.search(SearchQuery(text=text, language=language)).hits]


@pytest.mark.parametrize(("query", "page"), [
    ("senjorai", ELDERLY_PAGE),  # the page says only "senyvo amžiaus asmenims"
    ("seneliams", ELDERLY_PAGE),  # an inflected form of the term "seneliai"
    ("neįgaliesiems", DISABILITY_PAGE),  # … and of "neįgalieji", for "asmenys su negalia"
    ("neigaliesiems", DISABILITY_PAGE),  # … typed without diacritics
])
def test_a_term_finds_the_pages_holding_another_term_of_its_set(loaded, query, page):
    assert page in ranked(loaded, query)


def test_an_alternative_is_highlighted(loaded):
    [hit] = loaded.search(SearchQuery(text="neįgalieji")).hits
    assert "<mark>negalia</mark>" in hit.highlight


def test_an_abbreviation_finds_the_word_it_stands_for(loaded):
    # only "Vilniaus" is on both pages, in the university's title: the street's page ranks
    # first because "g." matches its "gatvė"
    assert ranked(loaded, "Vilniaus g.") == [STREET_PAGE, UNIVERSITY_PAGE]


def test_an_alternative_counts_as_the_words_of_the_term_it_replaces(loaded):
    # the club's "senjorų" stands for all three words; the data protection page holds two
    found = ranked(loaded, "senyvo amžiaus asmenys")
    assert set(found[:3]) == {ELDERLY_PAGE, SENIORS_CLUB, BOTH_TERMS_PAGE}
    assert found[3] == AGE_PAGE


def test_a_term_and_its_alternative_on_one_page_count_as_one_word(loaded):
    # the day centre holds an alternative of "senjorai" and "centras": two words, more than
    # the page whose title holds both "senjorų" and an alternative
    assert ranked(loaded, "senjorai centras")[0] == ELDERLY_PAGE


def test_an_administrators_new_set_applies_to_the_next_search(loaded):
    assert CARE_PAGE not in ranked(loaded, "priežiūra")
    response = logged_in(national_admin()).post(
        reverse("wagtailsnippets_pages_synonymset:add"),
        {"language": "lt", "terms": "priežiūra\nrūpyba", "note": ""})
    assert response.status_code == 302
    assert CARE_PAGE in ranked(loaded, "priežiūros")


def test_an_english_set_applies_only_to_english_queries(loaded):
    assert ENGLISH_PAGE in ranked(loaded, "elderly", "en")
    assert ENGLISH_PAGE not in ranked(loaded, "elderly", "lt")
    assert ELDERLY_PAGE not in ranked(loaded, "senjorai", "en")
