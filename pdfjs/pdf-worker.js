// pdf.js's own worker, nested in the app's worker: a classic worker, so that the
// polyfill it needs on Chromium 90 runs first.
importScripts('./polyfill.js', './pdf.worker.min.js');
