// Writing with the tables (a module loaded on first use): 起草 shows the
// sentences drafted from 表三 and 表四 — with last year's change when last
// year's report is loaded — before anything is written; 插入到光标处 writes
// them at the cursor as one step that one 撤销 takes back, and the drafted
// figures raise no N-finding. 零申报 on an empty report fills 表三/表四 with 0
// and the standard sentences, says so, and leaves no finding about either
// table; a figure in the tables refuses it in words. The derived indicators
// show both figures and take the person to a figure's cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, shared, openApp } from './harness.mjs';
import { expect } from './expect.mjs';

const NEW = '一、本年新收政府信息公开申请数量';
const GRANTED = '三、本年度办理结果（一）予以公开';
const PARTIAL = '三、本年度办理结果（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
const ON_REQUEST = '（二）依申请公开';

const s = shared();

async function lastYear(page, ed) {
  const last = JSON.parse(await readFile(join(ROOT, 'crates/nianbao-core/tests/fixtures/v1-f2021.json'), 'utf8'));
  const path = join(ARTIFACTS, 'compose-last-year.json');
  await writeFile(path, JSON.stringify(last));
  await page.setInputFiles('#import-last-year', path);
  await expect(async () => /已导入 2024 年度报告作为上年报告/.test(await ed.notice().innerText()), 'last year loaded');
}

test('起草 依申请公开 with last year loaded: preview, 插入到光标处 at the cursor, no N-finding, one 撤销 takes it back', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  await ed.setYear(2025);
  await lastYear(page, ed);
  await ed.fill(`${NEW} 自然人`, '20');
  await ed.fill(`${GRANTED} 自然人`, '18');
  await ed.fill(`${PARTIAL} 自然人`, '6');
  const box = page.getByRole('textbox', { name: ON_REQUEST, exact: true });
  await box.fill('依法办理申请。其他工作。');
  // The cursor after the first sentence.
  await box.evaluate((t) => t.setSelectionRange(7, 7));
  await page.getByRole('button', { name: `根据表格起草“${ON_REQUEST}”` }).click();

  const dialog = page.getByRole('dialog', { name: `起草：一、总体情况${ON_REQUEST}` });
  await dialog.waitFor();
  const preview = dialog.locator('#compose-preview');
  await expect(async () => (await preview.innerText()).length > 0, 'drafted text shown');
  const drafted = await preview.innerText();
  assert.match(drafted, /^2025年，本机关共收到政府信息公开申请20件，较上年减少2件（下降9\.1%）；上年结转政府信息公开申请4件。/);
  assert.match(drafted, /本年度办结政府信息公开申请24件，较上年[^，。]+，其中予以公开18件，部分公开6件。/);
  // 表四 is not filled: said, not drafted.
  assert.match(await dialog.innerText(), /表四还没有填写，无法起草行政复议、行政诉讼的情况/);
  assert.match(await dialog.innerText(), /已与上年报告（2024年度）比较/);
  // Nothing is written before the click.
  assert.equal(await box.inputValue(), '依法办理申请。其他工作。');

  await dialog.getByRole('button', { name: '插入到光标处' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await box.inputValue(), `依法办理申请。${drafted}其他工作。`);
  assert.match(await ed.notice().innerText(), /已把起草的文字插入“一、总体情况（二）依申请公开”（可撤销）/);
  // The inserted text is selected in its box.
  const selected = await box.evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.equal(selected, drafted);

  await ed.check();
  const summary = await ed.summaryText();
  assert.doesNotMatch(summary, /（N\d+）/, summary);

  await ed.button('撤销').click();
  await expect(async () => (await box.inputValue()) === '依法办理申请。其他工作。', 'one 撤销 takes the drafted text back');
  assert.deepEqual(errors, []);
  await context.close();
});

