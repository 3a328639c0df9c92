// Fails when a label the official declarations hold (table labels in
// crates/nianbao-core/src/template/tables.rs, section headings in section.rs) is
// typed again in a string literal of the app or of the core's logic: labels are
// declared once and read from there. Labels of four characters or more are
// matched anywhere in a literal; shorter ones (规章, 总计, 其他…) only when quoted
// as a label (“规章”), since they are also ordinary words. Tests may repeat them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const DECLARATIONS = ['crates/nianbao-core/src/template/tables.rs', 'crates/nianbao-core/src/section.rs'];
const ROOTS = ['crates/nianbao-core/src', 'src', 'crates/nianbao-web/src', 'crates/nianbao-collect/src', 'crates/nianbao-ledger/src', 'crates/nianbao-import/src', 'crates/nianbao-portal/src', 'crates/nianbao-drafts/src', 'crates/nianbao-check/src', 'crates/nianbao-compose/src', 'crates/nianbao-graphic/src'];

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.rs') ? [p] : [];
  });
}

const literals = (text) => [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
const cjk = /[\u4e00-\u9fff]/;

export function declaredLabels() {
  const labels = new Set();
  for (const f of DECLARATIONS) {
    for (const l of literals(readFileSync(f, 'utf8').split('#[cfg(test)]')[0])) {
      if (cjk.test(l) && [...l].length >= 2) labels.add(l);
    }
  }
  return labels;
}

export function offenders(labels = declaredLabels(), roots = ROOTS) {
  const found = [];
  for (const root of roots) {
    for (const file of files(root)) {
      if (file.includes('/template/') || DECLARATIONS.includes(file) || /(^|\/|_)tests?\.rs$/.test(file)) continue;
      const code = readFileSync(file, 'utf8').split('#[cfg(test)]')[0];
      code.split('\n').forEach((line, i) => {
        if (line.trim().startsWith('//')) return;
        for (const lit of literals(line)) {
          for (const label of labels) {
            const hit = [...label].length >= 4 ? lit.includes(label) : lit.includes(`“${label}”`);
            if (hit) found.push(`${file}:${i + 1}: ${label}`);
          }
        }
      });
    }
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = offenders();
  for (const f of found) console.error(`declared label typed again: ${f}`);
  if (!found.length) console.log(`no declared label typed again outside the declarations (${declaredLabels().size} labels)`);
  process.exit(found.length ? 1 : 0);
}
