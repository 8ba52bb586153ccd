// The city's configuration as the administrator keeps it: reading it whole for the admin screens, and the
// one way every change is written — in a transaction with its audit row (who, when, before → after) and a bump
// of the configuration version, which pokes every online workstation to refetch it (offline ones see the new
// version in /health at their next sync).
import { sql } from 'kysely';
import {
  AdminSettings,
  type AdminCategory,
  type AdminGroup,
  type AdminOverview,
  type AdminUnit,
  type AdminUser,
  type StructureChange,
} from '../../src-shared/api/admin';
import { openStatuses, type Category } from '../../src-shared/ticket';
import { loadExtraDays } from '../calendar-store';
import type { CentralDb } from '../db/connect';
import { CHANGES_CHANNEL } from '../sync/poke';
import { THROTTLE } from '../auth/throttle';
import { invalidateDirectory } from '../directory';

/** The settings a city used to set by environment variables; the database wins once an admin saved them. */
export async function loadSettings(db: CentralDb): Promise<AdminSettings> {
  const rows = await db.selectFrom('config_setting').select(['key', 'value']).execute();
  const saved = Object.fromEntries(rows.map((r) => [r.key, r.value])) as Record<string, string | null>;
  // An empty text saved by the admin means none (it does not fall back to the environment).
  const referral = 'snowIceReferral' in saved ? saved.snowIceReferral : process.env.USTERKA_SNOW_ICE_REFERRAL;
  return AdminSettings.parse({ snowIceReferral: referral || undefined });
}

export async function loadConfigVersion(db: CentralDb): Promise<number> {
  const row = await db.selectFrom('config_version').select('version').where('id', '=', 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}

/**
 * Writes one configuration change: `write` runs in the transaction, then the audit row and the version bump.
 * The NOTIFY is delivered at commit, so workstations refetch only what is really saved.
 */
export async function changeConfig<T>(
  db: CentralDb,
  who: string,
  action: string,
  details: Record<string, unknown>,
  write: (tx: CentralDb) => Promise<T>,
): Promise<T> {
  invalidateDirectory(db);
  const result = await db.transaction().execute(async (tx) => {
    const result = await write(tx);
    await tx
      .insertInto('audit_log')
      .values({ actor: who, action, details: JSON.stringify(details) })
      .execute();
    await sql`update config_version set version = version + 1 where id = 1`.execute(tx);
    await sql`select pg_notify(${CHANGES_CHANNEL}, 'config')`.execute(tx);
    return result;
  });
  // Again after commit: a push in between may have cached the old directory.
  invalidateDirectory(db);
  return result;
}

export async function loadUnits(db: CentralDb): Promise<AdminUnit[]> {
  const rows = await db.selectFrom('unit').select(['id', 'name', 'kind', 'works_in_app', 'address']).orderBy('name').execute();
  return rows.map((u) => ({ id: u.id, name: u.name, kind: u.kind, worksInApp: u.works_in_app, address: u.address ?? undefined }));
}

/** Groups with how many open tickets each holds now (a group holding any cannot be removed). */
export async function loadGroups(db: CentralDb): Promise<(AdminGroup & { openTickets: number })[]> {
  const rows = await db
    .selectFrom('work_group as g')
    .select([
      'g.id',
      'g.symbol',
      'g.name',
      'g.unit_id',
      'g.kind',
      sql<string>`(select count(*) from ticket t where t.status = any(${openStatuses as string[]})
        and (t.coordinator_group_id = g.id or t.realizer_group_id = g.id))`.as('open_tickets'),
    ])
    .orderBy('g.symbol')
    .execute();
  return rows.map((g) => ({
    id: g.id,
    symbol: g.symbol,
    name: g.name,
    unitId: g.unit_id,
    kind: g.kind,
    openTickets: Number(g.open_tickets),
  }));
}

export async function loadCategories(db: CentralDb): Promise<AdminCategory[]> {
  const rows = await db.selectFrom('category').select(['id', 'definition']).orderBy('position').execute();
  return rows.map((c) => ({ ...(c.definition as Omit<Category, 'id'>), id: c.id }) as AdminCategory);
}

export async function loadUsers(db: CentralDb, now: Date, ids?: readonly string[]): Promise<AdminUser[]> {
  let query = db
    .selectFrom('app_user')
    .select([
      'id',
      'login',
      'display_name',
      'email',
      'roles',
      'disabled',
      'must_change_password',
      'last_login_at',
      sql<string[]>`array(select group_id from group_member where user_id = app_user.id order by group_id)`.as('group_ids'),
      sql<string[]>`array(select unit_id from unit_supervisor where user_id = app_user.id order by unit_id)`.as('unit_ids'),
      sql<string>`(select count(*) from login_failure f where f.login = lower(app_user.login)
        and f.at > ${new Date(now.getTime() - THROTTLE.windowSeconds * 1000)})`.as('recent_failures'),
    ])
    .orderBy('display_name');
  if (ids) query = query.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  const rows = await query.execute();
  return rows.map((u) => ({
    id: u.id,
    login: u.login,
    displayName: u.display_name,
    email: u.email,
    roles: u.roles,
    groupIds: u.group_ids,
    unitIds: u.unit_ids,
    disabled: u.disabled,
    mustChangePassword: u.must_change_password,
    lastLoginAt: u.last_login_at ? new Date(u.last_login_at).toISOString() : null,
    recentFailures: Number(u.recent_failures),
  }));
}

export async function loadChanges(db: CentralDb, ids?: readonly number[]): Promise<StructureChange[]> {
  let query = db.selectFrom('structure_change').selectAll().orderBy('id', 'desc').limit(200);
  if (ids) query = query.where('id', 'in', ids);
  const rows = await query.execute();
  const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);
  return rows.map((c) => ({
    id: Number(c.id),
    title: c.title,
    status: c.status,
    operations: c.plan.operations,
    requestedBy: c.requested_by,
    requestedAt: iso(c.requested_at)!,
    decidedBy: c.decided_by,
    decidedAt: iso(c.decided_at),
    note: c.note,
  }));
}

export async function loadOverview(db: CentralDb, now: Date): Promise<AdminOverview> {
  const [units, groups, users, categories, extraDays, settings, changes, configVersion] = await Promise.all([
    loadUnits(db),
    loadGroups(db),
    loadUsers(db, now),
    loadCategories(db),
    loadExtraDays(db),
    loadSettings(db),
    loadChanges(db),
    loadConfigVersion(db),
  ]);
  return { units, groups, users, categories, extraDays, settings, changes, configVersion };
}
