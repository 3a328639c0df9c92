// Paste follows the source's structure, with real clipboards: a published
// page's table copied in Chromium (Ctrl+C on a selection), a Word-style
// table, an Excel-style TSV, and a one-column copy that asks first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, shared, appReady } from './harness.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';
import { EditorPage } from './editor-page.mjs';
import { expect } from './expect.mjs';

const s = shared();
const COLS = ['自然人', '法人或其他组织 商业企业', '法人或其他组织 科研机构', '法人或其他组织 社会公益组织', '法人或其他组织 法律服务机构', '法人或其他组织 其他', '总计'];
const NEW = '一、本年新收政府信息公开申请数量';
const GRANTED = '三、本年度办理结果（一）予以公开';
const PARTIAL = '三、本年度办理结果（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
const SECRET = '三、本年度办理结果（三）不予公开1.属于国家秘密';
const CARRY_FORWARD = '四、结转下年度继续办理';

async function setup() {
  const context = await s.browser.newContext();
  const origin = new URL(s.url).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const fixtures = await serveStatic({ root: join(ROOT, 'tests/e2e/fixtures') });
  const source = await context.newPage();
  await source.goto(`${fixtures.url}published-t3.html`);
  const page = await context.newPage();
  await page.goto(s.url);
  await appReady(page);
  return { context, source, page, ed: new EditorPage(page), close: async () => { await context.close(); fixtures.server.close(); } };
}

/** Selects from the start of `from` to the end of `to` (CSS selectors) and copies with Ctrl+C. */
async function copy(source, from, to) {
  await source.bringToFront();
  await source.evaluate(([a, b]) => {
    const range = document.createRange();
    range.setStartBefore(document.querySelector(a));
    range.setEndAfter(document.querySelector(b));
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }, [from, to]);
  await source.keyboard.press('Control+C');
}

async function pasteInto(page, ed, name) {
  await page.bringToFront();
  await ed.cell(name).focus();
  await page.keyboard.press('Control+V');
}

const row = async (ed, label) => Promise.all(COLS.map((c) => ed.value(`${label} ${c}`)));
const expected = (r) => COLS.map((_, c) => String(r * 10 + c));

test('one row copied from a published page lands in its own row, by its label', async () => {
  const { source, page, ed, close } = await setup();
  await copy(source, '#row-stateSecret td:nth-last-child(8)', '#row-stateSecret td:last-child');
  await pasteInto(page, ed, `${NEW} 自然人`);
  await expect(async () => (await ed.value(`${SECRET} 自然人`)) === '40', 'placed by label');
  assert.deepEqual(await row(ed, SECRET), expected(4));
  assert.equal(await ed.value(`${NEW} 自然人`), '', 'nothing written down the column');
  const notice = await ed.notice().innerText();
  assert.match(notice, /已粘贴：7 个单元格有改动，从“三、本年度办理结果（三）不予公开1\.属于国家秘密 自然人”到“.* 总计”（按复制内容中的行名、列名对应填入）/);
  await close();
});

test('the numbers of two rows copied without their first labels fill from the focused cell', async () => {
  const { source, page, ed, close } = await setup();
  await copy(source, '#row-granted td:nth-child(3)', '#row-partial td:last-child');
  await pasteInto(page, ed, `${GRANTED} 自然人`);
  await expect(async () => (await ed.value(`${GRANTED} 自然人`)) === '20', 'first row');
  assert.deepEqual(await row(ed, GRANTED), expected(2));
  assert.deepEqual(await row(ed, PARTIAL), expected(3));
  await close();
});

test('the whole numeric region (dragged from the first number to the last) fills all 175 cells exactly', async () => {
  const { source, page, ed, close } = await setup();
  await copy(source, '#t3 tr:nth-child(4) td:nth-child(2)', '#t3 tr:last-child td:last-child');
  await pasteInto(page, ed, `${NEW} 自然人`);
  await expect(async () => (await ed.value(`${CARRY_FORWARD} 总计`)) === '246', 'placed');
  assert.deepEqual(await row(ed, NEW), expected(0));
  assert.deepEqual(await row(ed, PARTIAL), expected(3));
  assert.deepEqual(await row(ed, SECRET), expected(4));
  assert.deepEqual(await row(ed, CARRY_FORWARD), expected(24));
  await close();
});

