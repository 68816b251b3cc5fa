"""Generate N realistic pages across all 60 municipalities and the national site, LT and EN.

The pages are variations of the demo content (demo/content.jsonl). Every municipality of
pages/vocabularies.py gets a site: the nine demo municipalities keep their own pages, each other
one takes the pages of a demo municipality, renamed to it (the municipality's name in the
forms its label gives, its slug in the vocabulary fields, its own page ids). The national
providers and the funding measures are shared as in the demo. Projects and news then repeat,
round-robin over the sites, in numbered editions (a title gains "(Nr. 2)", an id and a slug
"-2") until N lines are written.

    python bench/generate.py --pages 100000 --out bench/data/pages-100000.jsonl

Each line is one page in the import format (docs/import-format.md); an English translation is
a line of its own, so N counts pages in both languages. The output depends only on N and the
demo content. A copy refers only to its own site's projects and news, so that
bench/bulk_import.py can import the sites side by side.
"""

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pages.vocabularies import COUNTIES  # noqa: E402

DEMO_CONTENT = ROOT / "demo" / "content.jsonl"
NATIONAL = "nacionalinis"
CONTENT_TYPES = {"project", "news"}
PROVIDER_REFERENCES = ("lead_beneficiary", "predecessor")
PROVIDER_LISTS = ("mentioned_providers",)
CONTENT_LISTS = ("about_projects",)
SLUG_LIKE_KEYS = {"slug", "website", "contact_email"}  # names as they appear in addresses
UNRENAMED_KEYS = {"id", "type", "site", "locale", "measure", "about_measures", *SLUG_LIKE_KEYS,
                  *PROVIDER_REFERENCES, *PROVIDER_LISTS, *CONTENT_LISTS}
LAST_PROJECT_NUMBER = 9999  # a project code ends in four digits

Line = dict[str, Any]
Page = list[Line]  # a Lithuanian line and, when translated, its English line


@dataclass(frozen=True)
class Municipality:
    """A municipality of the vocabulary, by its slug and labels."""

    slug: str
    label_lt: str  # Vilniaus miesto savivaldybė
    label_en: str  # Vilnius City Municipality

    def names(self) -> dict[str, str]:
        """The municipality's name in the forms the demo's texts use, keyed by form."""
        stem = self.label_lt.removesuffix(" savivaldybė")  # Vilniaus miesto, Kalvarijos
        if stem.endswith((" miesto", " rajono")):
            where = stem[:-1] + "e"  # Vilniaus mieste, Utenos rajone
        else:
            where = f"{stem} savivaldybėje"
        name_en = re.sub(r"( City| District)? Municipality$", "", self.label_en)
        return {"locative": self.label_lt + "je", "genitive": self.label_lt + "s",
                "nominative": self.label_lt, "where": where, "stem": stem,
                "label_en": self.label_en, "name_en": name_en}


def slug_form(text: str) -> str:
    """A text as it appears in a slug: ASCII, lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def replacer(pairs: dict[str, str]) -> Callable[[str], str]:
    """Replace every key of `pairs` by its value in one pass, longest keys first."""
    pairs = {source: target for source, target in pairs.items() if source != target}
    if not pairs:
        return lambda text: text
    pattern = re.compile("|".join(map(re.escape, sorted(pairs, key=len, reverse=True))))
    return lambda text: pattern.sub(lambda match: pairs[match.group()], text)


def compose(first: Callable[[str], str], then: Callable[[str], str]) -> Callable[[str], str]:
    return lambda text: then(first(text))


class ProjectCodes:
    """Project codes for copies: the next free number of the project's call, while the
    four digits last; then the demo project's own code."""

    def __init__(self, taken: list[str]) -> None:
        self.last: Counter[str] = Counter()
        for code in taken:
            call, number = code.rsplit("-", 1)
            self.last[call] = max(self.last[call], int(number))

    def next(self, code: str) -> str:
        call = code.rsplit("-", 1)[0]
        if self.last[call] == LAST_PROJECT_NUMBER:
            return code
        self.last[call] += 1
        return f"{call}-{self.last[call]:04}"


