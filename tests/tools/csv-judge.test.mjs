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
