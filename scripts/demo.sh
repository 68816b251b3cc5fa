#!/usr/bin/env bash
# The demo, as `make demo` runs it: migrate, set the instance up for municipalities
# (`esparama_setup`: locales, no catch-all site, no whole-site groups), collect the static files
# (hashed and compressed, served by WhiteNoise as in production), load the demo content for the
# port it is served on, then serve: web server, Celery worker and beat together; Ctrl+C (or a
# TERM to this script) stops all three.
#
# Environment (defaults in brackets), besides config/settings/base.py's:
#   PORT  [8000]  where the web server listens (127.0.0.1 and *.localhost); the sites' links
#                 and indexed URLs follow it
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PORT=${PORT:-8000}
export PORT WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$PORT}
# the filesystem broker's folders: set-up and load already queue drains there
mkdir -p .cache/broker .cache/broker-processed
$BIN/python manage.py migrate --noinput
$BIN/python manage.py esparama_setup
$BIN/python manage.py collectstatic --noinput --verbosity 0
$BIN/python manage.py load_demo --port "$PORT"
$BIN/celery -A config worker --loglevel=warning --concurrency=1 &
WORKER=$!
$BIN/celery -A config beat --loglevel=warning --schedule .cache/celerybeat-schedule &
BEAT=$!
$BIN/python manage.py runserver "127.0.0.1:$PORT" --noreload &
SERVER=$!
trap 'kill $WORKER $BEAT $SERVER 2>/dev/null; wait' EXIT
trap exit INT TERM
wait $SERVER
