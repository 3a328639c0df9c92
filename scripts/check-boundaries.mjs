// Fails when the app reaches across a boundary by hand: a JavaScript object's
// field read by name (`Reflect::get`) outside the modules that own a
// boundary (the worker's replies, the IndexedDB module, browser properties
// web-sys lacks), or JSON built with `format!` anywhere (the protocols are
// serde types: `portal`, `FileRead::to_wire`, `StoredUnit`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOTS = ['src', 'crates/nianbao-core/src', 'crates/nianbao-files/src', 'crates/nianbao-word/src'];
export const BOUNDARY = new Set(['src/files.rs', 'src/collect/store.rs', 'src/config.rs']);

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.rs') ? [p] : [];
  });
}

export function offenders(roots = ROOTS, boundary = BOUNDARY) {
  const found = [];
  for (const root of roots) {
    for (const file of files(root)) {
      const code = readFileSync(file, 'utf8').split('#[cfg(test)]')[0];
      code.split('\n').forEach((line, i) => {
        if (line.trim().startsWith('//')) return;
        if (/Reflect::get\s*\(/.test(line) && !boundary.has(file)) {
          found.push(`${file}:${i + 1}: a field read by name outside the boundary modules`);
        }
        if (/format!\(\s*r?#*"\s*[{[]{?\s*\\?"/.test(line) || /format!\(\s*r?#*"\{\{\s*\\?"/.test(line)) {
          found.push(`${file}:${i + 1}: JSON built with format!`);
        }
      });
    }
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = offenders();
  for (const f of found) console.error(f);
  if (!found.length) console.log(`no field read by name outside ${BOUNDARY.size} boundary modules; no JSON built with format!`);
  process.exit(found.length ? 1 : 0);
}
