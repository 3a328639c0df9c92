// Prints what the app reads of a PDF as JSON, `{ pieces, rules }` — the same
// pdfjs/pdf-reader.js hands the file module in the browser, by the same code
// (pdfjs/pdf-geometry.js) and pdf.js build (node_modules/pdfjs-dist).
// Used to make the committed test fixtures and by the PDF round-trip test.
//   node scripts/pdf-pieces.mjs file.pdf > file.pieces.json
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { pageRules, textPieces } from '../pdfjs/pdf-geometry.js';

const require = createRequire(import.meta.url);
// pdf.js warns on stdout that it cannot draw without `canvas`; it draws nothing here.
const log = console.log;
console.log = () => {};
const pdfjs = require('pdfjs-dist/legacy/build/pdf.js');
console.log = log;
const cmaps = pathToFileURL(require.resolve('pdfjs-dist/package.json')).href.replace(/package\.json$/, 'cmaps/');

export async function pdfPieces(bytes) {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: new URL(cmaps).pathname + '/',
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pieces = [];
  const rules = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    pieces.push(...textPieces(p, await page.getTextContent()));
    rules.push(...pageRules(p, await page.getOperatorList(), pdfjs.OPS));
    page.cleanup();
  }
  await doc.destroy();
  return { pieces, rules };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const read = await pdfPieces(readFileSync(process.argv[2]));
  process.stdout.write(JSON.stringify(read) + '\n');
}
