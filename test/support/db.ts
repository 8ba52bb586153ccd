// Each test file gets its own empty database on the run's PostgreSQL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { startHub, type RunningHub, type StartHubOptions } from '../../src-server/hub';

export async function freshDatabaseUrl(): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A hub on its own fresh database, migrated, without logs: what most hub tests start with. */
export async function startTestHub(options: Partial<StartHubOptions> = {}): Promise<RunningHub> {
  return startHub({ databaseUrl: await freshDatabaseUrl(), dataDir: '/nonexistent', autoMigrate: true, logger: false, ...options });
}
