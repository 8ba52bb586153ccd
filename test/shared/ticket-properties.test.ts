// Property-based tests (fast-check) over random command sequences by random people: replaying a
// history gives the same ticket; a refused command changes nothing; only the allowed commands
// reach a finished or deleted ticket; after consent withdrawal no personal data remains in the
// ticket or its history. Most steps pick a command the actor may send (so tickets travel deep
// into the procedure); the others pick any command, and some corrupt its data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, CommandType, Decision, Status, Ticket, TicketEvent } from '../../src-shared/ticket';
import {
  allowedCommands,
  commandTypes,
  decide,
  evolve,
  replay,
  ticketEventSchema,
  ticketSchema,
  ticketsTouchedBy,
} from '../../src-shared/ticket';
import { actors, at, ctx, directory, nextNumbers, personal, reporterWithContact, World } from './ticket-fixtures';

const actorPool: Actor[] = [
  ...Object.values(actors),
  { userId: 'multi', roles: ['coordinator', 'realizer', 'supervisor'], groupIds: ['zdit-k2', 'zdit-r2', 'wgk-r'], unitIds: ['wgk'] },
];

const PII_FILE = 'skan-dowodu-osobistego.pdf';
const piiValues = [...Object.values(personal), PII_FILE];
const reporters = [
  { wantsAnswer: false, consent: false },
  reporterWithContact,
  { wantsAnswer: true, consent: true, phone: personal.phone },
  { wantsAnswer: false, consent: true, name: personal.name, postalAddress: personal.postalAddress },
];
const groups = ['zdit-k1', 'zdit-k2', 'zdit-r1', 'zdit-r2', 'wgk-k', 'wgk-r', 'mopr-k', 'nope'];
const categories = ['roads', 'greenery', 'info', 'investment', 'waste', 'snow'];

const rareCommands: CommandType[] = ['delete', 'withdrawConsent', 'expirePersonalData', 'sendEmail'];
/** Commands that move a ticket along the procedure (picked more often, so sequences get deep). */
const movingCommands: CommandType[] = [
  'registerTicket',
  'receiveFromWebForm',
  'pickUpWebForm',
  'forwardToCoordinators',
  'takeUp',
  'assignRealizerGroup',
  'returnToOperator',
  'notifyPartialCompetence',
  'passToCoordinatorGroup',
  'suspend',
  'resume',
  'returnToCoordinator',
  'handToContractor',
  'acceptContractorWork',
  'rejectContractorWork',
  'resolve',
  'closeNonInterventional',
  'forwardExternalAndClose',
  'registerFollowUp',
];

