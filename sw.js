// Keeps one copy of the app in the browser so it opens without the network once it
// has been opened online (政府内网断开、笔记本离线). scripts/stamp-sw.mjs writes the
// build's file list and digest into BUILD; unstamped (a development build) the worker
// caches nothing and removes itself.
'use strict';

const BUILD = { version: '', files: [], lazy: [] };

// Caches belong to the whole origin: name them by this copy's scope so two copies of
// the app under different paths of one portal never delete each other's files.
const PREFIX = `nianbao ${self.registration.scope} `;
const CACHE = PREFIX + BUILD.version;
const INDEX = new URL('index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  if (!BUILD.version) return;
  event.waitUntil(
    caches
      .open(CACHE)
      // 'reload': the new version's files from the server, never an older copy from the HTTP cache.
      .then((cache) => cache.addAll(BUILD.files.map((f) => new Request(f, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => (BUILD.version ? self.clients.claim() : self.registration.unregister())),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!BUILD.version || request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  // The page itself, with any configuration in its query: the cached index.html.
  const key = request.mode === 'navigate' && url.href === self.registration.scope ? INDEX : url.href;
  // Folders loaded on first use (pdf.js): kept the first time they are fetched.
  if (BUILD.lazy.some((d) => key.startsWith(new URL(d, self.registration.scope).href))) {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(key).then(
          (hit) =>
            hit ||
            fetch(request).then((response) => {
              if (response.ok) cache.put(key, response.clone());
              return response;
            }),
        ),
      ),
    );
    return;
  }
  if (!BUILD.files.some((f) => new URL(f, self.registration.scope).href === key)) return;
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(key).then((hit) => hit || fetch(request))),
  );
});
