// Offline after the first visit: the service worker keeps the build, the page and
// its draft open with the server gone, and a new build replaces the old one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, DIST, ARTIFACTS, ROOT, appReady } from './harness.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';
import { EditorPage } from './editor-page.mjs';
import { expect } from './expect.mjs';

const T3_NEW = '一、本年新收政府信息公开申请数量';
const status = (page) => page.locator('#save-status').innerText();

/** Resolves once a service worker controls the page (it claims it on activation). */
const controlled = (page) =>
  page.evaluate(
    () =>
      !!navigator.serviceWorker.controller ||
      new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', () => ok(true))),
  );

/** The app served from a copy of dist/ that the test may change, under a sub-path. */
async function site(name) {
  const root = join(ARTIFACTS, name);
  rmSync(root, { recursive: true, force: true });
  cpSync(DIST, root, { recursive: true });
  const { server, url } = await serveStatic({ root, prefix: '/portal/nianbao/' });
  const stop = () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); });
  return { root, url, stop };
}

test('once opened, the app and its draft open again with the server gone', async () => {
  const browser = await launch();
  const { url, stop } = await site('offline-site');
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // What the page fetches: the file module only when a file is first written.
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
  await page.goto(`${url}?year=2023`);
  await appReady(page);
  await controlled(page);

  const ed = new EditorPage(page);
  await page.getByRole('textbox', { name: '机关名称' }).fill('离线测试街道办事处');
  await ed.fill(`${T3_NEW} 自然人`, '7');
  await expect(async () => /^已保存/.test(await status(page)), 'draft saved');
  assert.ok(!fetched.some((f) => f.startsWith('nianbao_files')), 'the first load has no file module');

  await stop();
  const gone = await page.evaluate((u) => fetch(u + 'no-such-file').then(() => 'reached', () => 'unreachable'), url);
  assert.equal(gone, 'unreachable', 'the server is really gone');

  // A reload, and a fresh visit with a different configuration, both open from the cache.
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByRole('textbox', { name: '机关名称' }).inputValue(), '离线测试街道办事处');
  assert.equal(await ed.value(`${T3_NEW} 自然人`), '7');
  assert.equal(await ed.value(`${T3_NEW} 总计`), '7');
  // Writing the published HTML loads the file module, kept offline with the build.
  const [download] = await Promise.all([page.waitForEvent('download'), ed.button('下载 HTML').click()]);
  assert.match(readFileSync(await download.path(), 'utf8'), /离线测试街道办事处/);
  assert.ok(fetched.includes('nianbao_files.js') && fetched.includes('nianbao_files_bg.wasm'), 'loaded on first use');

  const second = await context.newPage();
  await second.goto(`${url}index.html?ns=other`);
  await appReady(second);
  assert.equal(await second.getByRole('textbox', { name: '机关名称' }).inputValue(), '', 'another namespace: its own empty draft');
  await second.screenshot({ path: join(ARTIFACTS, 'offline.png') });
  assert.deepEqual(errors, []);
  await browser.close();
});

test('a new build on the server replaces the kept one at the next visit', async () => {
  const browser = await launch();
  const { root, url, stop } = await site('update-site');
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url);
  await appReady(page);
  await controlled(page);
  const title = await page.title();

  // Publish a changed build: a different page title, the worker stamped anew.
  const index = join(root, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<title>', '<title>新版 '));
  cpSync(join(ROOT, 'sw.js'), join(root, 'sw.js'));
  execFileSync('node', [join(ROOT, 'scripts', 'stamp-sw.mjs'), root]);

  // The visit that finds the new worker is still served the kept build; the new worker
  // keeps the new files, drops the old ones, and the next visit shows the new build.
  const version = /"version":"(\w+)"/.exec(readFileSync(join(root, 'sw.js'), 'utf8'))[1];
  await page.reload();
  await appReady(page);
  assert.equal(await page.title(), title);
  await expect(async () => {
    const kept = await page.evaluate(() => caches.keys());
    return kept.length === 1 && kept[0].endsWith(` ${version}`);
  }, 'only the new build kept', 30000);
  await page.reload();
  await appReady(page);
  assert.equal(await page.title(), `新版 ${title}`);
  await stop();
  await browser.close();
});