/** A command of the given type with data chosen by `v` (some of it breaks a rule on purpose). */
function build(type: CommandType, v: number, now: string, ticket: Ticket | null): Record<string, unknown> {
  let salt = 0; // each pick draws on different bits of v, so the choices are not correlated
  const pick = <T>(items: T[]): T => items[(Math.imul(v ^ Math.imul(++salt, 0x9e3779b9), 0x85ebca6b) >>> 0) % items.length]!;
  // mostly a group that fits the ticket's unit, sometimes any group (a rule then refuses)
  const groupOf = (kind: 'coordinator' | 'realizer') => {
    const fitting = Object.values(directory.groups)
      .filter(
        (group) => group.kind === kind && directory.units[group.unitId]?.worksInApp && (!ticket?.unitId || group.unitId === ticket.unitId),
      )
      .map((group) => group.id);
    return v % 4 === 0 || fitting.length === 0 ? pick(groups) : fitting[(v >> 2) % fitting.length]!;
  };
  const minutesAgo = (n: number) => new Date(Date.parse(now) - n * 60_000).toISOString();
  const inDays = (n: number) => new Date(Date.parse(now) + n * 86_400_000).toISOString().slice(0, 10);
  const file = pick([
    { id: `f${v}`, name: 'zdjęcie.jpg' },
    { id: `p${v}`, name: PII_FILE, personal: true },
    { id: `s${v}`, name: 'wiadomość.eml', source: true },
  ]);
  switch (type) {
    case 'registerTicket':
      return {
        type,
        channel: pick(['phone', 'email', 'ezd', 'other']),
        categoryId: pick(categories),
        subject: 'Zgłoszenie',
        kind: pick([undefined, 'informational']),
        templateAnswers: pick([{ damageSize: 'duży' }, {}]),
        location: pick([{ address: 'ul. Narutowicza 1' }, { address: 'ul. Tuwima 3' }, undefined]),
        reporter: pick(reporters),
        rpwIds: pick([[], ['RPW/1/2026']]),
        attachments: pick([[], [file]]),
        receivedAt: minutesAgo(v % 30),
      };
    case 'receiveFromMailbox':
      return {
        type,
        subject: 'Wiadomość: zniszczona ławka',
        description: pick(['Ławka połamana.', '']),
        reporter: pick(reporters),
        receivedAt: minutesAgo(3),
        attachments: [{ id: `eml${v}`, name: 'wiadomosc.eml', source: true }],
      };
    case 'receiveFromWebForm':
      return {
        type,
        description: 'Uszkodzony chodnik',
        categoryId: pick([undefined, ...categories]),
        reporter: pick(reporters),
        receivedAt: minutesAgo(5),
        attachments: [{ id: `src${v}`, name: 'formularz.json', source: true, personal: pick([true, false]) }],
      };
    case 'pickUpWebForm':
      return {
        type,
        categoryId: pick(categories),
        subject: 'Chodnik',
        location: { address: 'ul. Zachodnia 5' },
        reporter: pick([undefined, ...reporters]),
        attachments: pick([[], [file]]),
        rpwIds: pick([[], ['RPW/2/2026']]),
      };
    case 'editDetails':
      return pick([
        { type, subject: 'Poprawiony temat' },
        { type, reporter: pick(reporters) },
        { type, location: { address: 'ul. Wólczańska 2', obreb: 'G-3', dzialka: '12/4' } },
        { type },
      ]);
    case 'addAttachments':
      return { type, attachments: [file] };
    case 'reclassify':
      return { type, categoryId: pick(categories), kind: pick([undefined, 'informational', 'interventional']) };
    case 'setRpwId':
      return { type, rpwId: `RPW/${v % 4}/2026` };
    case 'forwardToCoordinators':
      return {
        type,
        groupId: groupOf('coordinator'),
        rpwId: v % 5 === 0 ? undefined : 'RPW/5/2026',
        obreb: ticket?.location && v % 3 ? 'G-3' : undefined,
        dzialka: ticket?.location && v % 3 ? '12/4' : undefined,
      };
    case 'split':
      return {
        type,
        ownScope: 'Część pierwsza',
        parts: pick([[{ scope: 'Część druga', addressee: 'ZDiT' }], [{ scope: 'Druga' }, { scope: 'Trzecia' }]]),
      };
    case 'closeOutOfScope':
      return { type, receivingEntity: 'PKP PLK S.A.', rpwId: pick([undefined, 'RPW/6/2026']) };
    case 'closeHandledOutside':
      return { type, receivingUnitId: pick(['wbl', 'mopr', 'zdit']), rpwId: pick([undefined, 'RPW/7/2026']) };
    case 'takeUp':
      return { type };
    case 'assignRealizerGroup':
      return { type, groupId: groupOf('realizer') };
    case 'returnToOperator':
      return { type, rightAddressee: 'Zarząd Zieleni Miejskiej' };
    case 'notifyPartialCompetence':
      return { type, how: pick(['phone', 'email']), notifiedAt: minutesAgo(v % 10), part: 'Latarnia', otherAddressee: 'ZDiT' };
    case 'passToCoordinatorGroup':
      return { type, groupId: groupOf('coordinator') };
    case 'suspend':
      return { type, reason: 'Zima', until: inDays((v % 5) - 1) };
    case 'resume':
      return v % 2 ? { type } : { type, realizerGroupId: groupOf('realizer') };
    case 'returnToCoordinator':
      return { type, kind: pick(['notOurs', 'postpone']), reason: 'Odłożyć', postponeUntil: pick([undefined, inDays(20)]) };
    case 'closeNonInterventional':
      return { type, reason: 'Nieinterwencyjne' };
    case 'handToContractor':
      return { type, company: 'Drogbud', orderedAt: minutesAgo(v % 10), dueOn: inDays((v % 7) - 1) };
    case 'acceptContractorWork':
      return { type, completedOn: inDays(-(v % 2)) };
    case 'rejectContractorWork':
      return { type, reason: 'Źle wykonane' };
    case 'resolve':
      return pick([
        { type, outcome: 'fixed' },
        { type, outcome: 'notToBeDone', reason: 'Odpowiedziano' },
        { type, outcome: 'notToBeDone' },
      ]);
    case 'forwardExternalAndClose':
      return { type, receivingEntity: 'GDDKiA', rpwId: pick([undefined, 'RPW/8/2026']) };
    case 'recordAnswerToReporter':
      return { type, answeredAt: minutesAgo(v % 10), how: pick(['phone', 'email', 'letter']) };
    case 'recordInquiry':
      return { type, actionsDone: 'Przekazano', callerExpects: 'Szybkiej naprawy' };
    case 'sendEmail':
      return pick([
        { type, purpose: 'answer', subject: 'Odpowiedź', body: 'Naprawiono.' },
        { type, purpose: 'forwardOutside', to: 'wydzial@uml.lodz.pl', subject: 'Przekazanie', body: 'W załączeniu.' },
        { type, purpose: 'forwardOutside', subject: 'Bez adresu', body: 'x' },
      ]);
    case 'registerFollowUp':
      return {
        type,
        subject: 'Zapytanie',
        reporter: pick([undefined, ...reporters]),
        rpwId: v % 5 ? 'RPW/9/2026' : undefined,
        groupId: pick([undefined, 'wgk-k', 'zdit-k1']),
        obreb: 'G-3',
        dzialka: '12/4',
      };
    case 'recordAction':
      return { type, kind: pick(['consultation', 'arrangement', 'siteVisit', 'other']), note: 'Czynność', doneAt: minutesAgo(v % 60) };
    case 'setPlannedDate':
      return { type, plannedOn: inDays((v % 10) - 1), delayReason: 'Brak materiału' };
    case 'withdrawConsent':
    case 'expirePersonalData':
      return { type };
    case 'delete':
      // P§28: an unfinished ticket only as a duplicate, a test or abuse; any reason once finished.
      return { type, reason: v % 2 ? 'Duplikat' : 'Upływ okresu przechowywania' };
  }
}

