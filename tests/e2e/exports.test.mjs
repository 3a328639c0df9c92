// Export and import: publishable HTML, re-importable JSON, bad files, last
// year's carry-over, valid HTML, and nothing typed can execute.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, shared, appReady } from './harness.mjs';
import { EditorPage } from './editor-page.mjs';
import { expect } from './expect.mjs';

const run = promisify(execFile);
const NEW = '一、本年新收政府信息公开申请数量';
const CARRIED = '二、上年结转政府信息公开申请数量';
const GRANTED = '三、本年度办理结果（一）予以公开';
const FORWARD = '四、结转下年度继续办理';

const s = shared();

async function fresh() {
  const context = await s.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(s.url);
  await appReady(page);
  return { context, page, ed: new EditorPage(page), errors };
}

async function downloadText(page, button) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

async function fill(page, ed, year = 2024) {
  await ed.setYear(year);
  await page.getByRole('textbox', { name: '机关名称' }).fill('东里街道办事处');
  await page.getByRole('combobox', { name: '机关类型' }).selectOption('subdistrict');
  await page.getByRole('textbox', { name: '所在地区' }).fill('河北省邢台市桥西区');
  await page.getByLabel('落款日期').fill(`${year + 1}-01-20`);
  await page.getByRole('textbox', { name: year >= 2021 ? '总述' : '总体情况' }).fill('本年度共收到政府信息公开申请21件。\n第二段。');
  await ed.fill(`${NEW} 自然人`, '21');
  await ed.fill(`${CARRIED} 自然人`, '2');
  await ed.fill(`${GRANTED} 自然人`, '20');
  await ed.fill(`${FORWARD} 自然人`, '3');
  await ed.fill('行政复议 结果维持', '1');
  await page.getByRole('textbox', { name: '存在的主要问题及改进情况' }).fill('一是公开深度不够；二是解读形式单一。');
  await page.getByRole('textbox', { name: '其他需要报告的事项' }).fill('本年度未收取信息处理费。');
}

async function importFile(page, path, choice = '替换当前草稿') {
  await page.setInputFiles('#import-file', path);
  const dialog = page.getByRole('dialog', { name: '导入报告' });
  await dialog.waitFor();
  const preview = await dialog.innerText();
  await dialog.getByRole('button', { name: choice }).click();
  return preview;
}

test('fill → export HTML → import that HTML → the identical report; export JSON → import in a fresh profile → identical', async () => {
  const { context, page, ed, errors } = await fresh();
  await fill(page, ed);
  const before = await downloadText(page, '下载 JSON');
  assert.equal(before.name, '东里街道办事处2024年政府信息公开工作年度报告.json');
  const html = await downloadText(page, '下载 HTML');
  assert.equal(html.name, '东里街道办事处2024年政府信息公开工作年度报告.html');
  const htmlPath = join(ARTIFACTS, 'export-f2021.html');
  await writeFile(htmlPath, html.text);

  // How the published page looks.
  const view = await context.newPage();
  await view.setContent(html.text);
  await view.screenshot({ path: join(ARTIFACTS, 'export-f2021.png'), fullPage: true });
  assert.equal(await view.locator('h1').innerText(), '东里街道办事处2024年政府信息公开工作年度报告');
  assert.equal(await view.locator('#table3-newReceived-total').innerText(), '21');
  await view.close();

  // Change the draft, then import the HTML back over it: everything returns.
  await ed.fill(`${NEW} 自然人`, '99');
  const preview = await importFile(page, htmlPath);
  assert.match(preview, /东里街道办事处[\s\S]*2024[\s\S]*2021年版格式/);
  await ed.waitForValue(`${NEW} 自然人`, '21');
  const after = await downloadText(page, '下载 JSON');
  assert.equal(after.text, before.text, 'HTML import restores the report exactly');

  // JSON into a fresh browser profile.
  const jsonPath = join(ARTIFACTS, 'export-f2021.json');
  await writeFile(jsonPath, before.text);
  const other = await fresh();
  await importFile(other.page, jsonPath, '作为新草稿打开');
  await other.ed.waitForValue(`${NEW} 自然人`, '21');
  assert.equal((await downloadText(other.page, '下载 JSON')).text, before.text);
  assert.deepEqual([...errors, ...other.errors], []);
  await other.context.close();
  await context.close();
});

test('bad files say what is wrong and leave the open draft untouched', async () => {
  const { context, page, ed, errors } = await fresh();
  await ed.fill(`${NEW} 自然人`, '7');
  const good = JSON.parse(await readFile(join(ROOT, 'crates/nianbao-core/tests/fixtures/v1-f2021.json'), 'utf8'));
  const cases = [
    ['not-json.json', 'this is not json', /不是有效的 JSON/],
    ['other.json', JSON.stringify({ type: 'FeatureCollection', features: [] }), /不是本工具导出的/],
    ['newer.json', JSON.stringify({ ...good, schemaVersion: 99 }), /更新版本[\s\S]*第 99 版/],
    ['range.json', JSON.stringify({ ...good, report: { ...good.report, year: 1999 } }), /报告年度 1999 不在/],
    ['fraction.json', JSON.stringify({ ...good, report: { ...good.report, table3: { ...good.report.table3, granted: { ...good.report.table3.granted, natural: 1.5 } } } }), /整数/],
    ['deep.json', '['.repeat(100000) + ']'.repeat(100000), /嵌套过深/],
    ['page.html', '<!DOCTYPE html><html><body><p>别的网页</p></body></html>', /没有找到年度报告的统计表格/],
  ];
  for (const [name, text, why] of cases) {
    const path = join(ARTIFACTS, name);
    await writeFile(path, text);
    await page.setInputFiles('#import-file', path);
    await expect(async () => why.test(await ed.notice().innerText()), `${name}: ${why}`);
    assert.match(await ed.notice().innerText(), /没有导入：当前草稿没有任何改动/);
    assert.equal(await ed.value(`${NEW} 自然人`), '7', `${name} left the draft alone`);
    assert.equal(await page.getByRole('dialog', { name: '导入报告' }).isVisible(), false);
  }
  // A file over the one size limit (64 MB) is refused before it is read.
  const big = join(ARTIFACTS, 'big.json');
  await writeFile(big, Buffer.alloc(70 * 1024 * 1024, 0x20));
  await page.setInputFiles('#import-file', big);
  await expect(async () => /太大（70\.0 MB）[\s\S]*上限 64 MB/.test(await ed.notice().innerText()), '70 MB refused');
  assert.equal(await ed.value(`${NEW} 自然人`), '7');
  assert.deepEqual(errors, []);
  await context.close();
});

