#!/usr/bin/env bash
# Runs the readers' fuzz harness and generators at scale and prints their figures:
#  - crates/nianbao-core/tests/fuzz.rs: FUZZ_INPUTS inputs for each of the seven
#    readers (default 150,000 each, ≈ 1.05 million in all);
#  - tests/page.rs: PAGE_CASES generated table pages read back row for row
#    (default 100,000);
#  - tests/ledger_phrasing.rs: PHRASING_CASES generated ledger values per kind,
#    never proposed wrongly (default 100,000 each);
#  - tests/layouts.rs: LAYOUT_CASES generated reports printed in ten text shapes
#    (pasted tables, PDF text, run-together digits …) and read back, no cell
#    ever different (default 100,000);
#  - tests/drafting.rs: DRAFT_CASES random reports drafted from and read back by
#    the N-rules, every figure held to its cells (default 100,000);
#  - tests/pdf_layouts.rs: PDF_CASES generated PDF pages (positions, fonts,
#    alignments, wrapped numbers, rules) read back (default 100,000);
#  - tests/desk.rs: REVIEW_CASES generated 退回意见 files and local rule packs
#    read back, and damaged copies refused in words (default 100,000 each);
#  - the roster reader (collect::desk): ROSTER_CASES generated rosters as
#    spreadsheets and people write them (default 100,000);
#  - tests/publishing.rs: PUBLISHED_CASES one-cell changes of the published
#    samples, each named as that cell (default 100,000);
#  - a module's request to the editor (host::wire): REQUEST_CASES generated
#    requests with any text read back as sent, a field more or less refused,
#    number lists read exactly or refused (default 100,000 each).
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
LAYOUT_CASES="${LAYOUT_CASES:-100000}" cargo test --release --locked -p nianbao-core --test layouts -- --nocapture 2>&1 \
  | grep -E '^layout|^case|panicked|test result'
PDF_CASES="${PDF_CASES:-100000}" cargo test --release --locked -p nianbao-core --test pdf_layouts -- --nocapture 2>&1 \
  | grep -E '^pdf|^case|panicked|test result'
DRAFT_CASES="${DRAFT_CASES:-100000}" cargo test --release --locked -p nianbao-core --test drafting -- --nocapture 2>&1 \
  | grep -E '^drafting|panicked|test result'
REVIEW_CASES="${REVIEW_CASES:-100000}" cargo test --release --locked -p nianbao-core --test desk -- --nocapture 2>&1 \
  | grep -E '^reviews|^packs|panicked|test result'
ROSTER_CASES="${ROSTER_CASES:-100000}" cargo test --release --locked -p nianbao-core --lib generated_rosters -- --nocapture 2>&1 \
  | grep -E 'panicked|test result'
PUBLISHED_CASES="${PUBLISHED_CASES:-100000}" cargo test --release --locked -p nianbao-core --test publishing -- --nocapture 2>&1 \
  | grep -E 'panicked|test result'
REQUEST_CASES="${REQUEST_CASES:-100000}" cargo test --release --locked -p nianbao-core --lib host::wire -- --nocapture 2>&1 \
  | grep -E 'panicked|test result'
