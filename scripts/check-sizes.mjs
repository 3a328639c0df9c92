// Fails when an app function (src/, the thin UI) runs over 80 lines, or a
// source file over 600 lines that is not on the list below. The list names
// the files still over the limit, each with its size when listed: it only
// shrinks — a listed file that grew, or that is now under the limit and still
// listed, fails too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const MAX_FN = 80;
export const MAX_FILE = 600;
const APP = ['src', 'crates/nianbao-web/src', 'crates/nianbao-collect/src', 'crates/nianbao-ledger/src', 'crates/nianbao-import/src', 'crates/nianbao-portal/src', 'crates/nianbao-drafts/src', 'crates/nianbao-check/src', 'crates/nianbao-compose/src', 'crates/nianbao-graphic/src'];
const ALL = ['src', 'crates/nianbao-web/src', 'crates/nianbao-collect/src', 'crates/nianbao-ledger/src', 'crates/nianbao-import/src', 'crates/nianbao-portal/src', 'crates/nianbao-drafts/src', 'crates/nianbao-check/src', 'crates/nianbao-compose/src', 'crates/nianbao-graphic/src', 'crates/nianbao-core/src', 'crates/nianbao-files/src', 'crates/nianbao-word/src'];
// File → the most lines it may have until it is split (none now).
export const OVER = new Map([]);

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.rs') ? [p] : [];
  });
}

/** Each `fn` of a Rust file with its length in lines (braces counted outside strings and comments). */
export function functions(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(pub(\([^)]*\))?\s+)?(async\s+)?(const\s+)?fn\s+(\w+)/.exec(lines[i]);
    if (!m || lines[i].trimEnd().endsWith(';')) continue;
    let depth = 0;
    let started = false;
    let j = i;
    for (; j < lines.length; j++) {
      const code = lines[j].replace(/"(\\.|[^"\\])*"/g, '""').replace(/'(\\.|[^'\\])'/g, "''").split('//')[0];
      for (const c of code) {
        if (c === '{') { depth++; started = true; } else if (c === '}') depth--;
      }
      if (started && depth <= 0) break;
      if (!started && code.trimEnd().endsWith(';')) break;
    }
    // Attributes above the signature (`#[component]`, `#[allow]`) are the function's lines too.
    let first = i;
    while (first > 0 && /^\s*#\[/.test(lines[first - 1])) first--;
    out.push({ name: m[5], line: first + 1, length: j - first + 1 });
  }
  return out;
}

export function offenders({ app = APP, all = ALL, over = OVER } = {}) {
  const found = [];
  for (const root of app) {
    for (const file of files(root)) {
      for (const f of functions(readFileSync(file, 'utf8'))) {
        if (f.length > MAX_FN) found.push(`${file}:${f.line}: fn ${f.name} has ${f.length} lines (at most ${MAX_FN} in the app)`);
      }
    }
  }
  for (const root of all) {
    for (const file of files(root)) {
      const n = readFileSync(file, 'utf8').split('\n').length - 1;
      const allowed = over.get(file);
      if (allowed === undefined && n > MAX_FILE) found.push(`${file}: ${n} lines (at most ${MAX_FILE})`);
      if (allowed !== undefined && n > allowed) found.push(`${file}: ${n} lines, more than the ${allowed} it had when listed`);
      if (allowed !== undefined && n <= MAX_FILE) found.push(`${file}: ${n} lines, no longer over: take it off the list`);
    }
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = offenders();
  for (const f of found) console.error(f);
  if (!found.length) console.log(`no app function over ${MAX_FN} lines; no file over ${MAX_FILE} lines${OVER.size ? ` but the ${OVER.size} listed, none grown` : ''}`);
  process.exit(found.length ? 1 : 0);
}
