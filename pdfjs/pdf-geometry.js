// What the app reads of a PDF page: its text pieces (page, x, baseline y, width,
// height, text) and its rules — the straight lines a table's borders are drawn with —
// in the page's own units. Shared by the app (pdf-reader.js, in the worker) and the
// tests (scripts/pdf-pieces.mjs), so both read a PDF the same way.

/** The text pieces of `content` (pdf.js getTextContent) on page `page`. */
export function textPieces(page, content) {
  const out = [];
  for (const it of content.items) {
    if (!it.str || !it.str.trim()) continue;
    const [a, b, , d, x, y] = it.transform;
    out.push({ page, x, y, w: it.width, h: Math.hypot(b, d) || Math.abs(a) || it.height, s: it.str });
  }
  return out;
}

const THIN = 3; // a filled box this thin is a drawn line

/** The horizontal and vertical rules drawn on page `page`, from its operator
 * list (pdf.js getOperatorList): lines stroked, edges of boxes stroked, and boxes
 * filled so thin they are lines. Each `{ page, x0, y0, x1, y1 }`, x0 ≤ x1, y0 ≤ y1. */
export function pageRules(page, opList, OPS) {
  const out = [];
  const stack = [];
  let m = [1, 0, 0, 1, 0, 0];
  let path = []; // segments [x0, y0, x1, y1] and boxes {box: [...4 corners]}
  const mul = (a, b) => [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4],
    a[4] * b[1] + a[5] * b[3] + b[5],
  ];
  const at = (x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  const rule = (x0, y0, x1, y1) => {
    const r = { page, x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
    const w = r.x1 - r.x0;
    const h = r.y1 - r.y0;
    if ((h <= THIN && w > THIN) || (w <= THIN && h > THIN)) out.push(r);
  };
  const { fnArray, argsArray } = opList;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    switch (fn) {
      case OPS.save:
        stack.push(m);
        break;
      case OPS.restore:
        m = stack.pop() ?? m;
        break;
      case OPS.transform:
        m = mul(args, m);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(m);
        if (Array.isArray(args?.[0]) && args[0].length === 6) m = mul(args[0], m);
        break;
      case OPS.paintFormXObjectEnd:
        m = stack.pop() ?? m;
        break;
      case OPS.constructPath: {
        const [ops, coords] = args;
        let j = 0;
        let cur = [0, 0];
        let start = [0, 0];
        for (const op of ops) {
          if (op === OPS.rectangle) {
            const [x, y, w, h] = coords.slice(j, j + 4);
            j += 4;
            path.push({ box: [at(x, y), at(x + w, y), at(x + w, y + h), at(x, y + h)] });
            cur = at(x, y);
            start = cur;
          } else if (op === OPS.moveTo) {
            cur = at(coords[j], coords[j + 1]);
            start = cur;
            j += 2;
          } else if (op === OPS.lineTo) {
            const next = at(coords[j], coords[j + 1]);
            j += 2;
            path.push([...cur, ...next]);
            cur = next;
          } else if (op === OPS.curveTo) {
            cur = at(coords[j + 4], coords[j + 5]);
            j += 6;
          } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
            cur = at(coords[j + 2], coords[j + 3]);
            j += 4;
          } else if (op === OPS.closePath) {
            path.push([...cur, ...start]);
            cur = start;
          }
        }
        break;
      }
      case OPS.stroke:
      case OPS.closeStroke:
      case OPS.fillStroke:
      case OPS.eoFillStroke:
      case OPS.closeFillStroke:
      case OPS.closeEOFillStroke:
        for (const p of path) {
          if (p.box) {
            const c = p.box;
            for (let k = 0; k < 4; k++) rule(...c[k], ...c[(k + 1) % 4]);
          } else {
            rule(...p);
          }
        }
        path = [];
        break;
      case OPS.fill:
      case OPS.eoFill:
        // A filled box: a line only when thin (a border drawn as a box).
        for (const p of path) {
          if (!p.box) continue;
          const xs = p.box.map((c) => c[0]);
          const ys = p.box.map((c) => c[1]);
          rule(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
        }
        path = [];
        break;
      case OPS.endPath:
        path = [];
        break;
      default:
        break;
    }
  }
  return out;
}
