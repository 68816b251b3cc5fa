"""The synonyms of a query's words: what else to search for where a query names a term of a
synonym set (`pages.models.SynonymSet`, kept by national administrators in the admin).

A set's terms are interchangeable: a query naming one of them, a word or a phrase of
consecutive words, also searches for the others. A term matches ignoring case and diacritics
and the punctuation inside words ("Seneliai", "seneliai", "seneliai" typed without diacritics;
"g" and "g." alike), but not other forms of a word: "senelių" is a term of its own, which
administrators add to a set when residents search with it. Only the sets of the query's
language apply. The sets are read from the database once per process and language, and kept
like the facets' term labels until a set changes anywhere (`search.facets.vocabulary_changed`,
connected in `search.signals`).

How an engine uses it, where it expands the query's words (`search.lithuanian.query_words`):

    words = query_words(text)
    for expansion in expansions([word for word, _joining in words], language):
        # words[expansion.start:expansion.end] named a term; each alternative is a phrase
        # that a page may hold instead, every word of it required, as of a code's tokens
        ...

The database engine searches an alternative as one more `Word` of the query:
`Word([Part.of(token, language) for token in tokens(alternative)], joining=False)`; the remote
engines as one more word query, `_word_query(alternative, language)` (its match is an "and" of
the alternative's tokens). A page matching an alternative then matches as one matching the
words it replaces; to rank it as highly, an engine scores the span's words and its alternatives
as one word (the best of them) rather than adding them up.
"""

from dataclasses import dataclass

from pages.models import SynonymSet
from search.analysis import fold, tokens
from search.facets import _kept

SYNONYM_SETS = "pages.SynonymSet"


@dataclass(frozen=True)
class Expansion:
    """A term of a synonym set found in a query's words, and the set's other terms."""

    start: int  # the position of the term's first word in the query's words
    end: int  # the position after its last word
    alternatives: tuple[str, ...]  # the other terms, as administrators wrote them


def key(text: str) -> str:
    """What a term or a run of query words is matched by: its words' folded tokens."""
    return " ".join(fold(token) for token in tokens(text))


def alternatives_by_key(language: str) -> dict[str, str]:
    """Key of each term of the language's sets → the other terms of its sets, one a line,
    kept in the process until a synonym set changes."""
    def read() -> dict[str, str]:
        others: dict[str, dict[str, str]] = {}  # a term's key → the other terms by their keys
        for synonym_set in SynonymSet.objects.filter(language=language).order_by("pk"):
            terms: dict[str, str] = {}
            for term in synonym_set.term_list():
                terms.setdefault(key(term), term)
            terms.pop("", None)
            for term_key in terms:
                alternatives = others.setdefault(term_key, {})
                for other_key, term in terms.items():
                    if other_key != term_key:
                        alternatives.setdefault(other_key, term)
        return {term_key: "\n".join(alternatives.values())
                for term_key, alternatives in others.items() if alternatives}

    return _kept((SYNONYM_SETS, language), read)


def expansions(words: list[str], language: str) -> list[Expansion]:
    """The terms of the language's synonym sets that runs of consecutive `words` (the query's
    words, split at white space as `search.lithuanian.query_words` splits them) name, each
    with the other terms to search for; ordered by position, the longest run first, and
    overlapping where terms overlap ("senyvo amžiaus asmenys su negalia" names both "senyvo
    amžiaus asmenys" and "asmenys su negalia")."""
    alternatives = alternatives_by_key(language)
    longest = max((len(term_key.split()) for term_key in alternatives), default=0)
    word_keys = [key(word) for word in words]
    found = []
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            run_key = " ".join(word_keys[start:end])
            if len(run_key.split()) > longest:
                break
            if run_key in alternatives:
                found.append(Expansion(start, end, tuple(alternatives[run_key].splitlines())))
    return sorted(found, key=lambda expansion: (expansion.start, -expansion.end))
