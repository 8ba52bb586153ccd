// The loopback bridge of preview mode: serves the renderer on 127.0.0.1 and carries the desktop API
// over HTTP to the same core Electron would use. A random per-run token (handed to the page in the
// URL fragment, which browsers never send to servers) guards the API; the Host header is checked
// so that another site cannot reach it through DNS rebinding.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { RENDERER_CSP } from '../../src-shared/api/csp';
import type { CoreApi } from '../core/core';

export const TOKEN_HEADER = 'x-usterka-token';
// Room for one attachment (base64) plus the envelope.
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface Bridge {
  /** The address to open, token included in the fragment. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

export async function startBridge(core: Pick<CoreApi, 'dispatch' | 'onEvent'>, rendererDir: string, port = 0): Promise<Bridge> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The screens are not built (${join(rendererDir, 'index.html')} is missing). Run \`npm run build\`.`);
  }
  const token = randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  let origin = '';
  const streams = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: 'Bridge failure.' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (`http://${req.headers.host}` !== origin) return send(res, 421, 'Wrong host.');
    const path = new URL(req.url ?? '/', origin).pathname;
    if (!path.startsWith('/api/')) return serveStatic(path, res);
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return send(res, 401, { ok: false, error: { code: 'forbidden', message: 'Missing or wrong bridge token.' } });
    }
    if (path === '/api/invoke' && req.method === 'POST') {
      let body: { name?: unknown; args?: unknown };
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return send(res, 400, { ok: false, error: { code: 'invalidInput', message: 'The request body is not JSON.' } });
      }
      return send(res, 200, await core.dispatch(body.name, body.args));
    }
    if (path === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      const unsubscribe = core.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      req.on('close', () => {
        unsubscribe();
        streams.delete(res);
      });
      return;
    }
    send(res, 404, { ok: false, error: { code: 'unknownRequest', message: `No such bridge endpoint: ${path}` } });
  }

  function serveStatic(path: string, res: ServerResponse): void {
    const relative = normalize(decodeURIComponent(path)).replace(/^([/\\])+/, '');
    let file = join(rendererDir, relative);
    if (!file.startsWith(rendererDir + sep) && file !== rendererDir) return send(res, 404, 'Not found.');
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(rendererDir, 'index.html');
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': RENDERER_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The bridge did not get a port.');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: () =>
      new Promise((resolve) => {
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    'cache-control': 'no-store',
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
