// Demo data for a first run on one machine: the demo city of demo-city.ts (units, groups, categories
// with templates, a login for every role), real Łódź street names, and a few thousand tickets of the
// past half year. Every ticket is driven through the shared rules (`decide` + `applyEvents`) and
// written as a sync push writes it, so the demo's history replays exactly like real work.
// Deterministic: the same seed and end moment give the same city.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { roleLabels } from '../../src-shared/ticket';
import {
  applyEvents,
  decide,
  makeDirectory,
  warsawDay,
  type Actor,
  type Category,
  type Command,
  type Directory,
  type Location,
  type Reporter,
  type Status,
  type Ticket,
  type TicketEvent,
} from '../../src-shared/ticket';
import { createWorkingCalendar } from '../../src-shared/calendar';
import { formatTicketNumber } from '../../src-shared/api/sync';
import { hashPassword } from '../auth/passwords';
import { audit } from '../auth/sessions';
import type { CentralDb } from '../db/connect';
import { saveDirectory, setMemberships } from '../directory';
import { issueNumbers } from '../sync/numbers';
import { addApplied, emptyBatch, writeBatch, type BatchOutcome } from '../ticket-writer';
import {
  CATEGORIES,
  CONFUSIONS,
  DEMO_USERS,
  EXTERNAL_ENTITIES,
  FEMALE_NAMES,
  GROUPS,
  MALE_NAMES,
  PARTIAL_COMPETENCE,
  PRECINCT_PREFIXES,
  SURNAMES,
  TOPICS,
  UNITS,
  type Topic,
} from './demo-city';
import { importStreetsFile, LODZ_SYM, parseTerytUlic, readTerytFile, streetDisplayName } from './streets';

export { DEMO_USERS } from './demo-city';
export const DEMO_PASSWORD = 'usterka-demo';
export const DEMO_STREETS_FILE = fileURLToPath(new URL('./demo-streets-lodz.csv', import.meta.url));

export interface DemoOptions {
  /** The moment the demo's history ends (default: now). */
  now?: Date;
  /** How many reports residents made (default 3000; split parts and follow-ups come on top). */
  tickets?: number;
  /** Seed of the pseudo-random generator. */
  seed?: number;
}

export interface DemoSummary {
  users: number;
  streets: number;
  tickets: number;
  events: number;
  ms: number;
}

/** Adds the demo city if the hub has no users yet; returns whether it did. */
export async function seedDemoIfEmpty(db: CentralDb, options: DemoOptions = {}): Promise<boolean> {
  const any = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  await seedDemo(db, options);
  return true;
}

/**
 * Adds (or updates) the demo city: directory, users (existing logins are kept as they are), streets,
 * and the tickets, which are written in one transaction. Call it on a hub without tickets.
 */
export async function seedDemo(db: CentralDb, options: DemoOptions = {}): Promise<DemoSummary> {
  const started = performance.now();
  const now = options.now ?? new Date();
  await saveDirectory(db, { units: UNITS, groups: GROUPS, categories: CATEGORIES });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insertInto('app_user')
    .values(
      DEMO_USERS.map((u) => ({
        id: demoUserId(u.login),
        login: u.login,
        display_name: u.displayName,
        roles: u.roles,
        password_hash: passwordHash,
      })),
    )
    .onConflict((oc) => oc.column('login').doNothing())
    .execute();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'login'])
    .where(
      'login',
      'in',
      DEMO_USERS.map((u) => u.login),
    )
    .execute();
  const ids = new Map(rows.map((r) => [r.login as string, r.id as string]));
  for (const u of DEMO_USERS) await setMemberships(db, ids.get(u.login)!, u.groups ?? [], u.units ?? []);
  const streets = await importStreetsFile(db, DEMO_STREETS_FILE, LODZ_SYM);

  const directory = makeDirectory({
    units: UNITS,
    groups: GROUPS,
    categories: CATEGORIES,
    users: DEMO_USERS.map((u) => ({ id: ids.get(u.login)!, name: u.displayName })),
  });
  const actors = DEMO_USERS.map((u): Actor => ({
    userId: ids.get(u.login)!,
    roles: u.roles,
    groupIds: u.groups ?? [],
    unitIds: u.units ?? [],
  }));
  const streetNames = parseTerytUlic(await readTerytFile(DEMO_STREETS_FILE)).map((s) => ({
    id: s.symUl,
    name: streetDisplayName(s.cecha, s.nazwa1, s.nazwa2),
  }));
  const city = new DemoCity(directory, actors, streetNames, now.getTime(), options.seed ?? 2851);
  const timelines = city.plan(options.tickets ?? 3000);

  const written = await db.transaction().execute(async (tx) => {
    const pool = await NumberPool.issue(tx, timelines);
    for (const [i, timeline] of timelines.entries()) {
      for (const { at, next, step } of timeline)
        step.run(iso(at), next === undefined ? undefined : iso(next), pool.take(at, step.numbers ?? 0));
      if (city.store.pending() >= 500 || i === timelines.length - 1) await city.store.flush(tx, now);
    }
    return { tickets: city.store.tickets.size, events: city.store.written };
  });
  await audit(db, 'demo-seed', 'demo.seed', { users: DEMO_USERS.length, streets: streets.imported, ...written });
  return { users: DEMO_USERS.length, streets: streets.imported, ...written, ms: Math.round(performance.now() - started) };
}

