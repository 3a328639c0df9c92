// 下载 Word: a .docx named by the report's title, made in the file module;
// hostile text in every field stays text in the document's XML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { ROOT, shared, openApp } from './harness.mjs';
import { expect } from './expect.mjs';

const s = shared();

/** The entries of a zip (central directory), inflated. */
function unzip(buf) {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = {};
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

const decode = (xml) =>
  xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

test('下载 Word gives a .docx named by the title; hostile text stays text', async () => {
  const corpus = JSON.parse(await readFile(join(ROOT, 'crates/nianbao-core/tests/fixtures/xss-corpus.json'), 'utf8'));
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  await ed.setYear(2025);
  await page.getByRole('textbox', { name: '机关名称' }).fill('某区司法局');
  await page.getByRole('textbox', { name: '所在地区' }).fill(corpus[0]);
  const payloads = corpus.slice(0, 12).join('\n');
  for (const name of ['总述', '（一）主动公开', '存在的主要问题及改进情况', '其他需要报告的事项']) {
    const box = page.getByRole('textbox', { name, exact: true });
    await box.fill(payloads);
    await box.blur();
  }
  await ed.fill('一、本年新收政府信息公开申请数量 自然人', '7');

  const [d] = await Promise.all([page.waitForEvent('download'), ed.button('下载 Word').click()]);
  assert.equal(d.suggestedFilename(), '某区司法局2025年政府信息公开工作年度报告.docx');
  const parts = unzip(await readFile(await d.path()));
  assert.ok(parts['[Content_Types].xml'].includes('wordprocessingml.document.main+xml'));
  const doc = parts['word/document.xml'];
  // Only Word's own elements: no payload became markup.
  const tags = new Set([...doc.matchAll(/<\/?([A-Za-z][\w:.-]*)/g)].map((m) => m[1]));
  for (const t of tags) assert.ok(t.startsWith('w:'), `foreign element ${t}`);
  const text = decode([...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n'));
  for (const p of corpus.slice(0, 12)) {
    const line = p.split('\n').map((l) => l.trim()).find((l) => l);
    assert.ok(text.includes(line), `kept as text: ${line}`);
  }
  assert.ok(text.includes('某区司法局2025年政府信息公开工作年度报告'));
  assert.ok(doc.includes('<w:vMerge w:val="restart"/>') && doc.includes('<w:gridSpan w:val="3"/>'), 'merged headers');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a14/f6: the .docx records the export counts and 导入 reads it back to exactly the report exported', async () => {
  const { context, page, ed, errors } = await openApp(s.browser, s.url);
  const base = join(ROOT, 'crates/nianbao-core/tests/fixtures/base-f2021.json');
  await page.setInputFiles('#import-file', base);
  const dialog = page.getByRole('dialog', { name: '导入报告' });
  await dialog.getByRole('button', { name: '作为新草稿打开' }).click();
  await dialog.waitFor({ state: 'hidden' });
  // An error to count (T3-1), and a Word line break in a text (U+000B).
  await ed.fill('一、本年新收政府信息公开申请数量 自然人', '999');
  const supervision = page.getByRole('textbox', { name: '（五）监督保障', exact: true });
  await supervision.fill('第一行\u000b第二行');
  await supervision.blur();
  const [json] = await Promise.all([page.waitForEvent('download'), ed.button('下载 JSON').click()]);
  const [docx] = await Promise.all([page.waitForEvent('download'), ed.button('下载 Word').click()]);
  await expect(async () => /文件中记下了这两个数字/.test(await ed.notice().innerText()), 'counts said recorded');
  const parts = unzip(await readFile(await docx.path()));
  const data = JSON.parse(decode(/<nianbao xmlns="urn:nianbao:report">([\s\S]*)<\/nianbao>/.exec(parts['customXml/item1.xml'])[1]));
  const exported = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.deepEqual(data.exportCheck, exported.exportCheck, 'the counts are in the .docx');
  // …and in its document properties (备注), in the notice's numbers.
  const { errors: e, warnings: w } = exported.exportCheck;
  const said = /<dc:description>([^<]*)<\/dc:description>/.exec(parts['docProps/core.xml'])[1];
  assert.ok(said.startsWith(`导出前检查：${e} 个错误，${w} 个提示`), said);
  assert.match(await ed.notice().innerText(), new RegExp(`${e} 个错误，${w} 个提示`));
  // Read back in a fresh profile: the same report as the JSON export.
  const fresh = await openApp(s.browser, s.url);
  await fresh.page.setInputFiles('#import-file', await docx.path());
  const again = fresh.page.getByRole('dialog', { name: '导入报告' });
  await again.waitFor();
  assert.match(await again.innerText(), /本工具导出的，已按文件中保存的报告数据读取/);
  await again.getByRole('button', { name: '作为新草稿打开' }).click();
  await again.waitFor({ state: 'hidden' });
  const [back] = await Promise.all([fresh.page.waitForEvent('download'), fresh.ed.button('下载 JSON').click()]);
  const read = JSON.parse(await readFile(await back.path(), 'utf8'));
  assert.deepEqual(read.report, exported.report);
  assert.equal(read.report.overview.aspects.supervision, '第一行\u000b第二行');
  assert.deepEqual(errors, []);
  await fresh.context.close();
  await context.close();
});
