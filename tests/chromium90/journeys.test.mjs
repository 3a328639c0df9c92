// The core journeys on a real Chromium 90.0.4427.0 (the engine of 信创 browsers such as
// 奇安信可信浏览器), driven by puppeteer-core 8 against the release dist/: the app
// starts; every section is laid out (F2: no 0-px sections from CSS the engine
// rejects); the toolbar's dialog buttons are plain buttons (F2); typing checks the
// tables and 检查's links focus a cell on screen (F2); a saved page is read in the
// worker and opened; a reload keeps the draft; a PDF is read by pdf.js and opened; the 汇总 workspace keeps a unit in
// IndexedDB; a ledger CSV fills 表三. scripts/setup.sh unpacks the browser
// (target/chromium90) from the npm package chrome-aws-lambda.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { serveStatic } from '../../scripts/static-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BROWSER = process.env.CHROMIUM90 ?? join(ROOT, 'target/chromium90/chromium');
const NEW = '一、本年新收政府信息公开申请数量';

let browser;
let server;
let url;

before(async () => {
  ({ server, url } = await serveStatic({ root: join(ROOT, 'dist') }));
  browser = await puppeteer.launch({
    executablePath: BROWSER,
    headless: true,
    env: { ...process.env, LD_LIBRARY_PATH: join(dirname(BROWSER), 'lib') },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A fresh profile (incognito context) with the app open; errors collected. */
async function open(path = '') {
  const context = await browser.createIncognitoBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  await page.goto(url + path);
  await page.waitForSelector('h1');
  // Ready when the app has taken the prerendered form's place (it draws behind it first).
  await page.waitForFunction(() => !document.getElementById('boot-message') && !document.getElementById('shell'));
  return { context, page, errors };
}

/** An input or a table cell found by its accessible name (aria-label or its
 *  label's text); a cell while it is edited is the editor input over it. */
const byName = (page, name) =>
  page.evaluateHandle((n) => {
    for (const el of document.querySelectorAll('input, textarea, select, [role="textbox"]')) {
      if (el.hidden) continue;
      const label = el.getAttribute('aria-label') ?? el.labels?.[0]?.innerText?.trim();
      if (label === n) return el;
    }
    return null;
  }, name);

async function type(page, name, text) {
  const el = await byName(page, name);
  assert.ok(await el.evaluate((e) => !!e), `no input named ${name}`);
  // Focused and selected by script, not by mouse: this headless build aborts
  // when a mouse selection inside a field reaches its (absent) clipboard.
  // A cell's text, focused, hands over to the editor input, its text selected.
  await el.evaluate((e) => { e.focus(); if (e.select) e.select(); });
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

const value = async (page, name) => (await byName(page, name)).evaluate((e) => ('value' in e ? e.value : e.textContent));

async function until(page, fn, arg, timeout = 30000) {
  await page.waitForFunction(fn, { timeout, polling: 100 }, arg);
}

const button = (page, text) =>
  page.evaluateHandle((t) => [...document.querySelectorAll('button')].find((b) => b.innerText.trim() === t && b.offsetParent), text);

test('chromium 90: the app starts, every section is laid out, and dialog buttons are buttons (f2)', async () => {
  const { context, page, errors } = await open();
  assert.match(await page.evaluate(() => navigator.userAgent), /Chrome\/90\.0\.4427/);
  const heights = await page.evaluate(() => [...document.querySelectorAll('.report-section')].map((s) => s.getBoundingClientRect().height));
  assert.equal(heights.length, 6);
  for (const h of heights) assert.ok(h > 50, `a section is ${h} px high`);
  // Text areas are sized by script here (no field-sizing): not while the form was drawn unseen.
  const areas = await page.evaluate(() => [...document.querySelectorAll('#main textarea')].map((t) => t.offsetHeight));
  assert.ok(areas.length >= 6 && areas.every((h) => h > 40), `text areas ${areas.join(', ')} px high`);
  const snapshot = await page.accessibility.snapshot({ interestingOnly: true });
  const roles = [];
  const walk = (n) => { if (n.name === '草稿' || n.name === '粘贴已发布的报告') roles.push(n.role); (n.children ?? []).forEach(walk); };
  walk(snapshot);
  assert.ok(roles.length >= 2 && roles.every((r) => r === 'button'), roles.join(', '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('chromium 90: typing checks the tables, 检查 lists the problem and its link focuses the cell on screen (f2)', async () => {
  const { context, page, errors } = await open();
  await type(page, '报告年度', '2025');
  await type(page, `${NEW} 自然人`, '5');
  await type(page, '四、结转下年度继续办理 自然人', '9');
  (await button(page, '检查')).click();
  await until(page, () => /T3-3/.test(document.getElementById('error-summary')?.innerText ?? ''));
  const link = await page.evaluateHandle(() => [...document.querySelectorAll('#error-summary a')].find((a) => /T3-3|结转/.test(a.closest('li').innerText)));
  await link.click();
  await until(page, () => document.activeElement?.tagName === 'INPUT');
  const box = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight };
  });
  assert.ok(box.top >= 0 && box.bottom <= box.height, `the focused cell is on screen: ${JSON.stringify(box)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('chromium 90: a saved page is read in the worker, opened as a draft, and kept over a reload', async () => {
  const { context, page, errors } = await open();
  const input = await page.$('#import-file');
  await input.uploadFile(join(ROOT, 'tests/e2e/fixtures/published-gbk.html'));
  await until(page, () => [...document.querySelectorAll('dialog[open]')].some((d) => /识别 190 格/.test(d.innerText)));
  const open_ = await page.evaluateHandle(() => [...document.querySelectorAll('dialog[open] button')].find((b) => b.innerText.trim() === '作为新草稿打开'));
  await open_.click();
  await until(page, (n) => {
    for (const el of document.querySelectorAll('.cell-text')) if (el.getAttribute('aria-label') === `${n} 总计`) return el.textContent === '6';
    return false;
  }, NEW);
  await until(page, () => /^已保存/.test(document.getElementById('save-status')?.innerText ?? ''));
  await page.reload();
  await page.waitForSelector('h1');
  await until(page, (n) => {
    for (const el of document.querySelectorAll('.cell-text')) if (el.getAttribute('aria-label') === `${n} 总计`) return el.textContent === '6';
    return false;
  }, NEW);
  assert.equal(await value(page, '机关名称'), '某区人民政府');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('chromium 90: a PDF is read by pdf.js in the worker (with its one polyfill) and opened as a draft', async () => {
  const { context, page, errors } = await open();
  const input = await page.$('#import-file');
  await input.uploadFile(join(ROOT, 'crates/nianbao-core/tests/fixtures/samples/2024_city_jiangsu_huaian_govt.pdf'));
  await until(page, () => [...document.querySelectorAll('dialog[open]')].some((d) => /识别 200 格/.test(d.innerText)));
  const open_ = await page.evaluateHandle(() => [...document.querySelectorAll('dialog[open] button')].find((b) => b.innerText.trim() === '作为新草稿打开'));
  await open_.click();
  await until(page, (n) => {
    for (const el of document.querySelectorAll('.cell-text')) if (el.getAttribute('aria-label') === `${n} 总计`) return el.textContent === '3119';
    return false;
  }, NEW);
  assert.deepEqual(errors, []);
  await context.close();
});

test('chromium 90: the 汇总 workspace keeps a unit in IndexedDB; a ledger CSV fills 表三', async () => {
  const { context, page, errors } = await open('#collect');
  await page.waitForFunction(() => /汇总：检查和合计多个单位的报告/.test(document.body.innerText));
  const files = await page.$('#collect-files');
  await files.uploadFile(join(ROOT, 'crates/nianbao-core/tests/fixtures/base-f2021.json'));
  await until(page, () => /共 1 个单位/.test(document.getElementById('collect-count')?.innerText ?? ''));
  await page.reload();
  await until(page, () => /共 1 个单位/.test(document.getElementById('collect-count')?.innerText ?? ''));
  // Back to the editor: a ledger as CSV.
  await page.evaluate(() => { location.hash = ''; });
  await type(page, '报告年度', '2025');
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-c90-'));
  await writeFile(join(dir, 'ledger.csv'), '收到日期,申请人类型,办理结果,办结日期\n2025-03-01,公民,予以公开,2025-03-05\n2025-04-01,律师事务所,信息不存在,2025-04-09\n');
  (await button(page, '从台账填入表三')).click();
  // The dialog is a module of its own, loaded on this first click.
  const csv = await page.waitForSelector('#ledger-file', { visible: true });
  await csv.uploadFile(join(dir, 'ledger.csv'));
  await until(page, () => /与当前草稿相比/.test(document.getElementById('ledger-summary')?.innerText ?? ''));
  (await page.$('#ledger-apply')).click();
  await until(page, (n) => {
    for (const el of document.querySelectorAll('.cell-text')) if (el.getAttribute('aria-label') === `${n} 总计`) return el.textContent === '2';
    return false;
  }, NEW);
  assert.deepEqual(errors, []);
  await context.close();
});
