// Published reports in: a portal's page saved in GB2312 and a PDF's copied text
// (.txt) are recognised by their labels, reviewed, and opened as a new draft or
// used as last year's report. Nothing in a page runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, openApp, shared } from './harness.mjs';
import { expect } from './expect.mjs';

const s = shared();
const PAGE = join(ROOT, 'tests/e2e/fixtures/published-gbk.html');
const HONGZE = join(ROOT, 'crates/nianbao-core/tests/fixtures/samples/2023_county_jiangsu_huaian_hongze_govt.txt');
const NEW = '一、本年新收政府信息公开申请数量';
const CARRIED = '二、上年结转政府信息公开申请数量';

async function review(page, path) {
  await page.setInputFiles('#import-file', path);
  const dialog = page.getByRole('dialog', { name: '导入已发布的报告' });
  await dialog.waitFor();
  return dialog;
}

test('a saved portal page (GB2312, merged cells, <p> in cells) → review → a new draft with the numbers as printed', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  page.on('dialog', (d) => errors.push(`a dialog opened: ${d.message()}`));
  const dialog = await review(page, PAGE);
  const text = await dialog.innerText();
  // 表三 and 表四 are in the page (175 + 15 cells), 表二 is not (10 cells).
  assert.match(text, /识别 190 格，需要对照原文核对 0 格，原文中没有或无法确定位置的 10 格留空/);
  assert.match(text, /文件：published-gbk\.html/);
  assert.match(text, /某区人民政府/);
  // The export stage on the numbers as printed (the page's totals do not add up).
  assert.match(await dialog.locator('#import-findings').innerText(), /按原文的数字检查，有 \d+ 个错误[\s\S]*表三“一、本年新收政府信息公开申请数量”：总计/);
  // The tables as recognised: 表二's 10 cells not found, the rest recognised;
  // a cell's source line shows when it has focus.
  assert.equal(await dialog.locator('.review-tables td.review-notfound').count(), 10);
  assert.equal(await dialog.locator('.review-tables td.review-recognised').count(), 190);
  await dialog.locator('.review-tables td.review-recognised').first().focus();
  assert.match(await dialog.locator('#review-source').innerText(), /表三“一、本年新收政府信息公开申请数量 自然人”已识别，原文第 \d+ 行：\| 一、本年新收政府信息公开申请数量 \| 0 \| 1/);
  await dialog.screenshot({ path: join(ROOT, 'target/e2e/published-review.png') });
  await dialog.getByRole('button', { name: '作为新草稿打开' }).click();
  await expect(async () => /作为新草稿打开/.test(await ed.notice().innerText()), 'opened');
  // Row r, column c holds r × 10 + c in the page.
  assert.equal(await ed.value(`${NEW} 自然人`), '0');
  assert.equal(await ed.value(`${NEW} 总计`), '6', 'a total as printed, not recomputed');
  assert.equal(await ed.value(`${CARRIED} 法人或其他组织 商业企业`), '11');
  assert.equal(await ed.value('四、结转下年度继续办理 总计'), '246');
  assert.equal(await ed.value('行政复议 结果维持'), '10');
  assert.equal(await ed.value('行政诉讼 复议后起诉 总计'), '0');
  assert.equal(await page.getByRole('textbox', { name: '机关名称' }).inputValue(), '某区人民政府');
  assert.equal(await page.getByRole('textbox', { name: '其他需要报告的事项' }).inputValue(), '本年度未收取信息处理费。');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing in the page ran');
  // 复议后起诉: 总计 printed 0, its parts sum to 5 — the error shows.
  await ed.check();
  assert.match(await ed.summaryText(), /（T4-3）/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a PDF's copied text (.txt): the 2023 county report's two 表四 errors show after opening", async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  const dialog = await review(page, HONGZE);
  assert.match(await dialog.innerText(), /识别 200 格，需要对照原文核对 0 格/);
  assert.match(await dialog.locator('#import-notes').innerText(), /（六）其他处理”印成一行，且都是 0/);
  await dialog.getByRole('button', { name: '作为新草稿打开' }).click();
  await expect(async () => /作为新草稿打开/.test(await ed.notice().innerText()), 'opened');
  assert.equal(await ed.value(`${NEW} 总计`), '21');
  await ed.check();
  const summary = await ed.summaryText();
  assert.match(summary, /（T4-1）/);
  assert.match(summary, /（T4-3）/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the same page as last year's report: 上年结转 filled from its 结转下年度, Y1 active", async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  await ed.setYear(2025);
  const dialog = await review(page, PAGE);
  await dialog.getByRole('button', { name: '作为上年报告' }).click();
  await expect(async () => /已导入 2024 年度报告作为上年报告/.test(await ed.notice().innerText()), 'loaded as last year');
  assert.equal(await ed.value(`${CARRIED} 自然人`), '240');
  assert.equal(await ed.value(`${CARRIED} 法人或其他组织 其他`), '245');
  await ed.fill(`${CARRIED} 自然人`, '241');
  const listed = page.locator('#section-requests .table-findings');
  await expect(async () => /（Y1）/.test(await listed.innerText()), 'Y1 shows under 表三');
  assert.deepEqual(errors, []);
  await context.close();
});

test('text with no report tables is refused in plain words; the draft stays (PDFs: pdf.test.mjs)', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  await ed.fill(`${NEW} 自然人`, '7');
  for (const [name, body, words] of [
    ['notes.txt', '会议纪要：讨论了明年的工作安排。', /没有找到年度报告的统计表格/],
  ]) {
    await page.setInputFiles('#import-file', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(body) });
    await expect(async () => words.test(await ed.notice().innerText()), name);
  }
  assert.equal(await ed.value(`${NEW} 自然人`), '7');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Word file made from the official format → review → a new draft cell for cell', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  const dialog = await review(page, join(ROOT, 'crates/nianbao-core/tests/fixtures/samples/filled_2021_format.docx'));
  assert.match(await dialog.innerText(), /识别 200 格，需要对照原文核对 0 格，原文中没有或无法确定位置的 0 格留空/);
  assert.match(await dialog.locator('#import-notes').innerText(), /没有找到报告年度/);
  await dialog.getByRole('button', { name: '作为新草稿打开' }).click();
  await expect(async () => /作为新草稿打开/.test(await ed.notice().innerText()), 'opened');
  // 表三 row r, column c holds 10 r + c; 表二 and 表四 as filled in.
  assert.equal(await ed.value(`${CARRIED} 法人或其他组织 科研机构`), '12');
  assert.equal(await ed.value('四、结转下年度继续办理 总计'), '246');
  assert.equal(await ed.value('规章 本年制发件数'), '100');
  assert.equal(await ed.value('行政诉讼 复议后起诉 总计'), '5');
  assert.deepEqual(errors, []);
  await context.close();
});

