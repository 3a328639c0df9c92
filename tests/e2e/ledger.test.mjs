// 从台账填入表三: a 200-row ledger copied from a spreadsheet-like page with the
// real clipboard, pasted into the dialog; the proposed mapping accepted (one
// value chosen by hand); the preview; applied as one undoable step; the
// mapping remembered after a reload; a cell's source rows shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../scripts/static-server.mjs';
import { shared, appReady } from './harness.mjs';
import { EditorPage } from './editor-page.mjs';
import { expect } from './expect.mjs';

const s = shared();
/** A task this long at 4× CPU is a frozen page, not a slow one. */
const FROZEN_MS = 1000;
const WHO = [['公民', 'natural'], ['某某有限公司', 'commercial'], ['律师事务所', 'legalService'], ['个体户', 'commercial']];
const RESULTS = [['予以公开', 'granted'], ['部分公开', 'partial'], ['信息不存在', 'unable'], ['重复申请', 'repeat']];

function ledger() {
  const rows = [];
  const expect = {};
  const add = (row, col) => {
    for (const c of [col, 'total']) expect[`${row}|${c}`] = (expect[`${row}|${c}`] ?? 0) + 1;
  };
  for (let i = 0; i < 200; i++) {
    const [who, col] = WHO[i % 4];
    const [result, rowKey] = RESULTS[Math.floor(i / 4) % 4];
    const m = 1 + (i % 12);
    const kind = i % 10;
    let received = `2025-${String(m).padStart(2, '0')}-10`;
    let done = m === 12 ? '2025-12-28' : `2025-${String(m + 1).padStart(2, '0')}-05`;
    let res = result;
    if (kind <= 6) {
      add('new', col); add(rowKey, col); add('result', col);
    } else if (kind === 7) {
      done = '办理中'; res = '';
      add('new', col); add('forward', col);
    } else if (kind === 8) {
      received = '2024-12-20';
      add('carried', col); add(rowKey, col); add('result', col);
    } else {
      received = '2024-06-01'; done = '2024-07-01';
    }
    rows.push([`YSQ${1000 + i}`, received, who, res, done]);
  }
  const html = `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>台账</title><body><table id="ledger">
<tr><th>申请编号</th><th>收到日期</th><th>申请人类型</th><th>办理结果</th><th>办结日期</th></tr>
${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}
</table></body></html>`;
  return { html, expect };
}

const LABEL = {
  new: '一、本年新收政府信息公开申请数量',
  carried: '二、上年结转政府信息公开申请数量',
  granted: '三、本年度办理结果（一）予以公开',
  partial: '三、本年度办理结果（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  unable: '三、本年度办理结果（四）无法提供1.本机关不掌握相关政府信息',
  repeat: '三、本年度办理结果（五）不予处理2.重复申请',
  result: '三、本年度办理结果（七）总计',
  forward: '四、结转下年度继续办理',
};
const COL = { natural: '自然人', commercial: '法人或其他组织 商业企业', legalService: '法人或其他组织 法律服务机构', total: '总计' };

