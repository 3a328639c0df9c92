// The first load only shrinks: the main bundle of the built dist/ is at most
// the recorded ceiling, and the modules loaded on first use are not in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mainBundle, ceiling } from '../../scripts/bundle-size.mjs';

test('the main bundle is within its ceiling, without the modules loaded on first use', () => {
  const { files, total } = mainBundle();
  assert.ok('nianbao_bg.wasm' in files, 'built');
  for (const f of Object.keys(files)) assert.doesNotMatch(f, /collect|files|word|ledger|import/, `${f} is loaded on first use`);
  const max = ceiling().mainBundleBrotliBytes;
  assert.ok(total <= max, `main bundle ${total} B brotli > ceiling ${max} B: move the new code into a module loaded on first use`);
});
