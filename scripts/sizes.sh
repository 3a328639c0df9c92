#!/usr/bin/env bash
# Prints the raw / gzip / brotli sizes of the wasm and js of a build
# (default dist/; build first with scripts/build.sh): what loads before the
# form is usable (the main bundle), then the modules loaded on first use (files, Word).
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
dir=${1:-dist}
files=("$dir"/*.wasm "$dir"/*.js)
[ ${#files[@]} -gt 0 ] || { echo "$dir/ has no wasm or js: run scripts/build.sh first" >&2; exit 1; }
printf '| %-34s | %11s | %11s | %11s |\n' file raw gzip brotli
printf '|------------------------------------|------------:|------------:|------------:|\n'
row() { awk -v n="$1" -v r="$2" -v g="$3" -v b="$4" 'BEGIN { printf "| %-34s | %8.1f KB | %8.1f KB | %8.1f KB |\n", n, r/1000, g/1000, b/1000 }'; }
tr=0; tg=0; tb=0
for f in "${files[@]}"; do
  case "${f##*/}" in nianbao_files*|nianbao_word*|nianbao_collect*|nianbao_ledger*|nianbao_import*|nianbao_portal*|nianbao_drafts*|nianbao_check*|nianbao_compose*|nianbao_graphic*|collect-store*|module-worker*) continue ;; esac
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  tr=$((tr + raw)); tg=$((tg + gz)); tb=$((tb + br))
  row "${f##*/}" "$raw" "$gz" "$br"
done
row "main bundle" "$tr" "$tg" "$tb"
for f in "${files[@]}"; do
  case "${f##*/}" in nianbao_files*|nianbao_word*|nianbao_collect*|nianbao_ledger*|nianbao_import*|nianbao_portal*|nianbao_drafts*|nianbao_check*|nianbao_compose*|nianbao_graphic*|collect-store*|module-worker*) ;; *) continue ;; esac
  raw=$(stat -c %s "$f")
  row "${f##*/} (on first use)" "$raw" "$(gzip -9 -c "$f" | wc -c)" "$(brotli -q 11 -c "$f" | wc -c)"
done
