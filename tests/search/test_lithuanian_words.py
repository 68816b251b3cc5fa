"""Words typed without diacritics are expanded into the spellings their endings may have had."""

import pytest

from search.analysis import OVERRIDDEN, STEM_OVERRIDES, fold
from search.lithuanian import alternatives, stem


@pytest.mark.parametrize("written", [
    "neįgaliųjų",  # „ųjų“: Snowball takes „ų“ off, then „ųj“
    "didžiųjų",  # and „dž“ before the ending becomes „d“
    "socialinėms",
    "globėje",
    "šeimininkėse",
    "kačiams",  # „č“ before the ending becomes „t“
    "gerąsias",
    "vaikiškas",
    "patikimėlesniam",
])
def test_a_word_typed_without_diacritics_reaches_the_stem_of_the_written_word(written):
    typed = fold(written)
    assert stem(typed) != stem(written)  # what Snowball alone misses
    assert stem(written) in {stem(spelling) for spelling in alternatives(typed)}


@pytest.mark.parametrize("typed", ["seimoms", "paslaugu", "senjoru", "uzsiemimai",
                                   "neigaliesiems", "vaikai", "namai"])
def test_no_alternatives_where_the_typed_word_already_has_the_stem(typed):
    assert alternatives(typed) == ()


def test_every_alternative_has_a_stem_of_its_own_no_longer_than_the_words():
    found = alternatives("didziuju")
    stems = [stem(spelling) for spelling in found]
    assert len(set(stems)) == len(stems) == 2
    assert stem("didziuju") not in stems
    assert all(len(other) <= len(stem("didziuju")) for other in stems)


def test_diacritics_are_restored_only_in_the_ending():
    for typed in ("zmonems", "didziuju", "neigaliuju", "kaciams"):
        for spelling in alternatives(typed):
            assert fold(spelling) == typed
            assert spelling[:len(stem(spelling)) - 1] == typed[:len(stem(spelling)) - 1]


@pytest.mark.parametrize("token", ["", "2024", "covid-19", "a.b"])
def test_only_words_of_letters_are_expanded(token):
    assert alternatives(token) == ()


@pytest.mark.parametrize("forms", [
    "asmuo asmens asmenį asmenys asmenų asmenims",  # a consonant stem Snowball splits
    "amžius amžiaus amžiui amžių amžiumi amžiuje amžiams amžiais",  # an -ius noun
    "žmogus žmogaus žmogų žmonės žmonių žmonėms žmonėse",  # a plural of another root
    "alytus alytaus alytui alytuje",
])
def test_the_stem_overrides_join_what_snowball_splits(forms):
    words = forms.split()
    assert len({stem(word) for word in words}) == 1
    assert {stem(fold(word)) for word in words} == {stem(words[0])}  # typed without diacritics


def test_the_stem_overrides_part_what_snowball_joins():
    assert stem("parama") != stem("paras")  # Snowball: „par“ for both
    assert stem("paramos") == stem("paramai") == stem("parama")


def test_every_overridden_form_is_listed_with_its_folded_spelling():
    for overridden, forms in STEM_OVERRIDES.items():
        for form in forms.split():
            assert OVERRIDDEN[form] == overridden
            assert OVERRIDDEN[fold(form)] == fold(OVERRIDDEN[fold(form)])
