// A PDF opened as a file: pdf.js (loaded on first use) gives every piece of text
// with its position, the tables are rebuilt by position and recognised, reviewed
// with each cell's page and line, and opened as a new draft. A PDF without text
// (a scan) or a damaged one is refused in words, and the draft is untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, openApp, shared } from './harness.mjs';
import { expect } from './expect.mjs';

const s = shared();
const HUAIAN = join(ROOT, 'crates/nianbao-core/tests/fixtures/samples/2024_city_jiangsu_huaian_govt.pdf');
const NEW = '一、本年新收政府信息公开申请数量';

/** A valid one-page PDF with nothing but a filled box on it: a scan's shape. */
export function pdfWithoutText() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ];
  const stream = '0.5 g 72 72 451 698 re f';
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

test('the 淮安市 2024 PDF dropped on the page → review with page and line of each cell → a new draft with every number as printed', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  const bytes = [...(await readFile(HUAIAN))];
  const dt = await page.evaluateHandle(([b, n]) => {
    const t = new DataTransfer();
    t.items.add(new File([new Uint8Array(b)], n, { type: 'application/pdf' }));
    return t;
  }, [bytes, '2024_city_jiangsu_huaian_govt.pdf']);
  await page.dispatchEvent('#main', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('#main', 'drop', { dataTransfer: dt });
  const dialog = page.getByRole('dialog', { name: '导入已发布的报告' });
  await dialog.waitFor({ timeout: 60_000 });
  const text = await dialog.innerText();
  assert.match(text, /识别 200 格，需要对照原文核对 0 格/);
  assert.match(await dialog.locator('.review-tables td.review-recognised').first().getAttribute('data-source'), /原文第 3 页第 16 行：\| 规章 \| 1 \| 0 \| 11 \|/);
  assert.match(text, /文件：2024_city_jiangsu_huaian_govt\.pdf/);
  assert.match(text, /淮安市人民政府/);
  await dialog.locator('.review-tables td.review-recognised[data-source*="一、本年新收政府信息公开申请数量 自然人"]').focus();
  assert.match(
    await dialog.locator('#review-source').innerText(),
    /“一、本年新收政府信息公开申请数量 自然人”已识别，原文第 \d+ 页第 \d+ 行：\| 一、本年新收政府信息公开申请数量 \| 3001/,
  );
  await dialog.screenshot({ path: join(ROOT, 'target/e2e/pdf-review.png') });
  await dialog.getByRole('button', { name: '作为新草稿打开' }).click();
  await expect(async () => /作为新草稿打开/.test(await ed.notice().innerText()), 'opened');
  assert.equal(await ed.value(`${NEW} 自然人`), '3001');
  assert.equal(await ed.value(`${NEW} 总计`), '3119');
  assert.equal(await ed.value('四、结转下年度继续办理 总计'), '103');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a PDF without text (a scan) and a damaged PDF are refused in plain words; the draft stays', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  await ed.fill(`${NEW} 自然人`, '7');
  for (const [name, buffer, words] of [
    ['scan.pdf', pdfWithoutText(), /是扫描件（图片），没有文字层/],
    ['broken.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /不是有效的 PDF 文件|无法作为 PDF 读取/],
  ]) {
    await page.setInputFiles('#import-file', { name, mimeType: 'application/pdf', buffer });
    await expect(async () => words.test(await ed.notice().innerText()), name);
  }
  assert.equal(await ed.value(`${NEW} 自然人`), '7');
  assert.deepEqual(errors, []);
  await context.close();
});
