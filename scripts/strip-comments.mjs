// Ships the page's own scripts without their comment lines and indentation:
// they are part of the first load, the comments are for who reads the source.
// Only whole-line `//` comments go (none of these files has a `/* */` block or
// a line that starts inside a string). Run by scripts/build.sh before stamp-sw.mjs.
// Usage: node scripts/strip-comments.mjs FILE…
import { readFileSync, writeFileSync } from 'node:fs';

for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, 'utf8');
  const code = source.split('\n').filter((l) => !l.trim().startsWith('//'));
  // A template string over several lines would lose its indentation.
  if (code.some((l) => l.includes('/*') || (l.split('`').length - 1) % 2 === 1)) {
    throw new Error(`${file}: a block comment or a template string over lines; strip it by hand`);
  }
  const lines = source.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('//'));
  writeFileSync(file, `${lines.join('\n')}\n`);
}
