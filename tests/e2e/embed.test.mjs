// Running inside portals: a strict Content-Security-Policy, and the page
// opened from file:// explaining itself instead of failing blank.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, serveDist, DIST, ARTIFACTS } from './harness.mjs';
import { EditorPage } from './editor-page.mjs';
import { expect } from './expect.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const NEW = '一、本年新收政府信息公开申请数量';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the app works under a strict CSP and reports no violation', async () => {
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
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('#boot-message').count(), 0, 'the loading message goes once the app runs');

  const ed = new EditorPage(page);
  await page.getByRole('textbox', { name: '总述' }).fill('严格内容安全策略下输入');
  await ed.fill(`${NEW} 自然人`, '21');
  assert.equal(await ed.value(`${NEW} 总计`), '21');
  await ed.button('检查').click();
  await page.getByRole('button', { name: '草稿', exact: true }).click();
  await page.keyboard.press('Escape');
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
  await page.screenshot({ path: join(ARTIFACTS, 'csp.png') });
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
