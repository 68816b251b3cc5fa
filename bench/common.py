"""What every benchmark shares: Django setup, machine details, statistics, result files."""

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PACKAGES = ("Django", "wagtail", "wagtail-localize", "modelsearch", "elasticsearch",
            "opensearch-py", "celery", "psycopg")


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def site_host(slug: str) -> str:
    """The host every benchmark site answers on (bench/setup.py creates them)."""
    return f"{slug}.bench.localhost"


API_HOST = site_host("nacionalinis")  # the API serves every site's public pages on any host


def label() -> str:
    """Results go to bench/results/<BENCH_LABEL>/ (e.g. smoke-2000, run-100000)."""
    return os.environ.get("BENCH_LABEL", "latest")


def results_dir() -> Path:
    path = RESULTS / label()
    path.mkdir(parents=True, exist_ok=True)
    return path


def _first_line(path: str, prefix: str) -> str:
    with open(path, encoding="utf-8") as handle:
        return next((line.split(":", 1)[1].strip() for line in handle
                     if line.startswith(prefix)), "")


def engine_version() -> dict[str, str]:
    from search.engines import get_engine

    engine = get_engine()
    info = getattr(engine, "client", None)
    if info is None:
        return {"engine": type(engine).__name__}
    details = engine.client.info()["version"]
    return {"engine": type(engine).__name__, "server": details.get("distribution",
                                                                  "elasticsearch"),
            "server_version": details["number"]}


def database_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
    return connection.vendor


def machine() -> dict[str, Any]:
    memory_kb = int(_first_line("/proc/meminfo", "MemTotal").split()[0])
    return {
        "cpu": _first_line("/proc/cpuinfo", "model name"),
        "cpus": os.cpu_count(),
        "ram_gb": round(memory_kb / 1024 ** 2, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": {name: version(name) for name in PACKAGES},
        "database": database_version(),
        **engine_version(),
        "git": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True).stdout.strip(),
    }


def page_count() -> int:
    from search.documents import searchable_page_ids

    return len(searchable_page_ids())


def write_result(name: str, figures: dict[str, Any]) -> Path:
    path = results_dir() / f"{name}.json"
    payload = {"benchmark": name, "label": label(), "at": datetime.now(UTC).isoformat(),
               "pages": page_count(), "machine": machine(), **figures}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"-> {path.relative_to(ROOT)}")
    return path


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def summary(values: list[float]) -> dict[str, float]:
    return {"n": len(values), "median": statistics.median(values),
            "p50": percentile(values, 0.5), "p95": percentile(values, 0.95),
            "min": min(values), "max": max(values)}


def repeat(times: int, run: Callable[[], float]) -> list[float]:
    return [run() for _ in range(times)]


@contextmanager
def stopwatch() -> Iterator[Callable[[], float]]:
    start = time.perf_counter()
    end: list[float] = []
    yield lambda: (end[0] if end else time.perf_counter()) - start
    end.append(time.perf_counter())


@contextmanager
def profiled(name: str, enabled: bool = True) -> Iterator[None]:
    """A pyinstrument profile of the block: <name>-profile.txt (and .html, not committed)."""
    if not enabled:
        yield
        return
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.005)
    profiler.start()
    try:
        yield
    finally:
        profiler.stop()
        (results_dir() / f"{name}-profile.html").write_text(profiler.output_html())
        (results_dir() / f"{name}-profile.txt").write_text(
            profiler.output_text(show_all=False, color=False))


def ratio(value: float, reference: float) -> float | None:
    return round(value / reference, 3) if reference else None


def print_table(title: str, rows: list[tuple[str, ...]]) -> None:
    print(f"\n{title}")
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


def store_bytes(client: Any, index: str) -> int:
    """The size on disk of the primary shards of `index` (a name, alias or pattern)."""
    return client.indices.stats(index=index, metric="store")["_all"]["primaries"]["store"][
        "size_in_bytes"]


def cpu_text(seconds: dict[str, float]) -> str:
    """`cpu_used`'s figures as a sum: „engine + database + Python = total“."""
    return (" + ".join(f"{seconds[part]:.1f}" for part in ("engine", "database", "python"))
            + f" = {seconds['total']:.1f}")
