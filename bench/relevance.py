"""Relevance of the public search on a judged query set: recall@10, nDCG@10, zero-result rate.

The judged set is tests/search/judged_queries.jsonl: queries written from the demo content
(demo/content.jsonl), as residents type them — the title's words as written, in their
dictionary form, without diacritics, with two neighbouring letters swapped, with an extra word
the pages do not have — each with the import ids (`id` of the import format) of its relevant
pages in the query's language. tests/search/test_judged_queries.py runs it on the demo content
on both analysing engines and asserts the targets; this command runs it on whatever the bench
instance holds (bench/README.md: setup and bulk_import of N generated pages), where the numbered
editions and the other sites' copies of a relevant page (import ids `<id>-<n>`, `<id>-<site>`,
`<id>-<site>-<n>`) count as relevant too, as they have the same text.

Each engine is measured twice: searching every municipality (the national site), and searching
on the site a resident looking for the pages would be on: the municipality that holds every
relevant page (`scope_of`; all municipalities when they are national or on several sites).

    python -m bench.relevance [--engines opensearch database] [--rebuild]

`--rebuild` writes each engine's index from the database first (needed once for the database
engine, whose index lives in the bench database under the alias `<instance>-pages-database`).
Writes bench/results/relevance.md (or `--out`) and prints it.
"""

import argparse
import json
import math
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bench.common import RESULTS, ROOT
from bench.generate import site_slugs

JUDGED = ROOT / "tests" / "search" / "judged_queries.jsonl"
DEPTH = 10
TARGETS = {"recall@10": 0.95, "zero-result rate": 0.02}  # at least, at most


@dataclass(frozen=True)
class Judgement:
    query: str
    language: str
    kind: str  # written, inflected, diacritic-free, typo, extra-word
    relevant: frozenset[str]  # import ids, in `language`


def judgements(path: Path = JUDGED) -> list[Judgement]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    return [Judgement(line["query"], line["lang"], line["kind"], frozenset(line["relevant"]))
            for line in lines]


@dataclass
class Scores:
    queries: int = 0
    recall: float = 0.0
    ndcg: float = 0.0
    zero_results: int = 0

    def add(self, recall: float, ndcg: float, found: int) -> None:
        self.queries += 1
        self.recall += recall
        self.ndcg += ndcg
        self.zero_results += found == 0

    def figures(self) -> dict[str, float]:
        return {"recall@10": self.recall / self.queries, "nDCG@10": self.ndcg / self.queries,
                "zero-result rate": self.zero_results / self.queries}


def ndcg(gains: list[bool], relevant: int) -> float:
    dcg = sum(1 / math.log2(rank + 2) for rank, gain in enumerate(gains) if gain)
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(relevant, DEPTH)))
    return dcg / ideal


def import_ids() -> dict[tuple[int, str], str]:
    """(page id, language) → the import id of the page's translation group."""
    from wagtail.models import Page

    from pages.models import ImportedItem

    by_key = dict(ImportedItem.objects.values_list("translation_key", "external_id"))
    return {(page_id, language): by_key[key] for page_id, key, language in
            Page.objects.filter(translation_key__in=by_key).values_list(
                "id", "translation_key", "locale__language_code")}


def municipalities() -> dict[str, str | None]:
    """Import id → the slug of the municipality whose site holds the page (None: the national
    site's)."""
    from wagtail.models import Page

    from pages.models import ImportedItem, MunicipalityHomePage

    homes = {home.path: home.municipality.slug if home.municipality_id else None
             for home in MunicipalityHomePage.objects.select_related("municipality")}
    pages = dict(Page.objects.filter(translation_key__in=ImportedItem.objects.values(
        "translation_key")).values_list("translation_key", "path"))
    return {external_id: next((slug for path, slug in homes.items()
                               if pages[key].startswith(path)), None)
            for key, external_id in ImportedItem.objects.values_list("translation_key",
                                                                      "external_id")
            if key in pages}


def scope_of(judgement: Judgement, held_by: dict[str, str | None]) -> str | None:
    """The municipality whose site a resident looking for the relevant pages searches on: the
    one that holds them all (None when they are national or on several sites)."""
    slugs = {held_by.get(judged) for judged in judgement.relevant}
    return slugs.pop() if len(slugs) == 1 else None


