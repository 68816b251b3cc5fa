"""A slice of the demo content: three sites' lines plus every line they refer to."""

import json
from collections.abc import Iterable

from cms.conf import demo_content_file

SITES = {"alytus", "kalvarija", "nacionalinis"}
REFERENCE_KEYS = ("measure", "lead_beneficiary", "predecessor")
REFERENCE_LISTS = ("about_projects", "about_measures", "mentioned_providers")


def references(line: dict) -> set[str]:
    found = {line[key] for key in REFERENCE_KEYS if line.get(key)}
    found |= {partner["provider"] for partner in line.get("partners", [])}
    return found.union(*(line.get(key, []) for key in REFERENCE_LISTS))


def closure(lines: list[dict], ids: set[str]) -> set[str]:
    by_id: dict[str, list[dict]] = {}
    for line in lines:
        by_id.setdefault(line["id"], []).append(line)
    while missing := {ref for id_ in ids for line in by_id[id_] for ref in references(line)} - ids:
        ids = ids | missing
    return ids


def demo_slice(sites: Iterable[str] = SITES) -> list[dict]:
    text_lines = demo_content_file().read_text(encoding="utf-8").splitlines()
    lines = [json.loads(text) for text in text_lines if text.strip()]
    wanted = closure(lines, {line["id"] for line in lines if line.get("site") in set(sites)})
    return [line for line in lines if line["id"] in wanted]


def sites_of(lines: list[dict]) -> set[str]:
    return {line["site"] for line in lines if line.get("site")}
