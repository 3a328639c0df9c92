#!/usr/bin/env bash
# A benchmark, not a test: Lighthouse's accessibility, best-practices and
# performance scores of the release page, with Debian's Chromium. Installs
# lighthouse (npm, pinned) under target/ on first use. Prints the scores and
# writes the full report to target/lighthouse.json.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
LH_VERSION=12.2.3
LH=target/tools/lighthouse
if [ "$(cat "$LH/version" 2>/dev/null || true)" != "$LH_VERSION" ]; then
  npm install --prefix "$LH" --no-audit --no-fund --loglevel=error "lighthouse@$LH_VERSION"
  echo "$LH_VERSION" > "$LH/version"
fi
scripts/build.sh >/dev/null
PORT=${PORT:-8091}
node scripts/static-server.mjs dist "$PORT" >/dev/null &
server=$!
trap 'kill $server' EXIT
sleep 1
CHROME_PATH=/usr/bin/chromium "$LH/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/" \
  --quiet --output=json --output-path=target/lighthouse.json \
  --only-categories=accessibility,best-practices,performance \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
node -e '
const r = require("./target/lighthouse.json");
for (const [k, c] of Object.entries(r.categories)) console.log(`${c.title.padEnd(16)} ${Math.round(c.score * 100)}`);
for (const c of Object.values(r.categories)) for (const a of c.auditRefs) {
  const audit = r.audits[a.id];
  if (a.weight > 0 && audit.score !== null && audit.score < 1) console.log(`  ${c.title}: ${audit.id} (${audit.score}) ${audit.title}`);
}
for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]) console.log(`${id}: ${r.audits[id].displayValue}`);
'
