#!/usr/bin/env bash
# Builds the release app into dist/ (wasm-opt -Oz, relative asset URLs) for the
# Chromium 90 baseline, then proves the result uses nothing newer.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
(baseline_env && trunk build --release --offline)
node scripts/stamp-sw.mjs dist
scripts/check-baseline.sh dist
