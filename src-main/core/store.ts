// The workstation's local store: one SQLite file in the app's data folder (WAL), through Kysely,
// migrated from migrations/local on open.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
  close(): Promise<void>;
}

export const STORE_FILE = 'usterka.sqlite';

export async function openLocalStore(dataDir: string): Promise<LocalStore> {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(join(dataDir, STORE_FILE));
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
    return { db, sqlite, installationId: await installationId(db), close: () => db.destroy() };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}

/** The UUID that names this installation to the hub (the sync protocol's clientId). */
async function installationId(db: LocalDb): Promise<string> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', 'installationId').executeTakeFirst();
  if (row) return row.value as string;
  const id = randomUUID();
  await db.insertInto('setting').values({ key: 'installationId', value: id }).execute();
  return id;
}
