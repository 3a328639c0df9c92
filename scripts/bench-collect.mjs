// The 汇总 workspace's budget (≤ 3 s at 1× for 300 units added, checked and
// rolled up): drops 300 generated unit files (this app's JSON) on the release
// build in headless Chromium and prints the time to list them, to roll them
// up, and the longest task meanwhile (the page stays responsive between
// files). Usage: node scripts/bench-collect.mjs [units]   (after scripts/build.sh)
import { readFile } from 'node:fs/promises';
import { launch, serveDist, openApp } from '../tests/e2e/harness.mjs';

const N = Number(process.argv[2] ?? 300);
const base = JSON.parse(await readFile(new URL('../crates/nianbao-core/tests/fixtures/base-f2021.json', import.meta.url), 'utf8'));
const files = [];
for (let k = 1; k <= N; k++) {
  const doc = structuredClone(base);
  doc.report.agency.name = `第${k}单位`;
  for (const row of Object.values(doc.report.table3)) for (const c of Object.keys(row)) if (row[c] !== null) row[c] *= k;
  files.push({ name: `unit-${k}.json`, bytes: [...Buffer.from(JSON.stringify(doc))] });
}

const browser = await launch();
const { server, url } = await serveDist();
const runs = [];
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext();
  const { page } = await (async () => {
    const p = await context.newPage();
    await p.goto(`${url}#collect`);
    await p.getByRole('heading', { name: '汇总：检查和合计多个单位的报告' }).waitFor();
    return { page: p };
  })();
  // The file module loads on first use: count it, as a person would meet it.
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  const dt = await page.evaluateHandle((list) => {
    const t = new DataTransfer();
    for (const f of list) t.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return t;
  }, files);
  const t0 = Date.now();
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await page.waitForFunction((n) => document.getElementById('collect-count')?.textContent.includes(`共 ${n} 个单位`), N, { timeout: 120000, polling: 20 });
  const listed = Date.now() - t0;
  const t1 = Date.now();
  await page.getByRole('button', { name: new RegExp(`合计 2024 年度.*的 ${N} 个单位`) }).click();
  await page.locator('#rollup-tables table').first().waitFor();
  const rolled = Date.now() - t1;
  const long = await page.evaluate(() => window.__long);
  runs.push({ listed, rolled, total: listed + rolled, longest: Math.round(Math.max(0, ...long)), longTasks: long.length });
  await context.close();
}
await browser.close();
server.close();
const median = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[1];
console.log(`${N} units, 3 runs at 1× (headless Chromium, this machine):`);
for (const r of runs) console.log(`  added and checked ${r.listed} ms, rolled up ${r.rolled} ms, total ${r.total} ms; longest task ${r.longest} ms (${r.longTasks} over 50 ms)`);
console.log(`median: added and checked ${median('listed')} ms + rolled up ${median('rolled')} ms = ${median('total')} ms (budget 3000 ms); longest task ${median('longest')} ms`);
