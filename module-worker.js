// The modules loaded on first use (nianbao_files: reading files, writing the
// published HTML; nianbao_word: the Word file) run here, in a Web Worker, so
// that reading a huge or hostile file never blocks the page: the page stays
// responsive, can cancel (it ends this worker), and a module that traps is
// thrown away with its worker instead of failing every later use.
//
// A PDF is read by pdf.js first (pdfjs/pdf-reader.js, loaded on first use).
// A request: { id, module: 'files' | 'word', name, args }. A reply: { id, kind,
// value }, kind one of 'ok' (value: the result), 'refused' (value: the reason
// in words, thrown by the module), 'trap' (the module stopped: this worker is
// finished), 'unavailable' (the module could not be loaded).
import initFiles, * as files from './nianbao_files.js';
import initWord, * as word from './nianbao_word.js';

const modules = {
  files: { init: initFiles, exports: files, wasm: './nianbao_files_bg.wasm', ready: null },
  word: { init: initWord, exports: word, wasm: './nianbao_word_bg.wasm', ready: null },
};

const isPdf = (bytes) =>
  bytes instanceof Uint8Array && bytes.length > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;

function load(m) {
  if (!m.ready) m.ready = m.init({ module_or_path: new URL(m.wasm, import.meta.url) });
  return m.ready;
}

self.onmessage = async ({ data }) => {
  const { id, module, name, args } = data;
  const m = modules[module];
  try {
    await load(m);
  } catch (e) {
    m.ready = null;
    self.postMessage({ id, kind: 'unavailable' });
    return;
  }
  // A chosen file crosses as itself and is read here, off the page's thread.
  let values;
  try {
    values = await Promise.all(
      args.map((a) => (a instanceof Blob ? a.arrayBuffer().then((b) => new Uint8Array(b)) : a)),
    );
  } catch (e) {
    self.postMessage({ id, kind: 'refused', value: '无法读取这个文件（可能已被移动、删除或没有读取权限）。' });
    return;
  }
  try {
    // A PDF: its text and where it sits, by pdf.js (loaded the first time a PDF is
    // opened), then read by the file module like any other file.
    if (module === 'files' && name === 'readReportFile' && isPdf(values[1])) {
      const { pdfPieces } = await import('./pdfjs/pdf-reader.js');
      const read = await pdfPieces(values[0], values[1]);
      if (read.refused) {
        self.postMessage({ id, kind: 'refused', value: read.refused });
        return;
      }
      self.postMessage({ id, kind: 'ok', value: m.exports.readPdf(values[0], JSON.stringify(read)) });
      return;
    }
    const value = m.exports[name](...values);
    self.postMessage({ id, kind: 'ok', value });
  } catch (e) {
    if (typeof e === 'string') {
      self.postMessage({ id, kind: 'refused', value: e });
    } else {
      // A trap (WebAssembly.RuntimeError), memory exhausted, or an internal
      // error: the module's state cannot be trusted any more.
      self.postMessage({ id, kind: 'trap' });
    }
  }
};
