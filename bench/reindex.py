"""Figures 1, 2 and 6: full reindex through the real pipeline (database → Celery worker →
engine) vs a raw `helpers.bulk` of the same pre-built documents vs Wagtail's own
`update_index` into the same engine; the worker's peak RSS; SQL queries per document.

    python -m bench.reindex [--repeat 3]

Writes bench/results/<label>/reindex.json. With `--workers N`, measures instead the admin's
rebuild (its chunks shared by the workers) with 1 worker and with N side by side, interleaved,
beside raw bulk in as many streams as they send (what the engine allows), and writes
reindex-workers.json.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from typing import Any

from bench.common import (
    ROOT,
    cpu_text,
    django_setup,
    print_table,
    profiled,
    ratio,
    store_bytes,
    summary,
    write_result,
)
from bench.queries import counting
from bench.worker import cpu_used, running_worker

POLL_SECONDS = 0.1


def pipeline_run(sampler: Any) -> float:
    """Queue the admin's rebuild task and wait until the worker reports it done, asking as
    the admin's panel does but every POLL_SECONDS (each ask costs CPU the worker and the
    engine share)."""
    from cms.rebuild import read_progress, start_rebuild

    sampler.reset()
    start = time.perf_counter()
    start_rebuild()
    while True:
        time.sleep(POLL_SECONDS)
        progress = read_progress()
        if progress.state in ("done", "failed"):
            break
    elapsed = time.perf_counter() - start
    if progress.state == "failed":
        raise RuntimeError(f"rebuild failed: {progress}")
    return elapsed


def workers_run(count: int) -> float:
    """The admin's rebuild with `count` workers running (timed once they are all ready)."""
    with ExitStack() as stack:
        samplers = [stack.enter_context(running_worker(name=f"worker{number}"))
                    for number in range(count)]
        return pipeline_run(samplers[0])


def compare_workers(workers: int, repeat: int) -> None:
    """The admin's rebuild by 1 worker and by `workers`, and, as the engine's ceiling, raw bulk
    of the same documents in as many streams side by side as the workers send bulk requests
    (each sends `SENDS_AT_ONCE`)."""
    from search.pipeline import SENDS_AT_ONCE
    from search.rebuild import chunk_size_for

    documents = prebuilt_documents()
    pages = len(documents)
    runs: dict[int, list[float]] = {1: [], workers: []}
    raw: dict[int, list[float]] = {1: [], workers: []}
    for _ in range(repeat):  # interleaved, so drift hits all alike
        for count in runs:
            runs[count].append(workers_run(count))
            raw[count].append(raw_bulk_run(documents, streams=count * SENDS_AT_ONCE))
    rates = {count: summary([pages / elapsed for elapsed in seconds])
             for count, seconds in runs.items()}
    raw_rates = {count: summary([pages / elapsed for elapsed in seconds])
                 for count, seconds in raw.items()}
    figures = {"pages": pages, "chunk_size": chunk_size_for(pages), "workers": workers,
               "seconds": {str(count): summary(seconds) for count, seconds in runs.items()},
               "pages_per_second": {str(count): rate for count, rate in rates.items()},
               "ratio_n_workers_vs_one": ratio(rates[workers]["median"], rates[1]["median"]),
               "raw_bulk_streams": {str(count): count * SENDS_AT_ONCE for count in raw},
               "raw_bulk_pages_per_second": {str(count): rate
                                             for count, rate in raw_rates.items()},
               "ratio_raw_bulk_n_streams_vs_one": ratio(raw_rates[workers]["median"],
                                                        raw_rates[1]["median"])}
    write_result("reindex-workers", figures)
    print_table(f"Rebuild of {pages} pages in chunks of {figures['chunk_size']} "
                f"(median of {repeat})", [
        ("1 worker pages/s", f"{rates[1]['median']:.0f}"),
        (f"{workers} workers pages/s", f"{rates[workers]['median']:.0f}"),
        (f"{workers} workers / 1 worker", f"{figures['ratio_n_workers_vs_one']}"),
        (f"raw bulk, {SENDS_AT_ONCE} streams pages/s", f"{raw_rates[1]['median']:.0f}"),
        (f"raw bulk, {workers * SENDS_AT_ONCE} streams pages/s",
         f"{raw_rates[workers]['median']:.0f}"),
        (f"raw bulk {workers * SENDS_AT_ONCE} streams / {SENDS_AT_ONCE} (the engine's ceiling)",
         f"{figures['ratio_raw_bulk_n_streams_vs_one']}"),
    ])


