// A benchmark, not a test: the main-thread tasks of a first visit (no draft, the
// prerendered form shown) at 4× CPU, from a Chrome trace — every task over 10 ms,
// from the page's first task until the app has taken the shell's place, each as
// `start ms:kind duration (Layout ms, lazy wasm compilation ms)`, kind being
// parse (HTML), eval (a script), app (the app starting), timer (a part drawn
// behind the shell) or render (style, layout, paint). One line per load.
// Usage: node scripts/trace-start.mjs [dist] (RUNS=3; MOBILE=1 for Lighthouse's
// mobile viewport). After scripts/build.sh.
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

const { server, url } = await serveStatic({ root: process.argv[2] ?? 'dist' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const mobile = process.env.MOBILE ? { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true } : {};
try {
  for (let run = 0; run < Number(process.env.RUNS ?? 3); run++) {
    const context = await browser.newContext({ serviceWorkers: 'block', ...mobile });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm', 'toplevel'] });
    await page.goto(url);
    await page.waitForFunction(() => !document.getElementById('shell'), null, { timeout: 60000 });
    await page.waitForTimeout(800);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const spans = events.filter((e) => e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts);
    const t0 = events.find((e) => e.name === 'navigationStart')?.ts ?? spans[0].ts;
    const line = [];
    for (const task of spans.filter((e) => e.name === 'RunTask' && e.dur > 10000)) {
      const inside = spans.filter((k) => k.tid === task.tid && k.pid === task.pid && k.ts >= task.ts && k.ts + k.dur <= task.ts + task.dur);
      const ms = (name) => inside.filter((k) => k.name === name).reduce((sum, k) => sum + k.dur / 1000, 0);
      const kind = ms('TimerFire') ? 'timer' : ms('EvaluateScript') ? 'eval' : ms('RunMicrotasks') > 5 || ms('wasm.CompileLazy') ? 'app' : ms('ParseHTML') > 5 ? 'parse' : 'render';
      line.push(`${((task.ts - t0) / 1000).toFixed(0)}:${kind} ${(task.dur / 1000).toFixed(0)} (L${ms('Layout').toFixed(0)} C${ms('wasm.CompileLazy').toFixed(0)})`);
    }
    console.log(line.join('  '));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
