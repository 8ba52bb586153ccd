// The demo city on a real PostgreSQL: what the ordinance names is there, every state of the
// lifecycle is shown, the history is what the shared rules would have written, and seeding twice does nothing.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralMigrations } from '../../migrations/central';
import { prepareSchema } from '../../migrations/runner';
import { DEMO_PASSWORD, DEMO_USERS, demoLoginsText, seedDemo, seedDemoIfEmpty } from '../../src-server/admin/demo';
import { searchStreets } from '../../src-server/admin/streets';
import { verifyPassword } from '../../src-server/auth/passwords';
import { openKysely, type CentralDb } from '../../src-server/db/connect';
import { loadDirectory } from '../../src-server/directory';
import { startHub, type RunningHub } from '../../src-server/hub';
import { ROLES } from '../../src-shared/api/hub';
import { createWorkingCalendar } from '../../src-shared/calendar';
import { replay, statuses, type Directory, type Ticket, type TicketEvent } from '../../src-shared/ticket';
import { freshDatabaseUrl } from '../support/db';

let hub: RunningHub;
let db: CentralDb;
let url: string;
let directory: Directory;
let seeded: boolean;
let seconds: number;

beforeAll(async () => {
  url = await freshDatabaseUrl();
  hub = await startHub({ databaseUrl: url, dataDir: '/nonexistent', autoMigrate: true, logger: false });
  db = hub.database.db;
  const started = performance.now();
  seeded = await seedDemoIfEmpty(db);
  seconds = (performance.now() - started) / 1000;
  directory = await loadDirectory(db);
}, 120_000);
afterAll(() => hub?.close());

const ticketRows = () => db.selectFrom('ticket').select(['number', 'status', 'received_at', 'data']).execute();

