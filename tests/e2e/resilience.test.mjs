// Nothing typed is lost and every limit holds, however the browser or the
// files misbehave: each test is named after the defect it guards (E2–E10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, fillQuota, shared, appReady } from './harness.mjs';
import { EditorPage, cellIn, cellValue, fillCell } from './editor-page.mjs';
import { expect } from './expect.mjs';

const NEW = '一、本年新收政府信息公开申请数量';
const CELL = `${NEW} 自然人`;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const s = shared();

async function open(context, url = s.url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await appReady(page);
  return { page, ed: new EditorPage(page), errors };
}

const status = (page) => page.locator('#save-status').innerText();
const saved = (page) => expect(async () => /^已保存 \d\d:\d\d$/.test(await status(page)), 'saved');


async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return d;
}

test('E2 a browser closed 100 ms after typing loses nothing (20 runs)', async () => {
  const profile = await mkdtemp(join(ARTIFACTS, 'profile-'));
  let recovered = 0;
  try {
    for (let run = 0; run < 20; run++) {
      const want = String(1000 + run);
      let context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
      let page = context.pages()[0] ?? (await context.newPage());
      await page.goto(s.url);
      await appReady(page);
      const cell = cellIn(page, CELL);
      await cell.focus();
      await cell.fill('');
      await cell.pressSequentially(want);
      await page.waitForTimeout(100);
      await context.close();

      context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto(s.url);
      await appReady(page);
      assert.equal(await cellValue(cellIn(page, CELL)), want, `run ${run}`);
      const notice = page.locator('#notice');
      if (await notice.count()) {
        assert.match(await notice.innerText(), /已恢复上次未保存的 \d+ 处修改/);
        recovered += 1;
      }
      await context.close();
    }
    console.log(`E2: 20 of 20 runs kept the typing; ${recovered} were restored from the journal`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

test('E3 storage full at start: the saved drafts open, and the page says what takes the room', async () => {
  const context = await s.browser.newContext();
  const { page, ed } = await open(context);
  await page.getByRole('textbox', { name: '机关名称' }).fill('满额测试局');
  await ed.fill(CELL, '5');
  await saved(page);
  await fillQuota(page);
  await page.reload();
  await appReady(page);
  assert.equal(await ed.value(CELL), '5', 'the saved draft opens');
  const banner = page.locator('#storage-banner');
  const text = await banner.innerText();
  assert.match(text, /存储空间已满/);
  assert.match(text, /现有 1 份草稿[\s\S]*满额测试局[\s\S]*另有约 [\d.]+ MB 是本网站其他页面保存的数据/);
  assert.doesNotMatch(text, /无痕|隐私/, 'not blamed on private mode');
  await page.screenshot({ path: join(ARTIFACTS, 'quota-at-start.png') });
  await context.close();
});

test('E4 texts at the 200,000-character limit: saved, reopened, backed up and imported', async () => {
  const context = await s.browser.newContext({ acceptDownloads: true });
  const { page, ed, errors } = await open(context);
  const long = '政'.repeat(200_000);
  const overview = page.getByRole('textbox', { name: '总述' });
  const problems = page.getByRole('textbox', { name: '存在的主要问题及改进情况' });
  await overview.fill(long);
  await problems.fill(long + '多出来的字');
  await ed.fill(CELL, '9');
  assert.ok((await problems.inputValue()).length <= 200_000, 'typing stops at the limit');
  await saved(page);
  await page.reload();
  await appReady(page);
  assert.equal(await overview.inputValue(), long, 'the saved draft reopens');
  assert.equal(await problems.inputValue(), long);
  assert.equal(await page.locator('#unreadable-drafts').count(), 0);
  const backup = await download(page, () => ed.button('下载 JSON').click());
  const path = join(ARTIFACTS, 'limit-backup.json');
  await backup.saveAs(path);
  await ed.fill(CELL, '1');
  await page.setInputFiles('#import-file', path);
  const dialog = page.getByRole('dialog', { name: '导入报告' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '替换当前草稿' }).click();
  await ed.waitForValue(CELL, '9');
  assert.equal(await overview.inputValue(), long);
  assert.deepEqual(errors, []);
  await context.close();
});

test('E5 counts beyond the limit are refused on import, naming the limit', async () => {
  const context = await s.browser.newContext();
  const { page, ed } = await open(context);
  const doc = JSON.parse(await readFile(join(import.meta.dirname, '../../examples/sample-report.json'), 'utf8'));
  doc.report.table3.newReceived.natural = -9223372036854775807;
  const path = join(ARTIFACTS, 'huge-count.json');
  await writeFile(path, JSON.stringify(doc).replace('-9223372036854776000', '-9223372036854775807'));
  await page.setInputFiles('#import-file', path);
  await expect(async () => /99,999,999/.test(await ed.notice().innerText()), 'refused with the limit');
  assert.match(await ed.notice().innerText(), /没有导入/);
  // Typing past the limit is refused at the cell too.
  await ed.fill(CELL, '100000000');
  assert.match(await page.locator('#desc-table3-newReceived-natural').textContent(), /最多填写 99,999,999/);
  await context.close();
});

test('E6 a very long agency name still downloads, under a shortened file name', async () => {
  const context = await s.browser.newContext({ acceptDownloads: true });
  const { page, ed } = await open(context);
  await page.getByRole('textbox', { name: '机关名称' }).fill('很长的机关名称'.repeat(150_000));
  const html = await download(page, () => ed.button('下载 HTML').click());
  assert.ok(html.suggestedFilename().length <= 90, html.suggestedFilename());
  assert.match(html.suggestedFilename(), /^很长的机关名称.*….*年政府信息公开工作年度报告\.html$/);
  await context.close();
});

test('E7 a corrupt open draft is said as such, not as another window; its copy saves', async () => {
  const context = await s.browser.newContext();
  const { page, ed } = await open(context);
  await ed.fill(CELL, '4');
  await saved(page);
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('nianbao:draft:'));
    localStorage.setItem(key, '{"schema":"nianbao.draft","schemaVersion":1,"name":');
  });
  await ed.fill(CELL, '44');
  await expect(async () => /已损坏/.test(await status(page)), 'status says corrupt');
  const banner = await page.locator('#storage-banner').innerText();
  assert.match(banner, /已损坏/);
  assert.doesNotMatch(banner, /载入较新的版本/);
  // The damaged entry is kept and offered as it is.
  const unreadable = page.locator('#unreadable-drafts');
  await expect(async () => (await unreadable.count()) === 1, 'the damaged entry is listed');
  assert.equal(await unreadable.getByRole('button', { name: '下载原始内容' }).count(), 1);
  await page.locator('#storage-banner').getByRole('button', { name: '另存为新草稿' }).click();
  await saved(page);
  assert.equal(await ed.value(CELL), '44');
  await context.close();
});

test('E7 a failed copy on a full storage leaves the open draft saved', async () => {
  const context = await s.browser.newContext();
  const { page, ed } = await open(context);
  await page.getByRole('textbox', { name: '总述' }).fill('副本测试'.repeat(500));
  await saved(page);
  const before = await status(page);
  await fillQuota(page);
  await page.getByRole('button', { name: '草稿', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '我的草稿' });
  await dialog.getByRole('button', { name: /^复制 / }).click();
  await expect(async () => /没有复制[\s\S]*存储空间已满/.test(await dialog.locator('#drafts-problem').innerText()), 'copy failure said');
  assert.equal(await status(page), before, 'the open draft is still saved');
  await context.close();
});

test('E8 text typed into a cell that does not parse survives a reload with its finding', async () => {
  const context = await s.browser.newContext();
  const { page, ed } = await open(context);
  await ed.fill(CELL, '12a');
  await saved(page);
  await page.reload();
  await appReady(page);
  assert.equal(await ed.value(CELL), '12a');
  assert.match(await page.locator('#desc-table3-newReceived-natural').textContent(), /不是数字/);
  assert.match(await status(page), /^已保存/, 'nothing left unsaved');
  await ed.fill(CELL, '12');
  await saved(page);
  await page.reload();
  await appReady(page);
  assert.equal(await ed.value(CELL), '12');
  await context.close();
});

test('E9 a 10,000-line refused paste names twenty problems and counts the rest', async () => {
  const context = await s.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.url).origin });
  const { page, ed } = await open(context);
  await ed.paste(CELL, '7\tx\n'.repeat(10_000));
  await expect(async () => /粘贴没有完成/.test(await ed.notice().innerText()), 'refused', 10_000);
  const items = await ed.notice().locator('li').allInnerTexts();
  assert.equal(items.length, 21);
  assert.match(items[20], /另有 \d+ 处问题没有逐一列出（粘贴的内容共 10000 行）/);
  assert.equal(await ed.value(CELL), '', 'nothing written');
  await context.close();
});

