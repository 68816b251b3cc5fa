"""Figure 5: search throughput, the API against the raw engine, at 1, 10 and 50 concurrent
clients, under the mix of requests residents send (`bench.request_mix`: a Zipf-ranked mix of
facet-only and text searches).

    python -m bench.load [--seconds 20] [--warmup 5] [--workers 2]

At each level wrk runs against the API (gunicorn) and against the raw engine, one after the
other (which goes first alternates from level to level), both walking the same sequence of
requests with `bench/replay.lua` (each wrk thread starts at its own offset into it).

The raw request for an API request is the body the API sends the engine for it,
`dsl.search_body(query_from_params(...))`, POSTed to `/<alias>/_search` with
`request_cache=true` for a search without words and `false` with words, as the engine's
`search()` asks; its not-expired bound is the current second, as the API writes it at each
request. The scope is the same: the API searches every municipality whatever its host (it
gives the query no municipality), as `query_from_params` does without one, and a request
without `lang` is Lithuanian on both sides (wrk sends no Accept-Language). Beyond the raw
request, the API validates, looks up and keeps answers in the shared cache, asks the engine
for did-you-mean on the first page of a search for words, serialises and counts searches.

Before the levels, a warm-up brings both sides to the same warm state, whatever ran before:
the pool's likeliest requests are sent once to each side (any answer but 2xx stops the
benchmark), then wrk runs `--warmup` seconds at 10 clients over the same sequence on each side.
The API then keeps answers of the requests asked (for `ANSWER_SECONDS`, or until the index or
the vocabularies change), and the engine's request cache, its file system cache and the
connections are warm. Kept answers are not cleared between levels; only their hit and miss
counters are reset, and each level reports its hit rate.

Reported per level and side: requests/s, p50/p95/p99 latency, errors (non-2xx and socket
errors); for the API the share of answers kept in the shared cache (`cms.api.answer_cache`);
the API/raw throughput ratio and p95 API / p95 raw.

Needs `wrk` (Debian: apt-get install -y wrk) and a remote engine (OpenSearch by default).
Writes bench/results/<label>/load.json.
"""

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import API_HOST, ROOT, django_setup, print_table, ratio, write_result
from bench.queries_set import PATH
from bench.request_mix import SEED, ZIPF_EXPONENT, RequestMix, request_mix

CONCURRENCY = (1, 10, 50)
WARMUP_CLIENTS = 10
WARMUP_SENDERS = 2  # sending the likeliest requests of the pool once
CHECKED_REQUESTS = 100
SCRIPT = ROOT / "bench" / "replay.lua"
NOW = "@NOW@"  # replay.lua writes the current UTC second in its place
NOT_EXPIRED_BOUND = re.compile(r'("expires_at":\{"gt":")[^"]+(")')
TARGET = ("Search API throughput ≥ 0.8 × the raw engine's for the same request mix at 1, 10 "
          "and 50 clients (a Zipf mix of facet-only and text queries, as residents send), p95 "
          "API / p95 raw ≤ 1.2, and the cache hit rate reported.")
MIN_THROUGHPUT_RATIO = 0.8
MAX_P95_RATIO = 1.2


@dataclass(frozen=True)
class Side:
    name: str
    url: str  # wrk's target: scheme, host and port
    requests: list[str]  # the pool's requests as replay.lua reads them
    file: Path  # where they are written for it
    headers: dict[str, str]

    def ask(self, request: str) -> None:
        """Send one of the pool's requests; a status other than 2xx raises HTTPError."""
        from django.utils import timezone

        from search.documents import expiry_text

        method, path, body = request.split("\t")
        data = body.replace(NOW, expiry_text(timezone.now())).encode() or None
        headers = self.headers | ({"Content-Type": "application/json"} if data else {})
        urllib.request.urlopen(urllib.request.Request(
            f"{self.url}{path}", data=data, method=method, headers=headers), timeout=60).read()

    def ask_likeliest_requests(self) -> None:
        with ThreadPoolExecutor(WARMUP_SENDERS) as senders:
            list(senders.map(self.ask, self.requests[:CHECKED_REQUESTS]))


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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def server(workers: int, query: str) -> Iterator[str]:
    """gunicorn on a free port (a port held by anything else would fail the benchmark)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-w", str(workers), "-b",
         f"127.0.0.1:{port}", "--log-level", "warning"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(f"{base}{PATH}?{query}")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def reachable(query: str) -> bool:
    """Whether the search's page exists (the API refuses a page beyond the last)."""
    from django.http import QueryDict

    from cms.searching import query_from_params, run
    from search.query import QueryError

    try:
        run(query_from_params(QueryDict(query)))
    except QueryError:
        return False
    return True


def raw_request(query: str, alias: str) -> str:
    """The engine request the API sends for this query: method, path and body, tab-separated,
    the not-expired bound left for replay.lua to fill in."""
    from django.http import QueryDict

    from cms.searching import query_from_params
    from search.engines import dsl

    searched = query_from_params(QueryDict(query))
    body = json.dumps(dsl.search_body(searched), ensure_ascii=False, separators=(",", ":"))
    body, bounds = NOT_EXPIRED_BOUND.subn(rf"\g<1>{NOW}\g<2>", body)
    if bounds != 1:
        raise RuntimeError("the search body's not-expired bound was not found once")
    cache = "false" if searched.text else "true"
    return f"POST\t/{alias}/_search?request_cache={cache}\t{body}"


