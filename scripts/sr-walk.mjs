// What a screen reader is given while a person walks 表三 by keyboard: for
// each cell reached with Tab, the focused element's role, accessible name
// (its row and column headers) and value, as the accessibility tree exposes
// them (Playwright's ARIA snapshot of the focused element). A record, not a
// test: `node scripts/sr-walk.mjs` after `scripts/build.sh`; the README keeps
// its output.
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

const { server, url } = await serveStatic({ root: new URL('../dist', import.meta.url).pathname });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(url);
await page.getByRole('heading', { level: 1 }).waitFor();
const first = page.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 自然人', exact: true });
await first.focus();
// A row typed as a person does: a figure, Tab, the next figure.
for (const v of ['21', '1', '0', '0', '0', '1']) {
  await page.keyboard.type(v);
  await page.keyboard.press('Tab');
}
await first.focus();
const lines = [];
let key = 'focus';
for (let i = 0; i < 9; i++) {
  const said = await page.locator(':focus').ariaSnapshot();
  lines.push(`${key.padEnd(9)} → ${said.replace(/^- /, '')}`);
  key = i < 6 ? 'Tab' : 'ArrowDown';
  await page.keyboard.press(key);
}
console.log(lines.join('\n'));
await browser.close();
server.close();
