"""Import throughput through `manage.py import_content`, with SQL statements per page and an
optional pyinstrument profile.

    python -m bench.profile_import bench/data/pages-1000.jsonl [--profile] [--repeat 3]

Every run starts from the `bench_base` snapshot (sites, no pages): see bench/database.py.
Writes bench/results/<label>/import.json (and import-profile.html with --profile).
"""

import argparse
import time
from pathlib import Path
from typing import Any

from bench.common import django_setup, print_table, profiled, summary, write_result
from bench.queries import QueryCounter, counting


def import_once(path: Path, profile: bool) -> tuple[float, QueryCounter]:
    from django.core.management import call_command

    from bench.database import restore

    restore()
    with profiled("import", profile), counting() as counter:
        start = time.perf_counter()
        call_command("import_content", str(path), no_progress=True)
        elapsed = time.perf_counter() - start
    return elapsed, counter


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    django_setup()
    lines = sum(1 for line in args.file.open(encoding="utf-8") if line.strip())
    runs: list[dict[str, Any]] = []
    for number in range(args.repeat):
        elapsed, counter = import_once(args.file, args.profile and number == 0)
        runs.append({"seconds": elapsed, "pages_per_second": lines / elapsed,
                     "queries": counter.total, "queries_per_page": counter.total / lines,
                     "by_kind": dict(counter.by_kind.most_common()),
                     "by_table": dict(counter.by_table.most_common(25))})
    rates = summary([run["pages_per_second"] for run in runs])
    write_result("import", {"file": str(args.file), "lines": lines, "pages_per_second": rates,
                            "runs": runs})
    last = runs[-1]
    print_table(f"Import of {lines} lines ({args.repeat} runs)", [
        ("pages/s (median)", f"{rates['median']:.1f}"),
        ("queries/page", f"{last['queries_per_page']:.1f}"),
        *((f"  {kind}", f"{count / lines:.1f}") for kind, count in last["by_kind"].items()),
    ])
    print("top tables/page: " + ", ".join(f"{table} {count / lines:.1f}" for table, count
                                          in list(last["by_table"].items())[:12]))


if __name__ == "__main__":
    main()
