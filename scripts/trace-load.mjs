// Where the load of a filled F2021 report spends its time: a Chrome trace of three
// loads of dist/ (or the folder given), averaged per top-level event (script run by
// the wasm start, layout, style, compile …). A profiling aid beside the benchmarks.
// Usage: scripts/build.sh && node scripts/trace-load.mjs [dir]
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from './static-server.mjs';
const ROOT = new URL('..', import.meta.url).pathname;
const fixture = JSON.parse(await readFile(join(ROOT, 'crates/nianbao-core/tests/fixtures/base-f2021.json'), 'utf8'));
const draft = JSON.stringify({ schema: 'nianbao.draft', schemaVersion: 1, name: '', revision: 1, savedAt: Date.now(), document: fixture });
const { server, url } = await serveStatic({ root: join(ROOT, process.argv[2] ?? 'dist') });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
// Events nest: RunMicrotasks (where the wasm start builds the form) contains wasm.CompileLazy.
const EVENTS = ['RunMicrotasks', 'FunctionCall', 'EvaluateScript', 'FireAnimationFrame', 'TimerFire', 'EventDispatch',
  'wasm.CompileLazy', 'ParseHTML', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC'];
const RUNS = 3;
const totals = {};
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext();
  await context.addInitScript((d) => { localStorage.setItem('nianbao:draft:bench', d); localStorage.setItem('nianbao:last', 'bench'); }, draft);
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'v8.wasm'] });
  await page.goto(url);
  await page.locator('#table3-carryForward-total').waitFor();
  await page.waitForTimeout(300);
  const buf = await browser.stopTracing();
  const ev = JSON.parse(buf.toString()).traceEvents;
  for (const e of ev) {
    if (e.ph === 'X' && e.dur && EVENTS.includes(e.name)) totals[e.name] = (totals[e.name] ?? 0) + e.dur / 1000 / RUNS;
  }
  await context.close();
}
console.log(Object.entries(totals).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms ${k}`).join('\n'));
await browser.close(); server.close();
