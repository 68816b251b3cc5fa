"""Lithuanian and English text analysis in Python: accent folding and Snowball stemming.

The database engine analyses with these functions; the remote engines configure the same steps
(lowercase → stemmer overrides → Snowball stemmer → asciifolding) as index analyzers.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+", re.UNICODE)
TAG = re.compile(r"<[^>]+>")
STEMMERS = {"lt": "lithuanian", "en": "english"}

# Lithuanian words whose forms Snowball splits into several stems (consonant stems, -ius nouns,
# suppletive plurals) or joins with another word's (over-stems): stem → every form. A form found
# here is given this stem instead of Snowball's; the remote engines get the same table as a
# `stemmer_override` filter (`search.engines.dsl`), so an index must be rebuilt after a change.
STEM_OVERRIDES = {
    "asmen": "asmuo asmens asmeniui asmenį asmeniu asmenyje asmenie asmenys asmenų asmenims "
             "asmenis asmenimis asmenyse",
    "amž": "amžius amžiaus amžiui amžių amžiumi amžiuje amžiau amžiai amžiams amžiais "
           "amžiuose",
    "žmog": "žmogus žmogaus žmogui žmogų žmogumi žmoguje žmogau žmonės žmonių žmonėms žmones "
            "žmonėmis žmonėse",
    "param": "parama paramos paramai paramą parama paramoje paramų paramoms paramas paramomis "
             "paramose",
    "pajam": "pajamos pajamų pajamoms pajamas pajamomis pajamose",
    "alyt": "alytus alytaus alytui alytų alytumi alytuje",
    "mėnes": "mėnuo mėnesio mėnesiui mėnesį mėnesiu mėnesyje mėnesiai mėnesių mėnesiams "
             "mėnesius mėnesiais mėnesiuose",
    "vanden": "vanduo vandens vandeniui vandenį vandeniu vandenyje vandenys vandenų vandenims "
              "vandenis vandenimis",
    "seser": "sesuo sesers seseriai seserį seserimi seseryje seserys seserų seserims seseris "
             "seserimis",
}


def fold(text: str) -> str:
    """Lowercase and strip diacritics: „Šiauliai žmonės“ → „siauliai zmones“."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=4)
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMERS.get(language, "lithuanian"))


def tokens(text: str) -> list[str]:
    return WORD.findall(text.lower())


def overridden_stems() -> dict[str, str]:
    """Form → stem from `STEM_OVERRIDES`, with each form also typed without diacritics (then
    given the folded stem)."""
    table = {}
    for stem, forms in STEM_OVERRIDES.items():
        for form in forms.split():
            table[form] = stem
            table.setdefault(fold(form), fold(stem))
    return table


OVERRIDDEN = overridden_stems()


def stems(text: str, language: str = "lt", folded: bool = True) -> list[str]:
    """Stem first (the Snowball rules need the accents), then fold (unless not `folded`)."""
    words = tokens(text)
    found = _stemmer(language).stemWords(words)
    if language == "lt":
        found = [OVERRIDDEN.get(word, stem) for word, stem in zip(words, found, strict=True)]
    return [fold(stem) for stem in found] if folded else found


def strip_html(html: str) -> str:
    """The text of HTML, each run of tags and white space read as one space."""
    return " ".join(TAG.sub(" ", html or "").split())
