#!/usr/bin/env bash
# Runs the readers' fuzz harness and generators at scale and prints their figures:
#  - crates/nianbao-core/tests/fuzz.rs: FUZZ_INPUTS inputs for each of the seven
#    readers (default 150,000 each, ≈ 1.05 million in all);
#  - tests/page.rs: PAGE_CASES generated table pages read back row for row
#    (default 100,000);
#  - tests/ledger_phrasing.rs: PHRASING_CASES generated ledger values per kind,
#    never proposed wrongly (default 100,000 each).
# A benchmark-sized run, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
FUZZ_INPUTS="${FUZZ_INPUTS:-150000}" cargo test --release --locked -p nianbao-core --test fuzz -- --nocapture 2>&1 \
  | grep -E '^fuzz|panicked|English in|read as|test result'
PAGE_CASES="${PAGE_CASES:-100000}" cargo test --release --locked -p nianbao-core --test page generated -- --nocapture 2>&1 \
  | grep -E '^page reader|panicked|test result'
PHRASING_CASES="${PHRASING_CASES:-100000}" cargo test --release --locked -p nianbao-core --test ledger_phrasing generated -- --nocapture 2>&1 \
  | grep -E '^results|^applicants|panicked|test result'
