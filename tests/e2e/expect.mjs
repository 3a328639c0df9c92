// A polling assertion: the UI updates asynchronously after an event.
import assert from 'node:assert/strict';

export async function expect(check, what, timeout = 3000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      if (await check()) return;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for: ${what}${last ? ` (${last.message})` : ''}`);
}
