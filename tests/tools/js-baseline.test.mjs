// The Chromium 90 checks must be able to fail: each post-90 construct is caught, each
// feature-detected or older use passes, and the wasm feature set matches MDN's data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSource, wasmFeatureSince, BASELINE } from '../../scripts/js-baseline.mjs';

const found = (src, opts) => checkSource(src, opts).map((p) => p.what).join('; ');

test('APIs and syntax Chromium 90 lacks are reported', () => {
  assert.match(found('export const last = [1, 2].at(-1);'), /\.at \(Chrome 92\)/);
  assert.match(found('export const own = Object.hasOwn({}, "a");'), /\.hasOwn \(Chrome 93\)/);
  assert.match(found('export const copy = structuredClone({});'), /structuredClone \(Chrome 98\)/);
  assert.match(found('export const id = crypto.randomUUID();'), /\.randomUUID \(Chrome 92\)/);
  assert.match(found('export class A { static { this.x = 1; } }'), /static block/);
  assert.match(found('export class A { #x = 1; static has(o) { return #x in o; } }'), /#field in object/);
  assert.match(found('export const re = /[\\p{L}--[a-z]]/v;'), /syntax newer than ES2022/);
});

test('older APIs and feature-detected newer ones pass', () => {
  const ok = `
    export class Handle { free() {} }
    if (Symbol.dispose) Handle.prototype[Symbol.dispose] = Handle.prototype.free;
    export function fresh(view, memory) {
      return view === null || view.buffer.detached === true || view.buffer !== memory.buffer;
    }
    export const url = (blob) => URL.createObjectURL(blob);
    export const registry = new FinalizationRegistry(() => {});
    export const bytes = (s, out) => new TextEncoder().encodeInto(s, out);
    export const later = (f) => queueMicrotask(f);
    export const maybe = (o) => o?.a ?? 1;
    let n = 0; n ||= 1;`;
  assert.deepEqual(checkSource(ok), []);
  assert.deepEqual(checkSource('self.addEventListener("fetch", (e) => e.respondWith(caches.match(e.request)));', {
    sourceType: 'script',
  }), []);
});

test('the wasm feature set allowed in tools/wasm-baseline is what MDN says Chromium 90 has', () => {
  for (const f of ['sign-extension-operations', 'non-trapping-float-to-int-conversions', 'bulk-memory-operations', 'multi-value']) {
    assert.ok(wasmFeatureSince(f) <= BASELINE, `${f}: Chrome ${wasmFeatureSince(f)}`);
  }
  for (const f of ['reference-types', 'fixed-width-SIMD', 'tail-calls', 'exception-handling', 'garbage-collection']) {
    assert.ok(wasmFeatureSince(f) > BASELINE, `${f}: Chrome ${wasmFeatureSince(f)}`);
  }
});

test('a polyfill guarded by `!` passes, and a marked library method is exempt on its own line only', () => {
  assert.deepEqual(checkSource('if (!Array.prototype.at) Array.prototype.at = function () {};'), []);
  const marked = 'export function done(doc) { doc.destroy(); // js-baseline-ok: destroy (library method)\n}';
  assert.deepEqual(checkSource(marked), []);
  const unmarked = 'export function done(doc) {\n  doc.destroy(); // js-baseline-ok: other (wrong name)\n}';
  assert.match(found(unmarked), /\.destroy/);
  assert.match(found('export function done(doc) { doc.destroy(); }'), /\.destroy/);
});
