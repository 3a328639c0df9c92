// The prerendered form: index.html holds the form as the app draws it, painted
// before any script of the app; the last draft's values are in it before the
// app loads; what is typed while it loads ends up in the draft; and where the
// shell cannot be sure of what it shows, there is none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { shared, openIn, appReady, DIST, ARTIFACTS } from './harness.mjs';
import { expect } from './expect.mjs';

const s = shared();
const NATURAL = 'table3-newReceived-natural';
const COMMERCIAL = 'table3-newReceived-commercial';

/** Holds back the app's wasm until `release()` (the page and shell.js load as usual). */
async function holdApp(context) {
  let release;
  const held = new Promise((r) => (release = r));
  await context.route('**/nianbao_bg.wasm', async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  return release;
}

/** The shell is on the page and shell.js has taken it (the loading words are hidden). */
async function shellShown(page) {
  await page.waitForFunction(() => document.getElementById('shell') && document.getElementById('boot-message')?.hidden);
}

const shown = (page, id) => page.evaluate((i) => {
  const el = document.getElementById(i);
  return el && (el.classList.contains('cell-text') ? el.textContent : el.value);
}, id);

async function savedDraft(page) {
  await expect(async () => /^已保存 /.test(await page.locator('#save-status').innerText()), 'saved');
  return page.evaluate(() => localStorage.getItem('nianbao:draft:' + localStorage.getItem('nianbao:last')));
}

/** A fresh browser profile with a draft whose `field` holds `text`, saved, and kept for the shell. */
async function keptDraft(field, text) {
  const context = await s.browser.newContext({ serviceWorkers: 'block' });
  const { page } = await openIn(context, s.url);
  await page.locator(field).fill(text);
  await savedDraft(page);
  await shellKept(page, text);
  return { context, page };
}

/** A new page of `context` with the shell painted (the app held or slow). */
async function shellPage(context) {
  const page = await context.newPage();
  await page.goto(s.url, { waitUntil: 'domcontentloaded' });
  await shellShown(page);
  return page;
}

/** Waits until what the shell paints next time (written just after a save) holds `text`. */
async function shellKept(page, text) {
  await expect(async () => (await page.evaluate(() => localStorage.getItem('nianbao:setting:shell')))?.includes(text), `shell keeps ${text}`);
}

test('the page as served holds the form, drawn by the app, with no script needed to show it', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  assert.match(html, /<div id="shell">/);
  assert.match(html, /<script src="\.\/shell\.js"><\/script>/);
  // Every cell of 表三 and every text box of the form, as the app names them.
  for (const id of [NATURAL, 'overview-text', 'problems', 'other-text', 'table4-review-correct']) {
    assert.ok(html.includes(`id="${id}"`), id);
  }
  // Nothing the app looks up by id while it draws behind the shell: where modules draw, where it speaks.
  for (const id of ['drafts-place', 'ledger-place', 'check-place', 'compose-place', 'graphic-place', 'live']) assert.ok(!html.includes(`id="${id}"`), id);
  // With scripts off, the form is what the page shows.
  const context = await s.browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(s.url);
  assert.equal(await page.locator(`#${NATURAL}`).isVisible(), true);
  await page.screenshot({ path: join(ARTIFACTS, 'prerendered-no-script.png') });
  await context.close();
});

test('a saved draft is painted before the app loads, as the app showed it', async () => {
  const context = await s.browser.newContext({ serviceWorkers: 'block' });
  const { page } = await openIn(context, s.url);
  await page.locator('#overview-text').fill('全年共收到政府信息公开申请7件。');
  await page.locator(`#${NATURAL}`).click();
  await page.keyboard.type('7');
  await savedDraft(page);
  // The shell's values are written just after the save.
  await shellKept(page, '"revision"');
  const status = await page.locator('#save-status').innerText();

  const release = await holdApp(context);
  const next = await context.newPage();
  await next.goto(s.url, { waitUntil: 'domcontentloaded' });
  await shellShown(next);
  assert.equal(await shown(next, 'overview-text'), '全年共收到政府信息公开申请7件。');
  assert.equal(await shown(next, NATURAL), '7');
  assert.equal(await shown(next, 'table3-newReceived-total'), '7');
  assert.equal(await next.locator('#save-status').innerText(), status);
  // What the journal cannot carry waits for the app; so does the tool bar.
  assert.equal(await next.locator('#year').evaluate((e) => e.readOnly), true);
  assert.equal(await next.locator('#agency-kind').isDisabled(), true);
  assert.equal(await next.getByRole('button', { name: '下载 JSON' }).isDisabled(), true);
  await next.screenshot({ path: join(ARTIFACTS, 'prerendered-draft.png') });
  release();
  await appReady(next);
  assert.equal(await shown(next, NATURAL), '7');
  await context.close();
});

