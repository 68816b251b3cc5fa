#!/usr/bin/env bash
# Every benchmark in order, at N pages (default 100 000); results in bench/results/run-N/.
# Resumable: the load goes on from its last finished chunk (see bench/bulk_import.py).
# A different N needs its own BENCH_INSTANCE (database, index, queue), e.g. BENCH_INSTANCE=smoke.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
PY=.venv/bin/python
make install
$PY -m pip install --quiet -e '.[test,bench]'
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
eval "$(scripts/services.sh up)"
export DJANGO_SETTINGS_MODULE=bench.settings BENCH_LABEL=${BENCH_LABEL:-run-$N}
[[ -f bench/data/pages-$N.jsonl ]] || $PY bench/generate.py --pages "$N"
$PY -m bench.setup --if-missing
$PY -m bench.bulk_import "bench/data/pages-$N.jsonl" --chunk 2000
$PY -m bench.reindex --repeat 5
$PY -m bench.reindex --workers 2 --repeat 2
$PY -m bench.latency --publishes 200
$PY -m bench.search_latency --rounds 50
$PY -m bench.load --seconds 30
$PY -m bench.plots
$PY -m bench.summary
