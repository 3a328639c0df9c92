// PDFs read back cell for cell: random valid reports of both formats, written
// by the Word export and turned into PDF by LibreOffice (as most offices
// publish), and by the page export printed to PDF in Chromium (as a portal
// page is saved); pdf.js (the build the app ships) gives their text pieces,
// and the app's reading (examples/pdf.rs) must place every cell, with none
// misplaced and none left to check. PDF_CASES sets the reports (default 16).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { pdfPieces } from '../../scripts/pdf-pieces.mjs';

const run = promisify(execFile);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CASES = Number(process.env.PDF_CASES ?? 16);
const SEED = Number(process.env.PDF_SEED ?? 2024);
// PDF_DIR keeps the files to look at (`cargo run --example pdf -- text …`).
const dir = process.env.PDF_DIR ?? (await mkdtemp(join(tmpdir(), 'nianbao-pdf-')));

const example = (...args) =>
  run('cargo', ['run', '-q', '--release', '--locked', '-p', 'nianbao-core', '--example', 'pdf', '--', ...args], {
    cwd: ROOT,
    maxBuffer: 64 << 20,
  });

async function check() {
  const { stdout } = await example('check', dir);
  return stdout.trim().split('\n').map((l) => JSON.parse(l));
}

await mkdir(dir, { recursive: true });
await example('make', dir, String(CASES), String(SEED));

/** Every file whose cells did not all come back, in one message. */
function expectAll(results) {
  const wrong = results
    .filter((r) => r.template !== r.want || r.misplaced.length || r.uncertain || r.placed !== r.cells)
    .map((r) => `${r.name} (${r.want}): ${r.placed}/${r.cells} placed, ${r.uncertain} to check, misplaced [${r.misplaced.join('; ')}]; ${r.notes.join(' / ')}`);
  assert.deepEqual(wrong, []);
}

test('Word exports printed to PDF by LibreOffice read back cell for cell', async () => {
  const docx = (await readdir(dir)).filter((f) => f.endsWith('.docx'));
  assert.equal(docx.length, CASES);
  await run('soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(dir, 'word'), ...docx.map((f) => join(dir, f))], {
    timeout: 600000,
  });
  for (const f of docx) {
    const pieces = await pdfPieces(await readFile(join(dir, 'word', f.replace(/\.docx$/, '.pdf'))));
    await writeFile(join(dir, `${f}.pieces.json`), JSON.stringify(pieces));
  }
  const results = (await check()).filter((r) => r.name.endsWith('.docx'));
  assert.equal(results.length, CASES);
  const formats = new Set(results.map((r) => r.want));
  assert.deepEqual([...formats].sort(), ['F2019', 'F2021'], 'both formats generated');
  expectAll(results);
});

test('page exports printed to PDF in Chromium read back cell for cell', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    const html = (await readdir(dir)).filter((f) => f.endsWith('.html'));
    for (const f of html) {
      await page.goto(pathToFileURL(join(dir, f)).href);
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      await writeFile(join(dir, `${f}.pieces.json`), JSON.stringify(await pdfPieces(pdf)));
    }
  } finally {
    await browser.close();
  }
  const results = (await check()).filter((r) => r.name.endsWith('.html'));
  assert.equal(results.length, CASES);
  expectAll(results);
});
