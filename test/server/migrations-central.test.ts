import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { centralMigrations } from '../../migrations/central';
import { prepareSchema, readSchemaState, SchemaError } from '../../migrations/runner';
import { openKysely, type CentralDb } from '../../src-server/db/connect';
import { startHub } from '../../src-server/hub';
import { freshDatabaseUrl } from '../support/db';

const opened: CentralDb[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

async function freshDb(): Promise<{ url: string; db: CentralDb }> {
  const url = await freshDatabaseUrl();
  const db = openKysely(url, 2);
  opened.push(db);
  return { url, db };
}

const opts = { label: 'central', autoMigrate: true, upgradeHint: 'Run migrate.' };

describe('central migrations on PostgreSQL', () => {
  it('migrate an empty database to the latest schema, and a second run changes nothing', async () => {
    const { db } = await freshDb();
    expect(await prepareSchema(db, centralMigrations, opts)).toEqual(Object.keys(centralMigrations));
    expect(await prepareSchema(db, centralMigrations, opts)).toEqual([]);
    expect((await readSchemaState(db, centralMigrations)).kind).toBe('current');
  });

  it('every migration can be undone, leaving no tables behind', async () => {
    const { db } = await freshDb();
    await prepareSchema(db, centralMigrations, opts);
    for (const name of Object.keys(centralMigrations).reverse()) await centralMigrations[name]!.down!(db);
    const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
    expect(tables).toEqual([]);
  });

  it('the hub refuses to start on a schema written by a newer version', async () => {
    const { url, db } = await freshDb();
    await prepareSchema(db, centralMigrations, opts);
    await sql`insert into kysely_migration (name, timestamp) values ('2999-01-01-from-the-future', now()::text)`.execute(db);
    await expect(startHub({ databaseUrl: url, dataDir: '/nonexistent', logger: false })).rejects.toThrow(
      /newer version of Usterka.*2999-01-01-from-the-future/,
    );
  });

  it('the hub refuses a half-migrated schema (an earlier migration missing) instead of guessing', async () => {
    const { db } = await freshDb();
    await prepareSchema(db, centralMigrations, opts);
    const [first] = Object.keys(centralMigrations);
    await sql`delete from kysely_migration where name = ${first}`.execute(db);
    const err = await prepareSchema(db, centralMigrations, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SchemaError);
    expect((err as SchemaError).message).toMatch(/half-migrated/);
  });

  it('an external database that is behind is not migrated silently: the hub says to run migrate', async () => {
    const { url } = await freshDb();
    await expect(startHub({ databaseUrl: url, dataDir: '/nonexistent', logger: false })).rejects.toThrow(/npm run admin -- migrate/);
  });

  it('a failing migration is rolled back and named', async () => {
    const { db } = await freshDb();
    const broken = {
      ...centralMigrations,
      '2999-12-31-broken': {
        up: async (d: CentralDb) => {
          await d.schema.createTable('half_done').addColumn('id', 'integer').execute();
          await sql`select * from no_such_table`.execute(d);
        },
      },
    };
    await expect(prepareSchema(db, broken, opts)).rejects.toThrow(/Migration 2999-12-31-broken .* failed and was rolled back/);
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    expect(tables).not.toContain('half_done');
  });
});
