// The administration routes: `POST /admin/<name>` for each operation of the shared contract
// (src-shared/api/admin.ts), which says who may call it. Every change is written through changeConfig (audit
// row with before → after, version bump, poke); group structure waits for the super-supervisor (I§5.5).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { z } from 'zod';
import {
  adminOperations,
  mayCallAdmin,
  type AdminOperationName,
  type AdminResult,
  type StructureChange,
  type StructureOperation,
} from '../../src-shared/api/admin';
import { HubError } from '../../src-shared/api/hub';
import { endUserSessions } from '../auth/sessions';
import { clearLoginFailures } from '../auth/throttle';
import { hashOneTimePassword, oneTimePassword } from '../auth/passwords';
import type { CentralDb } from '../db/connect';
import { loadActor } from '../directory';
import { changeConfig, loadCategories, loadChanges, loadOverview, loadSettings, loadUnits, loadUsers } from './config-store';
import { planImport, tableWorkbook } from './onboarding';
import { scriptsWorkbook } from './scripts-table';
import { AdminError, applyOperations, refuseIfOpenTickets } from './structure';

interface Caller {
  db: CentralDb;
  now: Date;
  userId: string;
  /** The login, as audit rows name actors. */
  who: string;
}

type Args<N extends AdminOperationName> = z.output<(typeof adminOperations)[N]['args']>;
type Handlers = { [N in AdminOperationName]: (caller: Caller, args: Args<N>) => Promise<AdminResult<N>> };

const ACCESS_WORDS = {
  read: 'administratora i supernadzorcy',
  write: 'administratora',
  approve: 'supernadzorcy (uzgodnienie zmian struktury grup, I§5.5)',
} as const;

export function registerAdmin(app: FastifyInstance, db: CentralDb, now: () => Date): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const name of Object.keys(adminOperations) as AdminOperationName[]) {
    const op = adminOperations[name];
    r.post(
      `/admin/${name}`,
      {
        schema: {
          summary: `Administration: ${name} (${op.access === 'read' ? 'admin, super-supervisor' : op.access === 'write' ? 'admin' : 'super-supervisor'})`,
          security: [{ bearer: [] }],
          body: op.args,
          response: { 200: op.result, 400: HubError, 403: HubError, 404: HubError, 409: HubError },
        },
        // Before the body is validated: who may not call it learns nothing about its input.
        preValidation: async (req, reply) => {
          const actor = await loadActor(db, req.user!.id);
          if (!actor || !mayCallAdmin(op.access, actor.roles))
            return reply.code(403).send({ error: 'forbidden', message: `To jest czynność ${ACCESS_WORDS[op.access]}.` });
        },
      },
      async (req, reply) => {
        const caller: Caller = { db, now: now(), userId: req.user!.id, who: req.user!.login };
        try {
          const handler = handlers[name] as (caller: Caller, args: unknown) => Promise<unknown>;
          return (await handler(caller, req.body)) as never;
        } catch (err) {
          if (!(err instanceof AdminError)) throw err;
          return reply.code(err.statusCode).send({ error: err.code, message: err.message, field: err.field });
        }
      },
    );
  }
}

const notFound = (what: string) => new AdminError(404, 'notFound', `Nie ma ${what}.`, 'id');

/** Structure changes from the forms wait for agreement like those of an imported table. */
async function requestChange(c: Caller, title: string, operations: StructureOperation[]): Promise<StructureChange> {
  const id = await changeConfig(c.db, c.who, 'structure.requested', { title, operations }, async (tx) => {
    const row = await tx
      .insertInto('structure_change')
      .values({ title, plan: JSON.stringify({ operations }), status: 'pending', requested_by: c.who })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  });
  return (await loadChanges(c.db, [id]))[0]!;
}