// Hostile files (zip bomb, huge and deeply nested pages): tests/e2e/hostile.test.mjs.

test('a whole published page copied in Chromium and pasted (real clipboard) → review → a new draft', async () => {
  const context = await s.browser.newContext({ locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.url).origin });
  const { serveStatic } = await import('../../scripts/static-server.mjs');
  const fixtures = await serveStatic({ root: join(ROOT, 'tests/e2e/fixtures') });
  const source = await context.newPage();
  await source.goto(`${fixtures.url}published-t3.html`);
  await source.keyboard.press('Control+A');
  await source.keyboard.press('Control+C');
  const { openIn } = await import('./harness.mjs');
  const { page, ed, errors } = await openIn(context, s.url);
  await page.getByRole('button', { name: '粘贴已发布的报告' }).click();
  const box = page.getByRole('textbox', { name: '把复制的报告粘贴到这里' });
  await box.focus();
  await page.keyboard.press('Control+V');
  const dialog = page.getByRole('dialog', { name: '导入已发布的报告' });
  await dialog.waitFor();
  // The page holds 表三 only: its 175 cells recognised, 表二 and 表四 (25) not found.
  assert.match(await dialog.innerText(), /识别 175 格，需要对照原文核对 0 格，原文中没有或无法确定位置的 25 格留空/);
  await dialog.getByRole('button', { name: '作为新草稿打开' }).click();
  await expect(async () => /作为新草稿打开/.test(await ed.notice().innerText()), 'opened');
  assert.equal(await ed.value(`${NEW} 自然人`), '0');
  assert.equal(await ed.value(`${CARRIED} 总计`), '16');
  assert.equal(await ed.value('四、结转下年度继续办理 自然人'), '240');

  // Plain text on the clipboard (as a PDF reader copies) takes the same path.
  await page.evaluate(() => navigator.clipboard.writeText('一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1'));
  await page.getByRole('button', { name: '粘贴已发布的报告' }).click();
  await box.focus();
  await page.keyboard.press('Control+V');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /文件：粘贴的文字\.txt[\s\S]*识别 14 格/);
  await dialog.getByRole('button', { name: '取消' }).click();
  assert.equal(await ed.value(`${NEW} 自然人`), '0', 'cancelled: nothing changed');
  // Text typed (or pasted some other way) into the box is read on 识别.
  await page.getByRole('button', { name: '粘贴已发布的报告' }).click();
  await box.fill('一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |');
  await page.getByRole('button', { name: '识别', exact: true }).click();
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /识别 7 格/);
  await dialog.getByRole('button', { name: '取消' }).click();
  assert.deepEqual(errors, []);
  await context.close();
  fixtures.server.close();
});

