// Carrying out structure changes (units, groups) and the personnel of an imported table: one function per
// operation, all inside the caller's transaction, each refusing with what to fix. Group structure waits for
// the super-supervisor's agreement (I§5.5); personnel changes apply at once.
import { sql } from 'kysely';
import type { StructureOperation } from '../../src-shared/api/admin';
import { openStatuses } from '../../src-shared/ticket';
import { statusLabels } from '../../src-shared/ticket/labels';
import type { CentralDb } from '../db/connect';
import { hashOneTimePassword, oneTimePassword } from '../auth/passwords';

export class AdminError extends Error {
  constructor(
    readonly statusCode: 400 | 403 | 404 | 409,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Operations that change the group structure and so need the super-supervisor's agreement. */
export const isStructural = (op: StructureOperation) => op.op === 'saveGroup' || op.op === 'removeGroup';

export interface Applied {
  /** One-time passwords of the accounts the change created, shown once to the admin who applied it. */
  passwords: { login: string; password: string }[];
}

export async function applyOperations(tx: CentralDb, operations: readonly StructureOperation[]): Promise<Applied> {
  const applied: Applied = { passwords: [] };
  for (let i = 0; i < operations.length; i++) {
    const op = operations[i]!;
    if (op.op === 'saveUnit') await saveUnit(tx, op.unit);
    else if (op.op === 'saveGroup') await saveGroup(tx, op.group);
    else if (op.op === 'removeGroup') await removeGroup(tx, op.id);
    else if (op.op === 'removePerson') await removePerson(tx, op.userId, op.unitId);
    else if (op.op === 'saveScript') await saveScript(tx, op.categoryId, op.template);
    else {
      // The people of a table come in a run: saved together, in a few statements whatever their number.
      let j = i;
      while (operations[j + 1]?.op === 'savePerson') j++;
      const people = operations.slice(i, j + 1).map((o) => (o as Extract<StructureOperation, { op: 'savePerson' }>).person);
      applied.passwords.push(...(await savePeople(tx, people)));
      i = j;
    }
  }
  return applied;
}

async function saveScript(tx: CentralDb, categoryId: string, template: Extract<StructureOperation, { op: 'saveScript' }>['template']) {
  const row = await tx.selectFrom('category').select('definition').where('id', '=', categoryId).executeTakeFirst();
  if (!row) throw new AdminError(404, 'unknownCategory', `Nie ma kategorii „${categoryId}”.`);
  await tx
    .updateTable('category')
    .set({ definition: JSON.stringify({ ...(row.definition as object), template }) })
    .where('id', '=', categoryId)
    .execute();
}

async function saveUnit(tx: CentralDb, unit: Extract<StructureOperation, { op: 'saveUnit' }>['unit']): Promise<void> {
  // P§15: a unit outside the app is reached only at its address.
  if (!unit.worksInApp && !unit.address)
    throw new AdminError(
      400,
      'addressRequired',
      'Jednostka poza aplikacją potrzebuje adresu, na który idą jej zgłoszenia (P§15).',
      'address',
    );
  const values = { name: unit.name, kind: unit.kind, works_in_app: unit.worksInApp, address: unit.address || null };
  await tx
    .insertInto('unit')
    .values({ id: unit.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

async function saveGroup(tx: CentralDb, group: Extract<StructureOperation, { op: 'saveGroup' }>['group']): Promise<void> {
  const unit = await tx.selectFrom('unit').select('id').where('id', '=', group.unitId).executeTakeFirst();
  if (!unit) throw new AdminError(400, 'unknownUnit', `Nie ma jednostki „${group.unitId}” — dodaj ją najpierw.`, 'unitId');
  const clash = await tx
    .selectFrom('work_group')
    .select('id')
    .where(sql`lower(symbol)`, '=', group.symbol.toLowerCase())
    .where('id', '!=', group.id)
    .executeTakeFirst();
  if (clash) throw new AdminError(409, 'symbolTaken', `Symbol „${group.symbol}” ma już grupa „${clash.id}”.`, 'symbol');
  const values = { symbol: group.symbol, name: group.name, unit_id: group.unitId, kind: group.kind };
  await tx
    .insertInto('work_group')
    .values({ id: group.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

async function removeGroup(tx: CentralDb, id: string): Promise<void> {
  const group = await tx.selectFrom('work_group').select(['id', 'symbol']).where('id', '=', id).executeTakeFirst();
  if (!group) throw new AdminError(404, 'unknownGroup', `Nie ma grupy „${id}”.`, 'id');
  await refuseIfOpenTickets(tx, id, group.symbol);
  await tx.deleteFrom('group_member').where('group_id', '=', id).execute();
  await tx.deleteFrom('work_group').where('id', '=', id).execute();
}

/** A group holding open tickets stays: the refusal says how many and in which statuses. */
export async function refuseIfOpenTickets(tx: CentralDb, id: string, symbol: string): Promise<void> {
  const open = await tx
    .selectFrom('ticket')
    .select(['status', sql<string>`count(*)`.as('count')])
    .where('status', 'in', openStatuses as string[])
    .where((eb) => eb.or([eb('coordinator_group_id', '=', id), eb('realizer_group_id', '=', id)]))
    .groupBy('status')
    .execute();
  const total = open.reduce((sum, r) => sum + Number(r.count), 0);
  if (total > 0) {
    const where = open.map((r) => `${statusLabels[r.status as keyof typeof statusLabels] ?? r.status}: ${r.count}`).join(', ');
    throw new AdminError(
      409,
      'groupHasOpenTickets',
      `Grupa ${symbol} ma ${total} otwartych zgłoszeń (${where}) — przekaż je innej grupie, zanim ją usuniesz.`,
      'id',
    );
  }
}

type Person = Extract<StructureOperation, { op: 'savePerson' }>['person'];

/**
 * People of a unit's table, found by e-mail: their roles gain the table's, and their groups and supervision
 * within the unit become the table's (their places in other units stay). New accounts get one-time passwords,
 * returned to be shown once.
 */
async function savePeople(tx: CentralDb, people: Person[]): Promise<Applied['passwords']> {
  const emails = people.map((p) => p.email.toLowerCase());
  const existing = await tx
    .selectFrom('app_user')
    .select(['id', 'roles', sql<string>`lower(email)`.as('email')])
    .where(sql`lower(email)`, 'in', emails)
    .execute();
  const byEmail = new Map(existing.map((u) => [u.email, u]));
  const fresh = people.filter((p) => !byEmail.has(p.email.toLowerCase()));
  if (fresh.length) {
    const taken = await tx
      .selectFrom('app_user')
      .select('login')
      .where(
        'login',
        'in',
        fresh.map((p) => p.login),
      )
      .executeTakeFirst();
    if (taken) throw new AdminError(409, 'loginTaken', `Login „${taken.login}” ma już inna osoba — zmień adres e-mail lub login.`);
  }
  const passwords = fresh.map((p) => ({ login: p.login, password: oneTimePassword() }));
  const hashes = await Promise.all(passwords.map((p) => hashOneTimePassword(p.password)));
  const created = fresh.length
    ? await tx
        .insertInto('app_user')
        .values(
          fresh.map((p, k) => ({
            login: p.login,
            display_name: p.displayName,
            email: p.email,
            roles: p.roles,
            password_hash: hashes[k]!,
            must_change_password: true,
          })),
        )
        .returning(['id', sql<string>`lower(email)`.as('email')])
        .execute()
    : [];
  for (const u of created) byEmail.set(u.email, { ...u, roles: [] });
  for (const p of people) {
    const user = existing.find((u) => u.email === p.email.toLowerCase());
    if (user)
      await tx
        .updateTable('app_user')
        .set({ display_name: p.displayName, roles: [...new Set([...user.roles, ...p.roles])] })
        .where('id', '=', user.id)
        .execute();
  }
  const idOf = (p: Person) => byEmail.get(p.email.toLowerCase())!.id as string;
  const userIds = people.map(idOf);
  await leaveUnitGroups(tx, userIds, [...new Set(people.flatMap((p) => p.unitIds))]);
  const memberships = people.flatMap((p) => p.groupIds.map((group_id) => ({ user_id: idOf(p), group_id })));
  if (memberships.length)
    await tx
      .insertInto('group_member')
      .values(memberships)
      .onConflict((oc) => oc.doNothing())
      .execute();
  const supervision = people
    .filter((p) => p.roles.includes('supervisor'))
    .flatMap((p) => p.unitIds.map((unit_id) => ({ user_id: idOf(p), unit_id })));
  if (supervision.length)
    await tx
      .insertInto('unit_supervisor')
      .values(supervision)
      .onConflict((oc) => oc.doNothing())
      .execute();
  return passwords;
}

/** The users leave every group of these units (their groups elsewhere stay). */
async function leaveUnitGroups(tx: CentralDb, userIds: string[], unitIds: string[]): Promise<void> {
  if (!userIds.length || !unitIds.length) return;
  await tx
    .deleteFrom('group_member')
    .where('user_id', 'in', userIds)
    .where('group_id', 'in', tx.selectFrom('work_group').select('id').where('unit_id', 'in', unitIds))
    .execute();
}

/** P§35 "removed": the person's groups and supervision in the unit end; a role with nothing left to act in goes. */
async function removePerson(tx: CentralDb, userId: string, unitId: string): Promise<void> {
  await leaveUnitGroups(tx, [userId], [unitId]);
  await tx.deleteFrom('unit_supervisor').where('user_id', '=', userId).where('unit_id', '=', unitId).execute();
  await dropIdleRoles(tx, userId);
}

/** Coordinator / realizer / supervisor roles of a user who no longer has a group or unit to use them in. */
export async function dropIdleRoles(tx: CentralDb, userId: string): Promise<void> {
  const user = await tx
    .selectFrom('app_user')
    .select([
      'roles',
      sql<string[]>`array(select g.kind from group_member m join work_group g on g.id = m.group_id where m.user_id = app_user.id)`.as(
        'kinds',
      ),
      sql<number>`(select count(*) from unit_supervisor s where s.user_id = app_user.id)::int`.as('units'),
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return;
  const keep = user.roles.filter(
    (r: string) =>
      (r !== 'coordinator' || user.kinds.includes('coordinator')) &&
      (r !== 'realizer' || user.kinds.includes('realizer')) &&
      (r !== 'supervisor' || user.units > 0),
  );
  if (keep.length !== user.roles.length) await tx.updateTable('app_user').set({ roles: keep }).where('id', '=', userId).execute();
}
