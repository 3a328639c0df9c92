// Fails when the top-level modules of a crate import each other in a cycle
// (e.g. a → b → a). Reads every `crate::name` path in each crate's sources;
// a module is a top-level `src/name.rs` or `src/name/` folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const CRATES = ['src', 'crates/nianbao-web/src', 'crates/nianbao-collect/src', 'crates/nianbao-ledger/src', 'crates/nianbao-import/src', 'crates/nianbao-portal/src', 'crates/nianbao-drafts/src', 'crates/nianbao-check/src', 'crates/nianbao-compose/src', 'crates/nianbao-graphic/src', 'crates/nianbao-core/src'];

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.rs') ? [p] : [];
  });
}

export function graph(root) {
  const modules = new Set(
    readdirSync(root)
      .map((f) => f.replace(/\.rs$/, ''))
      .filter((m) => !['lib', 'main', 'mod'].includes(m)),
  );
  const edges = new Map([...modules].map((m) => [m, new Set()]));
  for (const file of files(root)) {
    const from = relative(root, file).split(sep)[0].replace(/\.rs$/, '');
    if (!modules.has(from)) continue;
    const text = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
    for (const [, to] of text.matchAll(/crate::([a-z_][a-z0-9_]*)/g)) {
      if (to !== from && modules.has(to)) edges.get(from).add(to);
    }
    // `use crate::{a, b::c}` groups.
    for (const [, group] of text.matchAll(/crate::\{([^}]*)\}/g)) {
      for (const [, to] of group.matchAll(/(?:^|[,{\s])([a-z_][a-z0-9_]*)/g)) {
        if (to !== from && modules.has(to)) edges.get(from).add(to);
      }
    }
  }
  return edges;
}

export function cycles(edges) {
  const found = [];
  const state = new Map();
  const stack = [];
  const visit = (m) => {
    state.set(m, 'open');
    stack.push(m);
    for (const n of edges.get(m) ?? []) {
      if (state.get(n) === 'open') found.push([...stack.slice(stack.indexOf(n)), n].join(' → '));
      else if (!state.has(n)) visit(n);
    }
    stack.pop();
    state.set(m, 'done');
  };
  for (const m of edges.keys()) if (!state.has(m)) visit(m);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let bad = 0;
  for (const root of CRATES) {
    const found = cycles(graph(root));
    for (const c of found) console.error(`${root}: module cycle ${c}`);
    bad += found.length;
    if (!found.length) console.log(`${root}: no module cycle (${graph(root).size} modules)`);
  }
  process.exit(bad ? 1 : 0);
}
