"""Lithuanian words typed without diacritics: the spellings their endings may have had.

Residents often type „seimoms“, „neigaliuju“, „paslaugu“ for „šeimoms“, „neįgaliųjų“,
„paslaugų“. The index folds diacritics after stemming, so a diacritic in the stem does not
matter, but Snowball's Lithuanian stemmer recognises an ending only as written: „paslaugu“
keeps its „u“, „neigaliuju“ its „iuju“, „medziams“ its „z“ (Snowball turns „dž“, „č“ before an
ending into „d“, „t“). A query word is therefore expanded into the re-accented spellings of its
last letters whose stem differs, with every restored diacritic in the part that the stemmer
takes off; its stem, folded, is then the stem of the word as it should have been written.
"""

from functools import lru_cache

from search.analysis import fold, stems, tokens

ACCENTED = {"a": "ą", "c": "č", "e": "ėę", "i": "į", "s": "š", "u": "ųū", "z": "ž"}
BEFORE_STEM_END = 3  # the letters of an unrecognised ending that Snowball left on the stem
MOST_DIACRITICS = 3  # „didžiųjų“ typed „didziuju“: „ų“ twice and „ž“
TYPO_MIN_LENGTH = 7  # a typed word this long may differ from an indexed word by one edit …
TYPO_PREFIX_LENGTH = 1  # … never in its first letter
# Words that join others (Lithuanian, then English): they never forgive a typo and never make a
# page match on their own.
JOINING_WORDS = (
    "ir ar bei su be iš į už per apie prie po nuo iki dėl pagal tarp kad kaip kai tai tas ta "
    "jo jos jų ją jie jos kur kuris kuri kurie kurios taip pat yra bus buvo arba net tik dar "
    "a an and are as at be by for from has have in is it its of on or the their this to was "
    "were which with within without between through into about")
FUNCTION_WORDS = frozenset(JOINING_WORDS.split())


def stem(word: str) -> str:
    """The folded Lithuanian stem of one word, as the index stores it."""
    return stems(word, "lt")[0]


def restored(spelling: str) -> dict[str, str]:
    """Stem → the spelling with one more diacritic, on the last letters, that Snowball
    shortens to that stem (or, for „č“ → „t“, changes in its last letter)."""
    current = stem(spelling)
    found: dict[str, str] = {}
    for position in range(max(0, len(current) - BEFORE_STEM_END), len(spelling)):
        for letter in ACCENTED.get(spelling[position], ""):
            respelled = spelling[:position] + letter + spelling[position + 1:]
            shorter = stem(respelled)
            if shorter != current and len(shorter) <= len(current):
                found.setdefault(shorter, respelled)
    return found


def is_function_word(word: str) -> bool:
    return word in FUNCTION_WORDS or word in FOLDED_FUNCTION_WORDS


FOLDED_FUNCTION_WORDS = frozenset(fold(word) for word in FUNCTION_WORDS)


def query_words(text: str) -> list[tuple[str, bool]]:
    """The words of a query, split at white space, each with whether it only joins others
    (all its tokens function words). A query of function words only is searched for them."""
    words = [(word, all(is_function_word(token) for token in tokens(word)))
             for word in text.split() if tokens(word)]
    if all(joining for _, joining in words):
        return [(word, False) for word, _ in words]
    return words


def forgives_typo(word: str) -> bool:
    """Whether a typed word may match an indexed word one edit away."""
    return len(word) >= TYPO_MIN_LENGTH and word.isalpha() and not is_function_word(word)


def expanded(word: str) -> tuple[str, ...]:
    """The spellings a lowercase query word also matches, on the Lithuanian stems: the one
    place where a query word is expanded on its own (the re-accented endings of
    `alternatives`). Both engines search each spelling as the word; the synonyms of the
    query's words and phrases are searched beside them (`search.synonyms.units`)."""
    return alternatives(word)


@lru_cache(maxsize=4096)
def alternatives(word: str) -> tuple[str, ...]:
    """Spellings of a lowercase word with diacritics restored in its ending, one per stem
    other than the word's own: each restored diacritic lets Snowball recognise more of the
    ending. Empty for anything but one word of letters."""
    if not word.isalpha():
        return ()
    found = {stem(word): word}
    frontier = [word]
    for _ in range(MOST_DIACRITICS):
        newly = {shorter: respelled for spelling in frontier
                 for shorter, respelled in restored(spelling).items() if shorter not in found}
        found |= newly
        frontier = list(newly.values())
    return tuple(spelling for spelling in found.values() if spelling != word)