test('keys typed while the app loads on a slow network are in the draft, and typing goes on where it was', async () => {
  const { context } = await keptDraft('#agency-name', '示例街道办事处');

  const next = await context.newPage();
  const cdp = await context.newCDPSession(next);
  await cdp.send('Network.enable');
  // About 0.5 Mbit/s with 150 ms round trips: the wasm takes seconds.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 62500, uploadThroughput: 62500 });
  await next.goto(s.url, { waitUntil: 'domcontentloaded' });
  await shellShown(next);
  await next.locator('#problems').click();
  await next.keyboard.type('加载时写下的问题');
  await next.locator('#agency-name').click();
  await next.keyboard.press('End');
  await next.keyboard.type('（东区）');
  await next.locator(`#${COMMERCIAL}`).click();
  await next.keyboard.type('3');
  assert.ok(await next.evaluate(() => document.getElementById('shell')), 'typed before the app took over');
  await appReady(next);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  // Focus is still in the cell, after its figure: the next key goes on.
  await next.keyboard.type('1');
  await expect(async () => (await shown(next, COMMERCIAL)) === '31', 'cell typed on');
  assert.equal(await shown(next, 'problems'), '加载时写下的问题');
  assert.equal(await shown(next, 'agency-name'), '示例街道办事处（东区）');
  // Typing during the load is not a recovery after a crash.
  assert.equal(await next.locator('#notice').count(), 0);
  const draft = await savedDraft(next);
  assert.ok(draft.includes('加载时写下的问题') && draft.includes('示例街道办事处（东区）') && /"commercial":31/.test(draft), draft.slice(0, 400));
  await context.close();
});

test('on a first visit, typing before the app loads starts the draft', async () => {
  const context = await s.browser.newContext({ serviceWorkers: 'block' });
  const release = await holdApp(context);
  const page = await shellPage(context);
  await page.locator('#overview-text').click();
  await page.keyboard.type('第一次打开就输入');
  await page.locator(`#${NATURAL}`).click();
  await page.keyboard.type('12');
  release();
  await appReady(page);
  assert.equal(await shown(page, 'overview-text'), '第一次打开就输入');
  assert.equal(await shown(page, NATURAL), '12');
  const draft = await savedDraft(page);
  assert.ok(draft.includes('第一次打开就输入') && /"natural":12/.test(draft));
  await context.close();
});

/**
 * A new page of `context` whose timers are held from its start: the app, once started, draws its
 * parts from timers, so it stays drawing behind the shell (both forms on the page, the app's
 * unseen) until `window.__release()`. Counts the keys that reach the shell meanwhile.
 */
async function heldBehindShell(context) {
  await context.addInitScript(() => {
    const held = new Map();
    let next = 1e9;
    const set = window.setTimeout.bind(window);
    const clear = window.clearTimeout.bind(window);
    window.setTimeout = (fn, ms, ...args) => {
      if (!window.__held) return set(fn, ms, ...args);
      held.set(++next, [fn, ms, args]);
      return next;
    };
    window.clearTimeout = (id) => (held.delete(id) ? undefined : clear(id));
    window.__held = true;
    window.__release = () => {
      window.__held = false;
      for (const [fn, ms, args] of held.values()) set(fn, ms, ...args);
      held.clear();
    };
    window.__behind = 0;
    document.addEventListener('input', (e) => {
      if (e.target.closest?.('#shell') && document.querySelectorAll('#main').length === 2) window.__behind++;
    }, true);
  });
  const page = await context.newPage();
  await page.goto(s.url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.getElementById('shell') && document.querySelectorAll('#main').length === 2);
  return page;
}

