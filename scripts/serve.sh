#!/usr/bin/env bash
# The first README command: install what is missing, build the release, serve it
# on http://127.0.0.1:8080 (PORT=… to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
echo "Serving dist/ on http://127.0.0.1:${PORT:-8080}/ (Ctrl+C to stop)"
exec node scripts/static-server.mjs dist "${PORT:-8080}"
