// What the app writes, it reads back (findings A1, A10, A11, A15): every limit at its
// maximum written through the UI survives a reload and an export/import; the 501st
// reason is refused where it is given; a fill that changes nothing says so and adds
// no undo step; undo after a fill brings back text typed into a cell; a pasted row of
// labels says it has no numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, shared, openApp, appReady } from './harness.mjs';
import { expect } from './expect.mjs';

const s = shared();
const NEW = '一、本年新收政府信息公开申请数量';
const BASE = join(ROOT, 'crates/nianbao-core/tests/fixtures/base-f2021.json');

async function importJson(page, name, doc) {
  await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  const dialog = page.getByRole('dialog', { name: '导入报告' });
  await dialog.waitFor({ timeout: 30000 });
  await dialog.getByRole('button', { name: '作为新草稿打开' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function download(page, button) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).first().click()]);
  return readFile(await d.path(), 'utf8');
}

test('a1: with 500 reasons the 501st is refused where it is given; the draft reopens and its JSON imports', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  const doc = JSON.parse(await readFile(BASE, 'utf8'));
  const total = doc.report.table3.newReceived.total;
  const sentences = Array.from({ length: 501 }, (_, i) => `第${i}段：本年度共收到政府信息公开申请${total + 1 + i}件。`);
  doc.schemaVersion = 3;
  doc.report.overview.text = sentences.join('\n');
  doc.report.explanations = sentences.slice(0, 500).map((t) => ({
    finding: `N1@table3-newReceived-total,overview-text#${t}`,
    reason: '统计口径不同',
  }));
  await importJson(page, 'reasons.json', doc);
  await ed.check();
  await expect(async () => /其中 500 个已说明原因/.test(await ed.summaryText()), '500 explained', 20000);
  // The 501st warning: its reason is refused, in words, and nothing is written.
  const last = ed.summary().locator('li', { hasText: `申请${total + 501}件` }).first();
  await last.getByRole('button', { name: '说明原因' }).click();
  await last.getByRole('textbox', { name: '说明原因' }).fill('第 501 条');
  await last.getByRole('button', { name: '保存说明' }).click();
  await expect(async () => /最多可以给 500 条提示说明原因/.test(await last.innerText()), 'refused');
  // The draft reopens; its JSON imports in a fresh profile.
  await expect(async () => /^已保存/.test(await page.locator('#save-status').innerText()), 'saved');
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('.banner-warning, .storage-banner').count(), 0);
  await ed.check();
  await expect(async () => /其中 500 个已说明原因/.test(await ed.summaryText()), 'still 500 after reload', 20000);
  const json = await download(page, '下载 JSON');
  assert.equal(JSON.parse(json).report.explanations.length, 500);
  const fresh = await openApp(s.browser, s.url);
  await importJson(fresh.page, 'again.json', JSON.parse(json));
  assert.deepEqual(errors, []);
  await fresh.context.close();
  await context.close();
});

test('limits at their maximum, written through the UI, survive a reload and an export/import', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  await ed.setYear(2025);
  const long = '年'.repeat(200000);
  const overview = page.getByRole('textbox', { name: '总述' });
  await overview.fill(long);
  await overview.blur();
  await ed.fill(`${NEW} 自然人`, '99999999');
  await ed.fill('行政事业性收费 本年收费金额（单位：万元）', '99999999.9999');
  const agency = page.getByRole('textbox', { name: '机关名称' });
  await agency.fill('某'.repeat(200));
  await agency.blur();
  await expect(async () => /^已保存/.test(await page.locator('#save-status').innerText()), 'saved', 20000);
  await page.reload();
  await appReady(page);
  assert.equal((await page.getByRole('textbox', { name: '总述' }).inputValue()).length, 200000);
  assert.equal(await ed.value(`${NEW} 自然人`), '99999999');
  assert.equal(await ed.value('行政事业性收费 本年收费金额（单位：万元）'), '99999999.9999');
  const json = await download(page, '下载 JSON');
  const fresh = await openApp(s.browser, s.url);
  await importJson(fresh.page, 'max.json', JSON.parse(json));
  assert.equal((await fresh.page.getByRole('textbox', { name: '总述' }).inputValue()).length, 200000);
  assert.equal(await fresh.ed.value(`${NEW} 自然人`), '99999999');
  assert.deepEqual(errors, []);
  await fresh.context.close();
  await context.close();
});

test('a10/a11: a roll-up filled twice says the second time changed nothing (no undo step); undo brings back text typed into a cell', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  await ed.setYear(2024);
  // Text that is not a number, kept as typed (with its finding).
  await ed.fill(`${NEW} 自然人`, '12a');
  // A unit in the workspace, rolled up and filled into the draft.
  await page.getByRole('link', { name: '汇总多个单位' }).click();
  await page.setInputFiles('#collect-files', BASE);
  await expect(async () => /共 1 个单位/.test(await page.locator('#collect-count').innerText()), 'one unit', 30000);
  await page.getByRole('button', { name: /^合计 2024 年度/ }).click();
  const fill = page.getByRole('button', { name: '填入当前草稿的表二、表三、表四' });
  await fill.click();
  await expect(async () => /已把合计填入当前草稿/.test(await ed.notice().innerText()), 'filled');
  assert.notEqual(await ed.value(`${NEW} 自然人`), '12a');
  // Again: nothing changes, and it says so.
  await page.getByRole('link', { name: '汇总多个单位' }).click();
  await fill.click();
  await expect(async () => /与当前草稿的表二、表三、表四相同，没有改动/.test(await ed.notice().innerText()), 'said unchanged');
  // One undo undoes the one fill, and the typed text is back.
  await ed.button('撤销').click();
  await ed.waitForValue(`${NEW} 自然人`, '12a');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a15: a pasted row of labels says it holds no number, not that it is the same', async () => {
  const { context, page, ed } = await openApp(s.browser, s.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.url).origin });
  await ed.paste(`${NEW} 自然人`, '自然人\t商业企业\t科研机构');
  await expect(async () => /没有可以填入的数字/.test(await ed.notice().innerText()), 'said');
  assert.doesNotMatch(await ed.notice().innerText(), /相同/);
  await context.close();
});
