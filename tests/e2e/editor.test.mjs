// Journeys through the editor against the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, openIn, ARTIFACTS, shared } from './harness.mjs';
import { EditorPage, cellIn, cellValue, fillCell } from './editor-page.mjs';
import { expect } from './expect.mjs';

const NEW = '一、本年新收政府信息公开申请数量';
const CARRIED = '二、上年结转政府信息公开申请数量';
const GRANTED = '三、本年度办理结果（一）予以公开';
const PARTIAL = '三、本年度办理结果（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
const SECRET = '三、本年度办理结果（三）不予公开1.属于国家秘密';
const RESULT_TOTAL = '三、本年度办理结果（七）总计';
const FORWARD = '四、结转下年度继续办理';
const ORG = (c) => `法人或其他组织 ${c}`;

const s = shared();

async function open() {
  const app = await openApp(s.browser, s.url);
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.url).origin });
  return { ...app, ed: new EditorPage(app.page) };
}

test('a 表三 column that does not balance shows at its cells and in the summary, and clears when fixed', async () => {
  const { context, page, ed, errors } = await open();
  await ed.fill(`${NEW} 自然人`, '21');
  await ed.fill(`${CARRIED} 自然人`, '0');
  await ed.fill(`${GRANTED} 自然人`, '20');
  await ed.fill(`${FORWARD} 自然人`, '0');

  const cell = ed.cell(`${NEW} 自然人`);
  await expect(async () => (await cell.getAttribute('aria-invalid')) === 'true', 'the cell is marked invalid');
  // The mark is painted in the box (an icon and a word), not put into the table's flow.
  const mark = await cell.evaluate((el) => getComputedStyle(el.parentElement, '::after').content);
  assert.match(mark, /✖ 不符/);
  // Words, not only colour: the cell's description names the rule and both sides.
  // (The checks run once typing pauses: on a slow machine the first pause may
  // come before the last cell is filled, so wait for the final state.)
  const description = page.locator(`#${await cell.getAttribute('aria-describedby')}`);
  await expect(async () => /左边 21 \+ 0 = 21，右边 20 \+ 0 = 20，相差 1/.test(await description.innerText()), 'described with both sides');

  // While typing, the finding is listed under its table; the summary at the
  // top is what 检查 found (it does not grow and shrink above the form as keys are typed).
  const listed = page.locator('#section-requests .table-findings');
  await expect(async () => /T3-3/.test(await listed.innerText()), 'listed under the table');
  assert.equal(await ed.summaryText(), '', 'no summary before 检查');
  // A badge beside the section heading counts it.
  assert.match(await page.locator('#section-requests .badge').innerText(), /2 个错误/);
  await ed.check();
  // 检查 takes the person to the summary (drawn by its module, loaded now).
  await expect(async () => (await page.evaluate(() => document.activeElement?.id)) === 'error-summary', 'focus on the summary');
  const summary = await ed.summaryText();
  assert.match(summary, /表三“自然人”列：第一项 \+ 第二项 = 第三项（七）总计 \+ 第四项 不成立。左边 21 \+ 0 = 21，右边 20 \+ 0 = 20，相差 1。/);
  // The computed total column shows it too.
  assert.equal(await ed.value(`${NEW} 总计`), '21');
  assert.equal(await ed.value(`${RESULT_TOTAL} 自然人`), '20');
  await page.locator('#section-requests').screenshot({ path: join(ARTIFACTS, 'table3-error.png') });

  // The summary link takes the user to the cell.
  await ed.summary().getByRole('link', { name: /表三“自然人”列/ }).click();
  assert.equal(await ed.focusedName(), `${RESULT_TOTAL} 自然人`);

  await ed.fill(`${NEW} 自然人`, '20');
  await expect(async () => (await cell.getAttribute('aria-invalid')) === 'false', 'the mark clears');
  await expect(async () => !/T3-3/.test(await ed.summaryText()), 'the summary follows');
  assert.doesNotMatch(await listed.innerText(), /T3-3/);
  assert.deepEqual(errors, []);
  await context.close();
});

const BLOCK = [
  ['1', '2', '0', '0', '0', '0', '3'],
  ['4', '—', '/', '1,000', '0', '０', '1004'],
  ['7', '0', '0', '0', '0', '0', '7'],
]
  .map((r) => r.join('\t'))
  .join('\r\n') + '\r\n';

