# Sourced by the other scripts: tool paths and quiet, offline-safe defaults.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
export CHROMIUM=/usr/bin/chromium
# chromedriver leaves browser profiles in TMPDIR: keep them under target/.
mkdir -p "$PWD/target/tmp"
export TMPDIR="$PWD/target/tmp"
