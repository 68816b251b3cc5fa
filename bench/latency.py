"""Figure 3: publish → searchable latency over 200 publishes with a real worker running,
against the engine's refresh interval.

    python -m bench.latency [--publishes 200]

Each publish changes a project's title to carry a unique word, commits (the outbox wakes the
worker), and the clock runs until the search API, asked again and again with its caches on
(kept answers, index freshness), answers that word with the new title: an answer kept from
before the worker's acknowledged write would stop the clock late or never.
Writes bench/results/<label>/latency.json.
"""

import argparse
import time
import uuid

from bench.common import API_HOST, django_setup, print_table, ratio, summary, write_result
from bench.queries_set import PATH
from bench.worker import running_worker

TIMEOUT_SECONDS = 30.0


def refresh_interval() -> str:
    from search.engines import get_engine

    engine = get_engine()
    settings = engine.client.indices.get_settings(index=engine.alias, include_defaults=True)
    index = next(iter(settings.values()))
    return (index["settings"]["index"].get("refresh_interval")
            or index["defaults"]["index"]["refresh_interval"])


def publish_and_wait(page: object, word: str) -> float:
    """Publish, then ask the search API (its caches on) until it answers with the new title."""
    from django.db import transaction
    from django.test import Client

    client = Client(HTTP_HOST=API_HOST)
    page.title = f"{page.title.split(' ~')[0]} ~{word}"
    with transaction.atomic():
        page.save_revision().publish()
    committed = time.perf_counter()
    while time.perf_counter() - committed < TIMEOUT_SECONDS:
        hits = client.get(f"{PATH}?q={word}&page_size=5").json()["results"]
        if any(hit["id"] == page.pk and hit["title"] == page.title for hit in hits):
            return time.perf_counter() - committed
        time.sleep(0.01)
    raise TimeoutError(f"page {page.pk} not searchable after {TIMEOUT_SECONDS}s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--publishes", type=int, default=200)
    args = parser.parse_args()
    django_setup()
    from pages.models import ProjectPage
    from search.pipeline import drain

    pages = list(ProjectPage.objects.live().filter(locale__language_code="lt")
                 .order_by("pk")[:args.publishes])
    drain()  # whatever the import left in the outbox is indexed before the clock starts
    interval = refresh_interval()
    interval_seconds = float(interval.removesuffix("ms")) / 1000 if interval.endswith("ms") \
        else float(interval.removesuffix("s"))
    latencies = []
    with running_worker():
        for number in range(args.publishes):
            word = f"bench{uuid.uuid4().hex[:10]}"
            latencies.append(publish_and_wait(pages[number % len(pages)], word))
    stats = summary(latencies)
    ratios = {f"ratio_{key}_vs_refresh_interval": ratio(stats[key], interval_seconds)
              for key in ("p50", "p95")}
    write_result("latency", {"publishes": args.publishes, "seconds": stats,
                             "refresh_interval": interval, **ratios, "samples": latencies})
    print_table(f"Publish → searchable, {args.publishes} publishes", [
        ("p50 s", f"{stats['p50']:.3f}"), ("p95 s", f"{stats['p95']:.3f}"),
        ("max s", f"{stats['max']:.3f}"), ("engine refresh interval", interval),
        ("p95 / refresh interval", f"{ratios['ratio_p95_vs_refresh_interval']}")])


if __name__ == "__main__":
    main()