test('keys typed while the app draws its form behind the shell are in the draft, and focus stays', async () => {
  const { context } = await keptDraft('#agency-name', '示例街道办事处');
  const page = await heldBehindShell(context);
  await page.locator('#shell #problems').click();
  await page.keyboard.type('绘制期间输入');
  assert.equal(await page.evaluate(() => window.__behind), 6, 'every key reached the shell while the app drew behind it');
  await page.evaluate(() => window.__release());
  await appReady(page);
  // The app's text box has focus and goes on from the end.
  await page.keyboard.type('，接着写');
  await expect(async () => (await shown(page, 'problems')) === '绘制期间输入，接着写', 'typed on');
  assert.equal(await shown(page, 'agency-name'), '示例街道办事处');
  assert.equal(await page.locator('#notice').count(), 0);
  assert.ok((await savedDraft(page)).includes('绘制期间输入，接着写'));
  await context.close();
});

test('an input method composing in the shell when the app is ready: the app waits, and only what it commits is kept', async () => {
  const { context } = await keptDraft('#agency-name', '示例街道办事处');
  const page = await heldBehindShell(context);
  await page.locator('#shell #problems').click();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'zheng', selectionStart: 5, selectionEnd: 5 });
  await page.evaluate(() => window.__release());
  // The app has drawn its form, but the shell stays while the candidates are open.
  await page.waitForTimeout(600);
  assert.equal(await page.locator('#shell').count(), 1, 'the shell is kept while composing');
  await cdp.send('Input.insertText', { text: '政府' });
  await appReady(page);
  await expect(async () => (await shown(page, 'problems')) === '政府', 'the committed text, no pinyin');
  await page.keyboard.type('信息');
  await expect(async () => (await shown(page, 'problems')) === '政府信息', 'typed on in the app');
  await expect(async () => (await savedDraft(page)).includes('政府信息'), 'saved');
  assert.ok(!(await savedDraft(page)).includes('zheng'));
  await context.close();
});

test('on a first visit, a cell typed into while the app draws behind the shell goes to the app\'s draft', async () => {
  const context = await s.browser.newContext({ serviceWorkers: 'block' });
  const page = await heldBehindShell(context);
  await page.locator(`#shell #${NATURAL}`).click();
  await page.keyboard.type('45');
  assert.equal(await page.evaluate(() => window.__behind), 2, 'the keys reached the shell while the app drew behind it');
  await page.evaluate(() => window.__release());
  await appReady(page);
  assert.equal(await shown(page, NATURAL), '45');
  const draft = await savedDraft(page);
  assert.ok(draft.includes('"natural":45'), draft.slice(0, 300));
  // One draft: the shell journalled under the draft the app had opened, not one of its own.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  const last = await page.evaluate(() => localStorage.getItem('nianbao:last'));
  assert.deepEqual(keys.filter((k) => k.startsWith('nianbao:draft:')), [`nianbao:draft:${last}`]);
  assert.deepEqual(keys.filter((k) => k.includes(':journal:') && !k.includes(last)), []);
  await context.close();
});

test('when storage refuses the journal, what was typed into the shell still reaches the draft', async () => {
  const context = await s.browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).includes(':journal:') && !window.__appStarted) throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  const release = await holdApp(context);
  const page = await shellPage(context);
  await page.locator('#other-text').click();
  await page.keyboard.type('存不进去也不丢');
  await page.evaluate(() => { window.__appStarted = true; });
  release();
  await appReady(page);
  assert.equal(await shown(page, 'other-text'), '存不进去也不丢');
  assert.ok((await savedDraft(page)).includes('存不进去也不丢'));
  await context.close();
});

test('no shell where it cannot be sure: settings in the address, another room, a draft of the other format', async () => {
  const { context, page } = await keptDraft('#overview-text', '本年度报告');
  const release = await holdApp(context);
  const hasShell = async (address) => {
    const next = await context.newPage();
    await next.goto(address, { waitUntil: 'domcontentloaded' });
    const shell = await next.evaluate(() => !!document.getElementById('shell'));
    const message = await next.locator('#boot-message').isVisible();
    await next.close();
    assert.equal(message, !shell, `${address}: the loading words show when there is no shell`);
    return shell;
  };
  assert.equal(await hasShell(s.url), true);
  assert.equal(await hasShell(`${s.url}?ns=other`), false);
  assert.equal(await hasShell(`${s.url}#collect`), false);
  release();
  // Year 2020: the 2019 format, whose form is not the shell's.
  await page.locator('#year').fill('2020');
  await page.locator('#year').blur();
  await page.locator('#overview-text').fill('2020年度报告');
  await shellKept(page, '2020年度报告');
  await context.unroute('**/nianbao_bg.wasm');
  await holdApp(context);
  assert.equal(await hasShell(s.url), false);
  await context.close();
});
