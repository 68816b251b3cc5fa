"""Conflation of Lithuanian word forms: does a typed form find the other forms of its lemma?

The inflection groups come from Debian's Lithuanian Hunspell dictionary, expanded with its
`unmunch` tool; the script installs both when they are missing (`apt-get install -y
hunspell-lt hunspell-tools`, as root; otherwise it stops naming that command).

The dictionary (/usr/share/hunspell/lt_LT.dic and .aff, by Albertas Agejevas, 2000–2013) is
under the BSD-3-clause licence (see /usr/share/doc/hunspell-lt/copyright, "dictionaries/lt_LT").
It is read where Debian installs it and nothing of it is stored in this repository.

A lemma is one dictionary entry that is a noun (flag D) or an adjective (flag B), lowercase,
with all its suffixed forms; prefixes (ne-, nebe-, …) are left out, as they make other words
for search. Two samples, with a fixed seed: 200 lemmas having a form in the demo content
(demo/content.jsonl) and 500 random nouns and adjectives.

Matching follows the engines' Lithuanian analysis: an indexed form is its folded word and its
folded Snowball stem (stemmed first, folded after: `search.analysis.stems`); a typed word
finds it through the folded word or the stem. English stems are left out.

* recall: of the pairs (typed form, another form of the same lemma), the share found,
  averaged over the lemmas; typed as written and typed without diacritics;
* over-stemming: of the pairs of different lemmas in a sample, the share that a typed form of
  one finds a form of the other through a stem. Pairs that share a written form (after folding
  diacritics) cannot be told apart by any analysis and are left out.

Run (takes about a minute): `.venv/bin/python -m bench.conflation` → bench/results/conflation.md
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bench.common import RESULTS, ROOT
from search.analysis import fold, stems, tokens
from search.lithuanian import alternatives

DICTIONARY = Path("/usr/share/hunspell/lt_LT")
PACKAGES = ("hunspell-lt", "hunspell-tools")
ENCODING = "iso8859-13"
SEPARATOR = "-"  # a dictionary line without flags: unmunch prints it alone, between groups
SEED = 20240601
DOMAIN_LEMMAS = 200
RANDOM_LEMMAS = 500
WORD_CLASSES = {"D": "noun", "B": "adjective"}

Analysis = Callable[[str], set[str]]  # a typed word → its stem terms


@dataclass(frozen=True)
class Lemma:
    entry: str
    forms: tuple[str, ...]


def dictionary_entries() -> list[tuple[str, str]]:
    """(word, suffix flags) of the lowercase nouns and adjectives."""
    affixes = DICTIONARY.with_suffix(".aff").read_text(encoding=ENCODING).splitlines()
    suffix_flags = {line.split()[1] for line in affixes if line.startswith("SFX ")}
    entries = []
    for line in DICTIONARY.with_suffix(".dic").read_text(encoding=ENCODING).splitlines()[1:]:
        word, _, flags = line.partition("/")
        if word.islower() and WORD_CLASSES.keys() & set(flags):
            entries.append((word, "".join(flag for flag in flags if flag in suffix_flags)))
    return entries


def inflection_groups(entries: list[tuple[str, str]]) -> list[Lemma]:
    """Every entry with its suffixed forms, expanded by unmunch."""
    with tempfile.TemporaryDirectory() as folder:
        dic = Path(folder) / "lemmas.dic"
        lines = [line for word, flags in entries for line in (f"{word}/{flags}", SEPARATOR)]
        dic.write_text(f"{len(lines)}\n" + "\n".join(lines) + "\n", encoding=ENCODING)
        output = subprocess.run(["unmunch", str(dic), str(DICTIONARY.with_suffix(".aff"))],
                                capture_output=True, check=True).stdout.decode(ENCODING)
    groups = output.split(f"\n{SEPARATOR}\n")
    assert len(groups) >= len(entries), "unmunch printed fewer groups than entries"
    return [Lemma(f"{word}/{flags}", tuple(dict.fromkeys(group.split())))
            for (word, flags), group in zip(entries, groups, strict=False)]


def demo_words() -> set[str]:
    words: set[str] = set()

    def collect(value: object) -> None:
        if isinstance(value, str):
            words.update(tokens(value))
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for line in (ROOT / "demo" / "content.jsonl").read_text(encoding="utf-8").splitlines():
        collect(json.loads(line))
    return words


def samples(lemmas: list[Lemma]) -> dict[str, list[Lemma]]:
    chance = random.Random(SEED)
    words = demo_words()
    domain = [lemma for lemma in lemmas if words.intersection(lemma.forms)]
    return {
        "demo domain": chance.sample(domain, min(DOMAIN_LEMMAS, len(domain))),
        "random nouns and adjectives": chance.sample(lemmas, RANDOM_LEMMAS),
    }


def snowball(word: str) -> set[str]:
    return set(stems(word, "lt"))


def restoring_endings(word: str) -> set[str]:
    """The query side of the engines: the word's stem and those of its re-accented endings."""
    return snowball(word).union(*(snowball(spelling) for spelling in alternatives(word)))


