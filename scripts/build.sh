#!/usr/bin/env bash
# Builds the release app into dist/ (wasm-opt -Oz, relative asset URLs) for the
# Chromium 90 baseline, then proves the result uses nothing newer.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
(baseline_env && trunk build --release --offline)
# The file module, loaded by the app on first use (src/files.rs): built with the
# same flags, bound for the web and shrunk like the app, beside it in dist/.
(baseline_env && cargo build --release --locked --offline --target wasm32-unknown-unknown -p nianbao-files)
wasm-bindgen --target web --no-typescript --out-dir dist --out-name nianbao_files \
  target/wasm32-unknown-unknown/release/nianbao_files.wasm
wasm-opt -Oz --enable-mutable-globals --enable-sign-ext --enable-nontrapping-float-to-int \
  --enable-bulk-memory --enable-multivalue dist/nianbao_files_bg.wasm -o dist/nianbao_files_bg.wasm
node scripts/stamp-sw.mjs dist
scripts/check-baseline.sh dist
