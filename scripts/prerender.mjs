// Writes the prerendered form into DIR/index.html: the app itself, run once in
// Chromium with no draft, draws the form for a new report; its page (header,
// tool bar, form) goes into index.html as `#shell`, with shell.js after it,
// so the form is painted before any script of the app loads (shell.js fills
// the last draft's values and takes typing until the app replaces it).
// One source for the markup: the app's own. Run by scripts/build.sh after
// trunk and before stamp-sw.mjs.
// Usage: node scripts/prerender.mjs DIR
import { chromium } from 'playwright-core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from './static-server.mjs';

const dir = process.argv[2] ?? 'dist';
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(`${executablePath}: Chromium is needed to prerender the form (scripts/setup.sh installs it)`);
}
const indexPath = join(dir, 'index.html');
// Trunk leaves an index.html it would write the same, so a shell from the last build may be there.
const SHELL = /<div id="shell">[\s\S]*<script src="\.\/shell\.js"><\/script>\n?\s*/;
const index = readFileSync(indexPath, 'utf8')
  .replace(/<noscript><div class="boot-message">[\s\S]*?<\/noscript>/, '')
  .replace(SHELL, '')
  .replace('role="status" hidden>', 'role="status">');
if (index.includes('id="shell"')) throw new Error(`${indexPath}: a shell this script did not write`);

writeFileSync(indexPath, index);
const { server, url } = await serveStatic({ root: dir });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('#main .table3 .cell-text') && !document.getElementById('boot-message'));
  await page.waitForTimeout(300);
  if (errors.length) throw new Error(`the app failed while prerendering: ${errors.join('; ')}`);
  const markup = await page.evaluate(() => {
    // State the app set as properties is written as attributes, or the copy would lose it.
    document.querySelectorAll('input').forEach((i) => {
      if (i.type === 'checkbox' || i.type === 'radio') i.toggleAttribute('checked', i.checked);
      else if (i.type !== 'file') i.setAttribute('value', i.value);
    });
    document.querySelectorAll('textarea').forEach((t) => { t.textContent = t.value; });
    document.querySelectorAll('option').forEach((o) => o.toggleAttribute('selected', o.selected));
    const body = document.body.cloneNode(true);
    // What depends on the day or on what happened is left to the app.
    body.querySelectorAll('#deadline-status, #live').forEach((el) => { el.textContent = ''; });
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    comments.forEach((c) => c.remove());
    body.querySelectorAll('script').forEach((s) => s.remove());
    // The app draws its own page behind the shell before taking its place: what it finds
    // by id while it does (where modules draw, where it speaks) must be its own.
    body.querySelectorAll('#drafts-place, #ledger-place, #check-place, #compose-place, #graphic-place').forEach((el) => el.remove());
    body.querySelector('#live')?.removeAttribute('id');
    return body.innerHTML;
  });
  const shell = `<div id="shell">${markup}</div><script src="./shell.js"></script>`;
  if (!index.includes('</body>')) throw new Error(`${indexPath}: no </body>`);
  // The loading words give way to the form from the first paint (shell.js shows
  // them again where it removes the shell); without scripts they still show.
  const BOOT = '<div id="boot-message" class="boot-message" role="status">';
  const words = /<div id="boot-message" class="boot-message" role="status">([\s\S]*?)<\/div>/.exec(index);
  if (!words) throw new Error(`${indexPath}: no loading message`);
  const out = index
    .replace(BOOT, BOOT.replace('role="status"', 'role="status" hidden'))
    .replace('</body>', `<noscript><div class="boot-message">${words[1]}</div></noscript>${shell}\n  </body>`);
  writeFileSync(indexPath, out);
  console.log(`${indexPath}: prerendered form, ${markup.length} characters`);
} finally {
  await browser.close();
  server.close();
}
