// One migration runner for both stores: migrations/central (PostgreSQL, the hub) and
// migrations/local (SQLite, the desktop core). It refuses to touch a schema it does not fully
// understand: one written by a newer version, or one where migrations were applied out of order.
import { Migrator, sql, type Kysely, type Migration } from 'kysely';

export type MigrationSet = Readonly<Record<string, Migration>>;

export type SchemaState =
  | { kind: 'current'; applied: string[] }
  | { kind: 'behind'; applied: string[]; pending: string[] }
  | { kind: 'newer'; applied: string[]; unknown: string[] }
  | { kind: 'inconsistent'; applied: string[]; skipped: string[] };

export class SchemaError extends Error {
  constructor(
    message: string,
    readonly state: SchemaState | undefined,
  ) {
    super(message);
    this.name = 'SchemaError';
  }
}

const MIGRATION_TABLE = 'kysely_migration';

export async function readSchemaState(db: Kysely<any>, migrations: MigrationSet): Promise<SchemaState> {
  const known = Object.keys(migrations).sort();
  const applied = await appliedMigrationNames(db);
  const unknown = applied.filter((name) => !migrations[name]);
  if (unknown.length > 0) return { kind: 'newer', applied, unknown };
  const pending = known.filter((name) => !applied.includes(name));
  const lastApplied = applied.at(-1);
  const skipped = lastApplied ? pending.filter((name) => name < lastApplied) : [];
  if (skipped.length > 0) return { kind: 'inconsistent', applied, skipped };
  if (pending.length > 0) return { kind: 'behind', applied, pending };
  return { kind: 'current', applied };
}

/**
 * Brings the schema to the latest known migration (or, with `autoMigrate: false`, only checks
 * that it is there) and throws a SchemaError whose message says what to do otherwise.
 */
export async function prepareSchema(
  db: Kysely<any>,
  migrations: MigrationSet,
  opts: { label: string; autoMigrate: boolean; upgradeHint: string },
): Promise<string[]> {
  const state = await readSchemaState(db, migrations);
  switch (state.kind) {
    case 'current':
      return [];
    case 'newer':
      throw new SchemaError(
        `The ${opts.label} schema was written by a newer version of Usterka (unknown migrations: ${state.unknown.join(', ')}). ` +
          `Install that version or a later one; this version will not change the database.`,
        state,
      );
    case 'inconsistent':
      throw new SchemaError(
        `The ${opts.label} schema is half-migrated: ${state.skipped.join(', ')} never ran although later migrations did. ` +
          `Restore the database from a backup taken before the failed upgrade.`,
        state,
      );
    case 'behind':
      if (!opts.autoMigrate) {
        throw new SchemaError(
          `The ${opts.label} schema is behind this version (pending migrations: ${state.pending.join(', ')}). ${opts.upgradeHint}`,
          state,
        );
      }
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SchemaError(
      `Migration ${failed?.migrationName ?? '(unknown)'} of the ${opts.label} schema failed and was rolled back: ${reason}`,
      await readSchemaState(db, migrations).catch(() => undefined),
    );
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function appliedMigrationNames(db: Kysely<any>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}