/** A user's own admin role and account stay: nobody locks the city out of its administration by a click. */
function guardSelf(c: Caller, userId: string | undefined, keepsAdmin: boolean): void {
  if (userId === c.userId && !keepsAdmin)
    throw new AdminError(409, 'ownAccount', 'Nie można odebrać sobie roli administratora ani wyłączyć własnego konta.', 'roles');
}

const handlers: Handlers = {
  overview: (c) => loadOverview(c.db, c.now),

  async saveUnit(c, unit) {
    const before = (await loadUnits(c.db)).find((u) => u.id === unit.id);
    await changeConfig(c.db, c.who, 'unit.save', { before, after: unit }, (tx) => applyOperations(tx, [{ op: 'saveUnit', unit }]));
    return { applied: true };
  },

  async saveGroup(c, group) {
    const unit = (await loadUnits(c.db)).find((u) => u.id === group.unitId);
    if (!unit) throw new AdminError(400, 'unknownUnit', `Nie ma jednostki „${group.unitId}”.`, 'unitId');
    return {
      applied: false,
      change: await requestChange(c, `Grupa ${group.symbol} — ${group.name} (${unit.name})`, [{ op: 'saveGroup', group }]),
    };
  },

  async removeGroup(c, { id }) {
    const group = await c.db.selectFrom('work_group').select(['symbol', 'name']).where('id', '=', id).executeTakeFirst();
    if (!group) throw notFound(`grupy „${id}”`);
    // The refusal for open tickets comes now, not only when the agreed change is carried out.
    await refuseIfOpenTickets(c.db, id, group.symbol);
    return {
      applied: false,
      change: await requestChange(c, `Usunięcie grupy ${group.symbol} — ${group.name}`, [{ op: 'removeGroup', id }]),
    };
  },

  async saveUser(c, input) {
    await checkMemberships(c.db, input);
    guardSelf(c, input.id, input.roles.includes('admin'));
    const before = input.id ? (await loadUsers(c.db, c.now, [input.id]))[0] : undefined;
    if (input.id && !before) throw notFound('takiego użytkownika');
    const clash = await c.db
      .selectFrom('app_user')
      .select(['id', 'login', 'email'])
      .where((eb) =>
        eb.or([
          eb(sql`lower(login)`, '=', input.login.toLowerCase()),
          ...(input.email ? [eb(sql`lower(email)`, '=', input.email.toLowerCase())] : []),
        ]),
      )
      .execute();
    const other = clash.find((u) => u.id !== input.id);
    if (other) {
      const byLogin = other.login.toLowerCase() === input.login.toLowerCase();
      throw new AdminError(
        409,
        byLogin ? 'loginTaken' : 'emailTaken',
        byLogin ? `Login „${input.login}” ma już inna osoba.` : `Adres ${input.email} ma już konto „${other.login}”.`,
        byLogin ? 'login' : 'email',
      );
    }
    const password = input.id ? undefined : oneTimePassword();
    const values = { login: input.login, display_name: input.displayName, email: input.email ?? null, roles: input.roles };
    const id = await changeConfig(c.db, c.who, input.id ? 'user.save' : 'user.add', { before, after: input }, async (tx) => {
      let userId = input.id;
      if (userId) await tx.updateTable('app_user').set(values).where('id', '=', userId).execute();
      else
        userId = (
          await tx
            .insertInto('app_user')
            .values({ ...values, password_hash: await hashOneTimePassword(password!), must_change_password: true })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id as string;
      await tx.deleteFrom('group_member').where('user_id', '=', userId).execute();
      await tx.deleteFrom('unit_supervisor').where('user_id', '=', userId).execute();
      if (input.groupIds.length)
        await tx
          .insertInto('group_member')
          .values(input.groupIds.map((group_id) => ({ user_id: userId, group_id })))
          .execute();
      if (input.unitIds.length)
        await tx
          .insertInto('unit_supervisor')
          .values(input.unitIds.map((unit_id) => ({ user_id: userId, unit_id })))
          .execute();
      return userId;
    });
    const [user] = await loadUsers(c.db, c.now, [id]);
    return { user: user!, ...(password ? { oneTimePassword: password } : {}) };
  },

  async resetPassword(c, { id }) {
    const [user] = await loadUsers(c.db, c.now, [id]);
    if (!user) throw notFound('takiego użytkownika');
    const password = oneTimePassword();
    const hash = await hashOneTimePassword(password);
    await changeConfig(c.db, c.who, 'user.resetPassword', { login: user.login }, async (tx) => {
      await tx.updateTable('app_user').set({ password_hash: hash, must_change_password: true }).where('id', '=', id).execute();
      // Whoever knew the old password is out, on every workstation.
      await endUserSessions(tx, id, c.now);
      await clearLoginFailures(tx, user.login);
    });
    return { oneTimePassword: password };
  },

  async unlockUser(c, { id }) {
    const [user] = await loadUsers(c.db, c.now, [id]);
    if (!user) throw notFound('takiego użytkownika');
    const cleared = await changeConfig(c.db, c.who, 'user.unlock', { login: user.login }, (tx) => clearLoginFailures(tx, user.login));
    return { cleared };
  },

  async setUserDisabled(c, { id, disabled }) {
    const [user] = await loadUsers(c.db, c.now, [id]);
    if (!user) throw notFound('takiego użytkownika');
    guardSelf(c, id, !disabled);
    await changeConfig(c.db, c.who, disabled ? 'user.disable' : 'user.enable', { login: user.login }, async (tx) => {
      await tx.updateTable('app_user').set({ disabled }).where('id', '=', id).execute();
      if (disabled) await endUserSessions(tx, id, c.now);
    });
    return { ok: true };
  },

  async saveCategory(c, category) {
    const { id, ...definition } = category;
    if (definition.defaultCoordinatorGroupId) {
      const group = await c.db
        .selectFrom('work_group')
        .select('kind')
        .where('id', '=', definition.defaultCoordinatorGroupId)
        .executeTakeFirst();
      if (group?.kind !== 'coordinator')
        throw new AdminError(400, 'unknownGroup', 'Domyślna grupa musi być istniejącą grupą koordynatorów.', 'defaultCoordinatorGroupId');
    }
    const before = (await loadCategories(c.db)).find((x) => x.id === id);
    await changeConfig(c.db, c.who, 'category.save', { before, after: category }, async (tx) => {
      const last = await tx
        .selectFrom('category')
        .select(sql<number>`coalesce(max(position), -1)::int`.as('max'))
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('category')
        .values({ id, position: last.max + 1, definition: JSON.stringify(definition) })
        .onConflict((oc) => oc.column('id').doUpdateSet({ definition: JSON.stringify(definition) }))
        .execute();
    });
    return { ok: true };
  },

  async moveCategory(c, { id, by }) {
    const ordered = await c.db.selectFrom('category').select(['id', 'position']).orderBy('position').execute();
    const at = ordered.findIndex((x) => x.id === id);
    if (at < 0) throw notFound(`kategorii „${id}”`);
    const other = ordered[at + by];
    if (!other) return { ok: true };
    await changeConfig(c.db, c.who, 'category.move', { id, by }, async (tx) => {
      // Positions are unique only by convention: swap them.
      await tx.updateTable('category').set({ position: other.position }).where('id', '=', id).execute();
      await tx.updateTable('category').set({ position: ordered[at]!.position }).where('id', '=', other.id).execute();
    });
    return { ok: true };
  },

  async saveExtraDay(c, day) {
    const before = await c.db.selectFrom('calendar_extra_day').selectAll().where('day', '=', day.date).executeTakeFirst();
    await changeConfig(c.db, c.who, 'calendar.saveExtraDay', { before: before ?? null, after: day }, async (tx) => {
      const values = { kind: day.kind, reference: day.reference, note: day.note ?? null };
      await tx
        .insertInto('calendar_extra_day')
        .values({ day: day.date, ...values })
        .onConflict((oc) => oc.column('day').doUpdateSet(values))
        .execute();
    });
    return { ok: true };
  },

  async removeExtraDay(c, { date }) {
    const before = await c.db.selectFrom('calendar_extra_day').selectAll().where('day', '=', date).executeTakeFirst();
    if (!before) throw new AdminError(404, 'notFound', `Dzień ${date} nie jest dniem szczególnym.`, 'date');
    await changeConfig(c.db, c.who, 'calendar.removeExtraDay', { before }, (tx) =>
      tx.deleteFrom('calendar_extra_day').where('day', '=', date).execute(),
    );
    return { ok: true };
  },

  async saveSettings(c, settings) {
    const before = await loadSettings(c.db);
    await changeConfig(c.db, c.who, 'settings.save', { before, after: settings }, async (tx) => {
      for (const [key, value] of Object.entries(settings))
        await tx
          .insertInto('config_setting')
          .values({ key, value: JSON.stringify(value ?? null) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value ?? null) }))
          .execute();
    });
    return { ok: true };
  },

  async decideChange(c, { id, decision, note }) {
    const [change] = await loadChanges(c.db, [id]);
    if (!change) throw notFound(`zmiany nr ${id}`);
    if (change.status !== 'pending')
      throw new AdminError(409, 'alreadyDecided', `Zmiana nr ${id} jest już ${STATUS_WORDS[change.status]}.`, 'id');
    await changeConfig(c.db, c.who, `structure.${decision}`, { id, title: change.title, note }, (tx) =>
      tx
        .updateTable('structure_change')
        .set({ status: decision, decided_by: c.who, decided_at: c.now, note: note ?? null })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute(),
    );
    return (await loadChanges(c.db, [id]))[0]!;
  },

  async applyChange(c, { id }) {
    const [change] = await loadChanges(c.db, [id]);
    if (!change) throw notFound(`zmiany nr ${id}`);
    if (change.status !== 'approved')
      throw new AdminError(
        409,
        'notApproved',
        change.status === 'pending'
          ? `Zmiana nr ${id} czeka na uzgodnienie supernadzorcy (I§5.5).`
          : `Zmiana nr ${id} jest już ${STATUS_WORDS[change.status]}.`,
        'id',
      );
    const applied = await changeConfig(
      c.db,
      c.who,
      'structure.applied',
      { id, title: change.title, operations: change.operations },
      async (tx) => {
        // Taken under lock: two admins applying the same change at once carry it out once.
        const locked = await tx.selectFrom('structure_change').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
        if (locked.status !== 'approved')
          throw new AdminError(409, 'notApproved', `Zmiana nr ${id} jest już ${STATUS_WORDS[locked.status as 'applied']}.`, 'id');
        const result = await applyOperations(tx, change.operations);
        await tx.updateTable('structure_change').set({ status: 'applied' }).where('id', '=', id).execute();
        return result;
      },
    );
    return { applied: true, change: (await loadChanges(c.db, [id]))[0]!, passwords: applied.passwords };
  },

  async audit(c, q) {
    let query = c.db.selectFrom('audit_log').select(['id', 'at', 'actor', 'action', 'details']).orderBy('id', 'desc').limit(q.limit);
    if (q.action) query = query.where('action', 'like', `${escapeLike(q.action)}%`);
    if (q.actor) query = query.where(sql`lower(actor)`, 'like', `%${escapeLike(q.actor.toLowerCase())}%`);
    if (q.from) query = query.where('at', '>=', sql<Date>`(${q.from}::date)::timestamp at time zone 'Europe/Warsaw'`);
    if (q.to) query = query.where('at', '<', sql<Date>`(${q.to}::date + 1)::timestamp at time zone 'Europe/Warsaw'`);
    if (q.before) query = query.where('id', '<', q.before);
    const rows = await query.execute();
    return {
      entries: rows.map((e) => ({
        id: Number(e.id),
        at: new Date(e.at).toISOString(),
        actor: e.actor,
        action: e.action,
        details: (typeof e.details === 'string' ? JSON.parse(e.details) : e.details) ?? {},
      })),
    };
  },

  importPreview: (c, file) => planImport(c.db, file.fileName, Buffer.from(file.contentBase64, 'base64')),

  async importSubmit(c, file) {
    // Planned again from the file itself: what the screen showed is not trusted as the plan.
    const plan = await planImport(c.db, file.fileName, Buffer.from(file.contentBase64, 'base64'));
    const first = plan.problems[0];
    if (first)
      throw new AdminError(
        400,
        'importProblems',
        `Plik ma ${plan.problems.length} błąd(y/ów), nic nie zmieniono. Pierwszy: ${first.row ? `wiersz ${first.row}${first.column ? `, kolumna ${first.column}` : ''}: ` : ''}${first.message}`,
      );
    if (!plan.operations.length) return { applied: true };
    const title = plan.unitName ? `Import tabeli: ${plan.unitName} (${file.fileName})` : `Import skryptów rozmów (${file.fileName})`;
    if (plan.needsApproval) return { applied: false, change: await requestChange(c, title, plan.operations) };
    const result = await changeConfig(c.db, c.who, 'import.applied', { title, operations: plan.operations }, (tx) =>
      applyOperations(tx, plan.operations),
    );
    return { applied: true, passwords: result.passwords };
  },

  async exportUnit(c, { unitId }) {
    if (!(await loadUnits(c.db)).some((u) => u.id === unitId))
      throw new AdminError(404, 'notFound', `Nie ma jednostki „${unitId}”.`, 'unitId');
    const file = await tableWorkbook(c.db, unitId);
    return { fileName: file.fileName, contentBase64: file.bytes.toString('base64') };
  },

  async exportScripts(c) {
    const file = await scriptsWorkbook(c.db);
    return { fileName: file.fileName, contentBase64: file.bytes.toString('base64') };
  },

  async importTemplate(c) {
    const file = await tableWorkbook(c.db);
    return { fileName: file.fileName, contentBase64: file.bytes.toString('base64') };
  },
};

