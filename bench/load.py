"""Figure 5: search API throughput with 1, 10 and 50 concurrent clients (wrk against gunicorn),
errors included, and the share of requests answered from the shared cache's kept answers
(`cms.api.answer_cache`) at each level.

    python -m bench.load [--seconds 20] [--workers 2]

Needs `wrk` (Debian: apt-get install -y wrk). Writes bench/results/<label>/load.json.
"""

import argparse
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bench.common import API_HOST, ROOT, django_setup, print_table, write_result
from bench.queries_set import PATH, QUERIES

PORT = 58080
CONCURRENCY = (1, 10, 50)
SCRIPT = ROOT / "bench" / "rotate.lua"


def wait_until_serving(url: str, attempts: int = 100) -> None:
    """Until the search answers 200 (an HTTP error is raised: wrk would only count errors)."""
    request = urllib.request.Request(url, headers={"Host": API_HOST})
    for _ in range(attempts):
        try:
            urllib.request.urlopen(request, timeout=5)
            return
        except urllib.error.HTTPError:
            raise
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {url}")


@contextmanager
def server(workers: int) -> Iterator[str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-w", str(workers), "-b",
         f"127.0.0.1:{PORT}", "--log-level", "warning"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{PORT}"
    try:
        wait_until_serving(f"{base}{PATH}?{QUERIES[0]}")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def parse(output: str) -> dict[str, Any]:
    def number(pattern: str) -> float:
        match = re.search(pattern, output)
        return float(match.group(1)) if match else 0.0

    def millis(label: str) -> float:
        match = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", output)
        if not match:
            return 0.0
        scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[match.group(2)]
        return float(match.group(1)) * scale

    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                       output)
    return {"requests_per_second": number(r"Requests/sec:\s+([\d.]+)"),
            "latency_ms": {"p50": millis("50%"), "p90": millis("90%"), "p99": millis("99%")},
            "non_2xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
            "socket_errors": sum(map(int, socket.groups())) if socket else 0,
            "requests": int(number(r"(\d+) requests in"))}


def run_wrk(base: str, clients: int, seconds: int) -> dict[str, Any]:
    from cms.api.answer_cache import answer_counts, reset_answer_counts

    reset_answer_counts()
    command = ["wrk", "-t", str(min(clients, 2)), "-c", str(clients), "-d", f"{seconds}s",
               "--latency", "--timeout", "10s", "-H", f"Host: {API_HOST}", "-s", str(SCRIPT),
               f"{base}{PATH}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True,
                            env={**os.environ, "BENCH_QUERIES": "\n".join(QUERIES)}).stdout
    counts = answer_counts()
    return {"clients": clients, **parse(output), "answer_cache": {
        "hits": counts.hits, "misses": counts.misses, "hit_rate": counts.hit_rate},
        "wrk_output": output}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    django_setup()
    with server(args.workers) as base:
        runs = [run_wrk(base, clients, args.seconds) for clients in CONCURRENCY]
    for run in runs:
        run["errors"] = run["non_2xx"] + run["socket_errors"]
    write_result("load", {"gunicorn_workers": args.workers, "seconds_per_level": args.seconds,
                          "queries": QUERIES, "runs": runs})
    print_table("Search API under load (wrk, gunicorn)", [
        ("clients", "req/s", "p50 ms", "p99 ms", "errors", "cache hits"),
        *((str(run["clients"]), f"{run['requests_per_second']:.1f}",
           f"{run['latency_ms']['p50']:.1f}", f"{run['latency_ms']['p99']:.1f}",
           str(run["errors"]), f"{run['answer_cache']['hit_rate']:.1%}") for run in runs)])


if __name__ == "__main__":
    main()
