// Checks that JavaScript we ship runs on Chromium 90 (奇安信可信浏览器; UOS is 93):
//  - syntax: parses as ES2022 without the two ES2022 forms Chromium 90 lacks
//    (class static blocks, 94; `#x in obj`, 91);
//  - APIs: every global name and every property name the code uses is looked up in
//    MDN's browser-compat-data; a name whose every entry arrived in Chrome after 90
//    (Array.prototype.at, Object.hasOwn, structuredClone, crypto.randomUUID …) fails.
// Usage: node scripts/js-baseline.mjs DIR_OR_FILE...   (exit 1 on any finding)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import { ancestor } from 'acorn-walk';
import bcd from '@mdn/browser-compat-data' with { type: 'json' };

export const BASELINE = 90;

/** Chrome version of one BCD support statement set; Infinity when absent or behind a flag. */
function chromeSince(compat) {
  const raw = compat?.support?.chrome;
  const statements = Array.isArray(raw) ? raw : raw ? [raw] : [];
  let best = Infinity;
  for (const s of statements) {
    if (s.flags || s.prefix || s.alternative_name || s.version_removed) continue;
    const v = typeof s.version_added === 'string' ? parseFloat(s.version_added.replace('≤', '')) : NaN;
    if (!Number.isNaN(v)) best = Math.min(best, v);
  }
  return best;
}

/** name → earliest Chrome version over every BCD entry of that name. */
function buildIndex() {
  const globals = new Map();
  const members = new Map();
  const note = (map, name, v) => map.set(name, Math.min(map.get(name) ?? Infinity, v));
  const walkTree = (tree) => {
    for (const [name, node] of Object.entries(tree)) {
      if (name === '__compat' || !node.__compat) continue;
      note(globals, name, chromeSince(node.__compat));
      for (const [member, sub] of Object.entries(node)) {
        if (member === '__compat' || !sub.__compat) continue;
        // BCD names constructors "Foo", events "x_event" and statics "x_static".
        const used = member.replace(/_static$/, '');
        if (member === name || used.includes('_')) continue;
        note(members, used, chromeSince(sub.__compat));
      }
    }
  };
  walkTree(bcd.api);
  walkTree(bcd.javascript.builtins);
  return { globals, members };
}

let index;

/** Names declared anywhere in the program (a coarse scope: enough to tell globals apart). */
function declaredNames(ast) {
  const names = new Set();
  const addPattern = (p) => {
    if (!p) return;
    if (p.type === 'Identifier') names.add(p.name);
    else if (p.type === 'ObjectPattern') p.properties.forEach((q) => addPattern(q.value ?? q.argument));
    else if (p.type === 'ArrayPattern') p.elements.forEach(addPattern);
    else if (p.type === 'RestElement') addPattern(p.argument);
    else if (p.type === 'AssignmentPattern') addPattern(p.left);
  };
  ancestor(ast, {
    VariableDeclarator: (n) => addPattern(n.id),
    FunctionDeclaration: (n) => { addPattern(n.id); n.params.forEach(addPattern); },
    FunctionExpression: (n) => { addPattern(n.id); n.params.forEach(addPattern); },
    ArrowFunctionExpression: (n) => n.params.forEach(addPattern),
    ClassDeclaration: (n) => addPattern(n.id),
    CatchClause: (n) => addPattern(n.param),
    ImportSpecifier: (n) => addPattern(n.local),
    ImportDefaultSpecifier: (n) => addPattern(n.local),
    ImportNamespaceSpecifier: (n) => addPattern(n.local),
  });
  return names;
}