const STATUS_WORDS = { pending: 'oczekująca', approved: 'uzgodniona', rejected: 'odrzucona', applied: 'wprowadzona' } as const;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** Groups and units a user is put in must exist, and each role must have somewhere to act. */
async function checkMemberships(db: CentralDb, input: Args<'saveUser'>): Promise<void> {
  const groups = input.groupIds.length
    ? await db.selectFrom('work_group').select(['id', 'kind']).where('id', 'in', input.groupIds).execute()
    : [];
  const unknown = input.groupIds.find((id) => !groups.some((g) => g.id === id));
  if (unknown) throw new AdminError(400, 'unknownGroup', `Nie ma grupy „${unknown}”.`, 'groupIds');
  const units = input.unitIds.length ? await db.selectFrom('unit').select('id').where('id', 'in', input.unitIds).execute() : [];
  const unknownUnit = input.unitIds.find((id) => !units.some((u) => u.id === id));
  if (unknownUnit) throw new AdminError(400, 'unknownUnit', `Nie ma jednostki „${unknownUnit}”.`, 'unitIds');
  for (const kind of ['coordinator', 'realizer'] as const) {
    if (input.roles.includes(kind) && !groups.some((g) => g.kind === kind))
      throw new AdminError(
        400,
        'roleWithoutGroup',
        kind === 'coordinator'
          ? 'Koordynator musi należeć do grupy koordynatorów — wybierz ją.'
          : 'Realizator musi należeć do grupy realizatorów — wybierz ją.',
        'groupIds',
      );
  }
  if (input.roles.includes('supervisor') && !input.unitIds.length)
    throw new AdminError(400, 'roleWithoutUnit', 'Nadzorca nadzoruje co najmniej jedną jednostkę — wybierz ją.', 'unitIds');
}