test("last year's report fills 上年结转 and a deliberate mismatch shows Y1", async () => {
  const { context, page, ed, errors } = await fresh();
  const last = JSON.parse(await readFile(join(ROOT, 'crates/nianbao-core/tests/fixtures/v1-f2021.json'), 'utf8'));
  last.report.year = 2023;
  const path = join(ARTIFACTS, 'last-year.json');
  await writeFile(path, JSON.stringify(last));
  await ed.setYear(2024);
  await page.setInputFiles('#import-last-year', path);
  await expect(async () => /已导入 2023 年度报告作为上年报告/.test(await ed.notice().innerText()), 'loaded');
  assert.match(await ed.notice().innerText(), /二、上年结转政府信息公开申请数量/);
  assert.equal(await ed.value(`${CARRIED} 自然人`), '3');
  assert.equal(await ed.value(`${CARRIED} 法人或其他组织 商业企业`), '1');
  assert.equal(await ed.value(`${CARRIED} 总计`), '4');

  await ed.fill(`${CARRIED} 自然人`, '5');
  const listed = page.locator('#section-requests .table-findings');
  await expect(async () => /（Y1）/.test(await listed.innerText()), 'Y1 shows under 表三');
  assert.match(await listed.innerText(), /表三“二、上年结转政府信息公开申请数量 自然人”为 5，按上年报告应为 3 = 3，相差 2/);
  // Kept with the draft: after a reload the check still runs.
  await expect(async () => /^已保存/.test(await page.locator('#save-status').innerText()), 'saved');
  await page.reload();
  await appReady(page);
  await ed.check();
  await expect(async () => /（Y1）/.test(await ed.summaryText()), 'Y1 after reload');

  // A report of the wrong year is refused.
  last.report.year = 2020;
  await writeFile(path, JSON.stringify(last));
  await page.setInputFiles('#import-last-year', path);
  await expect(async () => /选择的是 2020 年度的报告，而上年报告应是 2023 年度的/.test(await ed.notice().innerText()), 'wrong year');
  assert.deepEqual(errors, []);
  await context.close();
});

test('exports of both formats pass the W3C Nu HTML Checker with 0 errors', async () => {
  const files = [];
  for (const year of [2024, 2020]) {
    const { context, page, ed } = await fresh();
    await fill(page, ed, year);
    const html = await downloadText(page, '下载 HTML');
    const path = join(ARTIFACTS, `nu-${year}.html`);
    await writeFile(path, html.text);
    files.push(path);
    await context.close();
  }
  const vnu = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
  const { stdout, stderr } = await run('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files]).catch((e) => e);
  const report = JSON.parse(stderr || stdout || '{"messages":[]}');
  const errors = report.messages.filter((m) => m.type === 'error');
  assert.deepEqual(errors, [], JSON.stringify(errors, null, 1));
});

test('hostile text in every field never executes, in the app or in the exported HTML', async () => {
  const corpus = JSON.parse(await readFile(join(ROOT, 'crates/nianbao-core/tests/fixtures/xss-corpus.json'), 'utf8'));
  assert.ok(corpus.length >= 200);
  const { context, page, errors } = await fresh();
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  const fields = ['机关名称', '所在地区', '总述', '（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障', '存在的主要问题及改进情况', '其他需要报告的事项'];
  const per = Math.ceil(corpus.length / fields.length);
  for (const [i, name] of fields.entries()) {
    const chunk = corpus.slice(i * per, (i + 1) * per).join(name === '机关名称' || name === '所在地区' ? ' ' : '\n');
    await page.getByRole('textbox', { name, exact: true }).fill(chunk);
  }
  await page.getByRole('button', { name: '检查' }).click();
  await page.locator('#error-summary').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('img, iframe:not(#print-frame), svg, object, embed, marquee').count(), 0, 'no element came from typed text');
  // The exported file, opened with scripts allowed, runs nothing either.
  const html = await downloadText(page, '下载 HTML');
  const view = await context.newPage();
  view.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  await view.setContent(html.text);
  await view.waitForTimeout(300);
  assert.equal(await view.evaluate(() => window.__pwned), undefined);
  assert.equal(await view.locator('script').count(), 1);
  assert.equal(await view.locator('body img, body iframe, body svg, body object, body embed').count(), 0);
  const embedded = await view.evaluate(() => JSON.parse(document.getElementById('nianbao-report').textContent));
  assert.equal(embedded.report.problems, corpus.slice(8 * per, 9 * per).join('\n'));
  assert.equal(dialogs, 0);
  assert.deepEqual(errors, []);
  await context.close();
});
