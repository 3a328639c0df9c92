#!/usr/bin/env bash
# How well published reports are read (a measurement, not a test): every sample
# report, its cells recognised / uncertain / not found, and misplaced cells
# against the references where they exist, with the time taken.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo run --quiet --release --offline -p nianbao-core --example fidelity