def prebuilt_documents() -> list[dict]:
    from search.documents import build_documents, searchable_page_ids
    from search.pipeline import BATCH_SIZE

    ids = searchable_page_ids()
    documents: list[dict] = []
    for start in range(0, len(ids), BATCH_SIZE):
        built = build_documents(ids[start:start + BATCH_SIZE])
        documents.extend(document for document in built.values() if document)
    return documents


def raw_bulk_run(documents: list[dict], streams: int = 1) -> float:
    """The same documents, as the engine stores them, with the same index settings and chunk
    size, straight into a new index: as in a rebuild, no refresh while it fills, one refresh at
    the end. With `streams` > 1 the documents are split into as many parts, sent side by side."""
    from search.engines import dsl, get_engine

    engine = get_engine()
    index = f"{engine.alias}-raw"
    engine.client.indices.delete(index=index, ignore_unavailable=True)
    body = dsl.index_body(engine.full_analysis)
    body["settings"]["refresh_interval"] = "-1"
    engine.client.indices.create(index=index, body=body)
    module = sys.modules[type(engine).__module__]

    def send(part: list[dict]) -> None:
        module.helpers.bulk(engine.client, ({"_index": index, "_id": str(document["id"]),
                                             "_source": engine.source_of(document)}
                                            for document in part), chunk_size=500)

    start = time.perf_counter()
    with ThreadPoolExecutor(streams) as executor:
        list(executor.map(send, [documents[number::streams] for number in range(streams)]))
    engine.client.indices.put_settings(index=index, body={"index": {"refresh_interval": None}})
    engine.client.indices.refresh(index=index)
    elapsed = time.perf_counter() - start
    engine.client.indices.delete(index=index)
    return elapsed


