// Starts the app. It is a file of its own, not an inline script, so the page
// runs under a strict Content-Security-Policy (script-src 'self').
import init from './nianbao.js';

// Parts of the app loaded on first use (reading files, writing the published HTML)
// are imported relative to this file, so the app works from any folder of a portal.
globalThis.nianbaoImport = (path) => import(new URL(path, import.meta.url).href);

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
// the kept one and shows from the next visit on.
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('离线缓存不可用：', e));
}
