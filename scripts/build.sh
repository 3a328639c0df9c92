#!/usr/bin/env bash
# Builds the release app into dist/ (wasm-opt -Oz, relative asset URLs).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
trunk build --release --offline
