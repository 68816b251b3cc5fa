"""The synonyms of a query's words: what else to search for where a query names a term of a
synonym set (`pages.models.SynonymSet`, kept by national administrators in the admin).

A set's terms are interchangeable: a query naming one of them, a word or a phrase of
consecutive words, also searches for the others. Terms and query words match by their folded
stems in the query's language (`search.analysis.stems`), so case, diacritics, the punctuation
inside words and the word's form do not matter: "senelių", "Seneliai" and "seneliu" all name
the term "seneliai", and a Lithuanian query word typed without diacritics also matches by the
stems of its re-accented spellings (`search.lithuanian.alternatives`: "neigaliesiems" names
"neįgalieji"). A term's word of one or two letters, or written with a period after it (an
abbreviation: "g.", "sav."), matches only that word, so "savo" does not name "sav.". Only the
sets of the query's language apply. The sets are read from the database once per process and
language, and kept like the facets' term labels until a set changes anywhere
(`search.facets.vocabulary_changed`, connected in `search.signals`).

How an engine uses it, on the query's words (`search.lithuanian.query_words`):

    for unit in units(query_words(text), language):
        # unit.words: the positions of words (not function words) that count as one in the
        # ranking; unit.replacements: the terms' alternatives that a page may hold instead
        ...

A page scores for a unit the best of its options, never their sum: its matches of the unit's
words, counted as today (`WORD_MATCH` and the relevance of each matching word), or, for each
replacement, the best of its alternatives, counted as the `counts_as` words it stands for, plus
its matches of the unit's words `besides` it. A page holding "senyvo amžiaus asmenims" thus
counts for "senjorai" as a page holding "senjorams" does, and a page holding both counts the
word once. An alternative is a phrase whose every word a page must hold, in any order, as
a code's tokens: the database engine searches it as one `Word` of the query (`Word([Part.of(
token, language) for token in tokens(alternative)], joining=False)`), the remote engines as one
word query (`_word_query`, whose match is an "and" of the alternative's tokens). Alternatives
are written by administrators, so they never forgive a typo. A page matches a query when it
matches one option of one unit; function words stay outside the units, adding to the score
without making a page match.
"""

import re
from dataclasses import dataclass

from pages.models import SynonymSet
from search.analysis import fold, stems, tokens
from search.facets import _kept
from search.lithuanian import alternatives as reaccented

SYNONYM_SETS = "pages.SynonymSet"
EXACT_WORD = "="  # marks a key matched as the folded word itself, not by its stem
SHORT_WORD = 2  # letters of a term's word matched only as written
ABBREVIATION = re.compile(r"\w+(?=\.)")


@dataclass(frozen=True)
class Expansion:
    """A term of a synonym set found in a query's words, and the set's other terms."""

    start: int  # the position of the term's first word in the query's words
    end: int  # the position after its last word
    alternatives: tuple[str, ...]  # the other terms, as administrators wrote them


@dataclass(frozen=True)
class Replacement:
    """Alternatives a page may hold in place of some of a unit's words."""

    alternatives: tuple[str, ...]
    counts_as: int  # how many of the query's words (not function words) they stand for
    besides: tuple[int, ...]  # the positions of the unit's other words


@dataclass(frozen=True)
class Unit:
    """Query words that count as one in the ranking: a word naming no term, or the words of
    terms found in the query (overlapping terms share a unit), with their replacements."""

    words: tuple[int, ...]  # the positions of its words that are not function words
    replacements: tuple[Replacement, ...] = ()


def term_key(term: str, language: str) -> str:
    """What a term is matched by: each word's folded stem, or the folded word itself for a
    word of one or two letters or an abbreviation."""
    written = set(ABBREVIATION.findall(term.lower()))
    return " ".join(EXACT_WORD + fold(token) if len(token) <= SHORT_WORD or token in written
                    else stems(token, language)[0] for token in tokens(term))


