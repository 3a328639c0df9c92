// Running inside portals: a strict Content-Security-Policy, and the page
// opened from file:// explaining itself instead of failing blank.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, serveDist, DIST, ARTIFACTS, appReady } from './harness.mjs';
import { EditorPage, cellIn, cellValue, fillCell } from './editor-page.mjs';
import { expect } from './expect.mjs';

// The two policies the README recommends: Chromium 97 and later compile wasm under
// 'wasm-unsafe-eval'; Chromium 90–96 know only 'unsafe-eval' for it (which newer
// engines honour too), so a portal serving older browsers needs that one.
const POLICIES = [
  ['Chromium 97+', "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"],
  ['Chromium 90+', "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self'"],
];
const NEW = '一、本年新收政府信息公开申请数量';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const [engines, CSP] of POLICIES) test(`the app works under the ${engines} policy and reports no violation`, async () => {
  const { server, url } = await serveDist({ headers: { 'content-security-policy': CSP } });
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(url);
  assert.equal(response.headers()['content-security-policy'], CSP);
  await appReady(page);
  assert.equal(await page.locator('#boot-message').count(), 0, 'the loading message goes once the app runs');

  const ed = new EditorPage(page);
  await page.getByRole('textbox', { name: '总述' }).fill('严格内容安全策略下输入');
  await ed.fill(`${NEW} 自然人`, '21');
  assert.equal(await ed.value(`${NEW} 总计`), '21');
  await ed.check();
  // 我的草稿 is a module of its own: it loads under the policy too.
  await page.getByRole('button', { name: '草稿', exact: true }).click();
  await page.getByRole('dialog', { name: '我的草稿' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: '我的草稿' }).waitFor({ state: 'hidden' });
  const [download] = await Promise.all([page.waitForEvent('download'), ed.button('下载 HTML').click()]);
  assert.match(download.suggestedFilename(), /\.html$/);
  // Printing builds the published layout in a frame, styled from the app's own files.
  await ed.button('打印').click();
  const frame = page.frameLocator('#print-frame');
  await expect(async () => (await frame.locator('h1').count()) === 1, 'print frame');
  const fontSize = await frame.locator('h1').evaluate((h) => getComputedStyle(h).fontSize);
  assert.ok(Math.abs(parseFloat(fontSize) - (22 * 4) / 3) < 0.1, `the export stylesheet applies (h1 at 22pt, got ${fontSize})`);
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(ARTIFACTS, `csp-${engines.replace(/\W+/g, '')}.png`) });
  await context.close();
  server.close();
});

test('opened from file:// the page explains how to run it', async () => {
  const page = await browser.newPage();
  await page.goto(`file://${join(DIST, 'index.html')}`);
  await page.waitForTimeout(500);
  const text = await page.locator('#boot-message').innerText();
  assert.match(text, /需要通过网址（http:\/\/ 或 https:\/\/）打开/);
  await page.close();
});

import { serveStatic } from '../../scripts/static-server.mjs';
import { ROOT, deployedFor } from './harness.mjs';

/** The example portal on 127.0.0.1 and the app on localhost: two sites. The
 * deployment lets the portal embed the app unless `deployed` says otherwise. */
