// Drafts that are never lost: autosave, reload, named drafts, and every
// storage fault, against the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, ARTIFACTS, fillQuota, shared, openIn, appReady } from './harness.mjs';
import { EditorPage } from './editor-page.mjs';
import { expect } from './expect.mjs';

const NEW = '一、本年新收政府信息公开申请数量';
const GRANTED = '三、本年度办理结果（一）予以公开';

const s = shared();

const newPage = (context) => openIn(context, s.url);

const status = (page) => page.locator('#save-status').innerText();
const saved = (page) => expect(async () => /^已保存 \d\d:\d\d$/.test(await status(page)), 'saved');

async function typeReport(page, ed) {
  await page.getByRole('textbox', { name: '机关名称' }).fill('东里街道办事处');
  await page.getByRole('textbox', { name: '总述' }).fill('本年度政府信息公开工作稳步推进。\n第二段：“三安全一稳定”。');
  await ed.fill(`${NEW} 自然人`, '21');
  await ed.fill(`${GRANTED} 自然人`, '0');
  await ed.fill(`${GRANTED} 法人或其他组织 商业企业`, '');
}

test('Chinese text, numbers, a blank and a 0 come back exactly after a reload', async () => {
  const context = await s.browser.newContext();
  const { page, ed, errors } = await newPage(context);
  assert.match(await status(page), /新草稿/);
  await typeReport(page, ed);
  await saved(page);
  await page.reload();
  await appReady(page);
  const ed2 = new EditorPage(page);
  assert.equal(await page.getByRole('textbox', { name: '机关名称' }).inputValue(), '东里街道办事处');
  assert.equal(await page.getByRole('textbox', { name: '总述' }).inputValue(), '本年度政府信息公开工作稳步推进。\n第二段：“三安全一稳定”。');
  assert.equal(await ed2.value(`${NEW} 自然人`), '21');
  assert.equal(await ed2.value(`${GRANTED} 自然人`), '0', 'a 0 stays 0');
  assert.equal(await ed2.value(`${GRANTED} 法人或其他组织 商业企业`), '', 'a blank stays blank');
  assert.equal(await ed2.value(`${NEW} 总计`), '21');
  assert.match(await status(page), /^已保存/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('closing the page mid-typing loses at most the last second', async () => {
  const context = await s.browser.newContext();
  const { page } = await newPage(context);
  await page.getByRole('textbox', { name: '总述' }).pressSequentially('刚输入的文字');
  // No wait for the autosave: close at once. Leaving saves first, so there
  // is nothing unsaved to warn about.
  let asked = false;
  page.on('dialog', async (d) => {
    asked = true;
    await d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await page.waitForEvent('close');
  assert.equal(asked, false, 'no leave warning when everything could be saved');
  const { page: again } = await newPage(context);
  assert.equal(await again.getByRole('textbox', { name: '总述' }).inputValue(), '刚输入的文字');
  await context.close();
});

test('a full storage: the message shows, nothing typed is lost, the download works, leaving warns', async () => {
  const context = await s.browser.newContext({ acceptDownloads: true });
  const { page, ed } = await newPage(context);
  await ed.fill(`${NEW} 自然人`, '5');
  await saved(page);
  await fillQuota(page);
  const area = page.getByRole('textbox', { name: '总述' });
  await area.fill('存储已满时继续输入的内容'.repeat(20));
  await ed.fill(`${NEW} 自然人`, '6');
  await expect(async () => (await status(page)) === '未能保存', 'save fails');
  const banner = page.locator('#storage-banner');
  assert.match(await banner.innerText(), /存储空间已满[\s\S]*没有丢失[\s\S]*删除不需要的草稿/);
  await page.screenshot({ path: join(ARTIFACTS, 'quota.png') });
  assert.equal(await area.inputValue(), '存储已满时继续输入的内容'.repeat(20));
  assert.equal(await ed.value(`${NEW} 自然人`), '6');

  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: '下载 JSON 备份' }).click()]);
  assert.match(download.suggestedFilename(), /\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  const doc = JSON.parse(text);
  assert.equal(doc.report.overview.text, '存储已满时继续输入的内容'.repeat(20));
  assert.equal(doc.report.table3.newReceived.natural, 6);

  // Unsaved work: closing asks first.
  let asked = false;
  page.on('dialog', async (d) => {
    asked = d.type() === 'beforeunload';
    await d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect(async () => asked, 'the leave guard asked');
  await context.close();
});

test('a corrupt stored entry: the app starts, says so, keeps the raw entry and offers it', async () => {
  const context = await s.browser.newContext({ acceptDownloads: true });
  const raw = '{"schema":"nianbao.draft","schemaVersion":1,"name":"x","revision":3,"savedAt":1,"document":{"schema":"nianbao.report"';
  await context.addInitScript((raw) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('nianbao:draft:broken1', raw);
      localStorage.setItem('nianbao:last', 'broken1');
      sessionStorage.setItem('seeded', '1');
    }
  }, raw);
  const { page, ed, errors } = await newPage(context);
  const note = page.locator('#unreadable-drafts');
  await note.waitFor();
  assert.match(await note.innerText(), /有 1 份草稿无法打开[\s\S]*已原样保留，没有被覆盖/);
  // The app works, in a new draft, and never writes over the broken one.
  await ed.fill(`${NEW} 自然人`, '3');
  await saved(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao:draft:broken1')), raw);
  const [download] = await Promise.all([page.waitForEvent('download'), note.getByRole('button', { name: '下载原始内容' }).click()]);
  assert.equal(await readFile(await download.path(), 'utf8'), raw);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a draft from a newer version is left untouched and named', async () => {
  const context = await s.browser.newContext();
  const newer = JSON.stringify({ schema: 'nianbao.draft', schemaVersion: 99, name: 'future', revision: 1, savedAt: 1, document: {} });
  await context.addInitScript((newer) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('nianbao:draft:future1', newer);
      sessionStorage.setItem('seeded', '1');
    }
  }, newer);
  const { page, ed } = await newPage(context);
  assert.match(await page.locator('#unreadable-drafts').innerText(), /由更新版本的本工具保存，当前版本无法打开，已原样保留/);
  await ed.fill(`${NEW} 自然人`, '3');
  await saved(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao:draft:future1')), newer);
  await context.close();
});

test('storage that throws on access: in-memory mode with its message, and editing still works', async () => {
  const context = await s.browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const { page, ed, errors } = await newPage(context);
  const banner = page.locator('#storage-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /浏览器不允许本页面保存草稿[\s\S]*无痕[\s\S]*下载 JSON/);
  assert.match(await status(page), /浏览器不允许本页保存/);
  await ed.fill(`${NEW} 自然人`, '8');
  assert.equal(await ed.value(`${NEW} 总计`), '8');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two windows on one draft: no silent overwrite; the stale one can load the newer or save a copy', async () => {
  const context = await s.browser.newContext();
  const a = await newPage(context);
  await a.ed.fill(`${NEW} 自然人`, '1');
  await saved(a.page);
  const b = await newPage(context); // opens the same (last) draft
  assert.equal(await b.ed.value(`${NEW} 自然人`), '1');

  // A saves a newer version; B, with nothing unsaved, quietly takes it.
  await a.ed.fill(`${NEW} 自然人`, '2');
  await saved(a.page);
  await b.ed.waitForValue(`${NEW} 自然人`, '2');

  // Both edit within the autosave delay: A first, so A saves first while B
  // has unsaved work. B must not overwrite A.
  const draftId = await a.page.evaluate(() => localStorage.getItem('nianbao:last'));
  const stored = () => a.page.evaluate((id) => JSON.parse(localStorage.getItem(`nianbao:draft:${id}`)).document.report.table3, draftId);
  await a.ed.fill(`${NEW} 自然人`, '30');
  await b.ed.fill(`${GRANTED} 自然人`, '40');
  await expect(async () => (await stored()).newReceived.natural === 30, "A's save");
  await expect(async () => /此草稿已在其他窗口中修改/.test(await status(b.page)), 'B sees the conflict');
  await b.page.waitForTimeout(1000); // B's own autosave time passes
  assert.equal((await stored()).newReceived.natural, 30, "A's work stands");
  assert.equal((await stored()).granted.natural, null);
  await b.page.screenshot({ path: join(ARTIFACTS, 'conflict.png') });

  // B keeps its work as a copy; A's draft is untouched.
  await b.page.locator('#storage-banner').getByRole('button', { name: '另存为副本' }).click();
  await saved(b.page);
  assert.equal((await stored()).newReceived.natural, 30);
  const drafts = await b.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('nianbao:draft:')).length);
  assert.equal(drafts, 2);
  assert.equal(await b.ed.value(`${GRANTED} 自然人`), '40');
  assert.notEqual(await b.page.evaluate(() => localStorage.getItem('nianbao:last')), draftId, 'B now edits its copy');
  await context.close();
});

test('named drafts: new, rename, duplicate, open, delete with undo; the last one opens at start', async () => {
  const context = await s.browser.newContext();
  const { page, ed, errors } = await newPage(context);
  await page.getByRole('textbox', { name: '机关名称' }).fill('甲局');
  await saved(page);
  const openDrafts = async () => {
    await page.getByRole('button', { name: '草稿', exact: true }).click();
    return page.getByRole('dialog', { name: '我的草稿' });
  };
  let dialog = await openDrafts();
  await dialog.getByRole('button', { name: '新建草稿' }).click();
  await page.getByRole('textbox', { name: '机关名称' }).fill('乙局');
  await saved(page);

  dialog = await openDrafts();
  const rows = dialog.locator('.draft-row');
  await expect(async () => (await rows.count()) === 2, 'two drafts listed');
  const list = await dialog.innerText();
  assert.match(list, /乙局\d{4}年政府信息公开工作年度报告（正在编辑）/);
  assert.match(list, /甲局\d{4}年政府信息公开工作年度报告/);
  assert.match(list, /\d{4} 年度 · 最后保存 \d\d:\d\d · \d+ 个错误，\d+ 个提示/);

  page.once('dialog', (d) => d.accept('甲局草稿（初稿）'));
  await dialog.getByRole('button', { name: /^重命名 甲局/ }).click();
  await expect(async () => /甲局草稿（初稿）/.test(await dialog.innerText()), 'renamed');
  await dialog.getByRole('button', { name: '复制 甲局草稿（初稿）' }).click();
  await expect(async () => (await rows.count()) === 3, 'duplicated');
  assert.match(await dialog.innerText(), /甲局草稿（初稿）（副本）/);

  await dialog.getByRole('button', { name: '打开 甲局草稿（初稿）', exact: true }).click();
  assert.equal(await page.getByRole('textbox', { name: '机关名称' }).inputValue(), '甲局');

  dialog = await openDrafts();
  await dialog.getByRole('button', { name: '删除 甲局草稿（初稿）（副本）' }).click();
  await expect(async () => (await rows.count()) === 2, 'deleted');
  await dialog.getByRole('button', { name: '撤销删除' }).click();
  await expect(async () => (await rows.count()) === 3, 'restored');
  await page.screenshot({ path: join(ARTIFACTS, 'drafts.png') });
  // Deleted, and the dialog closed within the moment to undo: the offer stays on the page.
  await dialog.getByRole('button', { name: '删除 甲局草稿（初稿）（副本）' }).click();
  await expect(async () => (await rows.count()) === 2, 'deleted again');
  await dialog.getByRole('button', { name: '关闭' }).click();
  const offer = page.locator('#deleted-notice');
  assert.match(await offer.innerText(), /已删除“甲局草稿（初稿）（副本）”。/);
  await offer.getByRole('button', { name: '撤销删除' }).click();
  await expect(async () => (await offer.count()) === 0, 'offer gone once undone');
  dialog = await openDrafts();
  await expect(async () => (await rows.count()) === 3, 'restored from the page');
  await dialog.getByRole('button', { name: '关闭' }).click();

  // Reload: the last opened draft (甲局) comes back.
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByRole('textbox', { name: '机关名称' }).inputValue(), '甲局');
  assert.deepEqual(errors, []);
  await context.close();
});