def token_keys(token: str, language: str) -> set[str]:
    """The keys a query word's token matches: its folded self, its stem and, in Lithuanian,
    the stems of its spellings with diacritics restored."""
    spellings = (token, *reaccented(token)) if language == "lt" else (token,)
    return {EXACT_WORD + fold(token)} | {stems(spelling, language)[0] for spelling in spellings}


def alternatives_by_key(language: str) -> dict[str, str]:
    """Key of each term of the language's sets → the other terms of its sets, one a line,
    kept in the process until a synonym set changes."""
    def read() -> dict[str, str]:
        others: dict[str, dict[str, str]] = {}  # a term's key → the other terms by their keys
        for synonym_set in SynonymSet.objects.filter(language=language).order_by("pk"):
            terms: dict[str, str] = {}
            for term in synonym_set.term_list():
                terms.setdefault(term_key(term, language), term)
            terms.pop("", None)
            for key in terms:
                alternatives = others.setdefault(key, {})
                for other_key, term in terms.items():
                    if other_key != key:
                        alternatives.setdefault(other_key, term)
        return {key: "\n".join(alternatives.values())
                for key, alternatives in others.items() if alternatives}

    return _kept((SYNONYM_SETS, language), read)


def expansions(words: list[str], language: str) -> list[Expansion]:
    """The terms of the language's synonym sets that runs of consecutive `words` (the query's
    words, split at white space as `search.lithuanian.query_words` splits them) name, each
    with the other terms to search for (those of every term the run names); ordered by
    position, the longest run first, and overlapping where terms overlap ("senyvo amžiaus
    asmenys su negalia" names both "senyvo amžiaus asmenys" and "asmenys su negalia")."""
    terms = [(key.split(), others.splitlines())
             for key, others in alternatives_by_key(language).items()]
    longest = max((len(key) for key, _others in terms), default=0)
    word_keys = [[token_keys(token, language) for token in tokens(word)] for word in words]
    found = []
    for start in range(len(words)):
        run: list[set[str]] = []
        for end in range(start + 1, len(words) + 1):
            run += word_keys[end - 1]
            if not word_keys[end - 1] or len(run) > longest:
                break
            named = [others for key, others in terms if len(key) == len(run)
                     and all(part in keys for part, keys in zip(key, run, strict=True))]
            if named:
                alternatives = tuple(dict.fromkeys(term for others in named for term in others))
                found.append(Expansion(start, end, alternatives))
    return sorted(found, key=lambda expansion: (expansion.start, -expansion.end))


def units(words: list[tuple[str, bool]], language: str) -> list[Unit]:
    """The query's words (each with whether it only joins others, as `query_words` gives them)
    in the units they rank as, in order; function words belong to none. Overlapping terms
    make one unit; a term of function words only is not searched for."""
    counted = [position for position, (_word, joining) in enumerate(words) if not joining]
    spans: list[tuple[int, int, list[Expansion]]] = []  # the words of overlapping terms
    for expansion in expansions([word for word, _joining in words], language):
        if not any(expansion.start <= position < expansion.end for position in counted):
            continue
        if spans and expansion.start < spans[-1][1]:
            start, end, named = spans[-1]
            spans[-1] = (start, max(end, expansion.end), [*named, expansion])
        else:
            spans.append((expansion.start, expansion.end, [expansion]))
    found = []
    for start, end, named in spans:
        unit_words = tuple(position for position in counted if start <= position < end)
        found.append(Unit(unit_words, tuple(
            Replacement(expansion.alternatives,
                        sum(expansion.start <= position < expansion.end
                            for position in unit_words),
                        tuple(position for position in unit_words
                              if not expansion.start <= position < expansion.end))
            for expansion in named)))
    in_units = {position for unit in found for position in unit.words}
    found += [Unit((position,)) for position in counted if position not in in_units]
    return sorted(found, key=lambda unit: unit.words)
