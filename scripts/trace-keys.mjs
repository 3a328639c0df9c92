// What one keystroke costs, by kind of work: a Chrome trace of trusted key
// presses (digits and Backspace) into a filled report's 表三 at 4× CPU, where
// each key makes a sum balance or break, summed per top-level event and divided
// by the keys typed. A profiling aid beside the benchmarks, not a test.
// Usage: scripts/build.sh && node scripts/trace-keys.mjs [keys]
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from './static-server.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const KEYS = Number(process.argv[2] ?? 60);
const fixture = JSON.parse(await readFile(join(ROOT, 'crates/nianbao-core/tests/fixtures/base-f2021.json'), 'utf8'));
const draft = JSON.stringify({ schema: 'nianbao.draft', schemaVersion: 1, name: '', revision: 1, savedAt: Date.now(), document: fixture });
const { server, url } = await serveStatic({ root: join(ROOT, 'dist') });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
const EVENTS = ['EventDispatch', 'FunctionCall', 'RunMicrotasks', 'FireAnimationFrame', 'TimerFire', 'UpdateLayoutTree', 'Layout',
  'PrePaint', 'Paint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC', 'HitTest'];
const context = await browser.newContext();
await context.addInitScript((d) => { localStorage.setItem('nianbao:draft:bench', d); localStorage.setItem('nianbao:last', 'bench'); }, draft);
const page = await context.newPage();
await page.goto(url);
const cell = page.locator('.cell-text[aria-label="三、本年度办理结果（一）予以公开 自然人"]');
await cell.waitFor();
await page.waitForTimeout(500);
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cell.focus();
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', ...(process.env.DETAIL ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : [])] });
// The cell holds a balanced value: a digit breaks its row and column sums, Backspace restores them.
for (let i = 0; i < KEYS; i++) await page.keyboard.press(i % 2 === 0 ? String(i % 10) : 'Backspace');
await page.waitForTimeout(500);
const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
const main = trace.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && trace.some((x) => x.pid === e.pid && x.name === 'EventDispatch'));
const totals = {};
let layoutObjects = 0, layouts = 0;
for (const e of trace) {
  if (e.pid !== main?.pid || e.tid !== main?.tid) continue;
  if (e.ph === 'X' && e.dur && EVENTS.includes(e.name)) totals[e.name] = (totals[e.name] ?? 0) + e.dur / 1000;
  if (e.name === 'Layout' && e.ph === 'X') {
    layouts++;
    layoutObjects += e.args?.beginData?.dirtyObjects ?? 0;
  }
}
console.log(`${KEYS} keys at 4× CPU, per key:`);
console.log(Object.entries(totals).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${(v / KEYS).toFixed(2).padStart(8)} ms ${k}`).join('\n'));
console.log(`${(layouts / KEYS).toFixed(2).padStart(8)} layouts, ${(layoutObjects / Math.max(layouts, 1)).toFixed(1)} objects laid out each`);
if (process.env.DETAIL) {
  const inv = {};
  for (const e of trace) {
    if (e.pid !== main?.pid) continue;
    if (['InvalidateLayout', 'ScheduleStyleInvalidationTracking', 'StyleRecalcInvalidationTracking', 'LayoutInvalidationTracking', 'PaintInvalidationTracking'].includes(e.name)) {
      const d = e.args?.data ?? {};
      const k = `${e.name} ${d.nodeName ?? ''} ${d.reason ?? ''}`;
      inv[k] = (inv[k] ?? 0) + 1;
    }
    if (e.name === 'Layout' && e.ph === 'X' && process.env.DETAIL === '2') console.log(JSON.stringify(e.args).slice(0, 400));
  }
  console.log(Object.entries(inv).sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / KEYS).toFixed(2).padStart(8)} ${k}`).join('\n'));
}
await browser.close();
server.close();
