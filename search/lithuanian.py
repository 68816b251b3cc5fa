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

from search.analysis import stems

ACCENTED = {"a": "ą", "c": "č", "e": "ėę", "i": "į", "s": "š", "u": "ųū", "z": "ž"}
BEFORE_STEM_END = 3  # the letters of an unrecognised ending that Snowball left on the stem
MOST_DIACRITICS = 3  # „didžiųjų“ typed „didziuju“: „ų“ twice and „ž“


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