test('a 7 × 3 block copied from a spreadsheet pastes from the focused cell, and undo/redo take it as one step', async () => {
  const { context, page, ed, errors } = await open();
  await ed.paste(`${GRANTED} 自然人`, BLOCK);
  await ed.waitForValue(`${GRANTED} 自然人`, '1');
  assert.equal(await ed.value(`${GRANTED} ${ORG('商业企业')}`), '2');
  assert.equal(await ed.value(`${PARTIAL} ${ORG('社会公益组织')}`), '1000');
  assert.equal(await ed.value(`${PARTIAL} ${ORG('商业企业')}`), '0');
  assert.equal(await ed.value(`${SECRET} 自然人`), '7');
  assert.equal(await ed.value(`${SECRET} 总计`), '7');
  assert.equal(await ed.value(`${RESULT_TOTAL} 总计`), '1014');
  assert.match(await ed.notice().innerText(), /已粘贴：21 个单元格有改动/);
  await page.locator('#section-requests').screenshot({ path: join(ARTIFACTS, 'table3-pasted.png') });
  await page.screenshot({ path: join(ARTIFACTS, 'form-f2021.png'), fullPage: true });

  // Ctrl+Z in a cell undoes the whole paste; 重做 brings it back.
  await ed.cell(`${SECRET} 自然人`).focus();
  await page.keyboard.press('Control+Z');
  await ed.waitForValue(`${GRANTED} 自然人`, '');
  assert.equal(await ed.value(`${SECRET} 自然人`), '');
  assert.equal(await ed.value(`${RESULT_TOTAL} 总计`), '');
  await ed.button('重做').click();
  await ed.waitForValue(`${GRANTED} 自然人`, '1');
  assert.equal(await ed.value(`${RESULT_TOTAL} 总计`), '1014');
  await page.keyboard.press('Control+Shift+Z'); // nothing more to redo
  await ed.button('撤销').click();
  await ed.waitForValue(`${PARTIAL} ${ORG('社会公益组织')}`, '');
  await page.keyboard.press('Control+Y');
  await ed.waitForValue(`${PARTIAL} ${ORG('社会公益组织')}`, '1000');

  // A block with something unreadable, or running off the table, changes nothing and says why.
  await ed.paste(`${FORWARD} ${ORG('其他')}`, '5\t6\t7\r\nabc\r\n');
  await expect(async () => /粘贴没有完成/.test(await ed.notice().innerText()), 'refusal notice');
  const notice = await ed.notice().innerText();
  assert.match(notice, /第 1 行第 3 个值“7”超出了表格的范围/);
  assert.match(notice, /第 2 行“abc”既不是数字，也不是表三的行名/);
  assert.equal(await ed.value(`${FORWARD} ${ORG('其他')}`), '');
  await ed.paste(`${FORWARD} 自然人`, '12a\t3\r\n');
  await expect(async () => /“12a”不是数字/.test(await ed.notice().innerText()), 'names the bad value');
  assert.equal(await ed.value(`${FORWARD} 自然人`), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: arrows, Enter and Tab move through a table like a spreadsheet', async () => {
  const { context, page, ed, errors } = await open();
  await ed.cell(`${NEW} 自然人`).focus();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  assert.equal(await ed.focusedName(), `${CARRIED} 自然人`);
  await page.keyboard.type('1');
  await page.keyboard.press('ArrowRight');
  assert.equal(await ed.focusedName(), `${CARRIED} ${ORG('商业企业')}`);
  await page.keyboard.press('ArrowUp');
  assert.equal(await ed.focusedName(), `${NEW} ${ORG('商业企业')}`);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await ed.focusedName(), `${NEW} 自然人`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await ed.focusedName(), `${GRANTED} 自然人`);
  await page.keyboard.press('Shift+Enter');
  assert.equal(await ed.focusedName(), `${CARRIED} 自然人`);
  await page.keyboard.press('Tab');
  assert.equal(await ed.focusedName(), `${CARRIED} ${ORG('商业企业')}`);
  // What was typed on the way is in the model: the computed totals show it.
  assert.equal(await ed.value(`${NEW} 总计`), '5');
  assert.equal(await ed.value(`${CARRIED} 总计`), '1');
  // At an edge nothing moves.
  await ed.cell(`${NEW} 自然人`).focus();
  await page.keyboard.press('ArrowUp');
  assert.equal(await ed.focusedName(), `${NEW} 自然人`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Chinese IME: a composition in a text area and in a cell is never broken', async () => {
  const { context, page, ed, errors } = await open();
  const cdp = await context.newCDPSession(page);
  const area = page.getByRole('textbox', { name: '总述' });
  await area.focus();
  for (const partial of ['z', 'zh', 'zheng', 'zhengfu', '政府xinxi']) {
    await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
  }
  // Enter during composition belongs to the input method: focus stays, nothing is committed early.
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'overview-text');
  await cdp.send('Input.insertText', { text: '政府信息公开' });
  await expect(async () => (await area.inputValue()) === '政府信息公开', 'the composed text stands');
  await area.blur();

  const cell = ed.cell(`${NEW} 自然人`);
  await cell.focus();
  await cdp.send('Input.imeSetComposition', { text: '１', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: '１２', selectionStart: 2, selectionEnd: 2 });
  await page.keyboard.press('Tab');
  assert.equal(await ed.focusedName(), `${NEW} 自然人`, 'Tab during composition does not move');
  await cdp.send('Input.insertText', { text: '１２' });
  await expect(async () => (await ed.value(`${NEW} 总计`)) === '12', 'full-width digits count');
  assert.equal(await cellValue(cell), '１２', 'what was typed is left as typed');

  // The model has the composed text: the full check does not call 总体情况 empty.
  await ed.check();
  await expect(async () => /问题需要处理/.test(await ed.summaryText()), 'summary');
  assert.doesNotMatch(await ed.summaryText(), /“一、总体情况”还没有内容/);
  assert.equal(await area.inputValue(), '政府信息公开');
  assert.deepEqual(errors, []);
  await context.close();
});

