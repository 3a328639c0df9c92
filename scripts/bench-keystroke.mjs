// Measures the app's work per keystroke in a 表三 cell of the release build:
// the input event, the reactive updates it causes (validation, totals,
// marks) and the layout after them — at 1× and 4× CPU throttling, on a quiet
// form and on one after 检查 with findings shown at every cell. A benchmark,
// not a test: it prints figures. Usage: scripts/build.sh && node scripts/bench-keystroke.mjs
//
// Measured in the page (performance.now around a dispatched input event and
// a forced layout), because timing trusted key presses through the driver
// mostly measures the driver: a page holding one plain <input> shows 10–25 ms.
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

const KEYS = 200;
const CELL = '三、本年度办理结果（一）予以公开 自然人';
const { server, url } = await serveStatic({ root: new URL('../dist', import.meta.url).pathname });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function measure(page, checked) {
  return page.evaluate(async ({ KEYS, CELL, checked }) => {
    // A cell takes focus and the editor input moves into it.
    const input = (name) => {
      document.querySelector(`.cell-text[aria-label='${name}']`).focus();
      return document.activeElement;
    };
    const type = (el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    };
    if (checked) {
      // An unbalanced column and the full check: findings at many cells.
      type(input('一、本年新收政府信息公开申请数量 自然人'), '21');
      type(input('二、上年结转政府信息公开申请数量 自然人'), '0');
      type(input('四、结转下年度继续办理 自然人'), '0');
      [...document.querySelectorAll('button')].find((b) => b.textContent === '检查').click();
      await new Promise((r) => setTimeout(r, 100));
    }
    const el = input(CELL);
    el.focus();
    const script = [], layout = [];
    for (let i = 0; i < KEYS; i++) {
      const t0 = performance.now();
      type(el, String(100 + i));
      // Leptos runs effects as microtasks: let them all settle.
      for (let k = 0; k < 20; k++) await Promise.resolve();
      const t1 = performance.now();
      void document.body.offsetHeight;
      layout.push(performance.now() - t1);
      script.push(t1 - t0);
      await new Promise((r) => setTimeout(r, 0));
    }
    const q = (a, p) => [...a].sort((x, y) => x - y)[Math.floor(p * (a.length - 1))];
    const total = script.map((s, i) => s + layout[i]);
    return { script: q(script, 0.5), layout: q(layout, 0.5), median: q(total, 0.5), p98: q(total, 0.98) };
  }, { KEYS, CELL, checked });
}

console.log(`| CPU | form | script (median) | layout (median) | total median | total p98 |`);
console.log(`|---|---|---:|---:|---:|---:|`);
for (const rate of [1, 4]) {
  for (const checked of [false, true]) {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const r = await measure(page, checked);
    const f = (x) => `${x.toFixed(1)} ms`;
    console.log(`| ${rate}× | ${checked ? 'after 检查, findings shown' : 'quiet'} | ${f(r.script)} | ${f(r.layout)} | ${f(r.median)} | ${f(r.p98)} |`);
    await page.close();
  }
}
await browser.close();
server.close();
