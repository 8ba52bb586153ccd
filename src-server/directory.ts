// The city's structure as the shared rules need it (units, groups, categories), and the actor a user
// is: their roles, groups and supervised units, read from the central database.
import { sql } from 'kysely';
import { makeDirectory, type Actor, type Category, type Directory, type Group, type Unit } from '../src-shared/ticket';
import type { CentralDb } from './db/connect';

export async function loadDirectory(db: CentralDb): Promise<Directory> {
  const [units, groups, categories, users] = await Promise.all([
    db.selectFrom('unit').select(['id', 'name', 'kind', 'works_in_app', 'address']).execute(),
    db.selectFrom('work_group').select(['id', 'symbol', 'name', 'unit_id', 'kind']).execute(),
    db.selectFrom('category').select(['id', 'definition']).orderBy('position').execute(),
    db.selectFrom('app_user').select(['id', 'display_name']).execute(),
  ]);
  return makeDirectory({
    units: units.map((u): Unit => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      worksInApp: u.works_in_app,
      ...(u.address ? { address: u.address } : {}),
    })),
    groups: groups.map((g): Group => ({ id: g.id, symbol: g.symbol, name: g.name, unitId: g.unit_id, kind: g.kind })),
    categories: categories.map((c) => ({ ...(c.definition as Omit<Category, 'id'>), id: c.id })),
    users: users.map((u) => ({ id: u.id, name: u.display_name })),
  });
}

/**
 * The directory, re-read at most every few seconds: every push needs it and it changes only when an
 * administrator edits the configuration (the change then takes effect within that time).
 */
const DIRECTORY_TTL_MS = 5_000;
const cache = new WeakMap<CentralDb, { at: number; directory: Promise<Directory> }>();
export function cachedDirectory(db: CentralDb): Promise<Directory> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at <= DIRECTORY_TTL_MS) return hit.directory;
  const directory = loadDirectory(db);
  cache.set(db, { at: Date.now(), directory });
  directory.catch(() => cache.delete(db));
  return directory;
}

/** After a configuration change: the next push reads the directory afresh. */
export function invalidateDirectory(db: CentralDb): void {
  cache.delete(db);
}

/** The hub itself acting (web-form intake, retention): a role no user account holds. */
export const SYSTEM_ACTOR: Actor = { userId: 'system', roles: ['system'], groupIds: [], unitIds: [] };

/** The actor a signed-in user is; undefined when the account is disabled. */
export async function loadActor(db: CentralDb, userId: string): Promise<Actor | undefined> {
  return (await loadActors(db, [userId])).get(userId);
}

/** Actors by user id; unknown or disabled users are absent. */
export async function loadActors(db: CentralDb, userIds: readonly string[]): Promise<Map<string, Actor>> {
  const actors = new Map<string, Actor>();
  const ids = [...new Set(userIds)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (ids.length === 0) return actors;
  // One round trip: every push and pull asks this.
  const users = await db
    .selectFrom('app_user')
    .select([
      'id',
      'roles',
      sql<string[]>`array(select group_id from group_member where user_id = app_user.id order by group_id)`.as('group_ids'),
      sql<string[]>`array(select unit_id from unit_supervisor where user_id = app_user.id order by unit_id)`.as('unit_ids'),
    ])
    .where('id', 'in', ids)
    .where('disabled', '=', false)
    .execute();
  for (const u of users) actors.set(u.id, { userId: u.id, roles: u.roles, groupIds: u.group_ids, unitIds: u.unit_ids });
  return actors;
}

export interface DirectoryConfig {
  units: Unit[];
  groups: Group[];
  categories: Category[];
}

/** Adds or updates units, groups and categories (the admin's configuration, I§3, I§5, P§34). */
export async function saveDirectory(db: CentralDb, config: DirectoryConfig): Promise<void> {
  cache.delete(db);
  await db.transaction().execute(async (tx) => {
    if (config.units.length) {
      await tx
        .insertInto('unit')
        .values(config.units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, works_in_app: u.worksInApp })))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            kind: eb.ref('excluded.kind'),
            works_in_app: eb.ref('excluded.works_in_app'),
          })),
        )
        .execute();
    }
    if (config.groups.length) {
      await tx
        .insertInto('work_group')
        .values(config.groups.map((g) => ({ id: g.id, symbol: g.symbol, name: g.name, unit_id: g.unitId, kind: g.kind })))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            symbol: eb.ref('excluded.symbol'),
            name: eb.ref('excluded.name'),
            unit_id: eb.ref('excluded.unit_id'),
            kind: eb.ref('excluded.kind'),
          })),
        )
        .execute();
    }
    if (config.categories.length) {
      await tx
        .insertInto('category')
        .values(config.categories.map(({ id, ...definition }, position) => ({ id, position, definition: JSON.stringify(definition) })))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({ position: eb.ref('excluded.position'), definition: eb.ref('excluded.definition') })),
        )
        .execute();
    }
  });
}

/** Puts a user into coordinator / realizer groups and makes them supervisor of units. */
export async function setMemberships(db: CentralDb, userId: string, groupIds: string[], unitIds: string[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('group_member').where('user_id', '=', userId).execute();
    await tx.deleteFrom('unit_supervisor').where('user_id', '=', userId).execute();
    if (groupIds.length)
      await tx
        .insertInto('group_member')
        .values(groupIds.map((group_id) => ({ user_id: userId, group_id })))
        .execute();
    if (unitIds.length)
      await tx
        .insertInto('unit_supervisor')
        .values(unitIds.map((unit_id) => ({ user_id: userId, unit_id })))
        .execute();
  });
}
