// Prints a PDF's text pieces as JSON — the same pieces pdfjs/pdf-reader.js hands the
// file module in the browser — with the same pdf.js build (node_modules/pdfjs-dist).
// Used to make the committed test fixtures and by the PDF round-trip test.
//   node scripts/pdf-pieces.mjs file.pdf > pieces.json
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

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
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    for (const it of content.items) {
      if (!it.str || !it.str.trim()) continue;
      const [a, b, , d, x, y] = it.transform;
      pieces.push({ page: p, x, y, w: it.width, h: Math.hypot(b, d) || Math.abs(a) || it.height, s: it.str });
    }
    page.cleanup();
  }
  await doc.destroy();
  return pieces;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const pieces = await pdfPieces(readFileSync(process.argv[2]));
  process.stdout.write(JSON.stringify(pieces) + '\n');
}