class Renaming:
    """Turns a page of a demo site into the same page on another site, in a given edition."""

    def __init__(self, template: Municipality | None, target: Municipality | None,
                 template_providers: set[str], template_content: set[str],
                 project_codes: ProjectCodes) -> None:
        self.site = target.slug if target else NATIONAL
        self.template_slug = template.slug if template else NATIONAL
        self.renamed = template is not None and target is not None and template != target
        source = template.names() if self.renamed else {}
        destination = target.names() if self.renamed else {}
        self.rename_text = replacer({source[form]: destination[form] for form in source})
        self.rename_slug = replacer({slug_form(source[form]): slug_form(destination[form])
                                     for form in source})
        self.template_providers = template_providers
        self.template_content = template_content
        self.project_codes = project_codes

    def provider_id(self, provider: str) -> str:
        if self.renamed and provider in self.template_providers:
            return f"{provider}-{self.site}"
        return provider

    def content_id(self, page: str, edition: int) -> str:
        renamed = f"{page}-{self.site}" if self.renamed else page
        return renamed if edition == 1 else f"{renamed}-{edition}"

    def page(self, lines: Page, edition: int = 1) -> Page:
        rename = self.rename_text
        code = lines[0].get("project_code")
        if code and (self.renamed or edition > 1):  # a copy of a project: a code of its own
            rename = compose(rename, replacer({code: self.project_codes.next(code)}))
        return [self.line(line, edition, rename) for line in lines]

    def line(self, line: Line, edition: int, rename_text: Callable[[str], str]) -> Line:
        content = line["type"] in CONTENT_TYPES
        new_id = self.content_id(line["id"], edition) if content else self.provider_id(line["id"])
        copy = {key: self.text(value, rename_text) if key not in UNRENAMED_KEYS else value
                for key, value in line.items()}
        copy["id"] = new_id
        if "site" in line:
            copy["site"] = self.site
        for key in SLUG_LIKE_KEYS & set(line):
            copy[key] = self.rename_slug(line[key])
        if "slug" in line and edition > 1:
            copy["slug"] += f"-{edition}"
        if edition > 1:
            copy["title"] += f" (Nr. {edition})" if line.get("locale", "lt") == "lt" else (
                f" (no. {edition})")
        self.rename_references(copy, edition)
        return copy

    def rename_references(self, line: Line, edition: int) -> None:
        for key in PROVIDER_REFERENCES:
            if key in line:
                line[key] = self.provider_id(line[key])
        for key in PROVIDER_LISTS:
            if key in line:
                line[key] = [self.provider_id(provider) for provider in line[key]]
        if "partners" in line:
            line["partners"] = [{**partner, "provider": self.provider_id(partner["provider"])}
                                for partner in line["partners"]]
        for key in CONTENT_LISTS:  # another site's pages may be in another import stream
            if key in line:
                line[key] = [self.content_id(page, edition) for page in line[key]
                             if page in self.template_content]
        if "municipalities" in line:
            line["municipalities"] = [self.municipality(slug) for slug in line["municipalities"]]
        if "municipality" in line:
            line["municipality"] = self.municipality(line["municipality"])

    def municipality(self, slug: str) -> str:
        return self.site if self.renamed and slug == self.template_slug else slug

    def text(self, value: Any, rename: Callable[[str], str]) -> Any:
        if isinstance(value, str):
            return rename(value)
        if isinstance(value, list):
            return [self.text(item, rename) for item in value]
        if isinstance(value, dict):
            return {key: self.text(item, rename) for key, item in value.items()}
        return value


