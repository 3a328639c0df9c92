// Fails when code crosses a line the architecture draws:
// - a JavaScript object's field read by name (`Reflect::get`) outside the
//   modules that own a boundary (the worker's replies, the IndexedDB module,
//   browser properties web-sys lacks);
// - JSON built with `format!` anywhere (the protocols are serde types:
//   `portal`, `FileRead::to_wire`, `StoredUnit`);
// - HTML in a string literal outside the core's `render/` (the app's markup
//   is `view!`, never text);
// - a branch on a format (`TemplateId::F2019 =>`, `== TemplateId::F2021`)
//   outside `template/`: formats differ by their declarations, not by code;
// - a live region (`aria-live`, `role="status"`, `role="alert"`) in the app
//   outside `components/live.rs`, the page's one polite region.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOTS = ['src', 'crates/nianbao-web/src', 'crates/nianbao-collect/src', 'crates/nianbao-ledger/src', 'crates/nianbao-import/src', 'crates/nianbao-portal/src', 'crates/nianbao-drafts/src', 'crates/nianbao-check/src', 'crates/nianbao-compose/src', 'crates/nianbao-graphic/src', 'crates/nianbao-core/src', 'crates/nianbao-files/src', 'crates/nianbao-word/src'];
// The code that draws the page (the app and its modules loaded on first use).
const PAGE = ['src/', 'crates/nianbao-web/src/', 'crates/nianbao-collect/src/', 'crates/nianbao-ledger/src/', 'crates/nianbao-import/src/', 'crates/nianbao-portal/src/', 'crates/nianbao-drafts/src/', 'crates/nianbao-check/src/', 'crates/nianbao-compose/src/', 'crates/nianbao-graphic/src/'];
export const BOUNDARY = new Set([
  'crates/nianbao-web/src/files.rs',
  'crates/nianbao-web/src/host.rs',
  'crates/nianbao-collect/src/store.rs',
  'src/config.rs',
]);

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.rs') ? [p] : [];
  });
}

export const RENDER = 'crates/nianbao-core/src/render/';
export const TEMPLATE = 'crates/nianbao-core/src/template/';
export const LIVE = 'crates/nianbao-web/src/live.rs';
const HTML = /(^|[^=\w])"[^"]*<\/?(p|div|span|table|tr|td|th|ul|ol|li|a|br|h[1-6]|section|strong|em|b|style|script|html|body|head|meta|caption|thead|tbody)[\s>/][^"]*"/;
const FORMAT_BRANCH = /TemplateId::F20\d\d\s*(=>|if\b|\|)|[=!]=\s*TemplateId::F20\d\d|TemplateId::F20\d\d\s*[=!]=/;
const LIVE_REGION = /aria-live|role="(status|alert)"/;

const isTest = (file) => /(_tests|\/tests)\.rs$/.test(file);

export function offenders(roots = ROOTS, boundary = BOUNDARY, places = { RENDER, TEMPLATE, LIVE }) {
  const found = [];
  for (const root of roots) {
    for (const file of files(root)) {
      if (isTest(file)) continue;
      const code = readFileSync(file, 'utf8').split('#[cfg(test)]')[0];
      const app = PAGE.some((p) => file.startsWith(p)) || (file.startsWith(`${root}/`) && !root.startsWith('crates'));
      code.split('\n').forEach((line, i) => {
        const t = line.trim();
        if (t.startsWith('//')) return;
        // `view!` markup (a line starting with a tag or a block) is not a string.
        const markup = t.startsWith('<') || t.startsWith('{');
        if (!markup && HTML.test(line) && !file.startsWith(places.RENDER)) {
          found.push(`${file}:${i + 1}: HTML written as a string outside render/`);
        }
        if (FORMAT_BRANCH.test(line) && !file.startsWith(places.TEMPLATE)) {
          found.push(`${file}:${i + 1}: a branch on a format outside template/`);
        }
        if (app && LIVE_REGION.test(line) && file !== places.LIVE) {
          found.push(`${file}:${i + 1}: a live region outside ${places.LIVE}`);
        }
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
  if (!found.length) {
    console.log(`no field read by name outside ${BOUNDARY.size} boundary modules; no JSON built with format!; no HTML strings outside render/; no branch on a format outside template/; one live region`);
  }
  process.exit(found.length ? 1 : 0);
}
