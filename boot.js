// Starts the app. It is a file of its own, not an inline script, so the page
// runs under a strict Content-Security-Policy (script-src 'self').
import init from './nianbao.js';

// Parts of the app loaded on first use are fetched relative to this file, so the app
// works from any folder of a portal: small JavaScript modules are imported here…
globalThis.nianbaoImport = (path) => import(new URL(path, import.meta.url).href);

// …and the wasm modules (reading files, writing the published HTML and Word) run in a
// worker (module-worker.js), so a huge or hostile file never blocks the page. A call
// resolves to the worker's reply { kind, value }; when the module traps, the call is
// cancelled or runs out of time, the worker is ended and the next call starts a new one.
let worker = null;
let nextId = 1;
const pending = new Map();

function endWorker(kind) {
  if (worker) worker.terminate();
  worker = null;
  for (const p of pending.values()) {
    clearTimeout(p.timer);
    p.resolve({ kind });
  }
  pending.clear();
}

function startWorker() {
  const w = new Worker(new URL('./module-worker.js', import.meta.url), { type: 'module' });
  w.onmessage = ({ data }) => {
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    clearTimeout(p.timer);
    p.resolve(data);
    if (data.kind === 'trap') endWorker('trap');
  };
  // The worker's script could not load, or it failed outside a call.
  w.onerror = (e) => {
    e.preventDefault();
    endWorker(w.answered ? 'trap' : 'unavailable');
  };
  w.addEventListener('message', () => (w.answered = true));
  return w;
}

globalThis.nianbaoCall = (module, name, args, transfer, timeoutMs) =>
  new Promise((resolve) => {
    try {
      worker ??= startWorker();
    } catch (e) {
      resolve({ kind: 'unavailable' });
      return;
    }
    const id = nextId++;
    const timer = timeoutMs ? setTimeout(() => endWorker('timeout'), timeoutMs) : 0;
    pending.set(id, { resolve, timer });
    worker.postMessage({ id, module, name, args }, transfer);
  });

// Stops whatever the worker is doing (the person pressed 取消).
globalThis.nianbaoCancel = () => endWorker('cancelled');

// The release build stops at an internal error (a wasm trap) without a word: say
// so in plain Chinese, once. What was typed is in the browser's storage already
// (every keystroke is journalled) and comes back after a reload.
window.addEventListener('error', (e) => {
  if (!(e.error instanceof WebAssembly.RuntimeError) || document.getElementById('fatal-error')) return;
  const box = document.createElement('div');
  box.id = 'fatal-error';
  box.className = 'fatal-error';
  box.setAttribute('role', 'alert');
  box.textContent = '程序遇到内部错误，已停止工作。刚才输入的内容已保存在本浏览器中，请刷新页面继续（刷新后会恢复）。';
  document.body.prepend(box);
});

await init({ module_or_path: new URL('./nianbao_bg.wasm', import.meta.url) });
document.getElementById('boot-message')?.remove();

// Offline after the first visit: a service worker keeps this build (see sw.js). Only
// over http(s) in a secure context; where it is refused (storage blocked in a portal's
// frame, a browser policy) the app works as before, just not offline.
// The browser itself looks for a newer sw.js at each visit; a new build then replaces
// the kept one and shows from the next visit on. Registered once the page is idle (the
// app draws its form in a chain of tasks first): installing copies the whole build,
// modules included, which must not compete with the first load on a slow machine.
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  requestIdleCallback(() => navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('离线缓存不可用：', e)));
}
