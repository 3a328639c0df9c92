// Text areas grow with what is typed, by CSS where the browser can (field-sizing)
// and by script on older Chromium (the 信创 browsers), so no text hides behind a scrollbar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, shared, appReady } from './harness.mjs';

const s = shared();
const LINES = Array.from({ length: 14 }, (_, i) => `第${i + 1}段：本年度政府信息公开工作情况。`).join('\n');

async function grows(page) {
  const box = page.getByRole('textbox', { name: '总述' });
  const before = await box.evaluate((t) => t.clientHeight);
  await box.fill(LINES);
  await page.waitForTimeout(100);
  const after = await box.evaluate((t) => ({ client: t.clientHeight, scroll: t.scrollHeight }));
  assert.ok(after.client > before * 2, `grew from ${before}px to ${after.client}px`);
  assert.ok(after.scroll <= after.client + 2, `no hidden text: ${after.scroll}px of content in ${after.client}px`);
}

test('a text area grows with its text where the browser sizes it itself', async () => {
  const { context, page, errors } = await openApp(s.browser, s.url);
  assert.ok(await page.evaluate(() => CSS.supports('field-sizing', 'content')));
  await grows(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a text area grows with its text where the browser cannot (script fallback)', async () => {
  const context = await s.browser.newContext({ locale: 'zh-CN' });
  // Chromium before 123: no field-sizing, as on Chromium 90.
  await context.addInitScript(() => {
    const supports = CSS.supports.bind(CSS);
    CSS.supports = (...a) => (String(a[0]).includes('field-sizing') ? false : supports(...a));
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent = '.field textarea { field-sizing: fixed !important; }';
      document.head.append(style);
    });
  });
  const page = await context.newPage();
  await page.goto(s.url);
  await appReady(page);
  await grows(page);
  await context.close();
});
