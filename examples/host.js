// A portal page that embeds Nianbao and talks to it with postMessage.
// Open it as host.html?app=<address of the app's index.html>.
const params = new URLSearchParams(location.search);
const appUrl = new URL(params.get('app') ?? '../dist/index.html', location.href);
const appOrigin = appUrl.origin;
// The app talks only to origins its deployment lists (the "nianbao-embed-origins"
// meta of its index.html); the address can narrow that list to this page's origin
// (or, to try what a wrong setting does, to the ones given as ?allow=).
appUrl.searchParams.set('origins', params.get('allow') ?? location.origin);
for (const key of ['agency', 'type', 'region', 'year', 'ns', 'readonly']) {
  if (params.has(key)) appUrl.searchParams.set(key, params.get(key));
}
const frame = document.getElementById('app');
frame.src = appUrl.href;

window.__messages = [];
const log = document.getElementById('log');
window.addEventListener('message', (event) => {
  // Take messages only from the embedded app.
  if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
  if (event.data?.source !== 'nianbao') return;
  window.__messages.push(event.data);
  const { type } = event.data;
  const summary = type === 'exported' ? `${event.data.report.report.agency.name} ${event.data.report.report.year}` : JSON.stringify(event.data);
  log.textContent += `${type}: ${summary}\n`;
});

document.getElementById('export').addEventListener('click', () => {
  frame.contentWindow.postMessage({ type: 'export' }, appOrigin);
});
document.getElementById('load').addEventListener('click', async () => {
  const report = await (await fetch(params.get('sample') ?? 'sample-report.json')).json();
  frame.contentWindow.postMessage({ type: 'load', report }, appOrigin);
});
