// Writes the build's file list and a digest of their bytes into DIR/sw.js, so the
// service worker caches exactly this build and a new build replaces it.
// Usage: node scripts/stamp-sw.mjs DIR   (run by scripts/build.sh after trunk)
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'dist';
const swPath = join(dir, 'sw.js');
// Every file of the build, folders included, for the digest; the top level is
// kept at install, what sits in folders (pdf.js and its CMaps) the first time it is used.
const all = (sub) =>
  readdirSync(join(dir, sub)).flatMap((f) => {
    const rel = sub ? `${sub}/${f}` : f;
    return statSync(join(dir, rel)).isDirectory() ? all(rel) : [rel];
  });
const everything = all('').filter((f) => f !== 'sw.js').sort();
const files = everything.filter((f) => !f.includes('/'));
const lazy = [...new Set(everything.filter((f) => f.includes('/')).map((f) => f.split('/')[0] + '/'))];
const hash = createHash('sha256');
for (const f of everything) hash.update(f).update('\0').update(readFileSync(join(dir, f)));
const build = { version: hash.digest('hex').slice(0, 16), files, lazy };
const source = readFileSync(swPath, 'utf8');
const line = /^const BUILD = .*;$/m;
if (!line.test(source)) throw new Error(`${swPath}: no "const BUILD = …;" line to stamp`);
writeFileSync(swPath, source.replace(line, `const BUILD = ${JSON.stringify(build)};`));
console.log(`${swPath}: build ${build.version}, ${files.length} files to keep offline`);