test('E10 importing a file identical to the draft says so and adds no undo step', async () => {
  const context = await s.browser.newContext({ acceptDownloads: true });
  const { page, ed } = await open(context);
  await ed.fill(CELL, '3');
  const file = await download(page, () => ed.button('下载 JSON').click());
  const path = join(ARTIFACTS, 'identical.json');
  await file.saveAs(path);
  await page.setInputFiles('#import-file', path);
  const dialog = page.getByRole('dialog', { name: '导入报告' });
  await dialog.getByRole('button', { name: '替换当前草稿' }).click();
  await expect(async () => /完全相同，草稿没有任何改动/.test(await ed.notice().innerText()), 'said');
  assert.doesNotMatch(await ed.notice().innerText(), /撤销/);
  // Undo goes to before the user's own edit, as it would have without the import.
  await ed.button('撤销').click();
  await ed.waitForValue(CELL, '');
  await context.close();
});

test('strict reading: a GB18030 file is decoded and said, a damaged UTF-8 file refused, an edited HTML export shown cell by cell', async () => {
  const context = await s.browser.newContext({ acceptDownloads: true });
  const { page, ed } = await open(context);
  await page.getByRole('textbox', { name: '机关名称' }).fill('东里街道办事处');
  await ed.fill(CELL, '21');
  const json = join(ARTIFACTS, 'utf8.json');
  await (await download(page, () => ed.button('下载 JSON').click())).saveAs(json);
  const html = join(ARTIFACTS, 'utf8.html');
  await (await download(page, () => ed.button('下载 HTML').click())).saveAs(html);
  const dialog = page.getByRole('dialog', { name: '导入报告' });

  // Re-saved as GB18030 by another program.
  const gbk = join(ARTIFACTS, 'gb18030.json');
  await writeFile(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', json]));
  await page.setInputFiles('#import-file', gbk);
  await dialog.waitFor();
  assert.match(await dialog.locator('#import-encoding').innerText(), /GB18030（GBK）编码/);
  assert.match(await dialog.innerText(), /东里街道办事处/);
  await dialog.getByRole('button', { name: '取消' }).click();

  // One flipped byte inside a Chinese character.
  const bytes = await readFile(json);
  const at = bytes.indexOf(Buffer.from('东'));
  bytes[at + 1] ^= 0x40;
  const damaged = join(ARTIFACTS, 'damaged.json');
  await writeFile(damaged, bytes);
  await page.setInputFiles('#import-file', damaged);
  await expect(async () => /文件已损坏[\s\S]*UTF-8/.test(await ed.notice().innerText()), 'damaged refused');

  // The visible 表三 edited by hand, the embedded data left as it was.
  const text = await readFile(html, 'utf8');
  const edited = text.replace(/(id="table3-newReceived-natural"[^>]*>)21</, '$1210<');
  assert.notEqual(edited, text);
  const editedPath = join(ARTIFACTS, 'edited.html');
  await writeFile(editedPath, edited);
  await page.setInputFiles('#import-file', editedPath);
  await dialog.waitFor();
  assert.match(await dialog.locator('#import-differences').innerText(),
    /1 处不一致[\s\S]*表三“一、本年新收政府信息公开申请数量 自然人”：表格中显示 210，嵌入的数据为 21/);
  await page.screenshot({ path: join(ARTIFACTS, 'import-differences.png') });
  await context.close();
});

test('the 信息处理费 figures follow the cells: unreadable text kept with its error, read values saved, across a reload', async () => {
  const context = await s.browser.newContext();
  const { page, errors } = await open(context);
  const notices = page.getByRole('textbox', { name: '信息处理费 收费通知件数' });
  const billed = page.getByRole('textbox', { name: '信息处理费 应收金额（元）' });
  await notices.fill('3件a');
  await billed.fill('1,250.5元');
  await expect(async () => /不是数字/.test(await page.locator('#fee-notices-error').textContent()), 'error shown');
  assert.equal(await notices.getAttribute('aria-invalid'), 'true');
  await saved(page);
  await page.reload();
  await appReady(page);
  assert.equal(await notices.inputValue(), '3件a', 'kept as typed');
  assert.match(await page.locator('#fee-notices-error').textContent(), /不是数字/);
  assert.equal(await billed.inputValue(), '1250.5', 'read and shown as the export prints it');
  await notices.fill('3');
  await saved(page);
  assert.equal(await page.locator('#fee-notices-error').textContent(), '');
  assert.deepEqual(errors, []);
  await context.close();
});
