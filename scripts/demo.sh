#!/usr/bin/env bash
# Serve the demo: web server, Celery worker and beat together; Ctrl+C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
mkdir -p .cache/broker .cache/broker-processed
$BIN/celery -A config worker --loglevel=warning --concurrency=1 &
WORKER=$!
$BIN/celery -A config beat --loglevel=warning --schedule .cache/celerybeat-schedule &
BEAT=$!
trap 'kill $WORKER $BEAT 2>/dev/null; wait' EXIT INT TERM
$BIN/python manage.py runserver 127.0.0.1:8000 --noreload
