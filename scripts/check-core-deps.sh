#!/usr/bin/env bash
# Fails if the core crate ever depends, directly or not, on a web crate.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=$(cargo tree -p nianbao-core --edges normal,build --target all --prefix none)
bad=$(printf '%s\n' "$tree" | grep -E '^(leptos|web-sys|js-sys|wasm-bindgen|gloo)[a-z_-]* ' | sort -u || true)
if [ -n "$bad" ]; then
  echo "nianbao-core must stay pure, but its dependency tree has:" >&2
  echo "$bad" >&2
  exit 1
fi
echo "nianbao-core: $(printf '%s\n' "$tree" | sort -u | wc -l) crates in its tree, none of them web crates"
