// The size check finds a long app function and a long file, and keeps its
// list of files still over the limit from growing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { functions, offenders } from '../../scripts/check-sizes.mjs';

test('the code is within its sizes, and a long function or file is named', () => {
  assert.deepEqual(offenders(), []);
  const fns = functions('fn a() {\n    let s = "}";\n}\n\npub fn b(x: u8) -> u8 {\n    x\n}\n');
  assert.deepEqual(fns.map((f) => [f.name, f.length]), [['a', 3], ['b', 3]]);
  // The attribute above a component is one of its lines.
  assert.deepEqual(functions('#[component]\npub fn C() -> u8 {\n    1\n}\n').map((f) => [f.name, f.line, f.length]), [['C', 1, 4]]);
  const dir = mkdtempSync(join(tmpdir(), 'sizes-'));
  mkdirSync(join(dir, 'app'));
  mkdirSync(join(dir, 'core'));
  const body = Array.from({ length: 85 }, (_, i) => `    let x${i} = ${i};`).join('\n');
  writeFileSync(join(dir, 'app', 'view.rs'), `pub fn view() {\n${body}\n}\n`);
  writeFileSync(join(dir, 'core', 'big.rs'), '// line\n'.repeat(601));
  writeFileSync(join(dir, 'core', 'listed.rs'), '// line\n'.repeat(650));
  const found = offenders({
    app: [join(dir, 'app')],
    all: [join(dir, 'core')],
    over: new Map([[join(dir, 'core', 'listed.rs'), 640]]),
  });
  assert.equal(found.length, 3, found.join('\n'));
  assert.match(found[0], /fn view has 87 lines/);
  assert.match(found.join('\n'), /big\.rs: 601 lines \(at most 600\)/);
  assert.match(found.join('\n'), /listed\.rs: 650 lines, more than the 640/);
});