test('零申报 on an empty report: 表三/表四 all 0, the standard sentences, no finding about either table; refused once a figure is there', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  await ed.setYear(2025);
  await ed.button('本年度未收到申请（零申报）').click();
  await expect(async () => /已按“本年度未收到政府信息公开申请”把表三、表四的 \d+ 个空白单元格填为 0/.test(await ed.notice().innerText()), 'said');
  await ed.waitForValue(`${NEW} 总计`, '0');
  await ed.waitForValue(`${GRANTED} 自然人`, '0');
  assert.equal(await ed.value('行政复议 总计'), '0');
  const box = page.getByRole('textbox', { name: ON_REQUEST, exact: true });
  assert.equal(
    await box.inputValue(),
    '2025年，本机关未收到政府信息公开申请。本年度未发生政府信息公开行政复议、行政诉讼案件。',
  );
  await ed.check();
  const summary = await ed.summaryText();
  assert.doesNotMatch(summary, /表三|表四|（N\d+）/, summary);
  for (const id of ['#section-requests', '#section-reviewLitigation']) {
    const under = page.locator(`${id} .table-findings`);
    assert.equal(await under.count() ? (await under.innerText()).trim() : '', '', id);
  }

  // Undone in one step: blank again.
  await ed.button('撤销').click();
  await ed.waitForValue(`${NEW} 总计`, '');
  assert.equal(await box.inputValue(), '');

  // A figure in 表三: refused in words, nothing written.
  await ed.fill(`${NEW} 自然人`, '1');
  await ed.button('本年度未收到申请（零申报）').click();
  await expect(async () => /不能按“本年度未收到申请”填写/.test(await ed.notice().innerText()), 'refused');
  assert.equal(await box.inputValue(), '');
  assert.equal(await ed.value(`${GRANTED} 自然人`), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('派生指标与上年对比: rates from the sums with both figures, last year beside this year, a figure leads to its cell', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  await ed.setYear(2025);
  await ed.fill(`${NEW} 自然人`, '20');
  await ed.fill(`${GRANTED} 自然人`, '12');
  await ed.fill(`${PARTIAL} 自然人`, '4');
  await page.locator('#section-requests').getByRole('button', { name: '派生指标与上年对比' }).click();
  const dialog = page.getByRole('dialog', { name: '派生指标与上年对比' });
  await dialog.waitFor();
  const row = dialog.locator('#indicator-table tr', { hasText: '实质公开率' });
  await expect(async () => (await row.count()) === 1, 'indicator row');
  // (12 + 4) ÷ 16 handled.
  assert.match(await row.innerText(), /16\s+16\s+100\.0%/);
  const review = dialog.locator('#indicator-table tr', { hasText: '复议纠错率' });
  assert.match(await review.innerText(), /—/);
  assert.match(await dialog.innerText(), /导入上年报告（工具栏“导入上年报告”）后/);
  // The denominator (（七）总计) leads to its cell.
  await row.getByRole('button').nth(1).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect(async () => /（七）总计 总计/.test(await ed.focusedName()), 'focus on the cell');

  await lastYear(page, ed);
  await page.locator('#section-requests').getByRole('button', { name: '派生指标与上年对比' }).click();
  await dialog.waitFor();
  const compared = dialog.locator('#compare-table tr', { hasText: '本年新收政府信息公开申请' });
  await expect(async () => (await compared.count()) === 1, 'comparison row');
  assert.match(await compared.innerText(), /22\s+20\s+减少2件（下降9\.1%）/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('起草 into a text that would pass the limit: refused in words in the dialog, the text unchanged', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  await ed.setYear(2025);
  await ed.fill(`${NEW} 自然人`, '20');
  const box = page.getByRole('textbox', { name: ON_REQUEST, exact: true });
  const long = '文'.repeat(199_990);
  await box.fill(long);
  await box.blur();
  await page.getByRole('button', { name: `根据表格起草“${ON_REQUEST}”` }).click();
  const dialog = page.getByRole('dialog', { name: `起草：一、总体情况${ON_REQUEST}` });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '插入到光标处' }).click();
  await expect(async () => /会超过 200000 个字符，没有写入/.test(await dialog.innerText()), 'refused in the dialog');
  assert.equal((await box.inputValue()).length, long.length);
  await dialog.getByRole('button', { name: '关闭' }).click();
  assert.deepEqual(errors, []);
  await context.close();
});
