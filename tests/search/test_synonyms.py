"""The synonyms of a query's words: which runs of words name a synonym set's term, in which
forms, what else to search for, the units the query's words rank as, and that a changed set is
read again while an unchanged one is not."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import SynonymSet
from search import facets
from search.lithuanian import query_words
from search.synonyms import Expansion, Replacement, Unit, expansions, units

ELDERLY = ("senjorai", "seneliai", "pagyvenę žmonės")

pytestmark = pytest.mark.django_db


def alternatives(query: str, language: str = "lt") -> list[tuple[str, tuple[str, ...]]]:
    """The query's words that name a term, with the alternatives to search for."""
    words = query.split()
    return [(" ".join(words[found.start:found.end]), found.alternatives)
            for found in expansions(words, language)]


def test_the_seeded_sets_expand_residents_words_into_the_official_ones():
    assert alternatives("seneliai Alytuje") == [
        ("seneliai", ("senyvo amžiaus asmenys", "senjorai", "pagyvenę žmonės"))]
    assert alternatives("senyvo amžiaus asmenys") == [
        ("senyvo amžiaus asmenys", ("senjorai", "seneliai", "pagyvenę žmonės"))]
    assert alternatives("pagalba neįgalieji") == [
        ("neįgalieji", ("asmenys su negalia", "žmonės su negalia"))]
    assert alternatives("Ulonų g. 14") == [("g.", ("gatvė",))]
    assert alternatives("elderly care", "en") == [("elderly", ("older people", "seniors"))]
    assert alternatives("people with disabilities", "en") == [
        ("people with disabilities", ("disabled people",))]


@pytest.mark.parametrize("typed", ["seneliai", "Seneliai", "SENELIAI", "seneliai,"])
def test_a_word_matches_whatever_its_case_and_punctuation(typed):
    assert alternatives(typed) == [(typed, ("senyvo amžiaus asmenys", "senjorai",
                                            "pagyvenę žmonės"))]


@pytest.mark.parametrize("typed", ["pagyvene zmones", "Pagyvenę Žmonės", "PAGYVENE žmonės"])
def test_a_phrase_matches_with_or_without_its_diacritics(typed):
    assert alternatives(typed) == [(typed, ("senyvo amžiaus asmenys", "senjorai", "seneliai"))]


@pytest.mark.parametrize(("typed", "others"), [
    ("senelių", ("senyvo amžiaus asmenys", "senjorai", "pagyvenę žmonės")),
    ("seneliams", ("senyvo amžiaus asmenys", "senjorai", "pagyvenę žmonės")),
    ("senjoru", ("senyvo amžiaus asmenys", "seneliai", "pagyvenę žmonės")),
    ("senyvo amžiaus asmenims", ELDERLY),
    ("neįgaliesiems", ("asmenys su negalia", "žmonės su negalia")),
    ("neigaliuju", ("asmenys su negalia", "žmonės su negalia")),
    ("asmenims su negalia", ("neįgalieji", "žmonės su negalia")),
    ("gatvės", ("g.",)),
])
def test_a_term_matches_in_other_forms_of_its_words(typed, others):
    assert alternatives(typed) == [(typed, others)]


def test_a_form_of_another_stem_does_not_match():
    assert alternatives("pagyvenusių žmonių") == []  # "pagyvenę" has the stem "pagyven"


@pytest.mark.parametrize(("typed", "named"), [
    ("g.", True), ("G", True), ("g", True), ("gt.", False),
    ("sav.", True), ("sav", True), ("savo", False), ("savų", False),
])
def test_an_abbreviation_or_a_word_of_two_letters_matches_only_as_written(typed, named):
    assert bool(alternatives(f"Vilniaus {typed}")) == named


def test_a_phrase_matches_only_as_consecutive_words():
    assert alternatives("pagyvenę vieniši žmonės") == []
    assert alternatives("žmonės pagyvenę") == []
    assert alternatives("amžiaus asmenys") == []


