"""PNG plots beside the JSON: latency distributions and throughput against concurrency.

    python -m bench.plots      # reads and writes bench/results/<label>/
"""

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from bench.common import results_dir  # noqa: E402
from bench.load import MAX_P95_RATIO, MIN_THROUGHPUT_RATIO  # noqa: E402


def load(directory: Path, name: str) -> dict | None:
    path = directory / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def histogram(path: Path, title: str, series: dict[str, list[float]]) -> None:
    """Every series over the same bins (up to the 99th percentile of all samples), p50/p95
    marked, so the distributions compare at a glance."""
    millis = {label: sorted(value * 1000 for value in values) for label, values in series.items()}
    everything = sorted(value for values in millis.values() for value in values)
    top = everything[min(len(everything) - 1, int(len(everything) * 0.99))]
    bins = [top * step / 50 for step in range(51)]
    figure, axes = plt.subplots(figsize=(8, 4.5))
    for label, values in millis.items():
        p50, p95 = values[len(values) // 2], values[min(len(values) - 1, int(len(values) * .95))]
        axes.hist(values, bins=bins, histtype="step", linewidth=1.6,
                  label=f"{label} (p50 {p50:.0f} ms, p95 {p95:.0f} ms)")
    axes.set(title=title, xlabel="ms (to the 99th percentile)", ylabel="samples")
    axes.legend()
    figure.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(figure)


def throughput(path: Path, run: dict) -> None:
    """Requests/s and p95 against concurrency, the API beside the raw engine, with the API/raw
    ratios against their targets; a run from before the raw side was measured (its levels
    under `runs`) plots the API's requests/s alone."""
    if "levels" not in run:
        figure, axes = plt.subplots(figsize=(6, 4))
        clients = [level["clients"] for level in run["runs"]]
        axes.plot(clients, [level["requests_per_second"] for level in run["runs"]], marker="o")
        axes.set(title="Search API throughput", xlabel="concurrent clients",
                 ylabel="requests/s", xscale="log")
        figure.savefig(path, dpi=110, bbox_inches="tight")
        plt.close(figure)
        return
    levels = run["levels"]
    clients = [level["clients"] for level in levels]
    figure, (rates, p95s, ratios) = plt.subplots(1, 3, figsize=(15, 4))
    for side, label in (("api", "search API"), ("raw_engine", "raw engine")):
        rates.plot(clients, [level[side]["requests_per_second"] for level in levels],
                   marker="o", label=label)
        p95s.plot(clients, [level[side]["latency_ms"]["p95"] for level in levels], marker="o",
                  label=label)
    for axes, title, unit in ((rates, "Throughput", "requests/s"), (p95s, "p95 latency", "ms")):
        axes.set(title=title, xlabel="concurrent clients", ylabel=unit, xscale="log")
        axes.legend()
    for key, label, target in (
            ("ratio_throughput_api_vs_raw", f"req/s API / raw (≥ {MIN_THROUGHPUT_RATIO})",
             MIN_THROUGHPUT_RATIO),
            ("ratio_p95_api_vs_raw", f"p95 API / raw (≤ {MAX_P95_RATIO})", MAX_P95_RATIO)):
        line, = ratios.plot(clients, [level[key] for level in levels], marker="o", label=label)
        ratios.axhline(target, color=line.get_color(), linestyle="--", linewidth=1)
    for level in levels:
        ratios.annotate(f"kept {level['api']['answer_cache']['hit_rate']:.0%}",
                        (level["clients"], level["ratio_throughput_api_vs_raw"]),
                        textcoords="offset points", xytext=(4, -12), fontsize=8)
    ratios.set(title="API / raw engine (dashed: targets)", xlabel="concurrent clients",
               ylabel="ratio (kept: the API's answer-cache hits)", xscale="log")
    ratios.legend()
    for axes in (rates, p95s, ratios):
        axes.set_xticks(clients, [str(count) for count in clients])
    figure.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(figure)


def main() -> None:
    directory = results_dir()
    if search := load(directory, "search"):
        histogram(directory / "search-latency.png", "Faceted search latency",
                  search["samples"])
    if latency := load(directory, "latency"):
        histogram(directory / "publish-latency.png", "Publish → searchable",
                  {"publish → searchable": latency["samples"]})
    if load_run := load(directory, "load"):
        throughput(directory / "throughput.png", load_run)
    print(f"plots -> {directory}")


if __name__ == "__main__":
    main()
