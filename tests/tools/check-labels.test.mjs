// The label check knows the declared labels and finds one typed again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { declaredLabels, offenders } from '../../scripts/check-labels.mjs';

test('declared labels typed again in logic are named; ordinary words and tests are not', () => {
  const labels = declaredLabels();
  for (const l of ['一、本年新收政府信息公开申请数量', '本年增/减', '现行有效件数', '五、存在的主要问题及改进情况', '规章']) {
    assert.ok(labels.has(l), l);
  }
  assert.deepEqual(offenders(labels), []);
  const dir = mkdtempSync(join(tmpdir(), 'labels-'));
  writeFileSync(join(dir, 'rule.rs'), [
    'fn a() { format!("表二现行有效件数 = …"); }',
    'fn b() { "没有规章制定权的机关"; "其他窗口"; }',
    'fn c() { "表二“规章”各项"; }',
    '#[cfg(test)]',
    'mod t { "现行有效件数"; }',
  ].join('\n'));
  assert.deepEqual(offenders(labels, [dir]).map((f) => f.split(':').slice(1).join(':')), ['1: 现行有效件数', '3: 规章']);
});