def same_text(judged: str) -> Callable[[str], bool]:
    """A relevant import id, or one of its copies in the generated bench content: `<id>-<n>`
    (an edition), `<id>-<site>` (another site's copy) or `<id>-<site>-<n>`."""
    sites = set(site_slugs())

    def matches(found: str) -> bool:
        if found == judged:
            return True
        if not found.startswith(f"{judged}-"):
            return False
        copy = found[len(judged) + 1:]
        site, _, edition = copy.partition("-")
        return copy.isdigit() or site in sites and (not edition or edition.isdigit())

    return matches


Search = Callable[[str, str, str | None], list[tuple[int, str]]]


def evaluate(search: Search, judged: Iterable[Judgement], ids: dict[tuple[int, str], str],
             copies: bool = False,
             scope: Callable[[Judgement], str | None] = lambda judgement: None
             ) -> dict[str, Scores]:
    """Scores overall ("all") and per language and kind of query. `search(text, language,
    municipality)` returns the first hits' (page id, language) in rank order; `scope` says the
    municipality a judgement's query is searched in (None: all of them)."""
    scores: dict[str, Scores] = defaultdict(Scores)
    for judgement in judged:
        hits = search(judgement.query, judgement.language, scope(judgement))
        found = [ids.get(hit) if hit[1] == judgement.language else None for hit in hits[:DEPTH]]
        matches = [same_text(judged) if copies else judged.__eq__
                   for judged in sorted(judgement.relevant)]
        gains = [page is not None and any(match(page) for match in matches) for page in found]
        reached = {index for index, match in enumerate(matches)
                   if any(page is not None and match(page) for page in found)}
        recall = len(reached) / len(matches)
        relevance = ndcg(gains, len(matches))
        for group in ("all", judgement.language, f"{judgement.language} {judgement.kind}"):
            scores[group].add(recall, min(relevance, 1.0), len(hits))
    return dict(scores)


def engine_search(engine) -> Search:
    from search.query import SearchQuery

    def search(text: str, language: str, municipality: str | None) -> list[tuple[int, str]]:
        response = engine.search(SearchQuery(text=text, language=language, page_size=DEPTH,
                                             municipality=municipality))
        return [(hit.id, hit.locale) for hit in response.hits]

    return search


def table(by_engine: dict[str, dict[str, Scores]]) -> list[str]:
    lines = ["| engine | queries | group | recall@10 | nDCG@10 | zero-result rate |",
             "| --- | --- | --- | --- | --- | --- |"]
    for engine, scores in by_engine.items():
        for group in sorted(scores, key=lambda name: (name != "all", name)):
            figures = scores[group].figures()
            lines.append(f"| {engine} | {scores[group].queries} | {group} | "
                         f"{figures['recall@10']:.3f} | {figures['nDCG@10']:.3f} | "
                         f"{figures['zero-result rate']:.3f} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engines", nargs="+", choices=["opensearch", "database"],
                        default=["opensearch", "database"])
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS / "relevance.md")
    arguments = parser.parse_args()

    from bench.common import django_setup

    django_setup()
    from django.conf import settings
    from django.test import override_settings

    from search.engines import get_engine
    from search.rebuild import run_rebuild

    started, judged, ids = time.monotonic(), judgements(), import_ids()
    held_by = municipalities()
    by_engine, pages = {}, {}
    for kind in arguments.engines:
        overrides = ({"ELASTICSEARCH_URL": "", "OPENSEARCH_URL": "",
                      "SEARCH_INDEX_ALIAS": f"{settings.SEARCH_INDEX_ALIAS}-database"}
                     if kind == "database" else {})
        with override_settings(**overrides):
            if arguments.rebuild:
                run_rebuild()
            engine = get_engine()
            engine.refresh()
            search = engine_search(engine)
            by_engine[kind] = evaluate(search, judged, ids, copies=True)
            by_engine[f"{kind}, on the page's municipality site"] = evaluate(
                search, judged, ids, copies=True,
                scope=lambda judgement: scope_of(judgement, held_by))
            pages[kind] = engine.count()
    indexed = ", ".join(f"{count} on {kind}" for kind, count in pages.items())
    lines = ["# Relevance on the judged query set", "",
             f"Written by `bench/relevance.py` (its docstring defines the measures): "
             f"{len(judged)} judged queries over the bench's indexed pages ({indexed}), "
             f"in {time.monotonic() - started:.0f} s. Targets: recall@10 ≥ "
             f"{TARGETS['recall@10']}, zero-result rate ≤ {TARGETS['zero-result rate']}.", "",
             *table(by_engine), ""]
    text = "\n".join(lines)
    arguments.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
