#!/usr/bin/env bash
# Runs the readers' fuzz harness (crates/nianbao-core/tests/fuzz.rs) at scale and
# prints its figures: FUZZ_INPUTS inputs for each of the seven readers
# (default 150,000 each, ≈ 1.05 million in all). A benchmark-sized run, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
FUZZ_INPUTS="${FUZZ_INPUTS:-150000}" cargo test --release --locked -p nianbao-core --test fuzz -- --nocapture 2>&1 \
  | grep -E '^fuzz|panicked|English in|read as|test result'
