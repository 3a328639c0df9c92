// 一图读懂 (a module loaded on first use): the picture drawn from the report's
// figures, every figure also in the table under it; the SVG downloads and a
// renderer other than the browser (librsvg's rsvg-convert) draws it; the PNG
// the browser's canvas makes is a real PNG, 1080 wide for the web version and
// under 1 MB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ARTIFACTS, shared, openApp } from './harness.mjs';
import { expect } from './expect.mjs';

const NEW = '一、本年新收政府信息公开申请数量';
const GRANTED = '三、本年度办理结果（一）予以公开';
const PARTIAL = '三、本年度办理结果（二）部分公开（区分处理的，只计这一情形，不计其他情形）';

const s = shared();

async function download(page, dialog, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name, exact: true }).click()]);
  const path = join(ARTIFACTS, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path };
}

test('一图读懂: the figures in the picture and its table, SVG drawn by another renderer, PNG 1080 wide under 1 MB', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  await ed.setYear(2025);
  await page.getByRole('textbox', { name: '机关名称' }).fill('示例区<b>司法局</b>');
  await ed.fill(`${NEW} 自然人`, '20');
  await ed.fill(`${GRANTED} 自然人`, '15');
  await ed.fill(`${PARTIAL} 自然人`, '5');
  await ed.fill('行政复议 结果纠正', '1');
  await ed.button('一图读懂').click();
  const dialog = page.getByRole('dialog', { name: '一图读懂' });
  await dialog.waitFor();
  const picture = dialog.getByRole('img', { name: /示例区<b>司法局<\/b>2025年政府信息公开工作年度报告：一图读懂/ });
  await expect(async () => (await picture.count()) === 1, 'the picture, named by its title');
  const table = dialog.locator('table.infographic-data');
  assert.match(await table.innerText(), /本年新收申请\s+20/);
  assert.match(await table.innerText(), /实质公开率\s+100\.0%/);
  assert.match(await table.innerText(), /复议纠错率\s+100\.0%/);
  await page.screenshot({ path: join(ARTIFACTS, 'graphic-dialog.png') });

  const svg = await download(page, dialog, '下载 SVG');
  assert.match(svg.name, /一图读懂（A4 竖版（打印））\.svg$/);
  const text = await readFile(svg.path, 'utf8');
  assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="210mm" height="297mm"/);
  assert.match(text, /示例区&lt;b&gt;司法局&lt;\/b&gt;/);
  for (const figure of ['20', '予以公开 15件（75.0%）', '部分公开 5件（25.0%）', '100.0%']) assert.ok(text.includes(figure), figure);
  // Another renderer draws it.
  const png = join(ARTIFACTS, 'graphic-rsvg.png');
  execFileSync('rsvg-convert', ['-w', '620', '-o', png, svg.path]);
  const drawn = await readFile(png);
  assert.equal(drawn.readUInt32BE(16), 620);
  assert.ok(drawn.length > 10_000, 'a picture, not a blank');

  await dialog.getByRole('radio', { name: '网页版（宽 1080 像素）' }).check();
  await expect(async () => /width="1080"/.test(await dialog.locator('#graphic-preview').innerHTML()), 'web version shown');
  const web = await download(page, dialog, '下载 PNG');
  assert.match(web.name, /\.png$/);
  const bytes = await readFile(web.path);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(bytes.readUInt32BE(16), 1080, 'PNG width');
  assert.ok((await stat(web.path)).size <= 1_000_000, `PNG ≤ 1 MB: ${(await stat(web.path)).size}`);
  assert.deepEqual(errors, []);
  await context.close();
});
