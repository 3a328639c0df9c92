// 报送包 and open data: 下载报送包 gives the file a unit sends — the report, its
// export-stage counts, SM3 and SHA-256 fingerprints and the short code the
// notice says —; the published HTML's foot and the 体检报告 print the same
// code, and a one-cell change gives another. 下载数据（CSV） gives every figure
// with its key, labels and unit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, shared, openApp } from './harness.mjs';
import { expect } from './expect.mjs';

const NEW = '一、本年新收政府信息公开申请数量';
const s = shared();

async function downloadText(page, button) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).first().click()]);
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

test('下载报送包: fingerprint code in the notice, the HTML foot and the 体检报告; a changed cell changes it', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  await ed.setYear(2025);
  await page.getByRole('textbox', { name: '机关名称' }).fill('示例区司法局');
  await ed.fill(`${NEW} 自然人`, '12');
  const pkg = await downloadText(page, '下载报送包');
  assert.match(pkg.name, /（报送包）\.json$/);
  const doc = JSON.parse(pkg.text);
  assert.equal(doc.schema, 'nianbao.submission');
  assert.equal(doc.schemaVersion, 2);
  const sub = doc.submission;
  assert.match(sub.fingerprint.sm3, /^[0-9a-f]{64}$/);
  assert.match(sub.fingerprint.sha256, /^[0-9a-f]{64}$/);
  assert.match(sub.code, /^SM3 [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  assert.equal(sub.code, `SM3 ${sub.fingerprint.sm3.slice(0, 12).toUpperCase().match(/.{4}/g).join('-')}`);
  assert.equal(sub.report.report.agency.name, '示例区司法局');
  assert.equal(sub.report.report.table3.newReceived.natural, 12);
  assert.ok(Number.isInteger(sub.exportCheck.errors) && sub.exportCheck.errors > 0, 'the export stage counted');
  assert.ok(!Number.isNaN(Date.parse(sub.madeAt)));
  await expect(async () => (await ed.notice().innerText()).includes(`报告指纹 ${sub.code}`), 'the notice gives the code');

  const html = await downloadText(page, '下载 HTML');
  assert.ok(html.text.includes(`报告指纹：${sub.code}`), 'the published page prints the code');
  const check = await downloadText(page, '体检报告');
  assert.ok(check.text.includes(sub.code), 'the 体检报告 prints the code');

  // The package opens like a report file: checked against its fingerprint, said so.
  const path = join(ARTIFACTS, 'unit-a-package.json');
  await writeFile(path, pkg.text);
  await page.setInputFiles('#import-file', path);
  const review = page.getByRole('dialog', { name: '导入报告' });
  await review.waitFor();
  assert.match(await review.locator('#import-encoding').innerText(), new RegExp(`这是报送包，报告指纹 ${sub.code}，与包内的报告一致（未被改动）`));
  await review.getByRole('button', { name: '关闭' }).or(review.getByRole('button', { name: '取消' })).first().click();
  // Changed after it was made: refused in words, the draft unchanged.
  const tampered = join(ARTIFACTS, 'unit-a-package-changed.json');
  await writeFile(tampered, pkg.text.replace('示例区司法局', '另一个机关'));
  await page.setInputFiles('#import-file', tampered);
  await expect(async () => /指纹不符/.test(await ed.notice().innerText()), 'a changed package is refused');
  assert.equal(await page.getByRole('textbox', { name: '机关名称' }).inputValue(), '示例区司法局');

  await ed.fill(`${NEW} 自然人`, '13');
  const again = JSON.parse((await downloadText(page, '下载报送包')).text).submission;
  assert.notEqual(again.code, sub.code);
  assert.notEqual(again.fingerprint.sha256, sub.fingerprint.sha256);

  const csv = await downloadText(page, '下载数据（CSV）');
  assert.match(csv.name, /（数据）\.csv$/);
  const lines = csv.text.replace(/^\uFEFF/, '').split(/\r?\n/);
  assert.equal(lines[0], '键,机关名称,报告年度,格式,表,行,列,数值,单位');
  assert.ok(lines.includes('table3.newReceived.natural,示例区司法局,2025,2021年版格式,表三,一、本年新收政府信息公开申请数量,自然人,13,件'), lines.slice(0, 40).join('\n'));
  assert.ok(lines.some((l) => l.startsWith('table3.carriedOver.natural,') && l.endsWith(',,件')), 'blank stays blank');
  assert.deepEqual(errors, []);
  await context.close();
});
