"""Lithuanian and English text analysis in Python: accent folding and Snowball stemming.

The database engine analyses with these functions; the remote engines configure the same steps
(lowercase → asciifolding → Snowball stemmer) as index analyzers.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+", re.UNICODE)
STEMMERS = {"lt": "lithuanian", "en": "english"}


def fold(text: str) -> str:
    """Lowercase and strip diacritics: „Šiauliai žmonės“ → „siauliai zmones“."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=4)
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMERS.get(language, "lithuanian"))


def tokens(text: str) -> list[str]:
    return WORD.findall(text.lower())


def stems(text: str, language: str = "lt") -> list[str]:
    """Stem first (the Snowball rules need the accents), then fold."""
    stemmer = _stemmer(language)
    return [fold(stem) for stem in stemmer.stemWords(tokens(text))]


def strip_html(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html or "")).strip()
