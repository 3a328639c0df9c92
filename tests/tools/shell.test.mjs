// The prerendered form's script and the app agree on what a field is, and the
// page's scripts ship without their comments, unchanged otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const ROOT = new URL('../..', import.meta.url).pathname;

test('shell.js lists the form’s fields with the selector the app keeps their values by', () => {
  const rust = /pub const FIELDS: &str = "([^"]+)";/.exec(readFileSync(join(ROOT, 'src/shell.rs'), 'utf8'));
  const js = /var FIELDS = '([^']+)';/.exec(readFileSync(join(ROOT, 'shell.js'), 'utf8'));
  assert.ok(rust && js);
  assert.equal(js[1], rust[1]);
});

test('comment lines go, code stays; a template string over lines is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'strip-'));
  const ok = join(dir, 'ok.js');
  writeFileSync(ok, "// says why\nconst a = `x ${1}`; // kept\n\n  if (a) {\n    // inside\n    f('//not a comment');\n  }\n");
  execFileSync('node', [join(ROOT, 'scripts/strip-comments.mjs'), ok]);
  assert.equal(readFileSync(ok, 'utf8'), "const a = `x ${1}`; // kept\nif (a) {\nf('//not a comment');\n}\n");
  const bad = join(dir, 'bad.js');
  writeFileSync(bad, 'const t = `line one\n  line two`;\n');
  assert.throws(() => execFileSync('node', [join(ROOT, 'scripts/strip-comments.mjs'), bad], { stdio: 'pipe' }));
  assert.equal(readFileSync(bad, 'utf8'), 'const t = `line one\n  line two`;\n');
});
