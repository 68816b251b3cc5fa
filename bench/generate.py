"""Generate N synthetic but realistic pages across all 60 municipalities, LT and EN.

Reuses the demo generator (scripts/generate_demo.py): its vocabularies, providers, measures,
project and news factories and texts. What is added here is scale: a site for every
municipality of pages/vocabularies.py (plus the national site), titles that never run out and
a stream of projects and news, round-robin over the sites, until N lines are written.

    python bench/generate.py --pages 100000 --out bench/data/pages-100000.jsonl

Each line is one page in the import format (docs/import-format.md); an English translation is
a line of its own, so N counts pages in both languages. Deterministic for a given --seed.
"""

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import generate_demo as demo  # noqa: E402

Line = dict
NEWS_SHARE = 0.5          # a news item about one project in two
NEWS_TRANSLATED = 0.6     # as in the demo: part of the news of translated projects
STREETS = ("Vilniaus g.", "Gedimino g.", "Vytauto g.", "Basanavičiaus g.", "Sodų g.",
           "Mokyklos g.", "Taikos g.")


def municipality_site(slug: str, label_lt: str, label_en: str, neighbours: tuple[str, ...],
                      rng: random.Random) -> demo.Site:
    """A demo Site for a municipality, its word forms derived from the vocabulary labels."""
    org = label_lt.removesuffix(" savivaldybė")
    city_en = label_en.removesuffix(" Municipality").removesuffix(" City").removesuffix(
        " District")
    where = label_lt + "je"
    return demo.Site(slug, city_en, org.split()[0], where, where, label_lt + "s", org, city_en,
                     f"in {city_en}", f"{rng.randint(10, 99)}",
                     round(rng.uniform(54.0, 56.3), 4), round(rng.uniform(21.1, 26.6), 4),
                     STREETS, neighbours)


def all_sites(rng: random.Random) -> list[demo.Site]:
    """The demo's hand-written sites where they exist, derived ones for the other municipalities."""
    sites = []
    for _county, _lt, _en, municipalities in demo.VOCAB.COUNTIES:
        slugs = tuple(slug for slug, *_ in municipalities)
        for slug, label_lt, label_en in municipalities:
            known = demo.SITE_BY_SLUG.get(slug)
            neighbours = tuple(other for other in slugs if other != slug)[:2]
            sites.append(known or municipality_site(slug, label_lt, label_en, neighbours, rng))
    demo.SITE_BY_SLUG.update({site.slug: site for site in sites})  # provider texts look up here
    return sites


class EndlessTitles(demo.TitleBook):
    """The demo's unique titles, then numbered editions once its candidates run out."""

    def choose(self, site: str, kind: str, candidates: list[demo.Pair]) -> demo.Pair:
        try:
            return super().choose(site, kind, candidates)
        except RuntimeError:
            edition = 2
            while True:
                for lt, en in candidates:
                    pair = (f"{lt} (Nr. {edition})", f"{en} (no. {edition})")
                    if self.take(site, kind, pair):
                        return pair
                edition += 1


class RecyclingProviders(demo.ProviderFactory):
    """The demo's NGO names are enough for ten sites; sixty reuse them (slugs are per site)."""

    def for_site(self, site: demo.Site, has_admin: bool) -> list[demo.Provider]:
        if len(self.ngo_names) < 2:
            self.ngo_names = list(demo.NGO_NAMES)
            self.rng.shuffle(self.ngo_names)
        return super().for_site(site, has_admin)


def with_translation(lt: Line, en: Line | None) -> Iterator[Line]:
    yield lt
    if en is not None:
        yield {"id": lt["id"], "type": lt["type"], "locale": "en", **en}


def reference_lines(rng: random.Random, sites: list[demo.Site]
                    ) -> tuple[list[Line], dict[str, list[demo.Provider]]]:
    """Providers of every site and the national ones, and every funding measure."""
    ids = demo.Identifiers(rng)
    factory = RecyclingProviders(rng, ids)
    seeds = {p.id: p for p in demo.SEED_PROVIDERS}
    lines = [*with_translation(*demo.provider_lines(seeds["provider-nrd"], None)),
             *with_translation(*demo.provider_lines(seeds["provider-antaa"], None,
                                                    predecessor="provider-nrd"))]
    national = [seeds["provider-nrd"], seeds["provider-antaa"], *factory.national()]
    providers = {"nacionalinis": national}
    for provider in national[2:]:
        lines.extend(with_translation(*demo.provider_lines(provider, ids)))
    for site in sites:
        providers[site.slug] = factory.for_site(site, has_admin=False)
        for provider in providers[site.slug]:
            lines.extend(with_translation(*demo.provider_lines(provider, ids)))
    for spec in demo.MEASURES.values():
        lines.extend(with_translation(*demo.measure_lines(spec, rng)))
    return lines, providers


def content_lines(rng: random.Random, sites: list[demo.Site],
                  providers: dict[str, list[demo.Provider]]) -> Iterator[Line]:
    """Projects (some translated) and news about them, round-robin over the sites, endlessly."""
    titles = EndlessTitles()
    factory = demo.ProjectFactory(rng, providers, titles)
    national_themes = [theme for theme in demo.THEMES if theme.national]
    rotation = [*sites, demo.NATIONAL]
    projects: Counter[str] = Counter()
    news: Counter[str] = Counter()
    while True:
        for site in rotation:
            projects[site.slug] += 1
            theme = rng.choice(national_themes if site.is_national else demo.THEMES)
            project = factory.make(projects[site.slug], site, theme)
            lt, en = demo.project_lines(project, rng)
            yield from with_translation(lt, en if project.translated else None)
            if rng.random() < NEWS_SHARE:
                news[site.slug] += 1
                lt, en = demo.news_lines(news[site.slug], project, titles, rng)
                translate = project.translated and rng.random() < NEWS_TRANSLATED
                yield from with_translation(lt, en if translate else None)


def generate(pages: int, seed: int = demo.SEED) -> Iterator[Line]:
    """Exactly `pages` lines (the reference lines first; at least all of them)."""
    rng = random.Random(seed)
    sites = all_sites(rng)
    references, providers = reference_lines(rng, sites)
    yield from references
    content = content_lines(rng, sites, providers)
    for _ in range(max(0, pages - len(references))):
        yield next(content)


def site_slugs() -> list[str]:
    """Every site the generated lines live on, for bench/setup.py."""
    return [*demo.ALL_MUNICIPALITIES, demo.NATIONAL.slug]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=demo.SEED)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    out = args.out or ROOT / "bench" / "data" / f"pages-{args.pages}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    counts: Counter[str] = Counter()
    partial = out.with_suffix(".part")  # an interrupted run leaves no half file behind
    with partial.open("w", encoding="utf-8") as handle:
        for line in generate(args.pages, args.seed):
            counts[f"{line['type']}/{line.get('locale', 'lt')}"] += 1
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    partial.rename(out)
    print(f"{sum(counts.values())} lines -> {out}")
    print(", ".join(f"{key}: {count}" for key, count in sorted(counts.items())))


if __name__ == "__main__":
    main()
