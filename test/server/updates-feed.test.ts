// The hub as the workstations' update feed (src-server/updates.ts): the files of USTERKA_UPDATES_DIR to anyone,
// nothing else — no path outside the folder, no other kind of file — and no feed without the folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import { startTestHub } from '../support/db';

const dir = mkdtempSync(join(tmpdir(), 'usterka-feed-'));
const feed = join(dir, 'feed');
let hub: RunningHub;
let bare: RunningHub;

beforeAll(async () => {
  mkdirSync(feed);
  writeFileSync(join(feed, 'latest.yml'), 'version: 0.2.0\npath: Usterka-Setup-0.2.0.exe\n');
  writeFileSync(join(feed, 'Usterka-Setup-0.2.0.exe'), Buffer.alloc(3000, 7));
  writeFileSync(join(feed, 'notes.txt'), 'not part of the feed');
  writeFileSync(join(dir, 'secret.yml'), 'outside the feed');
  hub = await startTestHub({ updatesDir: feed });
  bare = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
  await bare?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('update feed at /updates/', () => {
  it('serves latest.yml (always asked afresh) and the installer, to a workstation nobody has signed in on', async () => {
    const yml = await fetch(`${hub.url}/updates/latest.yml`);
    expect(yml.status).toBe(200);
    expect(yml.headers.get('content-type')).toContain('text/yaml');
    expect(yml.headers.get('cache-control')).toBe('no-cache');
    expect(await yml.text()).toContain('version: 0.2.0');
    const exe = await fetch(`${hub.url}/updates/Usterka-Setup-0.2.0.exe`);
    expect(exe.status).toBe(200);
    expect(Buffer.from(await exe.arrayBuffer())).toEqual(Buffer.alloc(3000, 7));
  });

  it('answers 404 for missing files, other kinds of file and anything outside the folder', async () => {
    for (const path of ['Usterka-Setup-9.9.9.exe', 'notes.txt', '..%2Fsecret.yml', '.latest.yml', '%2E%2E%2Fsecret.yml']) {
      expect((await fetch(`${hub.url}/updates/${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${hub.url}/updates/../secret.yml`)).status).toBe(404);
  });

  it('without the folder the hub has no feed', async () => {
    expect((await fetch(`${bare.url}/updates/latest.yml`)).status).toBe(404);
  });
});
