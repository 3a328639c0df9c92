// E1: a page that frames the app can never read or replace the drafts a
// person made elsewhere — only its deployment decides who may talk to the
// app, and drafts made inside a frame belong to the framing origin.
import { cellIn, cellValue, fillCell } from './editor-page.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { DIST, ROOT, deployedFor, appReady } from './harness.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';
import { expect } from './expect.mjs';

const NEW = '一、本年新收政府信息公开申请数量';
const SECRET = '仅供内部：尚未公开的处理意见';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The person's own draft, typed into the app opened directly. */
async function firstPartyDraft(context, appUrl) {
  const page = await context.newPage();
  await page.goto(appUrl);
  await appReady(page);
  await page.getByRole('textbox', { name: '机关名称' }).fill('第一方机关');
  await page.getByRole('textbox', { name: '总述' }).fill(SECRET);
  await fillCell(cellIn(page, `${NEW} 自然人`), '7');
  await expect(async () => /^已保存/.test(await page.locator('#save-status').innerText()), 'saved');
  await page.close();
}

async function expectDraftIntact(context, appUrl) {
  const page = await context.newPage();
  await page.goto(appUrl);
  await appReady(page);
  assert.equal(await page.getByRole('textbox', { name: '总述' }).inputValue(), SECRET);
  assert.equal(await cellValue(cellIn(page, `${NEW} 自然人`)), '7');
  await page.close();
}

/** The attacker's page frames the app, asks for its draft, then loads its own. */
async function attack(context, hostUrl, appUrl, listed) {
  const page = await context.newPage();
  await page.goto(`${hostUrl}host.html?app=${encodeURIComponent(appUrl + 'index.html')}`);
  await page.frameLocator('#app').getByRole('heading', { level: 1 }).waitFor();
  const messages = () => page.evaluate(() => window.__messages);
  // A listed portal waits for `ready` (the API is a module the app loads for it).
  if (listed) await expect(async () => (await messages()).some((m) => m.type === 'ready'), 'ready');
  await page.waitForTimeout(700);
  await page.getByRole('button', { name: /export/ }).click();
  await page.getByRole('button', { name: /load/ }).click();
  await page.waitForTimeout(1500);
  const got = await messages();
  await page.close();
  return got;
}

async function scenario(browser, { appHost, embedderHost, listed }) {
  const host = await serveStatic({ root: join(ROOT, 'examples'), host: embedderHost });
  const embedder = new URL(host.url).origin;
  const app = await serveStatic({ root: DIST, host: appHost, edits: deployedFor(listed ? [embedder] : []) });
  const context = await browser.newContext();
  try {
    await firstPartyDraft(context, app.url);
    const got = await attack(context, host.url, app.url, listed);
    const text = JSON.stringify(got);
    assert.ok(!text.includes(SECRET), 'the embedder never receives the first-party draft');
    assert.ok(!text.includes('第一方机关'));
    if (listed) {
      // A portal the deployment lists talks to the app, about its own frame's draft only.
      const exported = got.find((m) => m.type === 'exported');
      assert.ok(exported, JSON.stringify(got));
      assert.equal(exported.report.report.overview.text, '');
      assert.ok(got.some((m) => m.type === 'loaded'));
    } else {
      assert.deepEqual(got, [], 'a portal the deployment does not list hears nothing');
    }
    await expectDraftIntact(context, app.url);
  } finally {
    await context.close();
    host.server.close();
    app.server.close();
  }
}

test('E1 a same-site page of another origin cannot read or replace the first-party draft', async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
  try {
    // 127.0.0.1 on two ports: one site, two origins.
    await scenario(browser, { appHost: '127.0.0.1', embedderHost: '127.0.0.1', listed: false });
    await scenario(browser, { appHost: '127.0.0.1', embedderHost: '127.0.0.1', listed: true });
  } finally {
    await browser.close();
  }
});

test('E1 a cross-site embedder without storage partitioning (as on Chromium 90) cannot either', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...ARGS, '--disable-features=ThirdPartyStoragePartitioning'],
  });
  try {
    await scenario(browser, { appHost: 'localhost', embedderHost: '127.0.0.1', listed: false });
    await scenario(browser, { appHost: 'localhost', embedderHost: '127.0.0.1', listed: true });
  } finally {
    await browser.close();
  }
});

test('E7 a read-only page refuses a portal load with an error and changes nothing', async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
  const host = await serveStatic({ root: join(ROOT, 'examples') });
  const app = await serveStatic({ root: DIST, host: 'localhost', edits: deployedFor([new URL(host.url).origin]) });
  try {
    const page = await browser.newPage();
    await page.goto(`${host.url}host.html?readonly=1&app=${encodeURIComponent(app.url + 'index.html')}`);
    const frame = page.frameLocator('#app');
    await frame.getByRole('heading', { level: 1 }).waitFor();
    await expect(async () => (await page.evaluate(() => window.__messages)).some((m) => m.type === 'ready'), 'ready');
    await page.getByRole('button', { name: /load/ }).click();
    await expect(async () => (await page.evaluate(() => window.__messages)).some((m) => m.type === 'error'), 'error');
    const got = await page.evaluate(() => window.__messages);
    assert.match(got.find((m) => m.type === 'error').message, /只读/);
    assert.ok(!got.some((m) => m.type === 'loaded'));
    assert.equal(await frame.locator('#notice').count(), 0, 'no "replaced" notice');
    assert.equal(await cellValue(cellIn(frame, `${NEW} 自然人`)), '');
  } finally {
    await browser.close();
    host.server.close();
    app.server.close();
  }
});

test('the shipped frame-ancestors policy stops a site it does not name from framing the app', async () => {
  const headers = (await readFile(join(ROOT, 'examples/deploy/_headers'), 'utf8'))
    .split('\n').find((l) => l.trim().startsWith('Content-Security-Policy:')).split(': ').slice(1).join(': ').trim();
  assert.match(headers, /frame-ancestors 'self' https:\/\/www\.example\.gov\.cn/);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
  const host = await serveStatic({ root: join(ROOT, 'examples') });
  const app = await serveStatic({ root: DIST, host: 'localhost', headers: { 'content-security-policy': headers } });
  try {
    const page = await browser.newPage();
    await page.goto(`${host.url}host.html?app=${encodeURIComponent(app.url + 'index.html')}`);
    await page.waitForTimeout(1500);
    assert.equal(await page.frameLocator('#app').getByRole('heading', { level: 1 }).count(), 0, 'not framed');
    // Opened directly, the same policy runs the app.
    await page.goto(app.url);
    await appReady(page);
  } finally {
    await browser.close();
    host.server.close();
    app.server.close();
  }
});
