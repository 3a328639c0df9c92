#!/usr/bin/env bash
# Fails unless the built app in DIR (default dist/) runs on Chromium 90: the wasm
# validates with only that engine's WebAssembly features, and the JavaScript uses
# only syntax and APIs it has (MDN browser-compat-data).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
dir=${1:-dist}
cargo run --quiet --locked --release -p wasm-baseline -- "$dir"/*.wasm
node scripts/js-baseline.mjs "$dir"
# Our PDF loader; pdf.js itself (a vendored build whose own property names the
# name check cannot tell from newer browser APIs) is proven on a real Chromium 90
# by tests/chromium90/.
node scripts/js-baseline.mjs "$dir"/pdfjs/pdf-reader.js "$dir"/pdfjs/pdf-geometry.js "$dir"/pdfjs/polyfill.js "$dir"/pdfjs/pdf-worker.js
