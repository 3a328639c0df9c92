// Fails when logic outside the template declarations names a table row or
// column key as a string: keys are named once (crates/nianbao-core/src/template/
// keys.rs and tables.rs), so a typo cannot compile into a check that never runs.
// Test code (#[cfg(test)] modules, tests.rs and *_tests.rs files, tests/) may use literals freely.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const TEMPLATE = 'crates/nianbao-core/src/template';
const ROOTS = ['crates/nianbao-core/src', 'src', 'crates/nianbao-web/src', 'crates/nianbao-collect/src', 'crates/nianbao-ledger/src', 'crates/nianbao-import/src', 'crates/nianbao-portal/src', 'crates/nianbao-drafts/src', 'crates/nianbao-check/src', 'crates/nianbao-compose/src', 'crates/nianbao-graphic/src'];
// The same words with other meanings (a section's or an agency kind's key).
const ALLOWED = new Set(['crates/nianbao-core/src/section.rs:other', 'crates/nianbao-core/src/report/mod.rs:other',
  'crates/nianbao-core/src/json/strict.rs:other']);

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.rs') ? [p] : [];
  });
}

export function tableKeys() {
  const keys = new Set();
  const decl = readFileSync(join(TEMPLATE, 'tables.rs'), 'utf8') + readFileSync(join(TEMPLATE, 'keys.rs'), 'utf8');
  for (const [, k] of decl.matchAll(/\b(?:leaf|leaf_of|wide|total|total_as|keyed_group)\("([A-Za-z.]+)"/g)) keys.add(k);
  for (const [, k] of decl.matchAll(/pub const [A-Z_]+: &str = "([A-Za-z.]+)";/g)) keys.add(k);
  for (const [, k] of decl.matchAll(/t4_group!\("([A-Za-z.]+)"/g)) keys.add(k);
  return keys;
}

export function offenders(keys = tableKeys(), roots = ROOTS) {
  const found = [];
  for (const root of roots) {
    for (const file of files(root)) {
      if (file.startsWith(TEMPLATE) || /(^|\/|_)tests?\.rs$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      const code = text.split('#[cfg(test)]')[0];
      code.split('\n').forEach((line, i) => {
        if (line.trim().startsWith('//')) return;
        for (const [, lit] of line.matchAll(/"([A-Za-z.]+)"/g)) {
          if (keys.has(lit) && !ALLOWED.has(`${file}:${lit}`)) found.push(`${file}:${i + 1}: "${lit}"`);
        }
      });
    }
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = offenders();
  for (const f of found) console.error(`table key as a string outside the declarations: ${f}`);
  if (!found.length) console.log(`no table key as a string outside the declarations (${tableKeys().size} keys)`);
  process.exit(found.length ? 1 : 0);
}
