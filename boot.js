// Starts the app. It is a file of its own, not an inline script, so the page
// runs under a strict Content-Security-Policy (script-src 'self').
import init from './nianbao.js';

await init({ module_or_path: new URL('./nianbao_bg.wasm', import.meta.url) });
document.getElementById('boot-message')?.remove();
