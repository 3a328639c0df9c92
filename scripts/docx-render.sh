#!/usr/bin/env bash
# Renders the Word export with LibreOffice (headless) to PDF and PNG pages,
# as an outside check that the file opens and lays out: writes the test
# reports' .docx (examples/docx.rs), converts each to PDF, and each PDF's
# pages to PNG under target/docx/. Needs libreoffice-writer-nogui and
# poppler-utils (installed here when missing). Not part of the test command:
# LibreOffice takes a while to start on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils
fi
out=target/docx
cargo run -q -p nianbao-core --example docx -- "$out" >/dev/null
start=$(date +%s)
soffice --headless --norestore --convert-to pdf --outdir "$out" "$out"/*.docx
echo "LibreOffice: $(( $(date +%s) - start )) s for $(ls "$out"/*.docx | wc -l) files"
for pdf in "$out"/*.pdf; do
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  pdftoppm -r 60 -png "$pdf" "${pdf%.pdf}-page"
  echo "$pdf: $pages pages"
done
