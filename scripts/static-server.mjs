// A small static file server for dist/: used by `scripts/serve.sh` and by the
// end-to-end tests. Binds to 127.0.0.1 only. Can mount the files under a
// sub-path (to prove relative asset URLs), add response headers (e.g. CSP) and
// stand in for a deployment's own edits of a file (e.g. index.html's settings).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `root` under `prefix` (e.g. '/some/sub/path/').
 * Resolves to { server, url } once listening; port 0 picks a free one.
 */
export async function serveStatic({ root, port = 0, prefix = '/', headers = {}, host = '127.0.0.1', edits = {} }) {
  const base = resolve(root);
  if (!prefix.endsWith('/')) prefix += '/';
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(base, path.slice(prefix.length)));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const edit = edits[file.slice(base.length + 1)];
      if (edit) body = Buffer.from(edit(body.toString('utf8')));
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, host, ok));
  return { server, url: `http://${host}:${server.address().port}${prefix}` };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'dist', port = '8080', prefix = '/'] = process.argv.slice(2);
  const { url } = await serveStatic({ root, port: Number(port), prefix });
  console.log(`serving ${root} at ${url}`);
}
