"""Figure 4: faceted search with a text query and all facets: the API's p50/p95 (its answers
kept in the shared cache, and right after a write, when none is) vs the same engine request
sent raw, and vs the same counts obtained with one modelsearch `.facet()` call
per facet (Wagtail's index on the same engine, built by bench/reindex.py).

    python -m bench.search_latency [--rounds 50]

Writes bench/results/<label>/search.json.
"""

import argparse
import os
import time
from collections.abc import Callable
from typing import Any

from bench.common import API_HOST, django_setup, print_table, profiled, ratio, summary, write_result
from bench.queries_set import PATH, QUERIES

# Facets Wagtail's index can count, one `.facet()` call each: FilterFields of Page, and of
# ProjectPage for the facets only projects have. The others are many-to-many terms or values
# derived while mapping (target group, municipality, region, service type, fund, programme,
# period, start year, budget band), which modelsearch cannot facet on.
WAGTAIL_FACETS = {"content_type": ("wagtailcore.Page", "content_type_id"),
                  "language": ("wagtailcore.Page", "locale_id"),
                  "status": ("pages.ProjectPage", "status"),
                  "measure": ("pages.ProjectPage", "measure_id")}


def timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def api_call(query: str) -> Callable[[], Any]:
    from django.test import Client

    client = Client(HTTP_HOST=API_HOST)

    def call() -> None:
        response = client.get(f"{PATH}?{query}")
        assert response.status_code == 200, response.content[:300]

    return call


def raw_call(query: str) -> Callable[[], Any]:
    from django.http import QueryDict

    from cms.searching import query_from_params
    from search.engines import dsl, get_engine

    engine = get_engine()
    body = dsl.search_body(query_from_params(QueryDict(query)))
    return lambda: engine.client.search(index=engine.alias, body=body)


def wagtail_facets_call(query: str) -> Callable[[], Any]:
    from django.apps import apps
    from django.http import QueryDict

    text = QueryDict(query).get("q", "")

    def call() -> None:
        for model, field in WAGTAIL_FACETS.values():
            apps.get_model(model).objects.live().search(text).facet(field)

    return call


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    os.environ["BENCH_WAGTAIL_BACKEND"] = "engine"  # .facet() goes to Wagtail's index
    django_setup()
    from search.facets import FACETS
    from search.freshness import index_changed

    # "api_after_write": every request follows a write (the index generation bumped, untimed),
    # so no kept answer serves it: the API's whole cost; "api" then asks the same again
    kinds = {"api_after_write": api_call, "api": api_call, "raw_engine": raw_call,
             "wagtail_facet_calls": wagtail_facets_call}
    before = {"api_after_write": index_changed}
    calls = {kind: [make(query) for query in QUERIES] for kind, make in kinds.items()}
    for kind_calls in calls.values():  # warm caches and connections
        for call in kind_calls:
            call()
    from cms.api.answer_cache import answer_counts, reset_answer_counts

    reset_answer_counts()
    samples: dict[str, list[float]] = {kind: [] for kind in kinds}
    for _ in range(args.rounds):
        for position in range(len(QUERIES)):
            for kind in kinds:  # side by side, same query, same moment
                if prepare := before.get(kind):
                    prepare()
                samples[kind].append(timed(calls[kind][position]))
    with profiled("search-api"):  # where the API's time goes, beyond the engine request
        for _ in range(5):
            for call in calls["api"]:
                call()
    kept = answer_counts()  # the rounds only: an API sample answered from a kept answer is a hit
    stats = {kind: summary(values) for kind, values in samples.items()}
    figures = {
        "queries": QUERIES, "rounds": args.rounds, "seconds": stats,
        "ratio_api_vs_raw_p50": ratio(stats["api"]["p50"], stats["raw_engine"]["p50"]),
        "ratio_api_vs_raw_p95": ratio(stats["api"]["p95"], stats["raw_engine"]["p95"]),
        "ratio_api_after_write_vs_raw_p95": ratio(stats["api_after_write"]["p95"],
                                                  stats["raw_engine"]["p95"]),
        "ratio_wagtail_vs_api_p50": ratio(stats["wagtail_facet_calls"]["p50"],
                                          stats["api"]["p50"]),
        "api_answer_cache": {"hits": kept.hits, "misses": kept.misses,
                             "hit_rate": kept.hit_rate},
        "wagtail_facets_counted": sorted(WAGTAIL_FACETS),
        "wagtail_facets_impossible": [facet.key for facet in FACETS
                                      if facet.key not in WAGTAIL_FACETS],
        "samples": samples,
    }
    write_result("search", figures)
    print_table(f"Faceted search, {len(QUERIES)} queries × {args.rounds} rounds (ms)", [
        ("", "p50", "p95"),
        *((kind, f"{stats[kind]['p50'] * 1000:.1f}", f"{stats[kind]['p95'] * 1000:.1f}")
          for kind in kinds),
        ("API / raw", f"{figures['ratio_api_vs_raw_p50']}", f"{figures['ratio_api_vs_raw_p95']}"),
        ("API after a write / raw", "", f"{figures['ratio_api_after_write_vs_raw_p95']}"),
    ])
    print(f"API answers kept in the shared cache: {kept.hit_rate:.1%} of the rounds' requests "
          f"({kept.hits} hits, {kept.misses} misses).")
    print(f"modelsearch .facet(): {len(WAGTAIL_FACETS)} of {len(FACETS)} facets possible "
          f"({', '.join(WAGTAIL_FACETS)}); its time is for those only.")


if __name__ == "__main__":
    main()
