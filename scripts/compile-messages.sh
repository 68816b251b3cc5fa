#!/usr/bin/env bash
# Compile every app's catalogues (<app>/locale/<language>/LC_MESSAGES/django.po) into the .mo
# files Django reads. msgfmt comes from Debian's gettext package, installed when missing.
# Compiling needs no services: no database, broker or search engine is touched.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${VENV_PYTHON:-.venv/bin/python}"  # relative to the project folder, or absolute
[[ "$PYTHON" = /* ]] || PYTHON="$ROOT/$PYTHON"
if ! command -v msgfmt >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q gettext >&2
fi
cd "$ROOT"
for locale_dir in */locale/; do
    app="${locale_dir%%/*}"
    (cd "$app" && DATABASE_URL= REDIS_URL= ELASTICSEARCH_URL= OPENSEARCH_URL= \
        "$PYTHON" "$ROOT/manage.py" compilemessages --verbosity 0)
done
