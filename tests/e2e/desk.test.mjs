// From unit to collecting office and back, with files only: unit A sends a
// 报送包; the office pastes a roster of four and adds three packages — each
// unit's status, one 未报 and late —; it returns A's package with two comments
// at cells; A imports the 退回意见 and sees them at those cells, changes one,
// explains the other, sends a new package carrying the replies; the office
// sees 已修改 and the 说明 beside its comments and passes it. A published page
// differing from the package in one cell is reported as that cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, shared, openApp, appReady } from './harness.mjs';
import { expect } from './expect.mjs';

const NEW = '一、本年新收政府信息公开申请数量';
const GRANTED = '三、本年度办理结果（一）予以公开';
const s = shared();

async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(ARTIFACTS, `desk-${Date.now()}-${d.suggestedFilename()}`);
  await writeFile(path, await readFile(await d.path()));
  return { name: d.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

async function packageOf(page, agency) {
  await page.getByRole('textbox', { name: '机关名称' }).fill(agency);
  return download(page, () => page.getByRole('button', { name: '下载报送包', exact: true }).first().click());
}

const statusOf = async (office, name) => (await office.locator(`#desk-table tr[data-desk="${name}"] .desk-status`).innerText()).trim();

test('报送包 → roster and statuses → 退回 with two cell comments → comments at the cells → replies → 通过; a changed published page is named by its cell', async () => {
  const unit = await openApp(s.browser, s.url);
  const { page, ed } = unit;
  await ed.setYear(2025);
  await ed.fill(`${NEW} 自然人`, '12');
  await ed.fill(`${GRANTED} 自然人`, '5');
  const others = [await packageOf(page, '乙局'), await packageOf(page, '丙局')];
  const a1 = await packageOf(page, '甲局');
  const code1 = JSON.parse(a1.text).submission.code;

  // The office, on its own machine.
  const office = await openApp(s.browser, `${s.url}#collect`);
  const o = office.page;
  await o.getByRole('heading', { name: '汇总：检查和合计多个单位的报告' }).waitFor();
  await o.locator('#desk-roster').fill('单位名称\n甲局\n乙局\n丙局\n丁局\n');
  await o.locator('#desk-roster-save').click();
  await expect(async () => /名单已保存：4 个单位/.test(await o.locator('#desk-said').innerText()), 'roster kept');
  await o.locator('#desk-deadline').fill('2026-01-20');
  await o.locator('#desk-deadline').dispatchEvent('change');
  await o.setInputFiles('#collect-files', [a1.path, ...others.map((x) => x.path)]);
  await expect(async () => (await o.locator('#desk-table tbody tr').count()) === 4, 'four roster lines');
  const all = async () => Promise.all(['甲局', '乙局', '丙局'].map((n) => statusOf(o, n)));
  await expect(async () => (await all()).every((x) => x === '已报'), 'three 已报');
  assert.equal(await statusOf(o, '丁局'), '未报');
  assert.match(await o.locator('#desk-counts').innerText(), /未报 1，已报 3，退回修改 0，已通过 0/);
  assert.match(await o.locator('#desk-countdown').innerText(), /已过截止日期（2026-01-20）/);
  assert.match(await o.locator('#desk-late').innerText(), /逾期未报（1 个）：丁局/);
  assert.match(await o.locator('#desk-table tr[data-desk="甲局"]').innerText(), new RegExp(code1));

  // 退回 with two comments at cells.
  await o.locator('#desk-table tr[data-desk="甲局"]').getByRole('button', { name: '审核…' }).click();
  const dialog = o.getByRole('dialog', { name: /审核：/ });
  await dialog.waitFor();
  // The places are grouped: the text sections, then each table's cells.
  assert.deepEqual(await dialog.locator('#review-at optgroup').evaluateAll((g) => g.map((x) => x.label)), ['文字部分', '表二', '表三', '表四']);
  await dialog.locator('#review-at').selectOption({ label: `${NEW} 自然人` });
  await dialog.locator('#review-text').fill('请核对自然人新收申请数，与台账不符。');
  await dialog.locator('#review-add').click();
  await dialog.locator('#review-at').selectOption({ label: `${GRANTED} 自然人` });
  await dialog.locator('#review-text').fill('予以公开件数请说明依据。');
  await dialog.locator('#review-add').click();
  await dialog.locator('#review-at').selectOption({ label: '五、存在的主要问题及改进情况' });
  await dialog.locator('#review-text').fill('请补充改进措施。');
  await dialog.locator('#review-add').click();
  assert.equal(await dialog.locator('#review-comments li').count(), 3);
  const returned = await download(o, () => dialog.locator('#review-return').click());
  assert.match(returned.name, /（退回意见）\.json$/);
  assert.equal(JSON.parse(returned.text).schema, 'nianbao.review');
  await expect(async () => (await statusOf(o, '甲局')) === '退回修改', '甲局 退回修改');

  // The unit imports it: the comments at their cells.
  await page.setInputFiles('#import-file', returned.path);
  await expect(async () => /共 3 条意见/.test(await ed.notice().innerText()), 'said');
  const findings = page.locator('#section-requests .table-findings');
  const said = async () => (await findings.count()) ? findings.textContent() : '';
  await expect(async () => /审核意见（第1条/.test(await said()) && /审核意见（第2条/.test(await said()), 'at 表三');
  assert.match(await ed.cell(`${NEW} 自然人`).getAttribute('title'), /请核对自然人新收申请数/);
  // A comment on a section shows under its text box.
  await expect(async () => /审核意见（第3条，.*请补充改进措施/.test(await page.locator('.field-findings').allTextContents().then((t) => t.join(' '))), 'at the section');
  // A reload keeps them.
  await page.reload();
  await appReady(page);
  await expect(async () => /审核意见（第2条/.test(await said()), 'kept');

  const check = await download(page, () => page.getByRole('button', { name: '体检报告', exact: true }).first().click());
  assert.match(check.text, /汇总单位的审核意见（第1条，一、本年新收政府信息公开申请数量 自然人）：请核对自然人新收申请数/);

  // One fixed, one explained.
  await ed.fill(`${NEW} 自然人`, '13');
  await expect(async () => !/审核意见（第1条/.test(await said()), 'a fixed comment goes');
  const second = page.locator('#section-requests .table-findings li', { hasText: '审核意见（第2条' });
  await second.getByRole('button', { name: '说明原因' }).click();
  await second.getByRole('textbox', { name: '说明原因' }).fill('依据申请登记台账第 3 至 7 号。');
  await page.keyboard.press('Enter');
  await expect(async () => /已说明：依据申请登记台账/.test(await second.innerText()), 'explained');
  const a2 = await download(page, () => page.getByRole('button', { name: '下载报送包', exact: true }).first().click());
  const replies = JSON.parse(a2.text).submission.replies;
  assert.deepEqual(replies.map((r) => [r.comment, r.kind]), [[1, 'fixed'], [2, 'explained']]);
  await expect(async () => /附有对 2 条审核意见的答复/.test(await ed.notice().innerText()), 'the notice says the replies go with it');

  // The office: the new version replaces the old; 已修改 and the 说明 beside the comments.
  await o.setInputFiles('#collect-files', a2.path);
  const dup = o.getByRole('dialog', { name: '有重复的单位' });
  await dup.getByRole('button', { name: '换成新添加的' }).click();
  await expect(async () => (await statusOf(o, '甲局')) === '已报', 'a new version is 已报');
  await o.locator('#desk-table tr[data-desk="甲局"]').getByRole('button', { name: '审核…' }).click();
  await dialog.waitFor();
  const answers = await dialog.locator('#review-answers').innerText();
  assert.match(answers, /第1条.*请核对自然人新收申请数[\s\S]*已修改（现为 13）/);
  assert.match(answers, /第2条[\s\S]*说明：依据申请登记台账第 3 至 7 号。/);
  assert.match(answers, /第3条（五、存在的主要问题及改进情况）：请补充改进措施。\n?未答复/);

  // Changed after publishing: the page as published differs in one cell.
  const html = await download(page, () => page.getByRole('button', { name: '下载 HTML', exact: true }).first().click());
  const changed = html.text
    .replace(/<script[^>]*application\/json[^>]*>[\s\S]*?<\/script>/, '')
    .replace(/(id="table3-granted-natural"[^>]*>)5</, '$16<');
  assert.notEqual(changed, html.text);
  const published = join(ARTIFACTS, 'desk-published.html');
  await writeFile(published, changed);
  await dialog.locator('#review-published').setInputFiles(published);
  await expect(async () => /有 1 处不同/.test(await dialog.locator('#review-published-result').innerText()), 'one difference');
  assert.match(await dialog.locator('#review-published-result').innerText(), /表三“三、本年度办理结果（一）予以公开 自然人”：报送包中为 5，发布的为 6/);
  await dialog.locator('#review-published').setInputFiles(html.path);
  await expect(async () => /完全一致/.test(await dialog.locator('#review-published-result').innerText()), 'the export as made is identical');

  // The unit can check its own published page the same way, in the editor.
  await page.getByRole('button', { name: '核对已发布的报告', exact: true }).click();
  const own = page.getByRole('dialog', { name: '核对已发布的报告' });
  await own.locator('#compose-published').setInputFiles(published);
  await expect(async () => /有 1 处不同/.test(await own.locator('#compose-published-result').innerText()), 'the editor names it too');
  assert.match(await own.locator('#compose-published-result').innerText(), /予以公开 自然人”：当前报告中为 5，发布的为 6/);
  await own.locator('#compose-published').setInputFiles(html.path);
  await expect(async () => /完全一致/.test(await own.locator('#compose-published-result').innerText()), 'its own export is identical');
  await own.getByRole('button', { name: '关闭', exact: true }).click();

  await dialog.locator('#review-pass').click();
  await expect(async () => (await statusOf(o, '甲局')) === '已通过', '已通过');
  // The desk is kept.
  await o.reload();
  await appReady(o);
  await expect(async () => (await o.locator('#desk-table tbody tr').count()) === 4, 'reloaded');
  await expect(async () => (await statusOf(o, '甲局')) === '已通过', 'still 已通过');
  assert.deepEqual(unit.errors, []);
  assert.deepEqual(office.errors, []);
  await unit.context.close();
  await office.context.close();
});
