// A tiny static server for the built page: serves dist/ under the sub-path the
// page was built for (BASE_PATH), as GitHub Pages does, and nothing else.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** Starts serving `dist` at http://127.0.0.1:<free port><basePath>; resolves to { origin, url, close }. */
export async function startServer({ dist, basePath }) {
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) {
    throw new Error(`BASE_PATH must start and end with "/": ${basePath}`);
  }
  const root = resolve(dist);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(basePath)) return send(res, 404, 'text/plain', 'outside the base path');
    let rel = normalize(path.slice(basePath.length));
    if (rel.startsWith('..')) return send(res, 403, 'text/plain', 'forbidden');
    if (rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
    const file = join(root, rel);
    try {
      if ((await stat(file)).isFile()) {
        return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
      }
    } catch { /* fall through to the 404 page */ }
    try {
      send(res, 404, TYPES['.html'], await readFile(join(root, '404.html')));
    } catch {
      send(res, 404, 'text/plain', 'not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + basePath,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