test('f7: a new draft opened in December is for the year that is ending, its deadline ahead', async () => {
  const context = await s.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2026-12-05T10:00:00+08:00'));
  await page.goto(s.url);
  await appReady(page);
  assert.equal(await page.getByRole('spinbutton', { name: '报告年度' }).inputValue(), '2026');
  const body = await page.locator('main').innerText();
  assert.match(body, /距截止还有 57 天/);
  assert.doesNotMatch(body, /已逾期/);
  await context.close();
});

test('我的草稿 loads on first use: two clicks while it loads draw one dialog, and it opens with the list', async () => {
  const context = await s.browser.newContext({ serviceWorkers: 'block' });
  // The module's wasm arrives late, as on a slow first visit.
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route('**/nianbao_drafts_bg.wasm', async (route) => { await held; await route.continue(); });
  const { page, errors } = await newPage(context);
  await page.getByRole('textbox', { name: '机关名称' }).fill('丙局');
  await saved(page);
  const button = page.getByRole('button', { name: '草稿', exact: true });
  await button.click();
  await button.click();
  await page.waitForTimeout(300);
  release();
  const dialog = page.getByRole('dialog', { name: '我的草稿' });
  await dialog.waitFor();
  assert.equal(await page.locator('dialog.drafts').count(), 1, 'one dialog, however many clicks');
  assert.match(await dialog.locator('.draft-row').first().innerText(), /丙局[\s\S]*正在编辑/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  // Opened again, it shows the list as it is now.
  await page.getByRole('textbox', { name: '机关名称' }).fill('丁局');
  await saved(page);
  await button.click();
  await expect(async () => /丁局/.test(await dialog.locator('.draft-row').first().innerText()), 'the list as it is now');
  assert.deepEqual(errors, []);
  await context.close();
});
