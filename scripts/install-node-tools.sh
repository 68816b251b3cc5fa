#!/usr/bin/env bash
# The Node.js tools the test suite runs (openapi-typescript, TypeScript), at the versions locked
# in tests/clients/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../tests/clients"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing: install Node.js (Debian: apt-get install nodejs npm)." >&2
  exit 1
fi
if [ ! -x node_modules/.bin/tsc ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --silent --no-audit --no-fund >&2
fi
