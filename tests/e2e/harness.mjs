// Shared set-up for the end-to-end suite: Debian's Chromium through
// playwright-core, and the release dist/ served on 127.0.0.1.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serveStatic } from '../../scripts/static-server.mjs';
import { EditorPage } from './editor-page.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'target', 'e2e');
mkdirSync(ARTIFACTS, { recursive: true });

// Without the background-networking flags Chromium floods a closed network.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
}

export function serveDist(options = {}) {
  return serveStatic({ root: DIST, ...options });
}

/** Opens the app in a new page of `context` and waits until the wasm has
 * rendered the shell; errors the page reports are collected. */
export async function openIn(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A failed load is reported with its URL; the console's copy of it has none.
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  await page.goto(url);
  await appReady(page);
  return { page, ed: new EditorPage(page), errors };
}

/** Waits until the app has replaced the prerendered form (index.html's `#shell`). */
export async function appReady(page) {
  await page.waitForFunction(() => !document.getElementById('shell') && document.querySelector('h1'));
}

/** Opens the app in a fresh context (downloads allowed, zh-CN). */
export async function openApp(browser, url) {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN' });
  return { context, ...(await openIn(context, url)) };
}

/**
 * One browser and one server of the release dist/ for a test file:
 * `const s = shared();` then `s.browser`, `s.url` inside tests.
 */
export function shared() {
  const s = {};
  before(async () => {
    s.browser = await launch();
    ({ server: s.server, url: s.url } = await serveDist());
  });
  after(async () => {
    await s.browser?.close();
    s.server?.close();
  });
  return s;
}

/** Edits of index.html that a deployment letting `origins` embed the app makes. */
export const deployedFor = (origins) => ({
  'index.html': (html) => {
    const meta = 'name="nianbao-embed-origins" content=""';
    if (!html.includes(meta)) throw new Error('index.html has no embedding setting');
    return html.replace(meta, `name="nianbao-embed-origins" content="${origins.join(' ')}"`);
  },
});

/** Fills what is left of the page origin's storage quota with filler entries. */
export const fillQuota = (page) => page.evaluate(() => {
  let size = 1024 * 1024;
  for (let i = 0; size >= 1; i++) {
    try {
      localStorage.setItem(`filler:${i}`, 'x'.repeat(size));
    } catch {
      size = Math.floor(size / 2);
    }
  }
});
