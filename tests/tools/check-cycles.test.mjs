// The module-cycle check finds a cycle it is shown, and none in this repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { graph, cycles } from '../../scripts/check-cycles.mjs';

test('a two-module cycle through a folder module is found, a one-way import is not', () => {
  const root = mkdtempSync(join(tmpdir(), 'cycles-'));
  mkdirSync(join(root, 'template'));
  writeFileSync(join(root, 'lib.rs'), 'pub mod template; pub mod rules; pub mod cell;');
  writeFileSync(join(root, 'template', 'decl.rs'), 'use crate::rules::RuleId;\nuse crate::cell::Kind;');
  writeFileSync(join(root, 'rules.rs'), 'use crate::{cell::Kind, template::Template};');
  writeFileSync(join(root, 'cell.rs'), '// crate::rules is only named in a comment');
  const found = cycles(graph(root));
  assert.equal(found.length, 1, found.join());
  assert.match(found[0], /^(template → rules → template|rules → template → rules)$/);
  writeFileSync(join(root, 'template', 'decl.rs'), 'use crate::cell::Kind;');
  assert.deepEqual(cycles(graph(root)), []);
});

test('the app and the core have no module cycle', () => {
  for (const root of ['src', 'crates/nianbao-web/src', 'crates/nianbao-collect/src', 'crates/nianbao-ledger/src', 'crates/nianbao-import/src', 'crates/nianbao-core/src']) assert.deepEqual(cycles(graph(root)), [], root);
});
