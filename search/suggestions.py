"""„Did you mean“: a query whose words are unknown or rare in the index, with each such word
replaced by the closest frequent indexed word.

Every engine gives the same statistics (`SearchEngine.nearby_words`): for each typed word,
folded, the folded words of the public documents in the search's scope that are within
`MAX_EDITS` of it and begin with its letter, each with the number of documents holding it (the
word itself among them when some document holds it). `suggestion` picks from them, the same
way for every engine. Words are compared folded, and a Lithuanian word counts as known when an
indexed word has its stem („senjoram“ is known from „senjorams“). A remote server without the
analysis module counts its words as written, diacritics kept, as its searches match them.
A word that no neighbour can replace (`settled`) is given alone, so that an engine need not
count its neighbours.
"""

from collections.abc import Iterable, Mapping

from search.analysis import fold, stems
from search.engines.base import SearchEngine
from search.lithuanian import TYPO_MIN_LENGTH, expanded, is_function_word

# the fields whose words the statistics count: those a query's words are searched in
WORD_FIELDS = ("title", "summary", "body", "labels", "codes")
MIN_LENGTH = 4  # shorter words are never replaced, nor suggested
MAX_EDITS = 2  # from TYPO_MIN_LENGTH letters on; one edit below
RARE_RATIO = 10  # a word in the index is replaced only by a neighbour this many times as frequent

Neighbours = Mapping[str, Mapping[str, int]]  # typed word → indexed word → documents holding it


def is_word(term: str) -> bool:
    """Whether a folded term is a word the statistics count."""
    return len(term) >= MIN_LENGTH and term.isalpha()


def checked_words(text: str) -> list[str]:
    """The folded words of a query that may be replaced: words of letters, long enough, that
    do not only join others."""
    found = (fold(word) for word in text.lower().split())
    return list(dict.fromkeys(word for word in found
                              if is_word(word) and not is_function_word(word)))


def edits(first: str, second: str) -> int:
    """The optimal string alignment distance: letters changed, added, dropped, or two
    neighbours swapped."""
    previous_row: list[int] = []
    row = list(range(len(second) + 1))
    for i, letter in enumerate(first, start=1):
        before, previous_row, row = previous_row, row, [i] + [0] * len(second)
        for j, other in enumerate(second, start=1):
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1,
                         previous_row[j - 1] + (letter != other))
            if i > 1 and j > 1 and letter == second[j - 2] and first[i - 2] == other:
                row[j] = min(row[j], before[j - 2] + 1)
    return row[-1]


def allowed_edits(word: str) -> int:
    return MAX_EDITS if len(word) >= TYPO_MIN_LENGTH else 1


def is_near(word: str, term: str) -> bool:
    """Whether an indexed term is one the statistics give for a typed word: a word with the
    same first letter, within `MAX_EDITS`."""
    return (term[:1] == word[:1] and abs(len(term) - len(word)) <= MAX_EDITS and is_word(term)
            and edits(word, term) <= MAX_EDITS)


def word_stems(word: str, language: str) -> set[str]:
    if language == "en":
        return set(stems(word, "en"))
    return {stems(spelling, "lt")[0] for spelling in (word, *expanded(word))}


def replacement(word: str, near: Mapping[str, int], language: str) -> str | None:
    """The closest indexed word (the most frequent of equally close ones) of another stem, when
    `word` is in no document, or in `RARE_RATIO` times fewer documents than it."""
    own = word_stems(word, language)
    known = max((count for term, count in near.items()
                 if count and word_stems(term, language) & own), default=0)
    candidates = [(edits(word, term), -count, term) for term, count in near.items()
                  if count and is_near(word, term) and not word_stems(term, language) & own
                  and edits(word, term) <= allowed_edits(word) and count >= RARE_RATIO * known]
    return min(candidates)[2] if candidates else None


def settled(count: int, neighbour_counts: Iterable[int]) -> bool:
    """Whether no neighbour can replace a word that `count` documents hold (`replacement`): some
    document holds it, and each neighbour (its count, or a bound above it) is in fewer than
    `RARE_RATIO` times as many."""
    return count > 0 and all(other < RARE_RATIO * count for other in neighbour_counts)


def given_neighbours(word: str, near: Mapping[str, int]) -> dict[str, int]:
    """A word's statistics as every engine gives them: the word alone when it is `settled`."""
    count = near.get(word, 0)
    if settled(count, (other for term, other in near.items() if term != word)):
        return {word: count}
    return dict(near)


def suggestion(text: str, neighbours: Neighbours, language: str) -> str | None:
    """The query with each word that has a `replacement` replaced (the others as typed); None
    when no word has one."""
    words = text.split()
    replaced = [replacement(folded, neighbours.get(folded, {}), language)
                if (folded := fold(word)) in neighbours else None for word in words]
    if not any(replaced):
        return None
    return " ".join(new or word for word, new in zip(words, replaced, strict=True))


def did_you_mean(engine: SearchEngine, text: str, language: str, municipality: str | None,
                 languages: Iterable[str] = ()) -> str | None:
    """The suggestion for a query, from the engine's statistics over the public documents of
    `municipality` (all with None) in `languages` (all when empty)."""
    words = checked_words(text)
    if not words:
        return None
    return suggestion(text, engine.nearby_words(words, municipality, sorted(languages)),
                      language)
