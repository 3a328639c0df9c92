#!/usr/bin/env bash
# Builds the release app into dist/ (wasm-opt -Oz, relative asset URLs) for the
# Chromium 90 baseline, then proves the result uses nothing newer.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
(baseline_env && trunk build --release --offline)
# The modules loaded by the app on first use (src/files.rs): the file module
# and the Word module, built with the same flags, bound for the web and shrunk
# like the app, beside it in dist/.
for module in files word collect ledger import portal drafts check compose graphic; do
  (baseline_env && cargo build --release --locked --offline --target wasm32-unknown-unknown -p "nianbao-$module")
  wasm-bindgen --target web --no-typescript --out-dir dist --out-name "nianbao_$module" \
    "target/wasm32-unknown-unknown/release/nianbao_$module.wasm"
  wasm-opt -Oz --enable-mutable-globals --enable-sign-ext --enable-nontrapping-float-to-int \
    --enable-bulk-memory --enable-multivalue "dist/nianbao_${module}_bg.wasm" -o "dist/nianbao_${module}_bg.wasm"
done
# pdf.js (npm pdfjs-dist, legacy build) and our loader for it, loaded by the worker
# the first time a PDF is opened; the CMaps for Chinese fonts beside it.
rm -rf dist/pdfjs
mkdir -p dist/pdfjs
cp pdfjs/*.js dist/pdfjs/
cp node_modules/pdfjs-dist/legacy/build/pdf.min.js node_modules/pdfjs-dist/legacy/build/pdf.worker.min.js dist/pdfjs/
cp -r node_modules/pdfjs-dist/cmaps dist/pdfjs/cmaps
# The form as the app draws it, written into index.html (painted before any script).
node scripts/prerender.mjs dist
node scripts/strip-comments.mjs dist/boot.js dist/shell.js dist/sw.js
node scripts/stamp-sw.mjs dist
scripts/check-baseline.sh dist
