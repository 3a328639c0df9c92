// What the browser itself costs, whatever the app does (a benchmark, not a test):
// the floors under the budgets of scripts/bench-browser.mjs, measured the same
// way in headless Chromium on pages with no app code at all.
//   - load → a value on screen: the filled report's static HTML export; the same
//     page with a module script that writes the value; the same with that script
//     getting the value from a 34-byte wasm module;
//   - keystroke → next paint p98 at 4× CPU (Event Timing, 200 trusted keys): a plain
//     <textarea> page; 210 bare <input>s in a table, no style; 210 contenteditable
//     cells; a static copy of the app's filled page with its style and no script.
// Usage: scripts/build.sh && node scripts/bench-floors.mjs   (RUNS=7, TYPING_RUNS=3)
import { chromium } from 'playwright-core';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from './static-server.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = process.env.DIST ?? join(ROOT, 'dist');
const RUNS = Number(process.env.RUNS ?? 7);
const TYPING_RUNS = Number(process.env.TYPING_RUNS ?? 3);
const KEYS = 200;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LABEL = '三、本年度办理结果（一）予以公开 自然人';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const fixture = JSON.parse(await readFile(join(ROOT, 'crates/nianbao-core/tests/fixtures/base-f2021.json'), 'utf8'));
const draft = JSON.stringify({ schema: 'nianbao.draft', schemaVersion: 1, name: '', revision: 1, savedAt: Date.now(), document: fixture });
const app = await serveStatic({ root: DIST });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });

// The filled report, from the app: its HTML export, and a static copy of the page.
const context = await browser.newContext({ acceptDownloads: true });
await context.addInitScript((d) => {
  localStorage.setItem('nianbao:draft:bench', d);
  localStorage.setItem('nianbao:last', 'bench');
}, draft);
const page = await context.newPage();
await page.goto(app.url);
await page.locator('#table3-carryForward-total').waitFor();
await page.waitForTimeout(500);
const snapshot = await page.evaluate(() => {
  document.querySelectorAll('input').forEach((i) => i.setAttribute('value', i.value));
  document.querySelectorAll('script, link[rel="modulepreload"]').forEach((s) => s.remove());
  document.querySelectorAll('[integrity]').forEach((s) => s.removeAttribute('integrity'));
  return '<!DOCTYPE html>' + document.documentElement.outerHTML;
});
const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 HTML' }).click()]);
const exported = await readFile(await download.path(), 'utf8');
await context.close();