async function copyLedger(source) {
  await source.bringToFront();
  await source.evaluate(() => {
    const range = document.createRange();
    range.selectNode(document.getElementById('ledger'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await source.keyboard.press('Control+C');
}

async function pasteLedger(page) {
  await page.bringToFront();
  await page.getByRole('button', { name: '从台账填入表三' }).click();
  const dialog = page.getByRole('dialog', { name: '从台账填入表三' });
  await dialog.getByRole('textbox', { name: '在此粘贴台账' }).focus();
  await page.keyboard.press('Control+V');
  await expect(async () => /台账共 200 行/.test(await dialog.innerText()), 'ledger read');
  return dialog;
}

test('a ledger copied from a spreadsheet fills 表三, undoably, traceably, with its mapping remembered', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-ledger-'));
  const { html, expect: want } = ledger();
  await writeFile(join(dir, 'ledger.html'), html);
  const pages = await serveStatic({ root: dir });
  const context = await s.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.url).origin });
  const source = await context.newPage();
  await source.goto(`${pages.url}ledger.html`);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(s.url);
  await appReady(page);
  const ed = new EditorPage(page);
  await ed.setYear(2025);

  await copyLedger(source);
  let dialog = await pasteLedger(page);
  // The proposal: every column, every value but 个体户, which the person maps.
  assert.equal(await dialog.getByRole('combobox', { name: '收到日期' }).inputValue(), '收到日期');
  assert.equal(await dialog.getByRole('combobox', { name: '办结日期或状态' }).inputValue(), '办结日期');
  assert.equal(await dialog.getByRole('combobox', { name: '“公民”对应' }).inputValue(), 'natural');
  assert.equal(await dialog.getByRole('combobox', { name: '“信息不存在”对应' }).inputValue(), 'unable.notHeld');
  assert.equal(await dialog.getByRole('combobox', { name: '“个体户”对应' }).inputValue(), '');
  assert.match(await dialog.locator('#ledger-skipped').innerText(), /申请人类型“个体户”还没有对应的栏目/);
  // Chosen where the keyboard is: the focus stays on the select just changed,
  // and it keeps the choice.
  const own = dialog.getByRole('combobox', { name: '“个体户”对应' });
  await own.focus();
  await own.selectOption('commercial');
  await expect(async () => !/个体户/.test(await dialog.locator('#ledger-skipped').innerText()), 'mapped');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), '“个体户”对应');
  assert.equal(await own.inputValue(), 'commercial');
  // The rows not counted: closed before 2025 (counted in the worker: wait for it).
  await expect(async () => (await dialog.locator('#ledger-skipped li').count()) === 20, '20 rows not counted');
  const skipped = await dialog.locator('#ledger-skipped li').allInnerTexts();
  assert.equal(skipped.length, 20, skipped.filter((t) => !/以前办结/.test(t)).slice(0, 5).join('; '));
  assert.ok(skipped.every((t) => /已在 2025 年以前办结/.test(t)));
  assert.match(await dialog.locator('#ledger-summary').innerText(), /0 格相同，0 格不同，175 格原为空/);

  // A cell's ledger rows.
  await dialog.getByRole('button', { name: `${LABEL.forward} ${COL.commercial}：${want['forward|commercial']}` }).click();
  await expect(async () => (await dialog.locator('#ledger-sources li').count()) > 0, 'source rows');
  const sources = await dialog.locator('#ledger-sources li').allInnerTexts();
  assert.equal(sources.length, want['forward|commercial']);
  assert.ok(sources.every((l) => /(某某有限公司|个体户) \|\s+\| 办理中/.test(l)), sources[0]);

  await dialog.getByRole('button', { name: '填入表三（可撤销）' }).click();
  await dialog.waitFor({ state: 'hidden' });
  for (const [k, v] of Object.entries(want)) {
    const [row, col] = k.split('|');
    assert.equal(await ed.value(`${LABEL[row]} ${COL[col]}`), String(v), k);
  }
  assert.equal(await ed.value(`${LABEL.new} 法人或其他组织 科研机构`), '0');
  // T3-1…T3-4 hold: nothing under 表三.
  assert.equal(await page.locator('#section-requests .table-findings').count(), 0);

  // One undo step restores the blank table.
  await ed.button('撤销').click();
  await ed.waitForValue(`${LABEL.new} ${COL.total}`, '');

  // After a reload the mapping is remembered.
  await expect(async () => /^已保存/.test(await page.locator('#save-status').innerText()), 'saved');
  await page.reload();
  await appReady(page);
  await copyLedger(source);
  dialog = await pasteLedger(page);
  assert.equal(await dialog.getByRole('combobox', { name: '“个体户”对应' }).inputValue(), 'commercial');
  assert.doesNotMatch(await dialog.locator('#ledger-skipped').innerText(), /个体户/);
  assert.deepEqual(errors, []);
  await context.close();
  pages.server.close();
});

/** Every text the browser keeps for the page: localStorage, sessionStorage,
 * every IndexedDB database's records, cookies, the Cache Storage's entries. */
async function everythingStored(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const st of [localStorage, sessionStorage]) {
      for (let i = 0; i < st.length; i++) out.push(st.key(i), st.getItem(st.key(i)));
    }
    out.push(document.cookie);
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((ok, no) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = no; });
      for (const store of db.objectStoreNames) {
        const all = await new Promise((ok) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
        out.push(JSON.stringify(all));
      }
      db.close();
    }
    for (const key of await caches.keys()) {
      const c = await caches.open(key);
      for (const req of await c.keys()) out.push(req.url);
    }
    return out.join('\n');
  });
}