test('the whole table with its labels lands cell for cell wherever it is pasted', async () => {
  const { source, page, ed, close } = await setup();
  await copy(source, '#t3', '#t3');
  await pasteInto(page, ed, `${CARRY_FORWARD} 总计`);
  await expect(async () => (await ed.value(`${NEW} 自然人`)) === '0', 'placed');
  assert.deepEqual(await row(ed, NEW), expected(0));
  assert.deepEqual(await row(ed, SECRET), expected(4));
  assert.deepEqual(await row(ed, CARRY_FORWARD), expected(24));
  assert.match(await ed.notice().innerText(), /已粘贴：175 个单元格有改动/);
  // One step to undo.
  await ed.button('撤销').click();
  await ed.waitForValue(`${NEW} 自然人`, '');
  await close();
});

test('a Word-style table (paragraphs, spans) and an Excel-style TSV paste exactly', async () => {
  const { page, ed, close } = await setup();
  // What Word puts on the clipboard: a table of paragraphs with Office markup.
  const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment-->
    <table class=MsoTableGrid border=1><tr><td><p class=MsoNormal><span lang=EN-US>3<o:p></o:p></span></p></td>
    <td><p class=MsoNormal><span>1<o:p></o:p></span></p></td><td><p class=MsoNormal>&nbsp;0&nbsp;</p></td></tr></table><!--EndFragment--></body></html>`;
  await page.evaluate((html) => {
    document.addEventListener('copy', (e) => {
      e.clipboardData.setData('text/html', html);
      e.clipboardData.setData('text/plain', '3\n1\n0');
      e.preventDefault();
    }, { once: true });
  }, word);
  await ed.cell(`${NEW} 自然人`).focus();
  await page.keyboard.press('Control+C');
  await page.keyboard.press('Control+V');
  await expect(async () => (await ed.value(`${NEW} 自然人`)) === '3', 'word row');
  assert.deepEqual((await row(ed, NEW)).slice(0, 3), ['3', '1', '0']);
  // Excel: tab-separated, CRLF line ends.
  await page.evaluate(() => navigator.clipboard.writeText('5\t6\r\n7\t8\r\n'));
  await ed.cell(`${GRANTED} 自然人`).focus();
  await page.keyboard.press('Control+V');
  await expect(async () => (await ed.value(`${GRANTED} 自然人`)) === '5', 'excel');
  assert.equal(await ed.value(`${GRANTED} 法人或其他组织 商业企业`), '6');
  assert.equal(await ed.value(`${PARTIAL} 自然人`), '7');
  assert.equal(await ed.value(`${PARTIAL} 法人或其他组织 商业企业`), '8');
  await close();
});

test('one column of plain values pasted on a row start asks before writing anything', async () => {
  const { page, ed, close } = await setup();
  await page.evaluate(() => navigator.clipboard.writeText('1\n2\n3\n'));
  await ed.cell(`${NEW} 自然人`).focus();
  await page.keyboard.press('Control+V');
  const ask = page.getByRole('alertdialog');
  await ask.waitFor();
  assert.match(await ask.innerText(), /一列 3 个数字[\s\S]*按列填入（向下）[\s\S]*按行填入（向右）/);
  assert.equal(await ed.value(`${NEW} 自然人`), '', 'nothing written yet');
  await expect(async () => (await page.evaluate(() => document.activeElement?.textContent)) === '按列填入', 'the question has the focus');
  assert.ok(await ask.isVisible() && (await ask.boundingBox()).y < 720, 'shown where the person is');
  await page.screenshot({ path: join(ARTIFACTS, 'paste-ask.png') });
  await ask.getByRole('button', { name: '按行填入' }).click();
  await ed.waitForValue(`${NEW} 法人或其他组织 科研机构`, '3');
  assert.equal(await ed.value(`${NEW} 自然人`), '1');
  assert.equal(await ed.value('二、上年结转政府信息公开申请数量 自然人'), '');
  await close();
});
