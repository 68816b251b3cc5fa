"""PNG plots beside the JSON: latency distributions and throughput against concurrency.

    python -m bench.plots      # reads and writes bench/results/<label>/
"""

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from bench.common import results_dir  # noqa: E402


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


def throughput(path: Path, runs: list[dict]) -> None:
    figure, axes = plt.subplots(figsize=(6, 4))
    clients = [run["clients"] for run in runs]
    axes.plot(clients, [run["requests_per_second"] for run in runs], marker="o")
    axes.set(title="Search API throughput", xlabel="concurrent clients", ylabel="requests/s",
             xscale="log")
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
        throughput(directory / "throughput.png", load_run["runs"])
    print(f"plots -> {directory}")


if __name__ == "__main__":
    main()
