#!/usr/bin/env bash
# Installs whatever building and testing Nianbao needs and is missing.
# Idempotent: on a ready machine it only checks versions (a few seconds).
# Reaches only crates.io, npm, PyPI and Debian's package archive.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

TRUNK_VERSION=0.21.14
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

step() { printf '\n== setup: %s\n' "$*"; }

# 1. Debian packages: the browser and its driver for tests, CJK fonts so screenshots
#    show Chinese, brotli for size reports,
#    a Java runtime for the HTML checker, LibreOffice (Writer and Calc, no GUI) and poppler
#    to open and render the Word export as an outside judge, librsvg (rsvg-convert) to
#    render the 一图读懂 SVG as a viewer other than the browser would, pip for python-docx.
missing=()
for pkg in chromium chromium-driver fonts-noto-cjk brotli default-jre-headless libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils librsvg2-bin python3-pip; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    # A JDK already on the machine is enough for the HTML checker.
    if [ "$pkg" = default-jre-headless ] && command -v java >/dev/null 2>&1; then continue; fi
    # Any pip for python3 will do (a pyenv or a venv one too).
    if [ "$pkg" = python3-pip ] && python3 -m pip --version >/dev/null 2>&1; then continue; fi
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# 2. The pinned Rust toolchain with the wasm target (rust-toolchain.toml names both).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The release build compiles std from source for the Chromium 90 baseline.
if ! rustup component list --installed | grep -q '^rust-src'; then
  step "rustup component add rust-src"
  rustup component add rust-src
fi

# 3. Trunk and wasm-bindgen-cli at the pinned versions.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  step "cargo install trunk $TRUNK_VERSION (about 9 minutes, once per machine)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! grep -q "wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml; then
  echo "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen $WBG_VERSION" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WBG_VERSION (about 3 minutes, once per machine)"
  # Without --locked: its packaged lock pins a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# python-docx (PyPI) reads the Word export back as another program would.
if ! python3 -c 'import docx' 2>/dev/null; then
  step "pip install python-docx"
  python3 -m pip install --quiet --disable-pip-version-check python-docx==1.2.0 \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages python-docx==1.2.0
fi

# 4. Crates and npm packages (wasm-opt from npm binaryen, playwright-core).
cargo fetch --locked --quiet
# std's own dependencies, for the build-std release (scripts/env.sh: baseline_env).
(baseline_env && cargo fetch --locked --quiet --target wasm32-unknown-unknown)
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 5. A real Chromium 90 (the engine of 信创 browsers) for the Chromium 90 test tier:
#    the headless build packed in the npm package chrome-aws-lambda, unpacked once
#    into target/chromium90 (the binary, its nss/expat libraries and SwiftShader).
C90=target/chromium90
if [ ! -x "$C90/chromium" ]; then
  step "unpack Chromium 90 from chrome-aws-lambda"
  bin=node_modules/chrome-aws-lambda/bin
  rm -rf "$C90.tmp"
  mkdir -p "$C90.tmp/swiftshader"
  brotli -d -c "$bin/chromium.br" > "$C90.tmp/chromium"
  chmod +x "$C90.tmp/chromium"
  brotli -d -c "$bin/aws.tar.br" | tar -x -C "$C90.tmp"
  brotli -d -c "$bin/swiftshader.tar.br" | tar -x -C "$C90.tmp/swiftshader"
  rm -rf "$C90"
  mv "$C90.tmp" "$C90"
fi
