import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLocalStore, STORE_FILE } from '../../src-main/core/store';
import { tempDir } from '../support/tmp';

describe('local store (SQLite file)', () => {
  it('creates the file in the data folder, in WAL mode, migrated, with a stable installation id', async () => {
    const dir = tempDir();
    const first = await openLocalStore(dir);
    const id = first.installationId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await first.close();

    const raw = new Database(join(dir, STORE_FILE), { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('select name from kysely_migration').all()).not.toHaveLength(0);
    raw.close();

    const again = await openLocalStore(dir);
    expect(again.installationId).toBe(id);
    await again.close();
  });

  it('refuses a store written by a newer version and leaves it untouched', async () => {
    const dir = tempDir();
    await (await openLocalStore(dir)).close();
    const raw = new Database(join(dir, STORE_FILE));
    raw.prepare("insert into kysely_migration (name, timestamp) values ('2999-01-01-future', '')").run();
    const before = raw.prepare('select * from setting').all();
    raw.close();

    await expect(openLocalStore(dir)).rejects.toThrow(/newer version of Usterka/);
    const after = new Database(join(dir, STORE_FILE), { readonly: true });
    expect(after.prepare('select * from setting').all()).toEqual(before);
    after.close();
  });
});
