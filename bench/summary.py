"""The summary table of a run, beside its JSON: every figure, its reference, the ratio and the
target it aims for (not asserted).

    python -m bench.summary      # reads bench/results/<label>/*.json, writes summary.md
"""

import json
from pathlib import Path
from typing import Any

from bench.common import cpu_text, print_table, ratio, results_dir
from bench.load import MAX_P95_RATIO, MIN_THROUGHPUT_RATIO, TARGET

Row = tuple[str, str, str, str]


def _load(directory: Path, name: str) -> dict[str, Any] | None:
    path = directory / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def _met(value: float | None, target: float, at_least: bool) -> str:
    if value is None:
        return "–"
    return "yes" if (value >= target if at_least else value <= target) else "**no**"


def reindex_rows(run: dict[str, Any]) -> list[Row]:
    rates = run["documents_per_second"]
    rss = run["worker_peak_rss_mb"]["max"]
    # a batch is read while the one before is sent, so a chunk's first count holds two reads
    # and its chunk's start, and its last count none: full batches show the per-batch cost
    batches = run["sql"]["per_batch"]
    full = max((batch["documents"] for batch in batches), default=0)
    per_batch = [batch["queries"] / full for batch in batches if batch["documents"] == full]
    written = run.get("index_megabytes_per_second")
    sizes = [("2 index written per second, reindex vs `update_index` (MB/s of primary store)",
              f"{written['pipeline']['median']:.2f} vs "
              f"{written['wagtail_update_index']['median']:.2f}",
              f"{ratio(written['pipeline']['median'], written['wagtail_update_index']['median'])}",
              "")] if written else []
    side_by_side = ([(f"1 reindex vs raw bulk in {run['raw_bulk_side_by_side_streams']} "
                      "streams, as many as the rebuild sends (docs/s, median)",
                      f"{rates['pipeline']['median']:.0f} vs "
                      f"{rates['raw_bulk_side_by_side']['median']:.0f}",
                      f"{run['ratio_pipeline_vs_raw_bulk_side_by_side']}", "")]
                    if "raw_bulk_side_by_side" in rates else [])
    cpu = run.get("cpu_seconds")
    cores = [("1 CPU seconds, reindex vs raw bulk (engine + database + Python), on "
              f"{run['cores']} cores",
              f"{cpu_text(cpu['pipeline'])} vs {cpu_text(cpu['raw_bulk'])}",
              f"{ratio(cpu['pipeline']['total'], cpu['raw_bulk']['total'])}", "")] if cpu else []
    return [
        ("1 reindex vs raw `helpers.bulk` (docs/s, median)",
         f"{rates['pipeline']['median']:.0f} vs {rates['raw_bulk']['median']:.0f}",
         f"{run['ratio_pipeline_vs_raw_bulk']}",
         f"≥ 0.8: {_met(run['ratio_pipeline_vs_raw_bulk'], 0.8, True)}"),
        *side_by_side,
        *cores,
        ("2 reindex vs Wagtail `update_index` (docs/s vs objects/s)",
         f"{rates['pipeline']['median']:.0f} vs {rates['wagtail_update_index']['median']:.0f}",
         f"{run['ratio_pipeline_vs_update_index']}",
         f"≥ 1.5: {_met(run['ratio_pipeline_vs_update_index'], 1.5, True)}"),
        *sizes,
        ("6 worker peak RSS during the reindex", f"{rss:.0f} MB", "",
         f"≤ 300 MB: {_met(rss, 300, False)}"),
        ("6 SQL queries per document (all; full batches min–max)",
         f"{run['sql']['queries_per_document']:.3f}; "
         f"{min(per_batch, default=0):.3f}–{max(per_batch, default=0):.3f}", "",
         "constant"),
    ]


def workers_row(run: dict[str, Any]) -> Row:
    rates, workers = run["pages_per_second"], run["workers"]
    raw = run.get("raw_bulk_pages_per_second")
    streams = run.get("raw_bulk_streams", {"1": 1, str(workers): workers})
    ceiling = (f"; raw bulk {raw[str(workers)]['median']:.0f} vs {raw['1']['median']:.0f} → "
               f"{run['ratio_raw_bulk_n_streams_vs_one']}" if raw else "")
    return (f"1 rebuild by {workers} workers vs 1 (pages/s, chunks of {run['chunk_size']}); "
            f"raw bulk in {streams[str(workers)]} streams vs {streams['1']}, as many as they "
            f"send (the engine's ceiling)",
            f"{rates[str(workers)]['median']:.0f} vs {rates['1']['median']:.0f}{ceiling}",
            f"{run['ratio_n_workers_vs_one']}",
            f"≥ 1.6: {_met(run['ratio_n_workers_vs_one'], 1.6, True)}")


