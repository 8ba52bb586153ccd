// The desktop store's SQLite migrations, in order. Add new ones at the end; never edit a released one.
import type { MigrationSet } from '../runner';
import * as m20261130_01 from './2026-11-30-01-installation';
import * as m20261130_02 from './2026-11-30-02-replica-and-outbox';
import * as m20261202_03 from './2026-12-02-03-offline-grants';
import * as m20261203_04 from './2026-12-03-04-queue-columns';
import * as m20261203_05 from './2026-12-03-05-queue-covering-indexes';
import * as m20261203_10 from './2026-12-03-10-street-copy';

export const localMigrations: MigrationSet = {
  '2026-11-30-01-installation': m20261130_01,
  '2026-11-30-02-replica-and-outbox': m20261130_02,
  '2026-12-02-03-offline-grants': m20261202_03,
  '2026-12-03-04-queue-columns': m20261203_04,
  '2026-12-03-05-queue-covering-indexes': m20261203_05,
  '2026-12-03-10-street-copy': m20261203_10,
};