export function demoLoginsText(): string {
  const symbols = new Map(GROUPS.map((g) => [g.id, g.symbol]));
  const rows = DEMO_USERS.map((u) => {
    const where = [
      ...(u.groups ?? []).map((g) => symbols.get(g)),
      ...(u.units ?? []).map((unit) => UNITS.find((x) => x.id === unit)?.name),
    ];
    return `  ${u.login.padEnd(24)} ${u.displayName} — ${u.roles.map((r) => roleLabels[r]).join(', ')}${where.length ? ` (${where.join(', ')})` : ''}`;
  });
  return `Konta demonstracyjne (hasło dla wszystkich: ${DEMO_PASSWORD}):\n${rows.join('\n')}`;
}

/** A stable id per demo login, so that the same seed writes the same history. */
function demoUserId(login: string): string {
  const hex = createHash('sha1').update(`usterka-demo/${login}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const iso = (ms: number) => new Date(ms).toISOString();
const yearOf = (ms: number) => Number(warsawDay(iso(ms)).slice(0, 4));
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// The event store the demo writes through: decide, apply, and hand batches to writeBatch.

class DemoStore {
  tickets = new Map<string, Ticket>();
  written = 0;
  private batch: BatchOutcome = emptyBatch();

  constructor(private readonly directory: Directory) {}

  /** Decides a command and applies it; a refusal is a bug in the demo data, so it throws. Returns the ticket's number. */
  act(number: string | null, command: Command, actor: Actor, at: string, numbers: string[] = []): string {
    const ticket = number === null ? null : (this.tickets.get(number) ?? null);
    const decision = decide(ticket, command, actor, at, { directory: this.directory, newTicketNumbers: numbers });
    if (!decision.ok) {
      const { code, field, message } = decision.refusal;
      throw new Error(
        `Demo seed: ${command.type} on ${number ?? 'a new ticket'} at ${at} refused (${code}${field ? ` ${field}` : ''}): ${message}`,
      );
    }
    const applied = applyEvents(this.tickets, decision.events);
    applied.changed.forEach((t, n) => this.tickets.set(n, t));
    addApplied(this.batch, applied);
    return number ?? (decision.events[0] as TicketEvent).ticket;
  }

  pending = () => this.batch.changed.size;

  async flush(tx: CentralDb, now: Date): Promise<void> {
    await writeBatch(tx, null, this.batch, now);
    this.written += this.batch.events.length;
    this.batch = emptyBatch();
  }
}

/** Numbers from the city-wide sequence, issued once per year for the whole demo and handed out in order. */
class NumberPool {
  private constructor(private readonly next: Map<number, number>) {}

  static async issue(tx: CentralDb, timelines: Timeline[]): Promise<NumberPool> {
    const needed = new Map<number, number>();
    for (const { at, step } of timelines.flat()) if (step.numbers) needed.set(yearOf(at), (needed.get(yearOf(at)) ?? 0) + step.numbers);
    const next = new Map<number, number>();
    for (const [year, count] of [...needed].sort((a, b) => a[0] - b[0])) next.set(year, (await issueNumbers(tx, year, count)).first);
    return new NumberPool(next);
  }

  take(at: number, count: number): string[] {
    const year = yearOf(at);
    return Array.from({ length: count }, () => {
      const n = this.next.get(year)!;
      this.next.set(year, n + 1);
      return formatTicketNumber(year, n);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Planning: what happens to each ticket, as steps spaced in working minutes, then placed in time.

interface Step {
  /** Working minutes after the previous step; a first step with 0 happens at the ticket's start itself. */
  after: number;
  /** Ticket numbers the step allocates (registration, split part, follow-up). */
  numbers?: number;
  run(at: string, next: string | undefined, numbers: string[]): void;
  /** Steps of the ticket this step creates, timed from it. */
  child?: Step[];
}
type Timeline = { at: number; next?: number; step: Step }[];

/** One reported event being handled: what the steps need to know while they are planned. */
interface Case {
  ref: { number: string };
  topic: Topic;
  category: Category;
  target: Status;
  coordinatorGroupId: string;
  realizerGroupId: string;
  hasRpw: boolean;
  hasContact: boolean;
  wantsAnswer: boolean;
  /** How the reporter can be answered: by the contact they left. */
  answerHow: 'phone' | 'email' | 'letter';
  /** A realizer group holds the ticket (it may record the answer). */
  withRealizer: boolean;
  split: boolean;
}

const WORK_DAY = 8 * 60;
const HISTORY_DAYS = 182;
const DAY_MS = 86_400_000;

const RECENT_TARGETS: Partial<Record<Status, number>> = {
  awaitingPickup: 4,
  registered: 5,
  forwarded: 9,
  returnedToOperator: 4,
  withCoordinator: 6,
  assigned: 8,
  inProgress: 16,
  withContractor: 8,
  returnedToCoordinator: 4,
  suspended: 4,
  resolved: 28,
  closed: 2,
  deleted: 1,
};
const OLDER_TARGETS: Partial<Record<Status, number>> = {
  resolved: 76,
  closed: 4,
  inProgress: 3,
  withContractor: 3,
  suspended: 3,
  returnedToCoordinator: 1,
  assigned: 1,
  withCoordinator: 0.7,
  forwarded: 0.7,
  returnedToOperator: 0.3,
  deleted: 1.2,
  registered: 0.1,
};

class DemoCity {
  readonly store: DemoStore;
  private readonly random: () => number;
  private readonly calendar = createWorkingCalendar();
  private readonly operators: Actor[];
  private readonly superSupervisor: Actor;
  private readonly system: Actor = { userId: 'system', roles: ['system'], groupIds: [], unitIds: [] };
  private readonly rpwCounters = new Map<number, number>();
  private fileCounter = 0;

  constructor(
    private readonly directory: Directory,
    private readonly actors: Actor[],
    private readonly streets: { id: string; name: string }[],
    private readonly now: number,
    seed: number,
  ) {
    this.store = new DemoStore(directory);
    this.random = mulberry32(seed);
    this.operators = actors.filter((a) => a.roles.includes('operator'));
    this.superSupervisor = actors.find((a) => a.roles.includes('superSupervisor'))!;
  }

  /** Every ticket's timeline (its own steps, then those of the tickets it creates), in the order they were reported. */
  plan(count: number): Timeline[] {
    const plans = Array.from({ length: count }, () => this.planTicket());
    plans.sort((a, b) => a.start - b.start);
    return plans.map(({ start, steps }) => this.schedule(start, steps));
  }

  // ---- random helpers ----
  private chance = (p: number) => this.random() < p;
  private int = (min: number, max: number) => min + Math.floor(this.random() * (max - min + 1));
  private pick = <T>(items: readonly T[]): T => items[Math.floor(this.random() * items.length)]!;
  private weighted<K extends string>(weights: Partial<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.random() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) if ((r -= w) < 0) return key;
    return entries.at(-1)![0];
  }
  private pickTopic(): Topic {
    let r = this.random() * TOPICS.reduce((sum, t) => sum + t.weight, 0);
    return TOPICS.find((t) => (r -= t.weight) < 0) ?? TOPICS.at(-1)!;
  }
  private member(groupId: string): Actor {
    return this.pick(this.actors.filter((a) => a.groupIds.includes(groupId)));
  }
  private rpw(at: string): string {
    const year = Number(at.slice(0, 4));
    const n = (this.rpwCounters.get(year) ?? 1200) + this.int(1, 40);
    this.rpwCounters.set(year, n);
    return `RPW/${n}/${year}`;
  }
  private unitOf = (groupId: string) => this.directory.units[this.directory.groups[groupId]!.unitId]!;

  // ---- time ----
  private addWorking(from: number, minutes: number): number {
    let t = this.calendar.nextWorkingTimeStart(from).getTime();
    let left = minutes * 60_000;
    for (;;) {
      const day = this.calendar.describeDay(warsawDay(iso(t)));
      const close = day.working ? day.close.getTime() : t;
      if (t + left < close) return t + left;
      left -= close - t;
      t = this.calendar.nextWorkingTimeStart(close).getTime();
    }
  }

  /** A moment in [from, to]: during office hours for calls, letters and e-mails taken in; any hour (mostly daytime) for web forms. */
  private moment(channel: string, from: number, to: number): number {
    if (channel === 'web') {
      for (;;) {
        const t = from + this.random() * (to - from);
        const hour = Number(new Date(t).toLocaleString('en-GB', { timeZone: 'Europe/Warsaw', hour: '2-digit', hour12: false }));
        if (this.chance(hour >= 7 && hour < 23 ? 1 : 0.15)) return Math.floor(t);
      }
    }
    const base = this.calendar.nextWorkingTimeStart(from).getTime();
    const available = this.calendar.workingHoursBetween(base, to) * 60;
    if (available < 1) return this.moment(channel, from - 3 * DAY_MS, to); // a long weekend: look further back
    return Math.floor(this.addWorking(base, this.random() * available));
  }

  /** Places the steps in time from `start`; a history that would run past now is compressed, or cut when there is no time left. */
  private schedule(start: number, steps: Step[]): Timeline {
    const base = this.calendar.nextWorkingTimeStart(start).getTime();
    const available = Math.max(0, this.calendar.workingHoursBetween(base, this.now) * 60 - 1);
    let sum = 0;
    const offsets = steps.map((s) => (sum += s.after));
    const moving = offsets.filter((o) => o > 0).length;
    const kept = sum > available && available < moving ? offsets.filter((o) => o === 0).length : steps.length;
    const scale = sum > available && kept === steps.length ? available / sum : 1;
    const times = offsets.slice(0, kept).map((o) => (o === 0 ? start : Math.min(this.addWorking(base, o * scale), this.now)));
    const timeline: Timeline = times.map((at, i) => ({ at, next: times[i + 1], step: steps[i]! }));
    const children = timeline.filter(({ step }) => step.child).flatMap(({ at, step }) => this.schedule(at, step.child!));
    return [...timeline, ...children];
  }

  // ---- one ticket ----
  private planTicket(): { start: number; steps: Step[] } {
    const t = this.pickTopic();
    let start = this.now - this.random() * HISTORY_DAYS * DAY_MS;
    const recent = this.now - start < 21 * DAY_MS;
    let target = this.weighted(recent ? RECENT_TARGETS : OLDER_TARGETS);
    if ((t.outsideUnitId || t.outOfScopeEntity) && !['awaitingPickup', 'registered', 'deleted'].includes(target)) target = 'closed';
    const category = this.directory.categories[t.categoryId]!;
    if (category.kind !== 'interventional' && target === 'withContractor') target = 'inProgress';
    const channel = target === 'awaitingPickup' ? 'web' : this.weighted({ phone: 55, web: 30, email: 10, ezd: 5 });
    // Web forms wait for pickup only for hours (P§4.3), unrouted tickets only for days.
    if (target === 'awaitingPickup') start = this.now - this.random() * 1.5 * DAY_MS;
    if (target === 'registered') start = this.now - this.random() * 3 * DAY_MS;
    start = this.moment(channel, start - DAY_MS, start);

    const coordinatorGroupId = category.defaultCoordinatorGroupId ?? '';
    const c: Case = {
      ref: { number: '' },
      topic: t,
      category,
      target,
      coordinatorGroupId,
      realizerGroupId: t.realizerGroupId ?? '',
      hasRpw: channel === 'ezd',
      hasContact: false,
      wantsAnswer: false,
      answerHow: 'phone',
      withRealizer: false,
      split: false,
    };
    const steps = [...this.intake(c, channel, start)];
    if (target === 'awaitingPickup' || target === 'registered') return { start, steps };
    if (target === 'deleted') {
      steps.push(
        this.step(this.int(30, 3 * WORK_DAY), (at) =>
          this.store.act(
            c.ref.number,
            {
              type: 'delete',
              // P§28: an unfinished ticket is deleted only for a reason of the short list.
              reason: this.pick(['Duplikat', 'Zgłoszenie testowe']),
            },
            this.superSupervisor,
            at,
          ),
        ),
      );
      return { start, steps };
    }
    if (t.outsideUnitId || t.outOfScopeEntity) return { start, steps: [...steps, ...this.closeByOperator(c)] };
    return { start, steps: [...steps, ...this.handle(c)] };
  }

  /** A step `after` working minutes (plus a random part of a minute, so that times do not look machine-made). */
  private step(after: number, run: Step['run'], extra: Partial<Step> = {}): Step {
    return { after: after > 0 ? after + this.random() : 0, run, ...extra };
  }

  /** P§8 phone / e-mail / EZD registration, or P§5.1 web form + P§9 pickup. */
  private *intake(c: Case, channel: string, start: number): Generator<Step> {
    const street = this.pick(this.streets);
    const house = `${this.int(1, 180)}${this.chance(0.15) ? this.pick(['a', 'b', 'c']) : ''}`;
    const location: Location = { address: `${street.name} ${house}, Łódź`, streetId: street.id };
    const subject = `${this.pick(c.topic.subjects)} — ${street.name} ${house}`;
    const description = this.pick(c.topic.descriptions);
    const templateAnswers = Object.fromEntries(
      (c.category.template ?? [])
        .map((f) => [f.id, c.topic.answers?.[f.id] ? this.pick(c.topic.answers[f.id]!) : ''] as const)
        .filter(([, answer]) => answer),
    );
    const reporter = this.reporter(channel);
    c.hasContact = !!(reporter.phone || reporter.email || reporter.postalAddress);
    c.wantsAnswer = reporter.wantsAnswer;
    c.answerHow = reporter.phone ? 'phone' : reporter.email ? 'email' : 'letter';
    const operator = this.pick(this.operators);
    const classification = { categoryId: c.category.id, ...(c.topic.subcategoryId ? { subcategoryId: c.topic.subcategoryId } : {}) };
    const register = (at: string, numbers: string[], extra: Record<string, unknown> = {}) => {
      c.ref.number = this.store.act(
        null,
        {
          type: 'registerTicket',
          channel,
          ...classification,
          subject,
          description,
          templateAnswers,
          location,
          reporter,
          ...extra,
        } as Command,
        operator,
        at,
        numbers,
      );
    };

    if (channel === 'phone') yield this.step(0, (at, _next, numbers) => register(at, numbers), { numbers: 1 });
    else if (channel === 'email' || channel === 'ezd') {
      // The message came in earlier (at night, at the weekend); the operator registers it in office hours (P§3.2).
      const receivedAt = iso(start - this.int(10, 16 * 60) * 60_000);
      const source = {
        id: `demo-file-${++this.fileCounter}`,
        name: channel === 'email' ? 'wiadomość.eml' : 'pismo.pdf',
        source: true,
        personal: c.hasContact,
      };
      yield this.step(
        0,
        (at, _next, numbers) =>
          register(at, numbers, {
            receivedAt,
            attachments: [source],
            ...(channel === 'ezd' ? { rpwIds: [this.rpw(at)] } : {}),
          }),
        { numbers: 1 },
      );
    } else {
      const form = {
        id: `demo-file-${++this.fileCounter}`,
        name: 'formularz-www.json',
        mediaType: 'application/json',
        source: true,
        personal: true,
      };
      const resident = this.chance(0.7) ? classification : {};
      yield this.step(
        0,
        (at, _next, numbers) => {
          c.ref.number = this.store.act(
            null,
            {
              type: 'receiveFromWebForm',
              ...resident,
              description: `${subject}. ${description}`,
              location,
              reporter,
              receivedAt: at,
              attachments: [form],
            },
            this.system,
            at,
            numbers,
          );
        },
        { numbers: 1 },
      );
      if (c.target === 'awaitingPickup') return;
      yield this.step(this.int(5, 240), (at) =>
        this.store.act(
          c.ref.number,
          {
            type: 'pickUpWebForm',
            ...classification,
            subject,
            templateAnswers,
          },
          operator,
          at,
        ),
      );
    }
  }

  /** P§14.3 outside the city's competence, P§15.4 a unit that does not work in the app. */
  private closeByOperator(c: Case): Step[] {
    const operator = this.pick(this.operators);
    const needsRpw = !c.hasRpw;
    const close = this.step(this.int(10, 480), (at) => {
      const rpwId = needsRpw ? this.rpw(at) : undefined;
      if (c.topic.outsideUnitId) {
        this.store.act(
          c.ref.number,
          {
            type: 'closeHandledOutside',
            receivingUnitId: c.topic.outsideUnitId,
            rpwId,
            reason: `Przekazano pismem przewodnim do: ${this.directory.units[c.topic.outsideUnitId]!.name}.`,
          },
          operator,
          at,
        );
      } else {
        this.store.act(
          c.ref.number,
          {
            type: 'closeOutOfScope',
            receivingEntity: c.topic.outOfScopeEntity!,
            rpwId,
            reason: 'Sprawa poza właściwością komórek i jednostek Miasta.',
          },
          operator,
          at,
        );
      }
    });
    return [close, ...this.afterFinish(c)];
  }

  /** Routing and handling in the units (P§13, P§19, P§21). */
  private handle(c: Case): Step[] {
    const steps: Step[] = [];
    const { target } = c;
    const operator = this.pick(this.operators);
    // Each step acts on the ticket through `act`, with the actor and group fixed now (the plan changes `c` as it goes).
    const act = (after: number, actor: Actor, command: (at: string, next: string | undefined) => Command) =>
      this.step(after, (at, next) => this.store.act(c.ref.number, command(at, next), actor, at));

    const wrong = CONFUSIONS[c.category.id];
    if (target === 'returnedToOperator' || (wrong && this.chance(0.05))) {
      const wrongGroup = wrong ?? this.otherUnitCoordinatorGroup(c.coordinatorGroupId);
      const wrongCoordinator = this.member(wrongGroup);
      const rightAddressee = this.unitOf(c.coordinatorGroupId).name;
      const reason = `Zgłoszenie nie dotyczy zadań tej jednostki (${this.unitOf(wrongGroup).name}).`;
      steps.push(this.forward(c, wrongGroup, 5, 240, operator));
      steps.push(act(this.int(10, 600), wrongCoordinator, () => ({ type: 'takeUp' })));
      steps.push(act(this.int(5, 2 * WORK_DAY), wrongCoordinator, () => ({ type: 'returnToOperator', rightAddressee, reason })));
      if (target === 'returnedToOperator') return steps;
      steps.push(this.forward(c, c.coordinatorGroupId, 10, 480, operator));
    } else {
      steps.push(this.forward(c, c.coordinatorGroupId, 3, 120, operator));
    }
    if (target === 'forwarded') return steps;

    let coordinator = this.member(c.coordinatorGroupId);
    steps.push(act(this.int(10, this.chance(0.15) ? 3 * WORK_DAY : 600), coordinator, () => ({ type: 'takeUp' })));
    // P§19.4.3: sometimes another coordinator group of the unit handles it.
    const unitId = this.unitOf(c.coordinatorGroupId).id;
    const sibling = GROUPS.find((g) => g.kind === 'coordinator' && g.unitId === unitId && g.id !== c.coordinatorGroupId);
    if (sibling && this.chance(0.04)) {
      steps.push(act(this.int(5, 120), coordinator, () => ({ type: 'passToCoordinatorGroup', groupId: sibling.id })));
      c.coordinatorGroupId = sibling.id;
      coordinator = this.member(sibling.id);
      steps.push(act(this.int(10, 480), coordinator, () => ({ type: 'takeUp' })));
    }
    // P§19.4.2, P§20.2: part of it belongs elsewhere; the operator splits it off.
    if (c.category.kind === 'interventional' && this.chance(0.03)) steps.push(...this.partialCompetence(c, coordinator, operator));
    if (target === 'withCoordinator') return steps;

    // P§21.2.2: sometimes the coordinator first picks the wrong realizer group, which returns it as not theirs.
    const rightRealizers = c.realizerGroupId;
    const otherRealizers = GROUPS.filter((g) => g.kind === 'realizer' && g.unitId === unitId && g.id !== rightRealizers);
    const misassigned =
      otherRealizers.length > 0 && (target === 'returnedToCoordinator' ? this.chance(0.5) : target !== 'assigned' && this.chance(0.04));
    if (misassigned) {
      const wrongRealizers = this.pick(otherRealizers).id;
      const wrongRealizer = this.member(wrongRealizers);
      const reason = `Zgłoszenie dotyczy zadań grupy ${this.directory.groups[rightRealizers]!.symbol}.`;
      steps.push(act(this.int(5, 240), coordinator, () => ({ type: 'assignRealizerGroup', groupId: wrongRealizers })));
      steps.push(act(this.int(30, 900), wrongRealizer, () => ({ type: 'takeUp' })));
      steps.push(act(this.int(10, 2 * WORK_DAY), wrongRealizer, () => ({ type: 'returnToCoordinator', kind: 'notOurs', reason })));
      if (target === 'returnedToCoordinator') return steps;
    }
    steps.push(act(this.int(5, 240), coordinator, () => ({ type: 'assignRealizerGroup', groupId: rightRealizers })));
    c.withRealizer = true;
    if (target === 'assigned') return steps;
    const realizer = this.member(rightRealizers);
    steps.push(act(this.int(30, 900), realizer, () => ({ type: 'takeUp' })));
    if (this.chance(0.05)) {
      steps.push(
        act(this.int(60, 3 * WORK_DAY), operator, () => ({
          type: 'recordInquiry',
          actionsDone: 'Zgłoszenie przekazane do realizacji, oczekuje na wykonanie prac.',
          callerExpects: 'Pyta o termin naprawy.',
        })),
      );
    }
    if (this.chance(0.3)) {
      steps.push(
        act(this.int(30, 2 * WORK_DAY), realizer, (at) => ({
          type: 'recordAction',
          kind: 'siteVisit',
          note: 'Oględziny na miejscu, potwierdzono zgłoszoną usterkę.',
          doneAt: at,
        })),
      );
    }
    if (target === 'inProgress') {
      if (this.chance(0.3)) {
        const days = this.int(7, 30);
        steps.push(
          act(this.int(30, WORK_DAY), realizer, (at) => ({
            type: 'setPlannedDate',
            plannedOn: addDays(warsawDay(at), days),
            delayReason: 'Oczekiwanie na wolny termin ekipy i dostawę materiałów.',
          })),
        );
      }
      return steps;
    }

    // P§21.2.2, P§19.3: the realizer asks to postpone; the coordinator suspends until then, and resumes.
    if (target === 'returnedToCoordinator' || target === 'suspended' || this.chance(0.05)) {
      steps.push(
        act(this.int(60, 3 * WORK_DAY), realizer, (at, next) => ({
          type: 'returnToCoordinator',
          kind: 'postpone',
          reason: 'Prace możliwe dopiero po uzyskaniu zgody zarządcy terenu.',
          postponeUntil: this.untilDay(at, next, 2),
        })),
      );
      if (target === 'returnedToCoordinator') return steps;
      steps.push(
        act(this.int(30, 2 * WORK_DAY), coordinator, (at, next) => ({
          type: 'suspend',
          reason: 'Realizacja odłożona na wniosek realizatora.',
          until: this.untilDay(at, next, 1),
        })),
      );
      if (target === 'suspended') return steps;
      steps.push(act(this.int(5, 40) * WORK_DAY, coordinator, () => ({ type: 'resume', realizerGroupId: rightRealizers })));
      steps.push(act(this.int(30, 900), realizer, () => ({ type: 'takeUp' })));
    }

    // P§6.2: in an office department the realizer records the RPW id before handling ends.
    if (this.unitOf(c.coordinatorGroupId).kind === 'department' && !c.hasRpw) {
      steps.push(act(this.int(30, 2 * WORK_DAY), realizer, (at) => ({ type: 'setRpwId', rpwId: this.rpw(at) })));
      c.hasRpw = true;
    }
    if (target === 'withContractor' || (target === 'resolved' && c.topic.contractors && this.chance(0.35))) {
      const company = this.pick(c.topic.contractors ?? ['Usługi Komunalne Łódź sp. z o.o.']);
      const dueIn = this.int(5, 21);
      steps.push(
        act(this.int(60, 2 * WORK_DAY), realizer, (at) => ({
          type: 'handToContractor',
          company,
          orderedAt: at,
          dueOn: addDays(warsawDay(at), dueIn),
        })),
      );
      if (target === 'withContractor') return steps;
      if (this.chance(0.1)) {
        steps.push(
          act(this.int(3, 10) * WORK_DAY, realizer, () => ({
            type: 'rejectContractorWork',
            reason: 'Prace wykonane niezgodnie ze zleceniem — nierówna nawierzchnia.',
          })),
        );
        steps.push(
          act(this.int(30, WORK_DAY), realizer, (at) => ({
            type: 'handToContractor',
            company,
            orderedAt: at,
            dueOn: addDays(warsawDay(at), 7),
          })),
        );
      }
      steps.push(act(this.int(2, 15) * WORK_DAY, realizer, (at) => ({ type: 'acceptContractorWork', completedOn: warsawDay(at) })));
    } else if (target === 'closed') {
      const entity = this.pick(EXTERNAL_ENTITIES);
      steps.push(
        act(this.int(1, 5) * WORK_DAY, realizer, () =>
          c.category.kind === 'interventional'
            ? { type: 'forwardExternalAndClose', receivingEntity: entity, note: 'Teren lub urządzenie w zarządzie innego podmiotu.' }
            : { type: 'closeNonInterventional', reason: 'Udzielono informacji pisemnie; sprawa prowadzona poza aplikacją.' },
        ),
      );
    } else {
      const notToBeDone = c.category.kind === 'interventional' && this.chance(0.12);
      const reason = this.pick([
        'Teren nie jest własnością Miasta — poinformowano zgłaszającego o właścicielu.',
        'Podczas oględzin nie potwierdzono zgłoszonej usterki.',
        'Prace ujęto w planie remontów na przyszły rok.',
      ]);
      steps.push(
        act(this.int(1, 12) * WORK_DAY, realizer, () =>
          notToBeDone ? { type: 'resolve', outcome: 'notToBeDone', reason } : { type: 'resolve', outcome: 'fixed' },
        ),
      );
    }
    return [...steps, ...this.afterFinish(c, realizer)];
  }

  /** P§13.1 (with the RPW id a city agency needs, P§13.3, and the precinct and plot, P§12.2). */
  private forward(c: Case, groupId: string, min: number, max: number, operator: Actor): Step {
    const agency = this.unitOf(groupId).kind === 'agency' && !c.hasRpw;
    if (agency) c.hasRpw = true;
    const parcel = c.category.needsParcel
      ? { obreb: `${this.pick(PRECINCT_PREFIXES)}-${this.int(1, 55)}`, dzialka: `${this.int(1, 420)}/${this.int(1, 18)}` }
      : {};
    return this.step(this.int(min, max), (at) =>
      this.store.act(
        c.ref.number,
        {
          type: 'forwardToCoordinators',
          groupId,
          ...parcel,
          ...(agency ? { rpwId: this.rpw(at) } : {}),
        },
        operator,
        at,
      ),
    );
  }

  private otherUnitCoordinatorGroup(groupId: string): string {
    const unit = this.directory.groups[groupId]!.unitId;
    return this.pick(GROUPS.filter((g) => g.kind === 'coordinator' && g.unitId !== unit)).id;
  }

  /** A day people choose for "until": the day the ticket comes back, or weeks ahead when it has not yet. */
  private untilDay(at: string, next: string | undefined, weeks: number): string {
    return next ? warsawDay(next) : addDays(warsawDay(iso(Math.max(Date.parse(at), this.now))), this.int(7, 30 * weeks));
  }

  /** P§19.4.2 notice, then the P§20.2 split; the part goes to its own unit and is handled there. */
  private partialCompetence(c: Case, coordinator: Actor, operator: Actor): Step[] {
    const notice = this.pick(PARTIAL_COMPETENCE.filter((p) => p.categoryId !== c.category.id));
    const part: Case = {
      ...c,
      ref: { number: '' },
      category: this.directory.categories[notice.categoryId]!,
      topic: TOPICS.find((t) => t.categoryId === notice.categoryId)!,
      coordinatorGroupId: notice.groupId,
      realizerGroupId: TOPICS.find((t) => t.categoryId === notice.categoryId)!.realizerGroupId!,
      target: 'resolved',
      withRealizer: false,
      split: true,
    };
    c.split = true;
    const ownScope = c.topic.subjects[0]!;
    const ownAddressee = this.unitOf(c.coordinatorGroupId).name;
    const partOperator = operator;
    const child: Step[] = [
      this.step(this.int(5, 60), (at) =>
        this.store.act(part.ref.number, { type: 'reclassify', categoryId: notice.categoryId }, partOperator, at),
      ),
      this.forward(part, notice.groupId, 5, 120, partOperator),
    ];
    const partCoordinator = this.member(notice.groupId);
    const partRealizer = this.member(part.realizerGroupId);
    child.push(this.step(this.int(10, 600), (at) => this.store.act(part.ref.number, { type: 'takeUp' }, partCoordinator, at)));
    child.push(
      this.step(this.int(5, 240), (at) =>
        this.store.act(part.ref.number, { type: 'assignRealizerGroup', groupId: part.realizerGroupId }, partCoordinator, at),
      ),
    );
    child.push(this.step(this.int(30, 900), (at) => this.store.act(part.ref.number, { type: 'takeUp' }, partRealizer, at)));
    if (this.unitOf(notice.groupId).kind === 'department' && !part.hasRpw) {
      child.push(
        this.step(this.int(30, WORK_DAY), (at) =>
          this.store.act(part.ref.number, { type: 'setRpwId', rpwId: this.rpw(at) }, partRealizer, at),
        ),
      );
    }
    child.push(
      this.step(this.int(1, 8) * WORK_DAY, (at) =>
        this.store.act(part.ref.number, { type: 'resolve', outcome: 'fixed' }, partRealizer, at),
      ),
    );
    return [
      this.step(this.int(10, 240), (at) =>
        this.store.act(
          c.ref.number,
          {
            type: 'notifyPartialCompetence',
            how: this.pick(['phone', 'email'] as const),
            notifiedAt: at,
            part: notice.part,
            otherAddressee: notice.addressee,
          },
          coordinator,
          at,
        ),
      ),
      this.step(
        this.int(10, 480),
        (at, _next, numbers) => {
          this.store.act(
            c.ref.number,
            {
              type: 'split',
              ownScope,
              ownAddressee,
              parts: [{ scope: notice.part, addressee: notice.addressee }],
            },
            operator,
            at,
            numbers,
          );
          part.ref.number = numbers[0]!;
        },
        { numbers: 1, child },
      ),
    ];
  }

  /** P§16.3 the answer to the reporter; P§23.3.2 a later inquiry; P§27.1 a withdrawn consent. */
  private afterFinish(c: Case, realizer?: Actor): Step[] {
    const steps: Step[] = [];
    const operator = this.pick(this.operators);
    if (c.wantsAnswer && this.chance(0.85)) {
      const by = realizer && c.withRealizer ? realizer : operator;
      const how = c.answerHow;
      steps.push(
        this.step(this.int(10, 2 * WORK_DAY), (at) =>
          this.store.act(
            c.ref.number,
            {
              type: 'recordAnswerToReporter',
              answeredAt: at,
              how,
              summary: 'Poinformowano o sposobie załatwienia zgłoszenia.',
            },
            by,
            at,
          ),
        ),
      );
    }
    if (c.target !== 'closed' && this.chance(0.03)) steps.push(this.followUp(c, operator));
    else if (c.hasContact && !c.split && this.chance(0.01)) {
      steps.push(this.step(this.int(2, 20) * WORK_DAY, (at) => this.store.act(c.ref.number, { type: 'withdrawConsent' }, operator, at)));
    }
    return steps;
  }

  /** P§23.3.2: an inquiry about a finished ticket becomes a new ticket, answered by the unit. */
  private followUp(c: Case, operator: Actor): Step {
    const groupId = c.coordinatorGroupId;
    const realizerGroupId = c.realizerGroupId;
    const agency = this.unitOf(groupId).kind === 'agency';
    const inquiry = { ref: { number: '' } };
    const coordinator = this.member(groupId);
    const realizer = this.member(realizerGroupId);
    const child: Step[] = [
      this.step(this.int(10, 600), (at) => this.store.act(inquiry.ref.number, { type: 'takeUp' }, coordinator, at)),
      this.step(this.int(5, 240), (at) =>
        this.store.act(inquiry.ref.number, { type: 'assignRealizerGroup', groupId: realizerGroupId }, coordinator, at),
      ),
      this.step(this.int(30, 900), (at) => this.store.act(inquiry.ref.number, { type: 'takeUp' }, realizer, at)),
    ];
    if (!agency)
      child.push(
        this.step(this.int(10, 240), (at) => this.store.act(inquiry.ref.number, { type: 'setRpwId', rpwId: this.rpw(at) }, realizer, at)),
      );
    child.push(
      this.step(this.int(1, 4) * WORK_DAY, (at) =>
        this.store.act(
          inquiry.ref.number,
          {
            type: 'closeNonInterventional',
            reason: 'Wyjaśniono mieszkańcowi sposób i termin wykonania prac.',
          },
          realizer,
          at,
        ),
      ),
    );
    const name = `${this.pick(MALE_NAMES)} ${this.pick(SURNAMES)}`;
    return this.step(
      this.int(2, 20) * WORK_DAY,
      (at, _next, numbers) => {
        this.store.act(
          c.ref.number,
          {
            type: 'registerFollowUp',
            subject: 'Mieszkaniec pyta, dlaczego usterka pojawiła się ponownie',
            groupId,
            reporter: { wantsAnswer: true, consent: true, name, phone: this.phone() },
            ...(agency ? { rpwId: this.rpw(at) } : {}),
          },
          operator,
          at,
          numbers,
        );
        inquiry.ref.number = numbers[0]!;
      },
      { numbers: 1, child },
    );
  }

  // ---- people ----
  private reporter(channel: string): Reporter {
    const anonymous = this.chance(channel === 'phone' ? 0.35 : channel === 'web' ? 0.1 : 0);
    if (anonymous) return { wantsAnswer: false, consent: false };
    const female = this.chance(0.55);
    const surname = this.pick(SURNAMES);
    const name = `${this.pick(female ? FEMALE_NAMES : MALE_NAMES)} ${female ? surname.replace(/(sk|ck|dzk)i$/, '$1a') : surname}`;
    const login = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(' ', '.');
    const contact =
      channel === 'phone'
        ? { phone: this.phone() }
        : channel === 'ezd'
          ? {
              postalAddress: `${this.pick(this.streets).name} ${this.int(1, 120)} m. ${this.int(1, 60)}, ${this.int(90, 94)}-${String(this.int(1, 999)).padStart(3, '0')} Łódź`,
            }
          : { email: `${login}@example.com` };
    return { wantsAnswer: this.chance(0.55), consent: true, name, ...contact };
  }

  private phone(): string {
    return this.chance(0.8)
      ? `${this.pick(['5', '6', '7', '8'])}${this.int(0, 9)}${this.int(0, 9)} ${this.int(100, 999)} ${this.int(100, 999)}`
      : `42 ${this.int(600, 699)} ${this.int(10, 99)} ${this.int(10, 99)}`;
  }
}

/** A small, fast, seedable pseudo-random generator (mulberry32). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