/** Problems in one source text: [{ line, what }]. */
export function checkSource(source, { sourceType = 'module' } = {}) {
  index ??= buildIndex();
  const problems = [];
  let ast;
  // `// js-baseline-ok: name (why)` exempts `.name` on its own line: for a library's own
  // method that shares its name with a newer browser API (pdf.js `doc.destroy()`).
  const exempt = new Map();
  const onComment = (_block, text, _start, _end, loc) => {
    const m = /^\s*js-baseline-ok:\s*([\w$]+)\s*\(.+\)/.exec(text);
    if (m) exempt.set(loc.line, m[1]);
  };
  try {
    ast = parse(source, { ecmaVersion: 2022, sourceType, locations: true, onComment });
  } catch (e) {
    return [{ line: e.loc?.line ?? 0, what: `syntax newer than ES2022: ${e.message}` }];
  }
  const declared = declaredNames(ast);
  const flag = (node, what) => problems.push({ line: node.loc.start.line, what });
  // Reading a missing API is harmless where the code only tests for it: `if (X.y)`,
  // `X.y === undefined`, `typeof X.y`, or inside the branch such a test guards.
  const tested = (node, parent) =>
    ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.test === node) ||
    (parent.type === 'LogicalExpression' && parent.left === node) ||
    (parent.type === 'UnaryExpression' && (parent.operator === 'typeof' || parent.operator === '!')) ||
    (parent.type === 'BinaryExpression' && /^[!=]==?$/.test(parent.operator));
  const nameOf = (node) =>
    node.type === 'MemberExpression' && !node.computed ? node.property.name : node.type === 'Identifier' ? node.name : null;
  const guarded = (node, ancestors) =>
    tested(node, ancestors[ancestors.length - 2]) ||
    ancestors.some((a, i) => a.type === 'IfStatement' && ancestors[i + 1] === a.consequent && nameOf(a.test) === nameOf(node));
  const isKey = (node, parent) =>
    (parent.type === 'MemberExpression' && parent.property === node && !parent.computed) ||
    ((parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') &&
      parent.key === node && !parent.computed);
  ancestor(ast, {
    StaticBlock: (n) => flag(n, 'class static block (Chrome 94)'),
    BinaryExpression: (n) => {
      if (n.left.type === 'PrivateIdentifier') flag(n, '`#field in object` (Chrome 91)');
    },
    MemberExpression: (n, _state, ancestors) => {
      if (n.computed || n.property.type !== 'Identifier' || guarded(n, ancestors)) return;
      if (exempt.get(n.property.loc.start.line) === n.property.name) return;
      // Defining a property (a polyfill) is not using it.
      const parent = ancestors[ancestors.length - 2];
      if (parent.type === 'AssignmentExpression' && parent.left === n) return;
      const since = index.members.get(n.property.name);
      if (since > BASELINE) flag(n, `.${n.property.name} (Chrome ${since === Infinity ? 'none' : since})`);
    },
    Identifier: (n, _state, ancestors) => {
      const parent = ancestors[ancestors.length - 2];
      if (!parent || isKey(n, parent) || declared.has(n.name) || guarded(n, ancestors)) return;
      const since = index.globals.get(n.name);
      if (since > BASELINE) flag(n, `${n.name} (Chrome ${since === Infinity ? 'none' : since})`);
    },
  });
  return problems;
}

/** Chrome version of a WebAssembly proposal, from BCD's webassembly tree. */
export function wasmFeatureSince(name) {
  return chromeSince(bcd.webassembly[name]?.__compat);
}

function jsFiles(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).filter((f) => f.endsWith('.js') || f.endsWith('.mjs')).map((f) => join(path, f));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2).flatMap(jsFiles);
  let bad = 0;
  for (const file of files) {
    // The service worker is a classic script; everything else we ship is a module.
    const sourceType = file.endsWith('sw.js') ? 'script' : 'module';
    const problems = checkSource(readFileSync(file, 'utf8'), { sourceType });
    for (const p of problems) console.error(`${file}:${p.line}: not in Chromium ${BASELINE}: ${p.what}`);
    if (problems.length === 0) console.log(`${file}: only syntax and APIs Chromium ${BASELINE} has`);
    bad += problems.length;
  }
  if (files.length === 0) { console.error('usage: node scripts/js-baseline.mjs DIR_OR_FILE...'); process.exit(2); }
  process.exit(bad ? 1 : 0);
}
