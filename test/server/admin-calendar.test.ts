import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { centralMigrations } from '../../migrations/central';
import { prepareSchema } from '../../migrations/runner';
import { openKysely } from '../../src-server/db/connect';
import { freshDatabaseUrl } from '../support/db';

const run = promisify(execFile);
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await freshDatabaseUrl();
  const db = openKysely(databaseUrl, 1);
  await prepareSchema(db, centralMigrations, { label: 'central', autoMigrate: true, upgradeHint: '' });
  // Tuesday 5 May 2026 declared a day off (an invented ordinance, for the test).
  await db
    .insertInto('calendar_extra_day')
    .values({ day: '2026-05-05', kind: 'dayOff', reference: 'Zarządzenie 123/2026 Prezydenta Miasta Łodzi' })
    .execute();
  await db.destroy();
});

const admin = (...args: string[]) =>
  run('npx', ['tsx', 'src-server/admin/cli.ts', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 });

describe('npm run admin -- calendar, on the central configuration', () => {
  it('P§2.2 deadline skips a configured extra day off and prints exactly one line', async () => {
    // From Monday 4 May 2026: Tuesday 5 May is off by ordinance, so one working day ends Wednesday at 16:00.
    const { stdout } = await admin('calendar', 'deadline', '--from', '2026-05-04T10:00:00+02:00', '--working-days', '1');
    expect(stdout).toBe('2026-05-06T16:00:00+02:00\n');
  });

  it('P§2.2 is-working-time is false on the configured day off', async () => {
    const { stdout } = await admin('calendar', 'is-working-time', '--at', '2026-05-05T10:00:00+02:00');
    expect(stdout).toBe('false\n');
  });

  it('month shows the day off with the ordinance that set it', async () => {
    const { stdout } = await admin('calendar', 'month', '2026-05');
    expect(stdout).toContain('Zarządzenie 123/2026');
  });
});
