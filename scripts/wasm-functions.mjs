// Where a wasm file's code bytes go, by function name (from its "name"
// section: the cargo build before wasm-bindgen and wasm-opt keeps it).
// Usage: node scripts/wasm-functions.mjs <file.wasm> [top N] [group regex]
//   e.g. node scripts/wasm-functions.mjs target/wasm32-unknown-unknown/release/nianbao.wasm 40
//        node scripts/wasm-functions.mjs <file> 40 'nianbao(?:_core)?::[a-z_]+'
// Raw bytes before wasm-opt and compression: for comparing, not for budgets
// (scripts/bundle-size.mjs measures what the page loads).
import { readFileSync } from 'node:fs';

const [file, top = '30', group] = process.argv.slice(2);
const bytes = readFileSync(file);
let at = 8;
const leb = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return result;
  }
};
const name = () => {
  const n = leb();
  const s = bytes.subarray(at, at + n).toString('utf8');
  at += n;
  return s;
};

let imports = 0;
const bodies = [];
const names = new Map();
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) (leb(), imports++);
      else if (kind === 1) (at++, leb() & 1 ? (leb(), leb()) : leb());
      else if (kind === 2) (leb() & 1 ? (leb(), leb()) : leb());
      else if (kind === 3) at += 2;
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const len = leb();
      bodies.push(len);
      at += len;
    }
  } else if (id === 0 && name() === 'name') {
    while (at < end) {
      const sub = bytes[at++];
      const len = leb();
      const subEnd = at + len;
      if (sub === 1) {
        for (let n = leb(); n > 0; n--) names.set(leb(), name());
      }
      at = subEnd;
    }
  }
  at = end;
}

const fns = bodies.map((size, i) => ({ size, name: names.get(imports + i) ?? `#${imports + i}` }));
const total = fns.reduce((a, f) => a + f.size, 0);
console.log(`${fns.length} functions, ${total} code bytes`);
if (group) {
  const re = new RegExp(group);
  const sums = new Map();
  for (const f of fns) {
    const key = f.name.match(re)?.[0] ?? '(other)';
    sums.set(key, (sums.get(key) ?? 0) + f.size);
  }
  for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${String(v).padStart(9)}  ${k}`);
} else {
  for (const f of fns.sort((a, b) => b.size - a.size).slice(0, Number(top))) console.log(`${String(f.size).padStart(9)}  ${f.name}`);
}
