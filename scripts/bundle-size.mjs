// The first load's bytes: the files the page fetches before the form is
// usable (the main bundle), brotli-compressed as a server would send them,
// against the ceiling in scripts/bundle-ceiling.json. The ceiling only goes
// down: a change that shrinks the bundle lowers it, and one that grows it
// fails here (move the new code into a module loaded on first use instead).
// Usage: node scripts/bundle-size.mjs [dist]   (exit status 1 over the ceiling)
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// Loaded on first use, not by the first load.
export const LATER = [/^nianbao_(files|word|collect|ledger|import|portal|drafts|check|compose|graphic)[._]/, /^collect-store\.js$/, /^module-worker\.js$/];

export function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 },
  }).length;
}

// The service worker's build stamp is a digest: random digits to the compressor,
// a few bytes more or less from one build to the next. Measured with a fixed one.
const unstamped = (f, bytes) =>
  f === 'sw.js' ? Buffer.from(bytes.toString('utf8').replace(/"version":"[0-9a-f]+"/, '"version":"0000000000000000"')) : bytes;

export function mainBundle(dist = join(ROOT, 'dist')) {
  const files = readdirSync(dist).filter((f) => /\.(wasm|js)$/.test(f) && !LATER.some((r) => r.test(f)));
  const sizes = Object.fromEntries(files.map((f) => [f, brotli(unstamped(f, readFileSync(join(dist, f))))]));
  return { files: sizes, total: Object.values(sizes).reduce((a, b) => a + b, 0) };
}

export const ceiling = () => JSON.parse(readFileSync(join(ROOT, 'scripts/bundle-ceiling.json'), 'utf8'));

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, total } = mainBundle(process.argv[2]);
  for (const [f, n] of Object.entries(files)) console.log(`${(n / 1000).toFixed(1).padStart(8)} KB  ${f}`);
  const max = ceiling().mainBundleBrotliBytes;
  console.log(`${(total / 1000).toFixed(1).padStart(8)} KB  main bundle, brotli (ceiling ${(max / 1000).toFixed(1)} KB)`);
  process.exit(total > max ? 1 : 0);
}
