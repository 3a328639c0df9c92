// Outside judges of the Word export: python-docx finds the title, the three
// tables with the template's rows, grid columns and merges, A4 and unsplit
// rows; LibreOffice (headless) opens each file and turns it into a PDF whose
// text has every section heading and the tables' labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = await mkdtemp(join(tmpdir(), 'nianbao-docx-'));
await run('cargo', ['run', '-q', '--locked', '-p', 'nianbao-core', '--example', 'docx', '--', dir], { cwd: ROOT });
const files = (await readdir(dir)).filter((f) => f.endsWith('.docx'));

test('python-docx reads every exported file with the declared tables and merges', async () => {
  assert.equal(files.length, 3);
  const { stdout } = await run('python3', [join(ROOT, 'scripts/docx-judge.py'), dir]);
  for (const f of files) assert.match(stdout, new RegExp(`${f.replace('.', '\\.')}: ok`));
});

test('LibreOffice opens every exported file and prints it to PDF', async () => {
  await run('soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files.map((f) => join(dir, f))], {
    timeout: 120000,
  });
  for (const f of files) {
    const pdf = join(dir, f.replace(/\.docx$/, '.pdf'));
    const { stdout: info } = await run('pdfinfo', [pdf]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
    assert.ok(pages >= 2, `${f}: ${pages} pages`);
    const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
    for (const heading of ['一、总体情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '六、其他需要报告的事项']) {
      assert.ok(text.includes(heading), `${f}: ${heading}`);
    }
    assert.ok(text.includes('本年新收政府信息公开申请数量'), `${f}: 表三 labels`);
    assert.ok(/—\s*1\s*—/.test(text), `${f}: page number`);
  }
});