def wagtail_run() -> dict[str, Any]:
    """`update_index` in its own process, with Wagtail's backend pointed at the same engine."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings",
           "BENCH_WAGTAIL_BACKEND": "engine"}
    result = subprocess.run([sys.executable, "-m", "bench.wagtail_index"], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def queries_per_document() -> dict[str, Any]:
    """An in-process rebuild with every statement counted, batch by batch, and profiled
    (reindex-profile.txt: where a rebuild's time goes)."""
    from search.rebuild import run_rebuild

    per_batch: list[dict[str, int]] = []
    with profiled("reindex"), counting() as counter:
        seen = [0]

        def on_batch(size: int) -> None:
            per_batch.append({"documents": size, "queries": counter.total - seen[0]})
            seen[0] = counter.total

        run_rebuild(on_batch=on_batch)
    documents = sum(batch["documents"] for batch in per_batch)
    return {"total_queries": counter.total, "documents": documents,
            "queries_per_document": counter.total / documents, "per_batch": per_batch}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, help="compare a rebuild by 1 and by N workers")
    args = parser.parse_args()
    django_setup()
    from search.pipeline import drain

    # The load leaves every page's change pending (no worker drains the bench's queue while it
    # runs); on a quiet site none is, and a rebuild batch holding one reads its directory again.
    drain()
    if args.workers:
        compare_workers(args.workers, args.repeat)
        return
    from search.engines import get_engine
    from search.pipeline import SENDS_AT_ONCE

    documents = prebuilt_documents()
    client = get_engine().client
    pipeline, raw, raw_side_by_side, wagtail, peaks, sizes = [], [], [], [], [], []
    cpu: dict[str, list[dict[str, float]]] = {"pipeline": [], "raw_bulk": []}
    with running_worker() as sampler:
        for _ in range(args.repeat):  # interleaved, so drift hits all three alike
            with cpu_used(client, [sampler.process.pid]) as used:
                pipeline.append(pipeline_run(sampler))
            cpu["pipeline"].append(used)
            peaks.append(sampler.peak / 2 ** 20)
            sizes.append(store_bytes(client, get_engine().alias))
            with cpu_used(client) as used:
                raw.append(raw_bulk_run(documents))
            cpu["raw_bulk"].append(used)
            # as many requests in flight as the rebuild sends (`search.pipeline`)
            raw_side_by_side.append(raw_bulk_run(documents, streams=SENDS_AT_ONCE))
            wagtail.append(wagtail_run())
    count = len(documents)
    rates = {name: summary([count / seconds for seconds in runs]) for name, runs in
             (("pipeline", pipeline), ("raw_bulk", raw),
              ("raw_bulk_side_by_side", raw_side_by_side))}
    wagtail_rates = summary([run["objects"] / run["seconds"] for run in wagtail])
    figures = {
        "documents": count,
        "pipeline_seconds": summary(pipeline), "raw_bulk_seconds": summary(raw),
        "wagtail_update_index": {"seconds": summary([run["seconds"] for run in wagtail]),
                                 "objects_per_second": wagtail_rates, "runs": wagtail},
        "documents_per_second": {**rates, "wagtail_update_index": wagtail_rates},
        "ratio_pipeline_vs_raw_bulk": ratio(rates["pipeline"]["median"],
                                            rates["raw_bulk"]["median"]),
        "raw_bulk_side_by_side_streams": SENDS_AT_ONCE,
        "ratio_pipeline_vs_raw_bulk_side_by_side": ratio(
            rates["pipeline"]["median"], rates["raw_bulk_side_by_side"]["median"]),
        "ratio_pipeline_vs_update_index": ratio(rates["pipeline"]["median"],
                                                wagtail_rates["median"]),
        "worker_peak_rss_mb": summary(peaks),
        # on a machine of few cores, the parts compete for them: the CPU each run cost
        "cpu_seconds": {name: {part: statistics.median(run[part] for run in runs)
                               for part in runs[0]} for name, runs in cpu.items()},
        "cores": os.cpu_count(),
        # what each writes into the engine differs: its indexes' size tells how much
        "index_megabytes_per_second": {
            "pipeline": summary([size / 2 ** 20 / seconds
                                 for size, seconds in zip(sizes, pipeline, strict=True)]),
            "wagtail_update_index": summary([run["store_bytes"] / 2 ** 20 / run["seconds"]
                                             for run in wagtail])},
        "sql": queries_per_document(),
    }
    write_result("reindex", figures)
    print_table(f"Full reindex of {count} documents (median of {args.repeat})", [
        ("pipeline (worker) docs/s", f"{rates['pipeline']['median']:.0f}"),
        ("raw helpers.bulk docs/s", f"{rates['raw_bulk']['median']:.0f}"),
        ("Wagtail update_index objects/s", f"{wagtail_rates['median']:.0f}"),
        ("pipeline / raw bulk", f"{figures['ratio_pipeline_vs_raw_bulk']}"),
        (f"pipeline / raw bulk in {SENDS_AT_ONCE} streams, as the pipeline sends",
         f"{figures['ratio_pipeline_vs_raw_bulk_side_by_side']}"),
        ("pipeline / update_index", f"{figures['ratio_pipeline_vs_update_index']}"),
        ("index MB/s, pipeline vs update_index",
         " vs ".join(f"{figures['index_megabytes_per_second'][name]['median']:.2f}"
                     for name in ("pipeline", "wagtail_update_index"))),
        *((f"CPU s, {name} (engine + database + Python = total)", cpu_text(seconds))
          for name, seconds in figures["cpu_seconds"].items()),
        ("worker peak RSS MB", f"{figures['worker_peak_rss_mb']['max']:.0f}"),
        ("SQL queries / document", f"{figures['sql']['queries_per_document']:.3f}"),
    ])


if __name__ == "__main__":
    main()