@dataclass
class DemoContent:
    """The demo's pages, each with its translation, by site and kind."""

    providers: dict[str, list[Page]]
    measures: list[Page]
    content: dict[str, list[Page]]

    @classmethod
    def read(cls, path: Path) -> "DemoContent":
        pages: dict[str, Page] = {}
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.strip():
                line = json.loads(raw)
                pages.setdefault(line["id"], []).append(line)
        demo = cls({}, [], {})
        for page in pages.values():
            site, kind = page[0]["site"], page[0]["type"]
            if kind == "measure":
                demo.measures.append(page)
            else:
                by_site = demo.content if kind in CONTENT_TYPES else demo.providers
                by_site.setdefault(site, []).append(page)
        return demo


def page_ids(pages: list[Page]) -> set[str]:
    return {page[0]["id"] for page in pages}


def municipalities() -> list[Municipality]:
    return [Municipality(*municipality) for *_county, members in COUNTIES
            for municipality in members]


def renamings(demo: DemoContent) -> dict[str, Renaming]:
    """Every site's renaming: a demo municipality's own pages for itself, the demo
    municipalities' pages in turn for the others, the national pages for the national site."""
    everyone = municipalities()
    by_slug = {municipality.slug: municipality for municipality in everyone}
    templates = [by_slug[slug] for slug in demo.content if slug != NATIONAL]
    others = count()
    project_codes = ProjectCodes([page[0]["project_code"] for pages in demo.content.values()
                                  for page in pages if "project_code" in page[0]])
    result = {}
    for target in everyone:
        template = target if target in templates else templates[next(others) % len(templates)]
        result[target.slug] = Renaming(template, target,
                                       page_ids(demo.providers.get(template.slug, [])),
                                       page_ids(demo.content[template.slug]), project_codes)
    result[NATIONAL] = Renaming(None, None, set(), set(), project_codes)
    return result


def reference_lines(demo: DemoContent, sites: dict[str, Renaming]) -> Iterator[Line]:
    """The providers of every site, then every funding measure."""
    for page in demo.providers.get(NATIONAL, []):
        yield from page
    for slug, renaming in sites.items():
        if slug != NATIONAL:
            for page in demo.providers.get(renaming.template_slug, []):
                yield from renaming.page(page)
    for page in demo.measures:
        yield from page


def content_lines(demo: DemoContent, sites: dict[str, Renaming]) -> Iterator[Line]:
    """Projects and news, a page per site in turn, each site's in editions, endlessly."""
    def editions(renaming: Renaming) -> Iterator[Page]:
        for edition in count(1):
            for page in demo.content[renaming.template_slug]:
                yield renaming.page(page, edition)

    rotation = [editions(renaming) for renaming in sites.values()]
    while True:
        for site_pages in rotation:
            yield from next(site_pages)


def generate(pages: int, demo_content: Path = DEMO_CONTENT) -> Iterator[Line]:
    """Exactly `pages` lines (the reference lines first; at least all of them)."""
    demo = DemoContent.read(demo_content)
    sites = renamings(demo)
    references = list(reference_lines(demo, sites))
    yield from references
    content = content_lines(demo, sites)
    for _ in range(max(0, pages - len(references))):
        yield next(content)


def site_slugs() -> list[str]:
    """Every site the generated lines live on, for bench/setup.py."""
    return [*(municipality.slug for municipality in municipalities()), NATIONAL]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--demo", type=Path, default=DEMO_CONTENT,
                        help="the demo content the pages vary (default: %(default)s)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    out = args.out or ROOT / "bench" / "data" / f"pages-{args.pages}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    counts: Counter[str] = Counter()
    partial = out.with_suffix(".part")  # an interrupted run leaves no half file behind
    with partial.open("w", encoding="utf-8") as handle:
        for line in generate(args.pages, args.demo):
            counts[f"{line['type']}/{line.get('locale', 'lt')}"] += 1
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    partial.rename(out)
    print(f"{sum(counts.values())} lines -> {out}")
    print(", ".join(f"{key}: {number}" for key, number in sorted(counts.items())))


if __name__ == "__main__":
    main()
