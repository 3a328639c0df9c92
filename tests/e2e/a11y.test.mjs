// Accessibility: axe-core on every screen and state, a keyboard-only
// journey with visible focus and no trap, polite announcements, and the
// 适老化 mode with reflow at 320 px and 200 % zoom.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { ARTIFACTS, ROOT, shared, appReady } from './harness.mjs';
import { EditorPage } from './editor-page.mjs';
import { expect } from './expect.mjs';

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const NEW = '一、本年新收政府信息公开申请数量';

const s = shared();

async function open(options = {}) {
  const context = await s.browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  await page.goto(s.url);
  await appReady(page);
  return { context, page, ed: new EditorPage(page) };
}

/** Runs axe on the page and returns its violations, described. */
async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
}

test('axe finds 0 violations on every screen and state', async () => {
  const { context, page, ed } = await open();
  const states = {};
  states.empty = await axe(page);
  await page.getByRole('textbox', { name: '机关名称' }).fill('东里街道办事处');
  await page.getByRole('textbox', { name: '总述' }).fill('本年度工作稳步推进。');
  await ed.fill(`${NEW} 自然人`, '21');
  await ed.fill('三、本年度办理结果（一）予以公开 自然人', '20');
  states.filled = await axe(page);
  await ed.check();
  await expect(async () => /问题需要处理/.test(await ed.summaryText()), 'summary');
  states['with errors'] = await axe(page);
  await ed.paste(`${NEW} 法人或其他组织 商业企业`, '1\t2\r\n');
  await ed.notice().waitFor();
  states['paste notice'] = await axe(page);
  await ed.setYear(2020);
  await expect(async () => /转换为2019年版格式/.test(await ed.notice().innerText()), 'conversion notice');
  states['conversion notice, 2019 format'] = await axe(page);
  await page.getByRole('button', { name: '草稿', exact: true }).click();
  await page.getByRole('dialog', { name: '我的草稿' }).waitFor();
  states['drafts dialog'] = await axe(page);
  await page.keyboard.press('Escape');
  const file = join(ARTIFACTS, 'a11y-import.json');
  await writeFile(file, await (await import('node:fs/promises')).readFile(join(ROOT, 'crates/nianbao-core/tests/fixtures/v1-f2021.json'), 'utf8'));
  await page.setInputFiles('#import-file', file);
  await page.getByRole('dialog', { name: '导入报告' }).waitFor();
  states['import preview dialog'] = await axe(page);
  await page.keyboard.press('Escape');
  await page.setInputFiles('#import-file', join(ROOT, 'crates/nianbao-core/tests/fixtures/samples/2024_countydept_guangdong_shenzhen_longgang_dept.txt'));
  await page.getByRole('dialog', { name: '导入已发布的报告' }).waitFor();
  states['published report review'] = await axe(page);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '粘贴已发布的报告' }).click();
  await page.getByRole('dialog', { name: '粘贴已发布的报告' }).waitFor();
  states['paste a published report'] = await axe(page);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '适老化模式' }).click();
  states['适老化 mode'] = await axe(page);
  await context.close();

  // Storage blocked: the in-memory banner.
  const blocked = await s.browser.newContext();
  await blocked.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const p2 = await blocked.newPage();
  await p2.goto(s.url);
  await p2.locator('#storage-banner').waitFor();
  states['storage blocked'] = await axe(p2);
  await blocked.close();

  for (const [state, violations] of Object.entries(states)) {
    assert.deepEqual(violations, [], state);
  }
});

/** The focused element's name, and whether its focus can be seen. */
function focusInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { name: null, visible: true };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const shadow = s.boxShadow && s.boxShadow !== 'none';
    const label = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || el.id;
    return { name: label.trim().slice(0, 40), visible: outline || shadow, tag: el.tagName };
  });
}

test('keyboard only: from opening the page to downloading the HTML, focus always visible, no trap', async () => {
  const { context, page } = await open();
  // Tab to 机关名称, type it.
  let info;
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    info = await focusInfo(page);
    assert.ok(info.visible, `focus visible on ${info.name}`);
    if (info.name === '机关名称') break;
  }
  assert.equal(info.name, '机关名称');
  await page.keyboard.type('东里街道办事处');
  // On to the first cell of 表三, type a number there.
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    info = await focusInfo(page);
    assert.ok(info.visible, `focus visible on ${info.name}`);
    if (info.name === `${NEW} 自然人`) break;
  }
  assert.equal(info.name, `${NEW} 自然人`);
  await page.keyboard.type('21');
  // Back up to 下载 HTML and press Enter.
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Shift+Tab');
    info = await focusInfo(page);
    assert.ok(info.visible, `focus visible on ${info.name}`);
    if (info.name === '下载 HTML') break;
  }
  assert.equal(info.name, '下载 HTML');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  // A new draft is for the year that is ending from November on, else the last one (F7).
  const now = new Date();
  const year = now.getMonth() >= 10 ? now.getFullYear() : now.getFullYear() - 1;
  assert.equal(download.suggestedFilename(), `东里街道办事处${year}年政府信息公开工作年度报告.html`);

  // No trap: tabbing on from the top goes through the whole page and out of it.
  const seen = new Set();
  let left = false;
  for (let i = 0; i < 600; i++) {
    await page.keyboard.press('Tab');
    const name = (await focusInfo(page)).name;
    if (name === null) {
      left = true;
      break;
    }
    seen.add(name);
  }
  assert.ok(left, `focus leaves the page after ${seen.size} stops`);
  assert.ok(seen.has('四、结转下年度继续办理 总计') || seen.has('其他需要报告的事项'), 'the end of the form is reachable');
  await context.close();
});

