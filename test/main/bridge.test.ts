import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { createCore, type Core } from '../../src-main/core/core';
import { startBridge, TOKEN_HEADER, type Bridge } from '../../src-main/preview/bridge';
import { RENDERER_CSP } from '../../src-shared/api/csp';
import { tempDir } from '../support/tmp';

let core: Core;
let bridge: Bridge;

beforeEach(async () => {
  const renderer = tempDir();
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Usterka</title>');
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  // No hub on this port: the core starts degraded, which is all these tests need.
  core = await createCore({ dataDir: tempDir(), hubUrl: 'http://127.0.0.1:9', shell: 'preview', log: () => {} });
  bridge = await startBridge(core, renderer);
});
afterEach(async () => {
  await bridge.close();
  await core.close();
});

const invoke = (body: unknown, token = bridge.token) =>
  fetch(`${bridge.origin}/api/invoke`, { method: 'POST', headers: { [TOKEN_HEADER]: token }, body: JSON.stringify(body) });

describe('preview mode loopback bridge', () => {
  it('listens on 127.0.0.1 only and hands the token in the URL fragment, never sent to a server', () => {
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(bridge.url).hash).toBe(`#token=${bridge.token}`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(32);
  });

  it('carries desktop-API requests to the core with the right token', async () => {
    const res = await invoke({ name: 'app.info', args: {} });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, result: { shell: 'preview', version: expect.any(String) } });
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    expect((await invoke({ name: 'app.info', args: {} }, '')).status).toBe(401);
    expect((await invoke({ name: 'app.info', args: {} }, 'x'.repeat(bridge.token.length))).status).toBe(401);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(bridge.origin);
      request(
        {
          host: '127.0.0.1',
          port: url.port,
          path: '/api/invoke',
          method: 'POST',
          headers: { host: `evil.example:${url.port}`, [TOKEN_HEADER]: bridge.token },
        },
        (res) => resolve(res.statusCode ?? 0),
      )
        .on('error', reject)
        .end('{}');
    });
    expect(status).toBe(421);
  });

  it('serves the screens with the Content-Security-Policy and never files outside their folder', async () => {
    const page = await fetch(`${bridge.origin}/`);
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(await page.text()).toContain('<title>Usterka</title>');
    expect(await (await fetch(`${bridge.origin}/assets/app.js`)).text()).toBe('console.log(1)');
    const escape = await fetch(`${bridge.origin}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });

  it('answers malformed bodies with an error envelope, not a crash', async () => {
    const res = await fetch(`${bridge.origin}/api/invoke`, { method: 'POST', headers: { [TOKEN_HEADER]: bridge.token }, body: '{' });
    expect(res.status).toBe(400);
    expect((await invoke({ name: 'session.login', args: { login: 'a' } })).status).toBe(200);
  });
});
