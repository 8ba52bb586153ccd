// The hub's PostgreSQL migrations, in order. Add new ones at the end; never edit a released one.
import type { MigrationSet } from '../runner';
import * as m20261130_01 from './2026-11-30-01-calendar-and-audit';
import * as m20261130_02 from './2026-11-30-02-users-and-sessions';
import * as m20261130_03 from './2026-11-30-03-tickets-and-sync';
import * as m20261130_04 from './2026-11-30-04-streets';
import * as m20261130_05 from './2026-11-30-05-attachments';
import * as m20261130_06 from './2026-11-30-06-installations';
import * as m20261130_07 from './2026-11-30-07-session-installation-index';
import * as m20261130_08 from './2026-11-30-08-ticket-row';
import * as m20261202_09 from './2026-12-02-09-offline-grants';
import * as m20261202_10 from './2026-12-02-10-login-throttle';
import * as m20261202_11 from './2026-12-02-11-portals-and-number-pool';
import * as m20261202_12 from './2026-12-02-12-attachment-owner';
import * as m20261202_13 from './2026-12-02-13-administration';
import * as m20261203_14 from './2026-12-03-14-ticket-stats';
import * as m20261203_15 from './2026-12-03-15-mailbox';
import * as m20261203_16 from './2026-12-03-16-mail-sent';

export const centralMigrations: MigrationSet = {
  '2026-11-30-01-calendar-and-audit': m20261130_01,
  '2026-11-30-02-users-and-sessions': m20261130_02,
  '2026-11-30-03-tickets-and-sync': m20261130_03,
  '2026-11-30-04-streets': m20261130_04,
  '2026-11-30-05-attachments': m20261130_05,
  '2026-11-30-06-installations': m20261130_06,
  '2026-11-30-07-session-installation-index': m20261130_07,
  '2026-11-30-08-ticket-row': m20261130_08,
  '2026-12-02-09-offline-grants': m20261202_09,
  '2026-12-02-10-login-throttle': m20261202_10,
  '2026-12-02-11-portals-and-number-pool': m20261202_11,
  '2026-12-02-12-attachment-owner': m20261202_12,
  '2026-12-02-13-administration': m20261202_13,
  '2026-12-03-14-ticket-stats': m20261203_14,
  '2026-12-03-15-mailbox': m20261203_15,
  '2026-12-03-16-mail-sent': m20261203_16,
};
