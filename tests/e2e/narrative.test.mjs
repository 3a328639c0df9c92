// What reviewers catch: a figure in the text that contradicts 表三 (N6) is
// flagged with its sentence and goes when the text is fixed; a warning
// explained with a reason shows as explained in the editor, the JSON and the
// check report; the deadline shows beside the signing date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, shared, openApp, appReady } from './harness.mjs';
import { expect } from './expect.mjs';

const NEW = '一、本年新收政府信息公开申请数量';
const CARRIED = '二、上年结转政府信息公开申请数量';
const GRANTED = '三、本年度办理结果（一）予以公开';
const PARTIAL = '三、本年度办理结果（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
const SENTENCE = '本年度共收到政府信息公开申请12件，予以公开及部分公开8件';

const s = shared();

async function downloadText(page, button) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).first().click()]);
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

test('a figure in the text against 表三: one N6 warning quoting the sentence, gone when the text is fixed', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  await ed.setYear(2025);
  await ed.fill(`${NEW} 自然人`, '12');
  await ed.fill(`${GRANTED} 自然人`, '9');
  const text = page.getByRole('textbox', { name: '总述' });
  await text.fill(SENTENCE);
  await text.blur();
  const under = page.locator('#overview-text ~ .field-findings, .field-findings');
  await expect(async () => /（N6）/.test(await under.first().innerText()), 'N6 under the text');
  const shown = await under.first().innerText();
  assert.match(shown, /予以公开与部分公开之和 8 件/);
  assert.match(shown, /9 件/);
  assert.equal(await under.locator('mark').first().innerText(), '8件');
  // Exactly one narrative warning: N1 holds (12 = 12).
  await ed.check();
  await expect(async () => /（N6）/.test(await ed.summaryText()), 'N6 in the summary');
  const summary = await ed.summaryText();
  assert.equal((summary.match(/（N\d+）/g) ?? []).length, 1, summary);

  // Clicking it selects the sentence in its text area.
  await ed.summary().locator('li', { hasText: '（N6）' }).getByRole('link').click();
  const selected = await page.evaluate(() => {
    const t = document.activeElement;
    return t.value.slice(t.selectionStart, t.selectionEnd);
  });
  assert.equal(selected, `${SENTENCE}`);

  // Fix the text: the warning goes.
  await text.fill(SENTENCE.replace('8件', '9件'));
  await text.blur();
  await expect(async () => !/（N6）/.test(await ed.summaryText()), 'N6 gone');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Y1 warning explained with a reason: shown as explained, kept in the JSON and the check report; the deadline line', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  const last = JSON.parse(await readFile(join(ROOT, 'crates/nianbao-core/tests/fixtures/v1-f2021.json'), 'utf8'));
  last.report.year = 2024;
  const path = join(ARTIFACTS, 'narrative-last-year.json');
  await writeFile(path, JSON.stringify(last));
  await ed.setYear(2025);
  await page.getByRole('textbox', { name: '机关名称' }).fill('某区<b>司法局</b>');
  await page.getByRole('combobox', { name: '机关类型' }).selectOption('department');
  await page.getByLabel('落款日期').fill('2026-01-20');

  // The deadline of a department's 2025 report, counted from today.
  const status = page.locator('#deadline-status');
  await expect(async () => /发布期限 2026年1月31日/.test(await status.innerText()), 'deadline line');
  const today = new Date();
  const days = Math.round((Date.UTC(2026, 0, 31) - Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) / 86400000);
  const want = days > 0 ? `距截止还有 ${days} 天` : days === 0 ? '今天截止' : `已逾期 ${-days} 天`;
  assert.match(await status.innerText(), new RegExp(want));

  await page.setInputFiles('#import-last-year', path);
  await expect(async () => /已导入 2024 年度报告作为上年报告/.test(await ed.notice().innerText()), 'loaded');
  await ed.fill(`${CARRIED} 自然人`, '5');
  const listed = page.locator('#section-requests .table-findings');
  await expect(async () => /（Y1）/.test(await listed.innerText()), 'Y1 under 表三');

  const y1 = listed.locator('li', { hasText: '（Y1）' }).first();
  await y1.getByRole('button', { name: '说明原因' }).click();
  const reason = '机构改革，上年结转由原机关办理<script>x</script>';
  await y1.getByRole('textbox', { name: '说明原因' }).fill(reason);
  await y1.getByRole('button', { name: '保存说明' }).click();
  await expect(async () => (await y1.innerText()).includes(`已说明：${reason}`), 'explained, still listed');
  assert.match(await y1.innerText(), /（Y1）/);

  await ed.check();
  await expect(async () => /其中 1 个已说明原因/.test(await ed.summaryText()), 'counted as explained');
  assert.match(await page.locator('#checklist').innerText(), /所有问题都已改正或说明原因/);

  const json = JSON.parse((await downloadText(page, '下载 JSON')).text);
  assert.equal(json.report.explanations.length, 1);
  assert.match(json.report.explanations[0].finding, /^Y1@/);
  assert.equal(json.report.explanations[0].reason, reason);
  assert.equal(json.exportCheck.explained, 1);

  const report = await downloadText(page, '体检报告');
  assert.match(report.name, /体检报告\.html$/);
  assert.match(report.text, /提示（已说明）/);
  assert.match(report.text, /机构改革，上年结转由原机关办理&lt;script&gt;x&lt;\/script&gt;/);
  assert.match(report.text, /发布期限 2026年1月31日/);
  assert.match(report.text, /某区&lt;b&gt;司法局&lt;\/b&gt;/);
  assert.doesNotMatch(report.text, /<script>x/);
  await writeFile(join(ARTIFACTS, 'check-report.html'), report.text);

  // Kept with the draft.
  await expect(async () => /^已保存/.test(await page.locator('#save-status').innerText()), 'saved');
  await page.reload();
  await appReady(page);
  // Last year's report is kept with the draft.
  await ed.check();
  await expect(async () => /已说明：机构改革/.test(await ed.summaryText()), 'explained after reload');

  // Taking the reason back makes it an open warning again.
  await ed.summary().locator('li', { hasText: '（Y1）' }).first().getByRole('button', { name: '删除说明' }).click();
  await expect(async () => !/已说明：/.test(await ed.summaryText()), 'reason removed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a township sets its local deadline; the next report in this browser is offered it', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  await ed.setYear(2025);
  await page.getByRole('combobox', { name: '机关类型' }).selectOption('township');
  const input = page.getByRole('textbox', { name: '本地发布期限（可不填）' });
  await input.fill('2月30日');
  await input.blur();
  await expect(async () => /不是有效的日期/.test(await page.locator('#deadline-error').innerText()), 'refused');
  await input.fill('2月20日');
  await input.blur();
  await expect(async () => /发布期限 2026年2月20日.*（本地规定）/.test(await page.locator('#deadline-status').innerText()), 'local deadline');
  assert.equal(await page.locator('#deadline-error').innerText(), '');
  // Cleared (as a new report is), the browser offers the one set before.
  await input.fill('');
  await input.blur();
  await expect(async () => /乡镇、街道的期限由本地规定/.test(await page.locator('#deadline-status').innerText()), 'statutory again');
  await page.getByRole('button', { name: '使用上次设置的 2月20日' }).click();
  await expect(async () => (await input.inputValue()) === '2月20日', 'offered and used');
  assert.match(await page.locator('#deadline-status').innerText(), /2026年2月20日/);
  assert.deepEqual(errors, []);
  await context.close();
});