const stepArb = fc.record({
  actor: fc.nat(),
  target: fc.nat(),
  pickAllowed: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  typeIndex: fc.nat(),
  variant: fc.nat(),
  corrupt: fc.integer({ min: 0, max: 19 }),
  minutes: fc.integer({ min: 1, max: 600 }),
});
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;
const sequenceArb = fc.array(stepArb, { minLength: 5, maxLength: 100 });

interface Record_ {
  type: CommandType;
  actor: Actor;
  before: Ticket | null;
  decision: Decision;
  /** Each event's target ticket as it was before the command. */
  targetsBefore: Map<string, Ticket | undefined>;
  /** Decides the same command again (determinism). */
  again: () => Decision;
  /** The numbers allocated for tickets the command may create. */
  newTicketNumbers: string[];
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** Runs the steps against a fresh world; calls `check` after each decision. */
function runSequence(steps: Step[], check: (record: Record_, world: World) => void = () => {}): World {
  const world = new World();
  let focus: string | null = null;
  for (const step of steps) {
    world.minute += step.minutes;
    const now = at(world.minute);
    // mostly keep working on the same ticket (so it travels far), sometimes another one or a new one
    const numbers = [...world.tickets.keys()];
    const target =
      focus && step.target % 4 !== 0
        ? focus
        : step.target % (numbers.length + 1) < numbers.length
          ? numbers[step.target % (numbers.length + 1)]!
          : null;
    const before = target ? world.get(target) : null;
    let actor = actorPool[step.actor % actorPool.length]!;
    let type = commandTypes[step.typeIndex % commandTypes.length]!;
    if (step.pickAllowed) {
      // any (actor, command) the rules allow now; the commands that end a ticket's story are picked less often
      const pairs = actorPool
        .flatMap((candidate) => allowedCommands(candidate, before, directory).map((allowed) => [candidate, allowed] as const))
        .filter(([, allowed]) => !rareCommands.includes(allowed) || step.variant % 8 === 0);
      const moving = pairs.filter(([, allowed]) => movingCommands.includes(allowed));
      const from = moving.length && step.typeIndex % 10 < 7 ? moving : pairs;
      const pair = from[step.typeIndex % Math.max(from.length, 1)];
      if (pair) [actor, type] = pair;
    }
    const command = build(type, step.variant, now, before);
    const keys = Object.keys(command).filter((key) => key !== 'type');
    if (step.corrupt === 0 && keys.length) delete command[keys[step.variant % keys.length]!];
    if (step.corrupt === 1 && keys.length) command[keys[step.variant % keys.length]!] = 12345;

    const frozen = before ? deepFreeze(structuredClone(before)) : null;
    const numbersForStep = nextNumbers(5);
    const decision = decide(frozen, command as never, actor, now, ctx(numbersForStep));
    const again = () => decide(frozen, command as never, actor, now, ctx(numbersForStep));
    const targetsBefore = new Map<string, Ticket | undefined>();
    if (decision.ok)
      for (const event of decision.events)
        if (!targetsBefore.has(event.ticket)) targetsBefore.set(event.ticket, world.tickets.get(event.ticket));
    check({ type, actor, before, decision, targetsBefore, again, newTicketNumbers: numbersForStep }, world);
    if (decision.ok) {
      world.apply(decision.events);
      focus = decision.events.at(-1)!.ticket;
    } else if (target === null) {
      focus = null;
    }
  }
  return world;
}

const settings = { numRuns: 200 };
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('properties over random command sequences', () => {
  it('sequences reach deep into the procedure (sanity check of the generator)', () => {
    const reached = new Set<Status>();
    fc.assert(
      fc.property(sequenceArb, (steps) => {
        for (const stream of runSequence(steps).streams.values()) {
          stream.reduce<Ticket | null>((ticket, event) => {
            const next = evolve(ticket, event);
            if (next) reached.add(next.status);
            return next;
          }, null);
        }
      }),
      { numRuns: 500, seed: 2026 },
    ); // fixed seed: this checks the generator, not the rules
    expect([...reached].sort()).toEqual(
      [
        'assigned',
        'awaitingPickup',
        'closed',
        'deleted',
        'forwarded',
        'inProgress',
        'registered',
        'resolved',
        'returnedToCoordinator',
        'returnedToOperator',
        'suspended',
        'withContractor',
        'withCoordinator',
      ].sort(),
    );
  });

  it('replaying the history (fold evolve over the stored events) gives the same ticket, also after a JSON round trip', () => {
    fc.assert(
      fc.property(sequenceArb, (steps) => {
        const world = runSequence(steps);
        for (const [number, ticket] of world.tickets) {
          const stream = world.streams.get(number)!;
          expect(replay(stream)).toEqual(ticket);
          for (const event of stream) expect(ticketEventSchema.safeParse(json(event)).success, event.type).toBe(true);
          expect(ticketSchema.safeParse(json(ticket)).success).toBe(true);
          expect(json(replay(json(stream) as TicketEvent[]))).toEqual(json(ticket));
          expect(ticket.version).toBe(stream.length);
        }
      }),
      settings,
    );
  });

  it('a refused command changes nothing; decide never mutates its input and never fails internally', () => {
    fc.assert(
      fc.property(sequenceArb, (steps) => {
        runSequence(steps, ({ decision, before, again }, world) => {
          expect(again()).toEqual(decision); // pure: same input, same answer
          if (decision.ok) return;
          expect(decision.refusal.code).not.toBe('internalError');
          expect(['forbidden', 'invalidState', 'invalidInput', 'snowIce', 'notFound']).toContain(decision.refusal.code);
          expect(decision.refusal.message).toMatch(/\S/);
          // nothing was applied: the ticket the command was aimed at is as it was
          if (before) expect(world.get(before.number)).toEqual(before);
        });
      }),
      settings,
    );
  });

  it("only the rules' allowed commands reach a finished (resolved / closed) or deleted ticket", () => {
    // by hand: what may still happen to a finished ticket (P§14.2, P§16.3, P§23.3.2, P§27, P§28, I§4.2)
    const allowedOnFinished: CommandType[] = [
      'editDetails',
      'addAttachments',
      'setRpwId',
      'recordAnswerToReporter',
      'sendEmail',
      'registerFollowUp',
      'withdrawConsent',
      'expirePersonalData',
      'delete',
    ];
    // events that reach a finished part of a split report from its sibling's command
    const crossTicketEvents = ['splitPartsLinked', 'personalDataErased'];
    fc.assert(
      fc.property(sequenceArb, (steps) => {
        const world = runSequence(steps, ({ type, before, decision, targetsBefore, newTicketNumbers }) => {
          if (before?.status === 'deleted') expect(decision.ok, `${type} on a deleted ticket`).toBe(false);
          // the store loads what ticketsTouchedBy names; the events never reach further
          if (decision.ok) for (const event of decision.events) expect(ticketsTouchedBy(before, newTicketNumbers)).toContain(event.ticket);
          if (!decision.ok) return;
          if (before && (before.status === 'resolved' || before.status === 'closed')) expect(allowedOnFinished).toContain(type);
          for (const event of decision.events) {
            const target = targetsBefore.get(event.ticket);
            if (target && (target.status === 'resolved' || target.status === 'closed') && event.ticket !== before?.number) {
              expect(crossTicketEvents).toContain(event.type);
            }
          }
        });
        for (const [number, ticket] of world.tickets) {
          const stream = world.streams.get(number)!;
          const finishedAt = stream.findIndex((event) =>
            ['resolved', 'closed'].includes(replay(stream.slice(0, stream.indexOf(event) + 1))!.status),
          );
          if (finishedAt >= 0) {
            // once finished, the status only changes to deleted
            for (let i = finishedAt + 1; i <= stream.length; i++) {
              expect(['resolved', 'closed', 'deleted']).toContain(replay(stream.slice(0, i))!.status);
            }
          }
          if (ticket.status === 'deleted') expect(stream.at(-1)!.type).toBe('deleted'); // nothing after deletion
        }
      }),
      settings,
    );
  });

  it('after consent withdrawal (or retention, or deletion) no personal data remains in the ticket or its history, nor in the other parts of a split report', () => {
    fc.assert(
      fc.property(sequenceArb, (steps) => {
        const withdrawn = new Set<string>();
        const world = runSequence(steps, ({ type, before, decision }) => {
          if (decision.ok && type === 'withdrawConsent' && before) withdrawn.add(before.number);
        });
        for (const [number, ticket] of world.tickets) {
          if (withdrawn.has(number)) {
            for (const part of ticket.links.splitParts)
              expect(world.get(part.number).personalDataErased, `part ${part.number}`).not.toBeNull();
          }
          if (!ticket.personalDataErased) continue;
          const everything = JSON.stringify([ticket, world.streams.get(number)]);
          for (const value of piiValues) expect(everything, `${number}: ${value}`).not.toContain(value);
        }
      }),
      settings,
    );
  });

  it('P§13.2 the parts of a split report always list each other', () => {
    fc.assert(
      fc.property(sequenceArb, (steps) => {
        const world = runSequence(steps);
        for (const ticket of world.tickets.values()) {
          for (const part of ticket.links.splitParts) {
            const other = world.get(part.number);
            if (other.status === 'deleted') continue;
            expect(other.links.splitParts.map((p) => p.number)).toContain(ticket.number);
          }
        }
      }),
      settings,
    );
  });
});