def write_sides(folder: Path, mix: RequestMix, api_url: str) -> list[Side]:
    from search import conf

    engine_url = conf.engine_nodes(conf.elasticsearch_url() or conf.opensearch_url())[0]
    engine_url = engine_url.rstrip("/")  # wrk asks one node
    sides = [Side("api", api_url, [f"GET\t{PATH}?{query}\t" for query in mix.pool],
                  folder / "api.tsv", {"Host": API_HOST}),
             Side("raw_engine", engine_url,
                  [raw_request(query, conf.index_alias()) for query in mix.pool],
                  folder / "raw.tsv", {})]
    for side in sides:
        side.file.write_text("".join(f"{request}\n" for request in side.requests),
                             encoding="utf-8")
    return sides


def parse(output: str) -> dict[str, Any]:
    """replay.lua's done() line: counts, and latency in microseconds."""
    match = re.search(r"^bench-wrk (\{.*\})$", output, re.MULTILINE)
    if match is None:
        raise RuntimeError(f"wrk printed no figures:\n{output}")
    figures = json.loads(match.group(1))
    return {"requests": figures["requests"],
            "requests_per_second": round(figures["requests"] / figures["duration_us"] * 1e6, 2),
            "latency_ms": {f"p{share}": figures[f"p{share}_us"] / 1000
                           for share in (50, 75, 90, 95, 99)},
            "non_2xx": figures["non_2xx"], "socket_errors": figures["socket_errors"],
            "errors": figures["non_2xx"] + figures["socket_errors"]}


def run_wrk(side: Side, clients: int, seconds: int, sequence: Path) -> dict[str, Any]:
    from cms.api.answer_cache import answer_counts, reset_answer_counts

    reset_answer_counts()
    threads = min(clients, 2)
    command = ["wrk", "-t", str(threads), "-c", str(clients), "-d", f"{seconds}s",
               "--timeout", "10s", *(argument for name, value in side.headers.items()
                                     for argument in ("-H", f"{name}: {value}")),
               "-s", str(SCRIPT), side.url]
    output = subprocess.run(command, capture_output=True, text=True, check=True, env={
        **os.environ, "BENCH_POOL": str(side.file), "BENCH_SEQUENCE": str(sequence),
        "BENCH_THREADS": str(threads)}).stdout
    measured = {"clients": clients, **parse(output), "wrk_output": output}
    if side.name == "api":
        counts = answer_counts()
        measured["answer_cache"] = {"hits": counts.hits, "misses": counts.misses,
                                    "hit_rate": counts.hit_rate}
    return measured


def compared(clients: int, sides: dict[str, dict[str, Any]]) -> dict[str, Any]:
    api, raw = sides["api"], sides["raw_engine"]
    return {"clients": clients, **sides,
            "ratio_throughput_api_vs_raw": ratio(api["requests_per_second"],
                                                 raw["requests_per_second"]),
            "ratio_p95_api_vs_raw": ratio(api["latency_ms"]["p95"], raw["latency_ms"]["p95"])}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    django_setup()
    from search.engines import get_engine

    engine = get_engine()
    if not hasattr(engine, "client"):
        parser.error(f"the raw side needs a remote engine, not {type(engine).__name__}")
    mix = request_mix(reachable)
    levels = []
    with tempfile.TemporaryDirectory() as folder, server(args.workers, mix.pool[0]) as api_url:
        sides = write_sides(Path(folder), mix, api_url)
        sequence = Path(folder) / "sequence.txt"
        sequence.write_text("".join(f"{rank + 1}\n" for rank in mix.sequence))
        for side in sides:  # the warm-up
            side.ask_likeliest_requests()
            run_wrk(side, WARMUP_CLIENTS, args.warmup, sequence)
        for number, clients in enumerate(CONCURRENCY):
            order = sides if number % 2 == 0 else sides[::-1]
            levels.append(compared(clients, {side.name: run_wrk(side, clients, args.seconds,
                                                                sequence) for side in order}))
    write_result("load", {
        "gunicorn_workers": args.workers, "seconds_per_level": args.seconds,
        "warmup": {"seconds": args.warmup, "clients": WARMUP_CLIENTS},
        "engine": type(engine).__name__, "target": TARGET,
        "mix": {"seed": SEED, "zipf_exponent": ZIPF_EXPONENT, "sequence_length": len(mix.sequence),
                "distinct_in_sequence": len(set(mix.sequence)),
                "text_share_of_sequence": round(mix.text_share, 3),
                "pool": [{"query": query, "text": text}
                         for query, text in zip(mix.pool, mix.text, strict=True)]},
        "levels": levels})
    print_table(f"Search under load, API vs raw engine (wrk; {len(mix.pool)} requests, "
                f"{mix.text_share:.0%} of the sequence with words)", [
        ("clients", "side", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "kept answers"),
        *((str(level["clients"]), name, f"{level[name]['requests_per_second']:.1f}",
           *(f"{level[name]['latency_ms'][share]:.1f}" for share in ("p50", "p95", "p99")),
           str(level[name]["errors"]),
           f"{level[name]['answer_cache']['hit_rate']:.1%}" if name == "api" else "")
          for level in levels for name in ("api", "raw_engine"))])
    print_table("API / raw", [
        ("clients", f"throughput (≥ {MIN_THROUGHPUT_RATIO})", f"p95 (≤ {MAX_P95_RATIO})"), *(
        (str(level["clients"]), str(level["ratio_throughput_api_vs_raw"]),
         str(level["ratio_p95_api_vs_raw"])) for level in levels)])


if __name__ == "__main__":
    main()
