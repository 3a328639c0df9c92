// The boundary check finds a field read by name outside the boundary modules,
// JSON put together with format!, HTML written as a string outside render/,
// a branch on a format outside template/, and a second live region.
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

test('HTML strings, branches on a format and extra live regions are named; view! markup and the owners are not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bounds-'));
  writeFileSync(join(dir, 'page.rs'), [
    'fn a(t: &str) -> String { format!("<p class=\\"x\\">{t}</p>") }',
    '        <p class="hint">"说明"</p>',
    'fn b(id: TemplateId) -> u8 { match id { TemplateId::F2019 => 1, _ => 2 } }',
    'fn c(id: TemplateId) -> bool { id == TemplateId::F2021 }',
    'fn d() -> Template { TemplateId::F2021.get() }',
    '        <div class="x" role="status">{text}</div>',
    '        <p aria-live="polite">{t}</p>',
    'fn e(n: u32) -> String { format!("共 {n} 个 <b>单位</b>") }',
  ].join('\n'));
  const found = offenders([dir], new Set(), { RENDER: 'none/', TEMPLATE: 'none/', LIVE: 'none' });
  assert.deepEqual(found.map((f) => f.replace(/^.*page\.rs:/, '')), [
    '1: HTML written as a string outside render/',
    '3: a branch on a format outside template/',
    '4: a branch on a format outside template/',
    '6: a live region outside none',
    '7: a live region outside none',
    '8: HTML written as a string outside render/',
  ]);
  // The same lines in their owners' places are fine.
  const owners = offenders([dir], new Set(), { RENDER: dir, TEMPLATE: dir, LIVE: join(dir, 'page.rs') });
  assert.deepEqual(owners, []);
});