def typed_as(written: bool) -> Callable[[str], str]:
    return (lambda form: form) if written else fold


def recall(sample: list[Lemma], analysis: Analysis, typing: Callable[[str], str]) -> float:
    """Per lemma, the share of (typed form, other form) pairs found; the mean over lemmas."""
    shares = []
    for lemma in sample:
        by_word: dict[str, set[int]] = defaultdict(set)
        by_stem: dict[str, set[int]] = defaultdict(set)
        for position, form in enumerate(lemma.forms):
            by_word[fold(form)].add(position)
            for stem in snowball(form):
                by_stem[stem].add(position)
        pairs = len(lemma.forms) * (len(lemma.forms) - 1)
        if not pairs:
            continue
        found = 0
        for position, form in enumerate(lemma.forms):
            typed = typing(form)
            reached = set(by_word[fold(typed)]).union(
                *(by_stem.get(stem, ()) for stem in analysis(typed)))
            found += len(reached - {position})
        shares.append(found / pairs)
    return sum(shares) / len(shares)


def unordered(first: int, second: int) -> tuple[int, int]:
    return (first, second) if first < second else (second, first)


def pairs_sharing_a_word(sample: list[Lemma]) -> set[tuple[int, int]]:
    by_word: dict[str, set[int]] = defaultdict(set)
    for number, lemma in enumerate(sample):
        for form in lemma.forms:
            by_word[fold(form)].add(number)
    return {unordered(first, second) for numbers in by_word.values()
            for first in numbers for second in numbers if first != second}


def over_stemming(sample: list[Lemma], analysis: Analysis,
                  typing: Callable[[str], str]) -> tuple[int, int]:
    """(pairs of different lemmas joined through a stem, pairs that could be)."""
    by_stem: dict[str, set[int]] = defaultdict(set)
    for number, lemma in enumerate(sample):
        for form in lemma.forms:
            for stem in snowball(form):
                by_stem[stem].add(number)
    homographs = pairs_sharing_a_word(sample)
    joined = {unordered(number, other)
              for number, lemma in enumerate(sample) for form in lemma.forms
              for stem in analysis(typing(form)) for other in by_stem.get(stem, ())
              if other != number} - homographs
    return len(joined), len(sample) * (len(sample) - 1) // 2 - len(homographs)


def measure(sample: list[Lemma], analyses: dict[str, Analysis]) -> Iterable[list[str]]:
    for name, analysis in analyses.items():
        row = [name]
        for written in (True, False):
            row.append(f"{recall(sample, analysis, typed_as(written)):.3f}")
        for written in (True, False):
            joined, possible = over_stemming(sample, analysis, typed_as(written))
            row.append(f"{joined / possible:.5f} ({joined} of {possible})")
        yield row


def report(lemmas: list[Lemma], chosen: dict[str, list[Lemma]],
           tables: dict[str, list[list[str]]], seconds: float) -> str:
    header = ["query analysis", "recall, as written", "recall, without diacritics",
              "over-stemming, as written", "over-stemming, without diacritics"]
    lines = ["# Conflation of Lithuanian word forms", "",
             f"Written by `bench/conflation.py` (its docstring defines the measures) from "
             f"{len(lemmas)} nouns and adjectives of hunspell-lt, seed {SEED}, "
             f"in {seconds:.0f} s.", ""]
    for name, sample in chosen.items():
        forms = sum(len(lemma.forms) for lemma in sample)
        lines += [f"## {name}: {len(sample)} lemmas, {forms} forms", "",
                  "| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in tables[name]]
        lines.append("")
    return "\n".join(lines)


def install_dictionary() -> None:
    """Debian's dictionary and `unmunch`, installed when missing."""
    if DICTIONARY.with_suffix(".dic").exists() and shutil.which("unmunch"):
        return
    command = ["apt-get", "install", "-y", "--no-install-recommends", *PACKAGES]
    if os.geteuid() != 0:
        sys.exit(f"Install the dictionary first, as root: {' '.join(command)}")
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=RESULTS / "conflation.md")
    arguments = parser.parse_args()
    install_dictionary()
    started = time.monotonic()
    lemmas = inflection_groups(dictionary_entries())
    chosen = samples(lemmas)
    analyses: dict[str, Analysis] = {"Snowball": snowball,
                                     "Snowball and re-accented endings": restoring_endings}
    tables = {name: list(measure(sample, analyses)) for name, sample in chosen.items()}
    text = report(lemmas, chosen, tables, time.monotonic() - started)
    arguments.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