test('switching the year from 2020 to 2021 converts the report and says what could not be carried', async () => {
  const { context, page, ed, errors } = await open();
  await ed.setYear(2020);
  await expect(async () => /2019年版格式/.test(await page.locator('#year-hint').innerText()), '2019 format');
  const other2019 = '三、本年度办理结果（六）其他处理 自然人';
  await ed.fill(other2019, '3');
  await ed.fill(`${NEW} 自然人`, '9');
  await ed.fill('规范性文件 本年新制作数量', '4');
  assert.equal(await ed.cell('行政事业性收费（不适用）').count(), 0, 'not-applicable cells take no input');
  await page.screenshot({ path: join(ARTIFACTS, 'form-f2019.png'), fullPage: true });

  await ed.setYear(2021);
  await expect(async () => /2021年版格式/.test(await page.locator('#year-hint').innerText()), '2021 format');
  const notice = await ed.notice().innerText();
  assert.match(notice, /已从2019年版格式.*转换为2021年版格式/);
  assert.match(notice, /表三“三、本年度办理结果（六）其他处理 自然人”（原为 3）：2021年版把（六）其他处理分为三项，原数值无法拆分，请分项重新填写/);
  assert.match(notice, /表二“规范性文件 本年新制作数量”（原为 4）/);
  assert.equal(await ed.value(`${NEW} 自然人`), '9', 'shared rows carry over');
  assert.equal(await ed.cell(other2019).count(), 0);
  assert.equal(await ed.cell('三、本年度办理结果（六）其他处理3.其他 自然人').count(), 1);
  assert.equal(await ed.cell('行政规范性文件 本年制发件数').count(), 1);
  // Undo returns to 2020 with everything as it was.
  await ed.button('撤销').click();
  await expect(async () => (await ed.cell(other2019).count()) === 1, 'back to F2019');
  assert.equal(await ed.value(other2019), '3');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the summary is a module loaded at the first 检查: if it cannot load, the page says so and the form keeps working', async () => {
  // No service worker: it would serve the module from its cache.
  const context = await s.browser.newContext({ serviceWorkers: 'block' });
  const { page } = await openIn(context, s.url);
  const ed = new EditorPage(page);
  let fetched = 0;
  await context.route('**/nianbao_check_bg.wasm', (route) => {
    fetched += 1;
    return route.abort();
  });
  await ed.fill(`${NEW} 自然人`, '21');
  assert.equal(fetched, 0, 'not fetched while typing');
  await ed.button('检查').click();
  await expect(async () => /无法加载程序文件 \.\/nianbao_check\.js/.test(await ed.notice().innerText()), 'the notice says why');
  assert.equal(await ed.summaryText(), '');
  // The findings still show under the table, and typing goes on.
  assert.match(await page.locator('#section-requests .table-findings').innerText(), /T3-3/);
  await ed.fill(`${GRANTED} 自然人`, '21');
  assert.equal(await ed.value(`${RESULT_TOTAL} 自然人`), '21');
  await expect(async () => !/T3-3/.test(await page.locator('#section-requests').innerText()), 'the finding clears');
  await context.close();
});

test('the summary goes when another draft opens, and a reason typed in it shows at once and counts', async () => {
  const { context, page, ed } = await open();
  await ed.fill(`${NEW} 自然人`, '3');
  await ed.fill(`${GRANTED} 自然人`, '3');
  await ed.check();
  const d5 = ed.summary().locator('li', { hasText: '（D5）' });
  await d5.getByRole('button', { name: '说明原因' }).click();
  await d5.getByRole('textbox', { name: '说明原因' }).fill('落款日期待定');
  await page.keyboard.press('Enter');
  await expect(async () => /已说明：落款日期待定/.test(await d5.innerText()), 'the reason shows in the summary');
  await expect(async () => /其中 1 个已说明原因/.test(await ed.summaryText()), 'counted as explained');
  // 撤销 takes the reason back (an edit of the editor's document like any other).
  await ed.button('撤销').click();
  await expect(async () => !/已说明：/.test(await d5.innerText()), 'undone in the summary too');
  assert.doesNotMatch(await ed.summaryText(), /已说明原因）/);
  await page.getByRole('button', { name: '草稿', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '我的草稿' });
  await dialog.getByRole('button', { name: '新建草稿' }).click();
  await expect(async () => (await ed.summary().count()) === 0, 'no summary for the new draft before its 检查');
  await context.close();
});