test('findings are announced politely, once typing pauses', async () => {
  const { context, page, ed } = await open();
  const live = page.locator('#live');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  await ed.check();
  const cell = ed.cell(`${NEW} 自然人`);
  await cell.focus();
  const changes = await page.evaluate(() => {
    window.__announcements = [];
    new MutationObserver(() => window.__announcements.push(document.getElementById('live').textContent))
      .observe(document.getElementById('live'), { childList: true, characterData: true, subtree: true });
  });
  for (const k of '123456') {
    await page.keyboard.type(k);
    await page.waitForTimeout(60);
  }
  await expect(async () => (await live.innerText()).startsWith('检查结果：'), 'announced', 4000);
  const announcements = await page.evaluate(() => window.__announcements);
  assert.ok(announcements.length <= 2, `no flood: ${JSON.stringify(announcements)}`);
  assert.match(await live.innerText(), /检查结果：\d+ 个错误，\d+ 个提示。/);
  void changes;
  await context.close();
});

test('one polite live region: a field error and a notice are said there, nothing else on the page is live', async () => {
  const { context, page, ed } = await open();
  const live = page.locator('#live');
  const regions = () =>
    page.evaluate(() => [...document.querySelectorAll('[aria-live], [role=status], [role=alert]')].map((e) => e.id || e.className));
  assert.deepEqual(await regions(), ['live']);
  // A field's error is shown beside it and said once in the region.
  const year = page.locator('#year');
  await year.fill('2007');
  await year.blur();
  await expect(async () => (await live.innerText()).includes('不是有效的报告年度'), 'year error said');
  // A notice (the format changed with the year) is said there too.
  await year.fill('2020');
  await year.blur();
  await expect(async () => (await live.innerText()).startsWith('报告年度变更后，已从'), 'notice said');
  assert.match(await page.locator('#notice').innerText(), /报告年度变更后/);
  // The checks' counts, after 检查.
  await ed.check();
  await expect(async () => (await live.innerText()).startsWith('检查结果'), 'checks said');
  assert.deepEqual(await regions(), ['live'], 'still one region with notices and errors shown');
  await context.close();
});

test('适老化 mode: 1.5× type, remembered, and the layout reflows at 320 px and holds at 200 % zoom', async () => {
  const { context, page } = await open({ viewport: { width: 1280, height: 900 } });
  const base = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const toggle = page.getByRole('button', { name: '适老化模式' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const big = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.ok(big >= base * 1.5, `${big} ≥ 1.5 × ${base}`);
  await page.screenshot({ path: join(ARTIFACTS, 'elder.png') });
  // The larger type never squeezes a label column of the fixed table layout
  // away: the table scrolls sideways in its frame instead.
  const labels = await page.locator('#table3-table th.row-label').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().width));
  assert.ok(Math.min(...labels) >= 8 * big, `every 表三 row label at least 8 characters wide: ${Math.min(...labels)}px`);
  const values = await page.locator('#table3-table .cell-text').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
  assert.ok(Math.min(...values) >= 4 * big, `every 表三 box holds 8 digits: ${Math.min(...values)}px`);
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByRole('button', { name: '适老化模式' }).getAttribute('aria-pressed'), 'true', 'remembered');
  // 320 px wide (a phone, or 1280 px at 400 %) and 640 px (200 % zoom).
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('body *')) {
        if (el.closest('.table-wrap, dialog, .sr-only')) continue;
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > window.innerWidth + 1) out.push(`${el.tagName}.${el.className}`);
      }
      return { scroll: document.documentElement.scrollWidth, out: out.slice(0, 5) };
    });
    assert.equal(overflow.scroll, width, `no horizontal scrolling at ${width}px: ${overflow.out}`);
    await page.screenshot({ path: join(ARTIFACTS, `elder-${width}.png`) });
  }
  await context.close();
});

test("a cell's findings are its accessible description, computed by the browser from the hidden list", async () => {
  const { context, page } = await open();
  const ed = new EditorPage(page);
  const name = '四、结转下年度继续办理 自然人';
  await ed.fill(name, '12a');
  const cdp = await context.newCDPSession(page);
  const node = async () => (await cdp.send('Accessibility.getFullAXTree')).nodes.find((n) => n.name?.value === name);
  await expect(async () => /“12a”不是数字/.test((await node())?.description?.value ?? ''), 'described');
  const n = await node();
  assert.equal(n.role.value, 'textbox');
  assert.equal(n.properties.find((p) => p.name === 'invalid')?.value.value, 'true');
  await ed.fill(name, '12');
  await expect(async () => ((await node())?.description?.value ?? '') === '', 'the description clears');
  await context.close();
});
