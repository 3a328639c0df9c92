// The key check knows the declared keys and finds none spelt as strings in logic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { tableKeys, offenders } from '../../scripts/check-keys.mjs';

test('the declared row and column keys are found, and no logic spells one as a string', () => {
  const keys = tableKeys();
  for (const k of ['newReceived', 'carryForward', 'denied.stateSecret', 'natural', 'total', 'review', 'maintain', 'prevCount']) {
    assert.ok(keys.has(k), k);
  }
  assert.deepEqual(offenders(keys), []);
  // A logic file that spelt one is named; the same word in a test module is not.
  const dir = mkdtempSync(join(tmpdir(), 'keys-'));
  writeFileSync(join(dir, 'rule.rs'), 'fn f() { report.value(t3, "newRecieved", "natural"); }\n#[cfg(test)]\nmod t { "carryForward"; }');
  assert.deepEqual(offenders(keys, [dir]), [`${join(dir, 'rule.rs')}:1: "natural"`]);
});