describe('demo city', () => {
  it('seeds an empty hub quickly', async () => {
    const tickets = await db
      .selectFrom('ticket')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const events = await db
      .selectFrom('ticket_event')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(`demo seed: ${tickets.n} tickets, ${events.n} events in ${seconds.toFixed(1)} s`);
    expect(seeded).toBe(true);
    expect(Number(tickets.n)).toBeGreaterThanOrEqual(3000);
    expect(seconds).toBeLessThan(30);
  });

  it('has every unit ordinance 2851/2022 names, and units outside the app for P§15', () => {
    const names = Object.values(directory.units).map((u) => u.name);
    for (const name of [
      'Zarząd Dróg i Transportu',
      'Zarząd Zieleni Miejskiej w Łodzi',
      'Wydział Gospodarki Komunalnej',
      'Wydział Zarządzania Kontaktami z Mieszkańcami',
      'Biuro Inżyniera Miasta',
    ]) {
      expect(names).toContain(name);
    }
    const byName = (name: string) => Object.values(directory.units).find((u) => u.name === name)!;
    expect(byName('Zarząd Dróg i Transportu').kind).toBe('agency');
    expect(byName('Zarząd Zieleni Miejskiej w Łodzi').kind).toBe('agency');
    expect(byName('Wydział Gospodarki Komunalnej').kind).toBe('department');
    expect(Object.values(directory.units).filter((u) => !u.worksInApp).length).toBeGreaterThanOrEqual(1);
  });

  it('I§5 every unit working in the app has coordinator and realizer groups with symbols', () => {
    const groups = Object.values(directory.groups);
    for (const unit of Object.values(directory.units).filter((u) => u.worksInApp)) {
      const kinds = new Set(groups.filter((g) => g.unitId === unit.id).map((g) => g.kind));
      expect(kinds, unit.name).toEqual(new Set(['coordinator', 'realizer']));
    }
    expect(groups.map((g) => g.symbol)).toContain('ZDIT-KOORD-DROGI');
    for (const g of groups) expect(g.symbol).toMatch(g.kind === 'coordinator' ? /^[A-Z]+-KOORD-[A-Z]+$/ : /^[A-Z]+-REAL-[A-Z]+$/);
  });

  it('P§7 P§34 P§5.2 categories have subcategories, templates, parcels, investment, information and snow', () => {
    const categories = Object.values(directory.categories);
    const roads = directory.categories['drogi']!;
    expect(roads.template?.filter((f) => f.required).length).toBeGreaterThanOrEqual(2);
    expect(roads.subcategories?.some((s) => s.refuseAs === 'snowIce')).toBe(true);
    expect(directory.categories['oswietlenie']!.template?.map((f) => f.label).join(' ')).toMatch(/słupa/);
    expect(directory.categories['zielen']!.template?.map((f) => f.label).join(' ')).toMatch(/blokuje/);
    expect(categories.some((c) => c.refuseAs === 'snowIce')).toBe(true);
    expect(categories.some((c) => c.needsParcel)).toBe(true);
    expect(categories.some((c) => c.investment)).toBe(true);
    expect(categories.some((c) => c.kind === 'informational')).toBe(true);
    for (const c of categories.filter((c) => c.defaultCoordinatorGroupId)) {
      expect(directory.groups[c.defaultCoordinatorGroupId!]?.kind, c.id).toBe('coordinator');
    }
  });

  it('has a user for every role, in groups and units, with the demo password', async () => {
    const users = await db.selectFrom('app_user').select(['id', 'login', 'roles', 'password_hash']).execute();
    expect(new Set(users.flatMap((u) => u.roles as string[]))).toEqual(new Set(ROLES));
    expect(users.map((u) => u.login)).toEqual(
      expect.arrayContaining(['operator', 'koordynator', 'realizator', 'nadzorca', 'supernadzorca', 'admin']),
    );
    expect(await verifyPassword(DEMO_PASSWORD, users.find((u) => u.login === 'operator')!.password_hash as string)).toBe(true);
    const members = await db.selectFrom('group_member').select(['group_id']).execute();
    for (const group of Object.values(directory.groups))
      expect(
        members.map((m) => m.group_id),
        group.symbol,
      ).toContain(group.id);
    expect(await db.selectFrom('unit_supervisor').select('unit_id').execute()).not.toHaveLength(0);
    const text = demoLoginsText();
    for (const u of DEMO_USERS) expect(text).toContain(u.login);
    expect(text).toContain(DEMO_PASSWORD);
  });

  it('has tickets in every state (deleted ones too), spread over at least five months', async () => {
    const rows = await ticketRows();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(statuses));
    const months = new Set(rows.map((r) => (r.received_at as Date).toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(5);
    const now = Date.now();
    for (const r of rows) expect((r.received_at as Date).getTime()).toBeLessThanOrEqual(now);
  });

  it('calls are registered in office hours (Europe/Warsaw), each with a number from the city-wide sequence', async () => {
    const calendar = createWorkingCalendar();
    const calls = await db.selectFrom('ticket_event').select(['at', 'data']).where('type', '=', 'registered').execute();
    const phone = calls.filter(
      (e) =>
        (e.data as { content: { channel: string }; splitFrom?: string; followUpOf?: string }).content.channel === 'phone' &&
        !(e.data as { splitFrom?: string }).splitFrom &&
        !(e.data as { followUpOf?: string }).followUpOf,
    );
    expect(phone.length).toBeGreaterThan(1000);
    for (const e of phone) expect(calendar.isWorkingTime(e.at as Date), (e.at as Date).toISOString()).toBe(true);
    const counters = await db.selectFrom('ticket_number_counter').select(['year', 'last_issued']).execute();
    const rows = await ticketRows();
    for (const { year, last_issued } of counters) {
      const numbers = rows
        .map((r) => r.number as string)
        .filter((n) => n.startsWith(`${year}/`))
        .map((n) => Number(n.slice(5)))
        .sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
      expect(last_issued).toBe(numbers.length);
    }
  });

  it("every ticket's stored history replays to the stored ticket", async () => {
    const events = await db.selectFrom('ticket_event').select(['ticket', 'seq', 'data']).orderBy('ticket').orderBy('seq').execute();
    const streams = new Map<string, { seq: number; event: TicketEvent }[]>();
    for (const e of events) {
      const stream = streams.get(e.ticket as string) ?? [];
      stream.push({ seq: e.seq as number, event: e.data as TicketEvent });
      streams.set(e.ticket as string, stream);
    }
    const rows = await ticketRows();
    expect(streams.size).toBe(rows.length);
    for (const row of rows) {
      const stream = streams.get(row.number as string)!;
      expect(stream.map((s) => s.seq)).toEqual(stream.map((_, i) => i + 1));
      expect(replay(stream.map((s) => s.event)), row.number as string).toEqual(row.data as Ticket);
    }
  });

  it('erases the personal data of deleted tickets and withdrawn consents from their history (P§27, P§28)', async () => {
    const erased = (await ticketRows()).filter((r) => (r.data as Ticket).personalDataErased).map((r) => r.number as string);
    expect(erased.length).toBeGreaterThan(0);
    const events = await db.selectFrom('ticket_event').select(['data']).where('ticket', 'in', erased).execute();
    for (const e of events) expect((e.data as { personal?: unknown }).personal ?? null).toBeNull();
  });

  it('loads the sample of Łódź streets', async () => {
    expect((await searchStreets(db, 'piotrk', 5)).map((s) => s.name)).toContain('ul. Piotrkowska');
  });

  it('is idempotent: a second seedDemoIfEmpty does nothing', async () => {
    const before = await db
      .selectFrom('ticket')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await seedDemoIfEmpty(db)).toBe(false);
    const after = await db
      .selectFrom('ticket')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('the admin CLI refuses politely to add the demo to a hub that has tickets', async () => {
    const run = promisify(execFile);
    const result = await run(process.execPath, ['--import', 'tsx', 'src-server/admin/cli.ts', 'seed-demo', '--force'], {
      env: { ...process.env, DATABASE_URL: url },
    }).then(
      () => ({ code: 0, stdout: '' }),
      (err: { code: number; stdout: string }) => err,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/W centrali są już zgłoszenia \(\d+\).*Nic nie zmieniono/);
  });
});

describe('demo city is reproducible', () => {
  const opened: CentralDb[] = [];
  afterAll(() => Promise.all(opened.map((d) => d.destroy())));

  it('the same seed and end moment give the same tickets', async () => {
    const now = new Date('2026-06-15T10:30:00Z');
    const snapshots: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      const other = openKysely(await freshDatabaseUrl(), 2);
      opened.push(other);
      await prepareSchema(other, centralMigrations, { label: 'central', autoMigrate: true, upgradeHint: '' });
      await seedDemo(other, { now, tickets: 150 });
      snapshots.push(await other.selectFrom('ticket').select(['number', 'data']).orderBy('number').execute());
    }
    expect(snapshots[1]).toEqual(snapshots[0]);
    expect((snapshots[0] as unknown[]).length).toBeGreaterThanOrEqual(150);
  });
});
