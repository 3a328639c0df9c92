// Starts the app. It is a file of its own, not an inline script, so the page
// runs under a strict Content-Security-Policy (script-src 'self').
import init from './nianbao.js';

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
