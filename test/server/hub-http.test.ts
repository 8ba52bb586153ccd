import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOperations } from '../../src-shared/api/admin';
import type { RunningHub } from '../../src-server/hub';
import { startTestHub } from '../support/db';
import { BODY_LIMIT_BYTES } from '../../src-server/app';

let hub: RunningHub;

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

describe('hub HTTP skeleton', () => {
  it('answers /health with its version and clock, without a token', async () => {
    const res = await fetch(`${hub.url}/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(Math.abs(Date.parse(body.time) - Date.now())).toBeLessThan(5000);
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const doc = await (await fetch(`${hub.url}/openapi.json`)).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/health'].get.responses['200'].content['application/json'].schema.properties.status.enum).toEqual(['ok']);
    const login = doc.paths['/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['login', 'password']));
    const paths = Object.keys(doc.paths).sort();
    expect(paths.filter((p) => p.startsWith('/admin/'))).toEqual(
      Object.keys(adminOperations)
        .map((name) => `/admin/${name}`)
        .sort(),
    );
    expect(paths.filter((p) => p.startsWith('/open311/'))).toEqual([
      '/open311/v2/discovery.{format}',
      '/open311/v2/requests.{format}',
      '/open311/v2/requests/{id}.{format}',
      '/open311/v2/servicerequestupdates.{format}',
      '/open311/v2/services.{format}',
      '/open311/v2/services/{code}.{format}',
    ]);
    expect(paths.filter((p) => !p.startsWith('/admin/') && !p.startsWith('/open311/'))).toEqual([
      '/auth/login',
      '/auth/logout',
      '/auth/me',
      '/files',
      '/health',
      '/intake/web-form',
      '/stats/dashboard',
      '/stats/deleted',
      '/stats/period',
      '/stats/{month}',
      '/streets',
      '/streets/all',
      '/sync/config',
      '/sync/lease',
      '/sync/outages',
      '/sync/poke',
      '/sync/pull',
      '/sync/push',
      '/tickets/{number}/files/{id}',
      '/tickets/{number}/history',
      '/updates/{file}',
    ]);
    // Every route but the public ones declares the bearer token.
    expect(doc.paths['/sync/push'].post.security).toEqual([{ bearer: [] }]);
  });

  it('answers bad input with a 400 that names the field', async () => {
    const res = await fetch(`${hub.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'anna', password: 42 }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ error: 'invalidInput', field: 'password' });
    expect(body.message).toContain('password');
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const res = await fetch(`${hub.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"login":',
    });
    expect(res.status).toBe(400);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const res = await fetch(`${hub.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'x', password: 'y'.repeat(BODY_LIMIT_BYTES) }),
    });
    expect(res.status).toBe(413);
  });
});
