"""The search requests residents send, for the throughput benchmark (figure 5): a pool of
distinct requests ranked by popularity, and a long sequence drawn from it with Zipf weights.

How it is built, from a fixed seed (so a run is reproducible on the same content):

* **Facet-only requests** (no `q`), drawn at random: one or two facet selections, each a facet
  (municipality, target group and content type the likeliest; at most one of municipality,
  county and region) and one of its values in the database's vocabularies, with a sort
  residents pick and page 1, 2 or 3 (mostly 1); one in five in English. A
  page beyond the last one is not a request residents can follow a link to (the API refuses
  it), so such a candidate is passed over: the pool depends on the index it is built against.
* **Text requests**: the texts of the judged query set (`tests/search/judged_queries.jsonl`,
  Lithuanian and English, as written, inflected, without diacritics, with typos) in a seeded
  shuffle, first each text once (two in three alone, one in three with a facet selection), then
  again with a facet selection each round, until the pool has as many distinct text requests
  as facet-only ones; always page 1, sorted by relevance.
* **The ranking** interleaves the two kinds in the order they were drawn (facet-only first,
  then text, and so on), so half the pool, and about half the traffic, is each kind.
* **The sequence**: requests drawn from the pool with replacement, the request of rank r with
  weight 1/r^s (s = 1 by default), `SEQUENCE_LENGTH` long. The pool is large enough for a long
  tail: many requests of the sequence are asked once, as residents' rarer searches are, so a
  cache of answers misses them.

A request is a query string of the search API (`/api/v1/search/?<query>`).
"""

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlencode

from bench.common import ROOT

JUDGED_QUERIES = ROOT / "tests" / "search" / "judged_queries.jsonl"
SEED = 5
FACET_ONLY_REQUESTS = 1000
TEXT_REQUESTS = 1000
SEQUENCE_LENGTH = 20_000
ZIPF_EXPONENT = 1.0
# how often residents select each facet, relative to each other (the others: 1)
FACET_WEIGHTS = {"municipality": 4, "target_group": 3, "content_type": 3, "service_type": 2,
                 "status": 2}
PLACES = {"municipality", "county", "region"}  # one at a time: they narrow the same place
SORTS = {"relevance": 6, "newest": 2, "title": 1, "budget": 1, "start_date": 1}
PAGES = {1: 6, 2: 2, 3: 1}
Choice = TypeVar("Choice")


@dataclass(frozen=True)
class RequestMix:
    pool: list[str]  # query strings, the most requested first
    text: list[bool]  # whether the pool's request of that rank searches for words
    sequence: list[int]  # ranks into the pool

    @property
    def text_share(self) -> float:
        """The share of the sequence's requests that search for words."""
        return sum(self.text[rank] for rank in self.sequence) / len(self.sequence)


def weighted(rng: random.Random, weights: dict[Choice, int]) -> Choice:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def facet_values() -> dict[str, list[str]]:
    """Each facet's values (those the API accepts), from the database's vocabularies."""
    from search.facets import FACETS

    return {facet.key: sorted(labels) for facet in FACETS
            if (labels := facet.value_labels("lt"))}


def selections(rng: random.Random, values: dict[str, list[str]],
               count: int) -> list[tuple[str, str | int]]:
    weights = {key: FACET_WEIGHTS.get(key, 1) for key in values}
    keys: list[str] = []
    while len(keys) < count:
        key = weighted(rng, weights)
        if key not in keys and not (key in PLACES and PLACES.intersection(keys)):
            keys.append(key)
    return [(key, rng.choice(values[key])) for key in keys]


def facet_only_request(rng: random.Random, values: dict[str, list[str]]) -> tuple[str, int]:
    """A query string and its page."""
    pairs = selections(rng, values, rng.choice((1, 1, 2)))
    if (sort := weighted(rng, SORTS)) != "relevance":
        pairs.append(("sort", sort))
    if (page := weighted(rng, PAGES)) != 1:
        pairs.append(("page", page))
    if rng.random() < 0.2:
        pairs.append(("lang", "en"))
    return urlencode(pairs), page


def text_requests(rng: random.Random, values: dict[str, list[str]]) -> list[str]:
    lines = [json.loads(line) for line in JUDGED_QUERIES.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    texts = sorted({(line["query"], line["lang"]) for line in lines})
    rng.shuffle(texts)
    requests: list[str] = []
    for position in range(TEXT_REQUESTS * 20):
        if len(requests) == TEXT_REQUESTS:
            break
        text, language = texts[position % len(texts)]
        pairs: list[tuple[str, str | int]] = [("q", text)]
        if language != "lt":
            pairs.append(("lang", language))
        if position >= len(texts) or position % 3 == 2:
            pairs += selections(rng, values, 1)
        if (request := urlencode(pairs)) not in requests:
            requests.append(request)
    return requests


def request_mix(reachable: Callable[[str], bool], length: int = SEQUENCE_LENGTH,
                exponent: float = ZIPF_EXPONENT, seed: int = SEED) -> RequestMix:
    """The pool and the sequence; `reachable` says whether a facet-only request's page exists
    (its search has that many results)."""
    rng = random.Random(seed)
    values = facet_values()
    facet_only: list[str] = []
    for _ in range(FACET_ONLY_REQUESTS * 20):
        if len(facet_only) == FACET_ONLY_REQUESTS:
            break
        request, page = facet_only_request(rng, values)
        if request not in facet_only and (page == 1 or reachable(request)):
            facet_only.append(request)
    texts = text_requests(rng, values)
    pool = [request for pair in zip(facet_only, texts, strict=False) for request in pair]
    text = [rank % 2 == 1 for rank in range(len(pool))]
    weights = [1 / rank ** exponent for rank in range(1, len(pool) + 1)]
    return RequestMix(pool, text, rng.choices(range(len(pool)), weights=weights, k=length))