test('a2: nothing of a ledger is stored — not its free text, names, phone or ID-card numbers — and the remembered mapping can be cleared', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-ledger-'));
  const PERSONAL = ['张三', '李四', '13800138000', '110101199001011234'];
  const rows = [
    ['申请编号', '收到日期', '申请人姓名', '联系电话', '身份证号', '申请人类型', '办理结果', '办结日期'],
    ['1', '2025-03-01', '张三', '13800138000', '110101199001011234', '公民', '予以公开（已电话告知张三，13800138000）', '2025-03-10'],
    ['2', '2025-03-02', '李四', '13900139000', '110101199202021234', '李四', '信息不存在', '2025-03-12'],
  ];
  const html = `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><body><table id="ledger">${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</table></body></html>`;
  await writeFile(join(dir, 'ledger.html'), html);
  const pages = await serveStatic({ root: dir });
  const context = await s.browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.url).origin });
  const source = await context.newPage();
  await source.goto(`${pages.url}ledger.html`);
  const page = await context.newPage();
  await page.goto(s.url);
  await appReady(page);
  const ed = new EditorPage(page);
  await ed.setYear(2025);
  await copyLedger(source);
  await page.bringToFront();
  await page.getByRole('button', { name: '从台账填入表三' }).click();
  const dialog = page.getByRole('dialog', { name: '从台账填入表三' });
  await dialog.getByRole('textbox', { name: '在此粘贴台账' }).focus();
  await page.keyboard.press('Control+V');
  await expect(async () => /台账共 2 行/.test(await dialog.innerText()), 'ledger read');
  // Free text is never proposed: the person maps it.
  const free = dialog.getByRole('combobox', { name: '“予以公开（已电话告知张三，13800138000）”对应' });
  assert.equal(await free.inputValue(), '');
  await free.selectOption('granted');
  await dialog.getByRole('combobox', { name: '“李四”对应' }).selectOption('natural');
  await expect(async () => !(await dialog.locator('#ledger-skipped').count()), 'every row counted');
  await dialog.getByRole('button', { name: '填入表三（可撤销）' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await ed.value(`${LABEL.new} 总计`), '2');
  await expect(async () => /^已保存/.test(await page.locator('#save-status').innerText()), 'saved');
  // Everything the browser keeps, and what the app exports.
  const [json] = await Promise.all([page.waitForEvent('download'), ed.button('下载 JSON').click()]);
  const [htmlFile] = await Promise.all([page.waitForEvent('download'), ed.button('下载 HTML').click()]);
  const kept = [await everythingStored(page), await readFile(await json.path(), 'utf8'), await readFile(await htmlFile.path(), 'utf8')].join('\n');
  for (const p of PERSONAL) assert.ok(!kept.includes(p), `${p} was kept`);
  // The category words were remembered; clearing forgets them.
  assert.match(await everythingStored(page), /信息不存在/);
  await page.getByRole('button', { name: '从台账填入表三' }).click();
  await dialog.getByRole('button', { name: '清除记住的对应关系' }).click();
  await expect(async () => /已清除/.test(await dialog.innerText()), 'cleared');
  assert.doesNotMatch(await everythingStored(page), /信息不存在|公民/);
  await context.close();
  pages.server.close();
});

test('a9: a ledger of 200,000 rows with 5,000 free-text results is read and counted without blocking the page (4× CPU), its lists capped', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-ledger-big-'));
  const lines = ['申请编号,收到日期,申请人类型,办理结果,办结日期'];
  for (let i = 0; i < 200000; i++) lines.push(`${i},2025-03-01,公民,结果说明第${i % 5000}号（电话1380013${String(i % 5000).padStart(4, '0')}）,2025-03-10`);
  await writeFile(join(dir, 'big.csv'), lines.join('\n'));
  const context = await s.browser.newContext();
  const page = await context.newPage();
  await page.goto(s.url);
  await appReady(page);
  const ed = new EditorPage(page);
  await ed.setYear(2025);
  await page.getByRole('button', { name: '从台账填入表三' }).click();
  const dialog = page.getByRole('dialog', { name: '从台账填入表三' });
  // The dialog's module is loaded and drawn before the CPU is slowed: what is
  // measured is reading the ledger, not compiling the module.
  await page.locator('#ledger-file').waitFor({ state: 'attached' });
  // Polled by its text alone: a role query walks every element of the page
  // (1,500 options here) on the page's thread, a long task of the test's own.
  const shown = () => page.evaluate(() => document.querySelector('dialog[open]')?.textContent ?? '');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask' });
  });
  await page.setInputFiles('#ledger-file', join(dir, 'big.csv'));
  await expect(async () => /台账共 200000 行/.test(await shown()), 'read', 120000);
  await expect(async () => /没有计入的 200000 行/.test(await shown()), 'counted', 120000);
  const longest = await page.evaluate(() => window.__longest);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.match(await dialog.innerText(), /另有 4940 个不同的写法/);
  assert.ok((await dialog.locator('#ledger-skipped li').count()) <= 200);
  console.log(`a9: longest main-thread task ${Math.round(longest)} ms`);
  // Not frozen: the defect froze the page for seconds (9.4 s at 1×, so tens of
  // seconds here). The 200 ms budget is a benchmark's (scripts/bench-ledger.mjs):
  // a budget asserted here failed on a busy machine at 211 ms.
  assert.ok(longest <= FROZEN_MS, `longest task ${longest} ms`);
  await context.close();
});
