// Reads a PDF's text with pdf.js, in the app's worker (module-worker.js), the first
// time a PDF is opened: every piece of text with its page, position and size, for
// the file module to rebuild the tables by position (crates/nianbao-core/src/import/pdf.rs).
// pdf.js (pdfjs-dist 3.11.174, its legacy build: the last that runs on Chromium 90 with
// one polyfill, measured) is copied into dist/pdfjs by scripts/build.sh. Its own worker
// runs nested, from pdf-worker.js. Nothing in a PDF runs: no scripts (isEvalSupported:
// false), no fonts loaded into the page, no annotations or forms read.
import './polyfill.js';
import './pdf.min.js';
import { pageRules, textPieces } from './pdf-geometry.js';

const here = (path) => new URL(path, import.meta.url).href;

/** A refusal in words: the reason pdf.js gave, as a person should hear it. */
function refusal(name, e) {
  switch (e && e.name) {
    case 'PasswordException':
      return `“${name}”是加密的 PDF，需要密码才能打开，无法读取。请使用未加密的文件。`;
    case 'InvalidPDFException':
    case 'MissingPDFException':
      return `“${name}”不是有效的 PDF 文件，可能已损坏或没有下载完整。请使用原始文件。`;
    default:
      return `“${name}”无法作为 PDF 读取（${(e && e.message) || e}），可能已损坏。请使用原始文件。`;
  }
}

/** `{ pieces, rules }` (pdf-geometry.js), or `{ refused }` in words. */
export async function pdfPieces(name, bytes) {
  const pdfjs = globalThis.pdfjsLib;
  pdfjs.GlobalWorkerOptions.workerPort ??= new Worker(here('./pdf-worker.js'));
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: bytes,
      cMapUrl: here('./cmaps/'),
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      enableXfa: false,
    }).promise;
  } catch (e) {
    return { refused: refusal(name, e) };
  }
  const pieces = [];
  const rules = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      pieces.push(...textPieces(p, await page.getTextContent()));
      rules.push(...pageRules(p, await page.getOperatorList(), pdfjs.OPS));
      page.cleanup();
    }
  } catch (e) {
    return { refused: refusal(name, e) };
  } finally {
    doc.destroy(); // js-baseline-ok: destroy (pdf.js PDFDocumentProxy, not a browser API)
  }
  return { pieces, rules };
}
