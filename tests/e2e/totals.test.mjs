// Never silently wrong: printed totals stay printed (spec §8.8); 检查 and
// exports run the export stage (§8.9); the preview, the drafts list and the
// editor count alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, shared, openIn, appReady } from './harness.mjs';
import { expect } from './expect.mjs';

const s = shared();
const REVIEW_TOTAL = '行政复议 总计';
const NEW = '一、本年新收政府信息公开申请数量';

const open = (context) => openIn(context, s.url);

/** A report as published with a wrong printed total: 行政复议 总计 0, its parts 2 + 1 + 0 + 1. */
async function printedWrong() {
  const doc = JSON.parse(await readFile(join(ROOT, 'examples/sample-report.json'), 'utf8'));
  doc.report.table4.review.total = 0;
  const path = join(ARTIFACTS, 'printed-total.json');
  await writeFile(path, JSON.stringify(doc));
  return path;
}

test('a printed total that disagrees survives import, edits and reload; 用计算值替换 fixes it, undo restores it', async () => {
  const context = await s.browser.newContext({ acceptDownloads: true });
  const { page, ed, errors } = await open(context);
  await page.setInputFiles('#import-file', await printedWrong());
  const dialog = page.getByRole('dialog', { name: '导入报告' });
  await dialog.waitFor();
  const preview = (await dialog.innerText()).match(/(\d+) 个错误，(\d+) 个提示/);
  await dialog.getByRole('button', { name: '替换当前草稿' }).click();
  assert.equal(await ed.value(REVIEW_TOTAL), '0', 'the printed total is kept with auto totals on');
  // An edit elsewhere does not recompute it.
  await ed.fill(`${NEW} 法人或其他组织 科研机构`, '1');
  assert.equal(await ed.value(REVIEW_TOTAL), '0');
  assert.equal(await ed.value(`${NEW} 总计`), '23', 'computed totals still follow their parts');
  // The drafts list counts it as the preview did.
  await expect(async () => /^已保存/.test(await page.locator('#save-status').innerText()), 'saved');
  await page.reload();
  await appReady(page);
  assert.equal(await ed.value(REVIEW_TOTAL), '0', 'kept through a reload');
  await ed.fill(`${NEW} 法人或其他组织 科研机构`, '0');
  await expect(async () => /^已保存/.test(await page.locator('#save-status').innerText()), 'saved');
  await page.getByRole('button', { name: '草稿', exact: true }).click();
  const list = await page.getByRole('dialog', { name: '我的草稿' }).innerText();
  assert.ok(list.includes(`${preview[1]} 个错误，${preview[2]} 个提示`), `${list} vs ${preview[0]}`);
  await page.keyboard.press('Escape');

  await ed.check();
  const summary = ed.summary();
  const item = summary.locator('li', { hasText: '表四“行政复议”' });
  assert.match(await item.innerText(), /行政复议 总计为 0，各项之和 2 \+ 1 \+ 0 \+ 1 = 4/);
  await item.getByRole('button', { name: '用计算值替换' }).click();
  await ed.waitForValue(REVIEW_TOTAL, '4');
  assert.match(await ed.notice().innerText(), /已用计算值替换这个合计/);
  await ed.button('撤销').click();
  await ed.waitForValue(REVIEW_TOTAL, '0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('turning auto totals back on says how many totals will change, and does nothing if declined', async () => {
  const context = await s.browser.newContext();
  const { page, ed } = await open(context);
  await page.setInputFiles('#import-file', await printedWrong());
  await page.getByRole('dialog', { name: '导入报告' }).getByRole('button', { name: '替换当前草稿' }).click();
  const toggle = page.getByRole('checkbox', { name: '合计由系统自动计算' });
  await toggle.uncheck();
  const asked = [];
  page.once('dialog', async (d) => { asked.push(d.message()); await d.dismiss(); });
  await toggle.check({ force: true }).catch(() => {});
  await expect(async () => asked.length === 1, 'asked');
  assert.match(asked[0], /会把 1 个与各项之和不一致的合计替换为计算值/);
  assert.equal(await toggle.isChecked(), false, 'declined: still off');
  assert.equal(await ed.value(REVIEW_TOTAL), '0');
  page.once('dialog', (d) => d.accept());
  await toggle.check();
  await ed.waitForValue(REVIEW_TOTAL, '4');
  assert.equal(await toggle.isChecked(), true);
  await context.close();
});

test('检查 on an empty form says each table is not filled in, without advising 0', async () => {
  const context = await s.browser.newContext();
  const { page, ed } = await open(context);
  await ed.check();
  const text = await ed.summary().innerText();
  for (const t of ['表二', '表三', '表四']) assert.match(text, new RegExp(`${t}未填写`));
  assert.doesNotMatch(text, /表[二三四][^\n]*请填 0/);
  assert.doesNotMatch(text, /个单元格还是空的/);
  await context.close();
});

test('a download runs the export stage: the counts show first and the file records them', async () => {
  const context = await s.browser.newContext({ acceptDownloads: true });
  const { page, ed } = await open(context);
  await ed.fill(`${NEW} 自然人`, '3');
  const [file] = await Promise.all([page.waitForEvent('download'), ed.button('下载 JSON').click()]);
  const doc = JSON.parse(await readFile(await file.path(), 'utf8'));
  const notice = await ed.notice().innerText();
  const [, e, w] = notice.match(/下载 JSON 前的检查：(\d+) 个错误，(\d+) 个提示/);
  assert.deepEqual(doc.exportCheck, { errors: Number(e), warnings: Number(w) });
  assert.ok(Number(e) > 0, 'blank cells are errors at export');
  assert.match(await ed.summary().innerText(), /表三有 \d+ 个单元格还是空的/);
  const [html] = await Promise.all([page.waitForEvent('download'), ed.button('下载 HTML').click()]);
  assert.match(await readFile(await html.path(), 'utf8'), /"exportCheck": \{\s*"errors": \d+,\s*"warnings": \d+/);
  await context.close();
});