async function portal(query = '', deployed = null) {
  const host = await serveStatic({ root: join(ROOT, 'examples') });
  const app = await serveStatic({ root: DIST, host: 'localhost', edits: deployedFor(deployed ?? [new URL(host.url).origin]) });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${host.url}host.html?app=${encodeURIComponent(app.url + 'index.html')}${query}`);
  const frame = page.frameLocator('#app');
  await frame.getByRole('heading', { level: 1 }).waitFor();
  return {
    page, frame, context, errors, host, app,
    messages: () => page.evaluate(() => window.__messages),
    close: async () => { await context.close(); host.server.close(); app.server.close(); },
  };
}

test('an embedding portal and the app talk both ways over postMessage', async () => {
  const p = await portal('&agency=' + encodeURIComponent('东里街道办事处'));
  await expect(async () => (await p.messages()).some((m) => m.type === 'ready'), 'ready');
  // The user types in the app: the portal hears `changed` once things settle.
  const cell = cellIn(p.frame, `${NEW} 自然人`);
  await fillCell(cell, '21');
  const latest = async () => (await p.messages()).filter((m) => m.type === 'changed').pop();
  await expect(async () => (await latest())?.errors > 0 && typeof (await latest()).saveStatus === 'string', 'changed, with the sums that no longer balance');
  // Counted when sent: the portal hears the count of the report as it is now
  // (21 in a column that is otherwise blank breaks two sums that 0 keeps).
  const unbalanced = (await latest()).errors;
  await fillCell(cell, '0');
  await expect(async () => (await latest()).errors === unbalanced - 2, 'changed, two sums balanced again');
  // export → exported, with the report.
  await p.page.getByRole('button', { name: /export/ }).click();
  await expect(async () => (await p.messages()).some((m) => m.type === 'exported'), 'exported');
  const exported = (await p.messages()).find((m) => m.type === 'exported').report;
  assert.equal(exported.schema, 'nianbao.report');
  assert.equal(exported.report.agency.name, '东里街道办事处', 'configured by the address');
  assert.equal(exported.report.table3.newReceived.natural, 0);
  // A download in the app tells the portal too — a Word file as well as JSON and HTML.
  const told = async () => (await p.messages()).filter((m) => m.type === 'exported').length;
  const before = await told();
  await Promise.all([p.page.waitForEvent('download'), p.frame.getByRole('button', { name: '下载 Word' }).click()]);
  await expect(async () => (await told()) === before + 1, 'a Word download told to the portal', 30000);
  // load → the app shows the portal's report.
  await p.page.getByRole('button', { name: /load/ }).click();
  await expect(async () => (await cellValue(cell)) === '20', 'loaded');
  assert.equal(await cellValue(cellIn(p.frame, `${NEW} 总计`)), '22');
  assert.ok((await p.messages()).some((m) => m.type === 'loaded'));
  // A report the app cannot read: the portal hears why, in Chinese; the draft stays.
  await p.page.evaluate(() => document.getElementById('app').contentWindow.postMessage(
    { type: 'load', report: { schema: 'nianbao.report', schemaVersion: 2, template: 'F2021', report: { year: '二〇二四' } } }, '*'));
  await expect(async () => (await p.messages()).some((m) => m.type === 'error'), 'error');
  assert.match((await p.messages()).find((m) => m.type === 'error').message, /报告年度|应为/);
  assert.equal(await cellValue(cell), '20', 'the open draft is untouched');
  await p.page.screenshot({ path: join(ARTIFACTS, 'embedded.png') });
  assert.deepEqual(p.errors, []);
  await p.close();
});

test('a message from an origin that is not allowed is ignored', async () => {
  const p = await portal();
  await expect(async () => (await p.messages()).some((m) => m.type === 'ready'), 'ready');
  const cell = cellIn(p.frame, `${NEW} 自然人`);
  // A forged message inside the app's window, claiming another origin.
  const appFrame = p.page.frames().find((f) => f.url().startsWith(p.app.url));
  const report = JSON.parse(await (await import('node:fs/promises')).readFile(join(ROOT, 'examples/sample-report.json'), 'utf8'));
  await appFrame.evaluate((report) => {
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'load', report }, origin: 'http://evil.example', source: window.parent }));
  }, report);
  await p.page.waitForTimeout(500);
  assert.equal(await cellValue(cell), '', 'not loaded');
  await p.close();

  // A portal whose origin the app was not told about gets nothing and moves nothing.
  const other = await portal('&allow=' + encodeURIComponent('http://127.0.0.1:1'));
  await other.page.getByRole('button', { name: /load/ }).click();
  await other.page.waitForTimeout(800);
  assert.equal(await cellValue(cellIn(other.frame, `${NEW} 自然人`)), '');
  assert.deepEqual(await other.messages(), []);
  await other.close();
});

test('in a cross-site iframe, drafts persist or blocked storage is said', async () => {
  const p = await portal();
  const cell = cellIn(p.frame, `${NEW} 自然人`);
  await fillCell(cell, '8');
  const status = p.frame.locator('#save-status');
  await expect(async () => /^已保存|浏览器不允许/.test(await status.innerText()), 'saved or told');
  const saved = /^已保存/.test(await status.innerText());
  await p.page.reload();
  await p.frame.getByRole('heading', { level: 1 }).waitFor();
  if (saved) {
    await expect(async () => (await cellValue(cell)) === '8', 'the draft is back');
  } else {
    assert.match(await p.frame.locator('#storage-banner').innerText(), /浏览器不允许本页面保存草稿/);
  }
  await p.close();
});

test('configured by the address: agency, type, region, year, storage namespace, read-only view', async () => {
  const { server, url } = await serveDist();
  const context = await browser.newContext();
  const page = await context.newPage();
  const q = new URLSearchParams({ agency: '东里街道办事处', type: 'subdistrict', region: '河北省邢台市桥西区', year: '2020', ns: 'portal-a' });
  await page.goto(`${url}?${q}`);
  await appReady(page);
  assert.equal(await page.getByRole('textbox', { name: '机关名称' }).inputValue(), '东里街道办事处');
  assert.equal(await page.getByRole('combobox', { name: '机关类型' }).inputValue(), 'subdistrict');
  assert.equal(await page.getByRole('textbox', { name: '所在地区' }).inputValue(), '河北省邢台市桥西区');
  assert.match(await page.locator('#year-hint').innerText(), /2019年版格式/);
  await fillCell(cellIn(page, `${NEW} 自然人`), '5');
  await expect(async () => /^已保存/.test(await page.locator('#save-status').innerText()), 'saved');
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.some((k) => k.startsWith('portal-a:draft:')), keys.join());
  assert.ok(!keys.some((k) => k.startsWith('nianbao:draft:')), 'another namespace is not touched');
  // Another portal on the same origin does not see portal-a's draft.
  await page.goto(`${url}?ns=portal-b`);
  await appReady(page);
  assert.equal(await page.getByRole('textbox', { name: '机关名称' }).inputValue(), '');
  // Read-only: everything shows, nothing changes.
  await page.goto(`${url}?ns=portal-a&readonly=1`);
  await appReady(page);
  const cell = cellIn(page, `${NEW} 自然人`);
  assert.equal(await cellValue(cell), '5');
  assert.equal(await cell.getAttribute('aria-readonly'), 'true');
  await cell.focus();
  await page.keyboard.type('9');
  assert.equal(await cellValue(cell), '5');
  assert.equal(await page.getByText('只读查看').count(), 1);
  assert.equal(await page.getByRole('button', { name: '导入', exact: true }).isVisible(), false);
  await context.close();
  server.close();
});