def test_only_the_sets_of_the_querys_language_apply():
    assert alternatives("seneliai", "en") == []
    assert alternatives("elderly", "lt") == []
    assert alternatives("seneliai", "de") == []


def test_overlapping_terms_are_each_found_in_order_the_longest_first():
    SynonymSet.objects.create(terms="socialinė globa\nglobos paslaugos")
    SynonymSet.objects.create(terms="globa\nrūpyba")
    assert [(found.start, found.end) for found in expansions(
        ["senyvo", "amžiaus", "asmenys", "su", "negalia", "socialinė", "globa"], "lt")] == [
        (0, 3), (2, 5), (5, 7), (6, 7)]


def test_a_term_in_several_sets_brings_the_terms_of_each_once():
    SynonymSet.objects.create(terms="seneliai\nsenoliai\npagyvene zmones")
    assert alternatives("seneliai") == [("seneliai", (
        "senyvo amžiaus asmenys", "senjorai", "pagyvenę žmonės", "senoliai"))]


def test_an_english_term_matches_by_its_english_stem():
    assert alternatives("older persons with disabilities", "en") == []
    assert alternatives("disabled", "en") == []
    assert alternatives("people with disability", "en") == [
        ("people with disability", ("disabled people",))]


def test_the_words_of_a_term_rank_as_one_unit_and_function_words_in_none():
    query = query_words("paslaugos senjorams ir asmenims su negalia")
    assert units(query, "lt") == [
        Unit((0,)),
        Unit((1,), (Replacement(("senyvo amžiaus asmenys", "seneliai", "pagyvenę žmonės"), 1,
                                ()),)),
        Unit((3, 5), (Replacement(("neįgalieji", "žmonės su negalia"), 2, ()),)),
    ]


def test_overlapping_terms_make_one_unit_with_a_replacement_for_each():
    query = query_words("senyvo amžiaus asmenys su negalia")
    assert units(query, "lt") == [Unit((0, 1, 2, 4), (
        Replacement(("senjorai", "seneliai", "pagyvenę žmonės"), 3, (4,)),
        Replacement(("neįgalieji", "žmonės su negalia"), 2, (0, 1)),
    ))]


def test_words_that_name_no_term_and_no_words_expand_to_nothing():
    assert expansions(["socialinės", "paslaugos"], "lt") == []
    assert expansions([], "lt") == []
    assert expansions(["—", "seneliai"], "lt") == [
        Expansion(1, 2, ("senyvo amžiaus asmenys", "senjorai", "pagyvenę žmonės"))]


def test_the_sets_are_read_once_and_an_edited_set_applies_at_once():
    alternatives("seneliai")
    with CaptureQueriesContext(connection) as captured:
        alternatives("seneliai")
    assert not [query for query in captured if "pages_synonymset" in query["sql"]]
    synonym_set = SynonymSet.objects.get(terms__startswith="senyvo amžiaus asmenys")
    synonym_set.terms = "senyvo amžiaus asmenys\nseneliai\nvyresni žmonės"
    synonym_set.save()
    assert alternatives("seneliai") == [("seneliai", ("senyvo amžiaus asmenys",
                                                      "vyresni žmonės"))]
    assert alternatives("senjorai") == []
    synonym_set.delete()
    assert alternatives("seneliai") == []


def test_a_set_changed_by_another_process_applies_after_its_change_is_counted(monkeypatch):
    monkeypatch.setattr(facets, "GENERATION_CHECK_SECONDS", 0)
    before = alternatives("seneliai")
    SynonymSet.objects.filter(terms__startswith="senyvo amžiaus asmenys").update(
        terms="senyvo amžiaus asmenys\nvyresni žmonės")  # no signal here
    assert alternatives("seneliai") == before  # still the kept sets …
    shared = caches["shared"]
    shared.add(facets.VOCABULARY_GENERATION, 0, None)
    shared.incr(facets.VOCABULARY_GENERATION)  # … until another process counts a change
    assert alternatives("seneliai") == []
