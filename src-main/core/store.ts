// The workstation's local store: one SQLite file in the app's data folder (WAL), through Kysely,
// migrated from migrations/local on open.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { plainBox, type SecretBox } from './secrets';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { localMigrations } from '../../migrations/local';
import { prepareSchema } from '../../migrations/runner';

/** The local store's handle; untyped until the replica tables arrive with the desktop-core work. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LocalDb = Kysely<any>;

/** Copies what it can of the write-ahead log into the database without waiting for readers. */
export function checkpoint(sqlite: Database.Database): void {
  sqlite.pragma('wal_checkpoint(PASSIVE)');
}

export interface LocalStore {
  db: LocalDb;
  /** The same connection without Kysely, for bulk writes (inside a Kysely transaction they join it). */
  sqlite: Database.Database;
  installationId: string;
  /** The installation's secret, shown only to the hub at login (see the hub's installation table). */
  installationKey: string;
  close(): Promise<void>;
}

export const STORE_FILE = 'usterka.sqlite';

export async function openLocalStore(dataDir: string, secrets: SecretBox = plainBox): Promise<LocalStore> {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(join(dataDir, STORE_FILE));
  // 8 KB pages (new stores only; an existing file keeps its size): a first sync writes ~150 MB of tickets
  // and commits faster with fewer, larger pages; 16 KB would slow every command's commit down.
  sqlite.pragma('page_size = 8192');
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable in WAL mode across process crashes; only an OS crash can lose the last commit.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // 32 MB of page cache: a first sync inserts into several indexes at once (the default is 8 MB).
  sqlite.pragma('cache_size = -32000');
  // Checkpoints copy the log into the database file; let them happen between actions (see checkpoint())
  // rather than inside whichever action crosses the default threshold.
  sqlite.pragma('wal_autocheckpoint = 20000');
  const db: LocalDb = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await prepareSchema(db, localMigrations, {
      label: 'local (SQLite)',
      autoMigrate: true,
      upgradeHint: '',
    });
    const installationId = await setting(db, 'installationId', () => randomUUID());
    const installationKey = secrets.open(await setting(db, 'installationKey', () => secrets.seal(randomBytes(32).toString('base64url'))));
    return { db, sqlite, installationId, installationKey, close: () => db.destroy() };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}

/** A value made once per installation: its id (the sync protocol's clientId) and its secret key. */
async function setting(db: LocalDb, key: string, make: () => string): Promise<string> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  if (row) return row.value as string;
  const value = make();
  await db.insertInto('setting').values({ key, value }).execute();
  return value;
}