test('dropping a saved page or a Word file on the page opens the review', async () => {
  const { readFile } = await import('node:fs/promises');
  const { context, page, errors } = await openApp(s.browser, s.url);
  for (const [path, name, counts] of [
    [PAGE, 'published-gbk.html', /识别 190 格/],
    [join(ROOT, 'crates/nianbao-core/tests/fixtures/samples/filled_2021_format.docx'), 'filled_2021_format.docx', /识别 200 格/],
  ]) {
    const bytes = [...(await readFile(path))];
    const dt = await page.evaluateHandle(([b, n]) => {
      const t = new DataTransfer();
      t.items.add(new File([new Uint8Array(b)], n));
      return t;
    }, [bytes, name]);
    await page.dispatchEvent('#main', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('#main', 'drop', { dataTransfer: dt });
    const dialog = page.getByRole('dialog', { name: '导入已发布的报告' });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), new RegExp(`文件：${name.replace('.', '\\.')}[\\s\\S]*${counts.source}`));
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('drops are taken where they belong: outside the form the browser does not open the file and the page says where; two files are not guessed', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  const dropOn = (selector, names) =>
    page.evaluate(([sel, list]) => {
      const t = new DataTransfer();
      for (const n of list) t.items.add(new File(['{}'], n, { type: 'application/json' }));
      const target = document.querySelector(sel);
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: t, bubbles: true, cancelable: true }));
      const ev = new DragEvent('drop', { dataTransfer: t, bubbles: true, cancelable: true });
      target.dispatchEvent(ev);
      return ev.defaultPrevented;
    }, [selector, names]);
  // On the page's header: not a zone; the browser must not open the file.
  assert.equal(await dropOn('.app-header h1', ['a.json']), true, 'the browser does not open a file dropped outside');
  await expect(async () => /文件没有导入：请把文件拖到工具栏或下面的报告区域/.test(await ed.notice().innerText()), 'said where to drop');
  assert.match(await page.locator('#live').innerText(), /文件没有导入/);
  // Two files on the form: one report at a time, none picked.
  assert.equal(await dropOn('#main', ['a.json', 'b.json']), true);
  await expect(async () => /一次拖入了 2 个文件，没有导入/.test(await ed.notice().innerText()), 'two files refused');
  assert.equal(await page.getByRole('dialog').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