const dir = join(ROOT, 'target', 'bench-floors');
await mkdir(dir, { recursive: true });
const blank = exported.replace('id="table3-carryForward-total">4<', 'id="table3-carryForward-total"><');
if (blank === exported) throw new Error('the export no longer has the cell this benchmark waits for');
const withScript = (src) => blank.replace('</head>', `<script type="module" src="${src}"></script></head>`);
const files = {
  'static.html': exported,
  'js.html': withScript('js.js'),
  'js.js': "document.getElementById('table3-carryForward-total').textContent = '4';",
  // A classic script at the end of the page runs before the first paint (how shell.js fills the prerendered form).
  'classic.html': blank.replace('</body>', '<script src="classic.js"></script></body>'),
  'classic.js': "document.getElementById('table3-carryForward-total').textContent = '4';",
  'wasm.html': withScript('wasm.js'),
  'wasm.js': "const { instance } = await WebAssembly.instantiateStreaming(fetch(new URL('./tiny.wasm', import.meta.url)));\n" +
    "document.getElementById('table3-carryForward-total').textContent = String(instance.exports.f());",
  'plain.html': `<!DOCTYPE html><html lang="zh-CN"><title>plain</title><label>文本<textarea></textarea></label><input aria-label="${LABEL}"></html>`,
  'app-snapshot.html': snapshot,
  'main.css': await readFile(join(DIST, 'main.css')),
};
const grid = (cell) => {
  let rows = '';
  for (let r = 0; r < 30; r++) {
    rows += '<tr>';
    for (let c = 0; c < 7; c++) rows += `<td>${cell(r * c, r === 5 && c === 1 ? ` aria-label="${LABEL}"` : '')}</td>`;
    rows += '</tr>';
  }
  return `<!DOCTYPE html><html lang="zh-CN"><title>grid</title><table>${rows}</table></html>`;
};
files['inputs.html'] = grid((v, label) => `<input value="${v}"${label}>`);
files['editable.html'] = grid((v, label) => `<span contenteditable="plaintext-only" role="textbox"${label}>${v}</span>`);
for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
// (func (export "f") (result i32) i32.const 4)
await writeFile(join(dir, 'tiny.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 6, 1, 4, 0, 65, 4, 11]));
const pages = await serveStatic({ root: dir });

/** Milliseconds from navigation start until 表三's last total shows 4. */
async function shown(name) {
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => {
    new MutationObserver(() => {
      const cell = document.getElementById('table3-carryForward-total');
      if (window.__shown === undefined && cell && cell.textContent === '4') window.__shown = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const p = await ctx.newPage();
  await p.goto(pages.url + name);
  await p.waitForFunction(() => window.__shown !== undefined);
  const t = await p.evaluate(() => window.__shown);
  await ctx.close();
  return t;
}

/** p98 of keystroke → next paint over KEYS trusted keys at 4× CPU. */
async function typing(name, selector) {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.goto(pages.url + name);
  await p.locator(selector).first().waitFor();
  await p.waitForTimeout(300);
  await p.evaluate(() => {
    window.__events = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => ['keydown', 'keyup', 'keypress', 'input', 'beforeinput'].includes(e.name) && window.__events.push(e.duration)))
      .observe({ type: 'event', durationThreshold: 16 });
  });
  const cdp = await ctx.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await p.locator(selector).first().focus();
  for (let i = 0; i < KEYS; i++) await p.keyboard.press(i % 2 === 0 ? String((i / 2) % 10) : 'Backspace');
  await p.waitForTimeout(1000);
  const events = (await p.evaluate(() => window.__events)).sort((a, b) => b - a);
  await ctx.close();
  const k = Math.floor(KEYS * 0.02);
  return events.length > k ? events[k] : 0;
}

console.log(`| load → 表三's last total on screen (median of ${RUNS}) | ms | × static |`);
console.log('|---|---:|---:|');
const loads = {};
for (const [name, what] of [['static.html', 'the static HTML export'], ['js.html', '… its value written by a module script'], ['classic.html', '… by a classic script at the end of the page'], ['wasm.html', '… by a module script from a 34-byte wasm']]) {
  const ts = [];
  for (let i = 0; i < RUNS; i++) ts.push(await shown(name));
  loads[name] = median(ts);
  console.log(`| ${what} | ${loads[name].toFixed(0)} | ${(loads[name] / loads['static.html']).toFixed(2)} |`);
}
console.log(`\n| keystroke → next paint p98, 4× CPU, ${KEYS} keys (runs) | median |`);
console.log('|---|---:|');
for (const [name, what, sel] of [
  ['plain.html', 'plain page: a <textarea> and one <input>', 'input'],
  ['inputs.html', '210 <input>s in a table, no style, no script', 'input'],
  ['editable.html', '210 contenteditable cells in a table', 'span'],
  ['app-snapshot.html', "static copy of the app's filled page (its style, no script), its 总述 text area", '#overview-text'],
]) {
  const runs = [];
  for (let i = 0; i < TYPING_RUNS; i++) runs.push(await typing(name, sel.startsWith('#') ? sel : `${sel}[aria-label="${LABEL}"]`));
  console.log(`| ${what} (${runs.join(', ')}) | ${median(runs)} ms |`);
}
await browser.close();
app.server.close();
pages.server.close();