def latency_row(run: dict[str, Any]) -> Row:
    seconds = run["seconds"]
    return ("3 publish → searchable, p50 / p95 (refresh interval "
            f"{run['refresh_interval']})", f"{seconds['p50']:.2f} / {seconds['p95']:.2f} s",
            f"{run['ratio_p95_vs_refresh_interval']} (p95)",
            f"p95 ≤ 1.5 s: {_met(seconds['p95'], 1.5, False)}")


def search_rows(run: dict[str, Any]) -> list[Row]:
    seconds = run["seconds"]

    def millis(kind: str) -> str:
        return f"{seconds[kind]['p50'] * 1000:.1f} / {seconds[kind]['p95'] * 1000:.1f} ms"

    after_write = ([("4 API right after a write (no kept answer) vs raw engine, p50 / p95",
                     f"{millis('api_after_write')} vs {millis('raw_engine')}",
                     f"{run['ratio_api_after_write_vs_raw_p95']} (p95)",
                     f"≤ 1.2: {_met(run['ratio_api_after_write_vs_raw_p95'], 1.2, False)}")]
                   if "api_after_write" in seconds else [])
    return [
        *after_write,
        ("4 API vs raw engine request, p50 / p95",
         f"{millis('api')} vs {millis('raw_engine')}", f"{run['ratio_api_vs_raw_p95']} (p95)",
         f"≤ 1.2: {_met(run['ratio_api_vs_raw_p95'], 1.2, False)}"),
        (f"4 modelsearch `.facet()` per facet ({len(run['wagtail_facets_counted'])} of "
         f"{len(run['wagtail_facets_counted']) + len(run['wagtail_facets_impossible'])} "
         "facets possible), p50 / p95", millis("wagtail_facet_calls"),
         f"{run['ratio_wagtail_vs_api_p50']} of the API (p50)", ""),
    ]


def load_rows(run: dict[str, Any]) -> list[Row]:
    """Per level, the API against the raw engine; a run from before the raw side was measured
    (its levels under `runs`) gives the API alone."""
    if "levels" not in run:
        return [(f"5 search API, {level['clients']} clients (wrk, "
                 f"{run['gunicorn_workers']} gunicorn workers)",
                 f"{level['requests_per_second']:.1f} req/s, p50 "
                 f"{level['latency_ms']['p50']:.0f} ms", f"{level['errors']} errors",
                 "raw engine not measured") for level in run["runs"]]
    return [(f"5 search API vs raw engine, {level['clients']} clients (wrk, "
             f"{run['gunicorn_workers']} gunicorn workers), req/s; p95; errors; kept answers",
             f"{level['api']['requests_per_second']:.1f} vs "
             f"{level['raw_engine']['requests_per_second']:.1f}; "
             f"{level['api']['latency_ms']['p95']:.0f} vs "
             f"{level['raw_engine']['latency_ms']['p95']:.0f} ms; "
             f"{level['api']['errors']} vs {level['raw_engine']['errors']}; "
             f"{level['api']['answer_cache']['hit_rate']:.1%}",
             f"{level['ratio_throughput_api_vs_raw']} (req/s); "
             f"{level['ratio_p95_api_vs_raw']} (p95)",
             f"≥ {MIN_THROUGHPUT_RATIO}: "
             f"{_met(level['ratio_throughput_api_vs_raw'], MIN_THROUGHPUT_RATIO, True)}; "
             f"≤ {MAX_P95_RATIO}: {_met(level['ratio_p95_api_vs_raw'], MAX_P95_RATIO, False)}")
            for level in run["levels"]]


def main() -> None:
    directory = results_dir()
    rows: list[Row] = [("figure", "measured", "ratio", "target")]
    notes = []
    if run := _load(directory, "reindex"):
        rows += reindex_rows(run)
    if run := _load(directory, "reindex-workers"):
        rows.append(workers_row(run))
    if run := _load(directory, "latency"):
        rows.append(latency_row(run))
    if run := _load(directory, "search"):
        rows += search_rows(run)
    if run := _load(directory, "load"):
        rows += load_rows(run)
        if "levels" in run:
            notes.append(f"Figure 5 target: {TARGET}")
    table = "\n".join("| " + " | ".join(row) + " |" for row in
                      [rows[0], ("---",) * 4, *rows[1:]])
    (directory / "summary.md").write_text("\n\n".join([table, *notes]) + "\n",
                                          encoding="utf-8")
    print_table(f"Summary of {directory.name}", rows)
    for note in notes:
        print(f"\n{note}")


if __name__ == "__main__":
    main()
