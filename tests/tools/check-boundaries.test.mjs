// The boundary check finds a field read by name outside the boundary modules
// and JSON put together with format!.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { offenders } from '../../scripts/check-boundaries.mjs';

test('the code keeps its boundaries, and a hand-made crossing is named', () => {
  assert.deepEqual(offenders(), []);
  const dir = mkdtempSync(join(tmpdir(), 'bounds-'));
  writeFileSync(join(dir, 'view.rs'), [
    'fn a(o: &JsValue) { let n = Reflect::get(o, &"notFound".into()); }',
    'fn b(k: &str) -> String { format!(r#"{{"source":"nianbao","type":"{k}"}}"#) }',
    'fn c(k: &str) -> String { format!("{{\\"type\\":\\"{k}\\"}}") }',
    'fn d(n: usize) -> String { format!("{n} 个错误") }',
    '#[cfg(test)]',
    'mod t { fn e() { format!(r#"{{"a":1}}"#); } }',
  ].join('\n'));
  const found = offenders([dir], new Set());
  assert.equal(found.length, 3, found.join('\n'));
  assert.match(found[0], /view\.rs:1: a field read by name/);
  assert.match(found[1], /view\.rs:2: JSON built with format!/);
  assert.match(found[2], /view\.rs:3: JSON built with format!/);
});
