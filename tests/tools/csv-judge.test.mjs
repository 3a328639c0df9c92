// A3: the 汇总 unit list (CSV) opened by a spreadsheet as an office would open
// it: LibreOffice Calc (headless) reads units named with formulas (OWASP's
// CSV-injection examples) and the XSS corpus, and saves the sheet as flat
// XML — which must hold no formula at all, and every name as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('a3: no cell of the unit list opens as a formula in LibreOffice Calc', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-csv-'));
  await run('cargo', ['run', '-q', '--locked', '-p', 'nianbao-core', '--example', 'csv', '--', dir], { cwd: ROOT });
  // UTF-8, comma-separated, double quotes: what Calc asks when a CSV opens.
  await run(
    'soffice',
    ['--headless', '--norestore', '--infilter=CSV:44,34,76,1', '--convert-to', 'fods', '--outdir', dir, join(dir, 'units.csv')],
    { timeout: 120000 },
  );
  const sheet = await readFile(join(dir, 'units.fods'), 'utf8');
  assert.ok(sheet.includes('某') || sheet.includes('来源文件'), 'the sheet has the list');
  const formulas = [...sheet.matchAll(/table:formula="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(formulas, [], 'no formula in any cell');
  // Every hostile name reached the sheet as the text it was.
  assert.ok(sheet.includes("'=1+1") || sheet.includes('=1+1'), 'the formula text is kept as text');
});

test('open data: 下载数据（CSV） opens in LibreOffice Calc with its keys, labels, units and values, and no formula', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-open-'));
  await run('cargo', ['run', '-q', '--locked', '-p', 'nianbao-core', '--example', 'csv', '--', dir], { cwd: ROOT });
  // Calc turns the sheet back into CSV as it read it: each cell as Calc holds it.
  await run(
    'soffice',
    ['--headless', '--norestore', '--infilter=CSV:44,34,76,1', '--convert-to', 'fods', '--outdir', dir, join(dir, 'open-data.csv')],
    { timeout: 120000 },
  );
  const sheet = await readFile(join(dir, 'open-data.fods'), 'utf8');
  const formulas = [...sheet.matchAll(/table:formula="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(formulas, [], 'no formula in any cell');
  // Rows of cells as Calc read them.
  const rows = [...sheet.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map((m) =>
    [...m[1].matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)].flatMap((c) => {
      const repeat = Number((c[1].match(/table:number-columns-repeated="(\d+)"/) ?? [])[1] ?? 1);
      const text = [...(c[2] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map((p) => p[1]).join('');
      return Array(Math.min(repeat, 20)).fill(text);
    }),
  );
  assert.deepEqual(rows[0].slice(0, 9), ['键', '机关名称', '报告年度', '格式', '表', '行', '列', '数值', '单位']);
  const byKey = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
  const total = byKey['table3.newReceived.total'];
  assert.ok(total, 'a row per cell, keyed');
  assert.deepEqual(total.slice(4, 9), ['表三', '一、本年新收政府信息公开申请数量', '总计', '15', '件']);
  assert.equal(byKey['table3.newReceived.natural'][7], '12');
  assert.equal(byKey['table3.carriedOver.natural'][7], '', 'a blank stays blank, never 0');
  assert.equal(byKey['other.infoFee.billedYuan'][7], '12.5');
  assert.equal(byKey['other.infoFee.billedYuan'][8], '元');
  // The name that is a formula is text in the sheet.
  assert.ok(total[1].includes('HYPERLINK'), total[1]);
});
