// Shared fixtures for the ticket tests: a small city, its people, an in-memory event store that
// honours the erasure contract, and tickets driven into each state through `decide`.
import { expect } from 'vitest';
import type { Actor, Command, CommandType, DecideContext, Decision, Status, Ticket, TicketEvent } from '../../src-shared/ticket';
import { applyEvents, decide, erasePersonalData, makeDirectory, replay } from '../../src-shared/ticket';

export const directory = makeDirectory({
  units: [
    { id: 'zdit', name: 'Zarząd Dróg i Transportu', kind: 'agency', worksInApp: true },
    { id: 'wgk', name: 'Wydział Gospodarki Komunalnej', kind: 'department', worksInApp: true },
    { id: 'wbl', name: 'Wydział Budynków i Lokali', kind: 'department', worksInApp: false },
    { id: 'mopr', name: 'Miejski Ośrodek Pomocy Rodzinie', kind: 'agency', worksInApp: false },
  ],
  groups: [
    { id: 'zdit-k1', symbol: 'ZDIT-K1', name: 'Koordynatorzy drogowi', unitId: 'zdit', kind: 'coordinator' },
    { id: 'zdit-k2', symbol: 'ZDIT-K2', name: 'Koordynatorzy oświetlenia', unitId: 'zdit', kind: 'coordinator' },
    { id: 'zdit-r1', symbol: 'ZDIT-R1', name: 'Realizatorzy drogowi', unitId: 'zdit', kind: 'realizer' },
    { id: 'zdit-r2', symbol: 'ZDIT-R2', name: 'Realizatorzy oświetlenia', unitId: 'zdit', kind: 'realizer' },
    { id: 'wgk-k', symbol: 'WGK-K', name: 'Koordynatorzy WGK', unitId: 'wgk', kind: 'coordinator' },
    { id: 'wgk-r', symbol: 'WGK-R', name: 'Realizatorzy WGK', unitId: 'wgk', kind: 'realizer' },
    { id: 'mopr-k', symbol: 'MOPR-K', name: 'Koordynatorzy MOPR', unitId: 'mopr', kind: 'coordinator' },
  ],
  categories: [
    {
      id: 'roads',
      name: 'Drogi',
      kind: 'interventional',
      defaultCoordinatorGroupId: 'zdit-k1',
      template: [
        { id: 'damageSize', label: 'Wielkość ubytku', required: true },
        { id: 'lane', label: 'Pas ruchu', required: false },
      ],
      subcategories: [
        { id: 'pothole', name: 'Ubytek w jezdni' },
        { id: 'icyPavement', name: 'Oblodzony chodnik', refuseAs: 'snowIce' },
      ],
    },
    { id: 'snow', name: 'Śnieg i lód na drogach, ścieżkach rowerowych i chodnikach', kind: 'interventional', refuseAs: 'snowIce' },
    { id: 'greenery', name: 'Zieleń', kind: 'interventional', needsParcel: true },
    { id: 'info', name: 'Informacja', kind: 'informational' },
    { id: 'investment', name: 'Zadania inwestycyjne', kind: 'informational', investment: true },
    { id: 'waste', name: 'Odpady', kind: 'interventional', defaultCoordinatorGroupId: 'wgk-k' },
  ],
  users: [{ id: 'op1', name: 'Olga Operatorka' }],
});

const person = (userId: string, roles: Actor['roles'], groupIds: string[] = [], unitIds: string[] = []): Actor => ({
  userId,
  roles,
  groupIds,
  unitIds,
});

/** Actors of the table: each role, inside and outside the fixture tickets' groups and unit (ZDiT, groups K1 / R1). */
export const actors = {
  admin: person('adm1', ['admin']),
  superSupervisor: person('ss1', ['superSupervisor']),
  operator: person('op1', ['operator']),
  system: person('hub', ['system']),
  supervisorOwnUnit: person('sup1', ['supervisor'], [], ['zdit']),
  supervisorOtherUnit: person('sup2', ['supervisor'], [], ['wgk']),
  coordinatorOwnGroup: person('co1', ['coordinator'], ['zdit-k1']),
  coordinatorSameUnitOtherGroup: person('co2', ['coordinator'], ['zdit-k2']),
  coordinatorOtherUnit: person('co3', ['coordinator'], ['wgk-k']),
  realizerOwnGroup: person('re1', ['realizer'], ['zdit-r1']),
  realizerSameUnitOtherGroup: person('re2', ['realizer'], ['zdit-r2']),
  realizerOtherUnit: person('re3', ['realizer'], ['wgk-r']),
} satisfies Record<string, Actor>;
export type ActorKey = keyof typeof actors;

export const T0 = '2026-03-02T08:00:00.000Z'; // Monday 2 March 2026, 9:00 in Łódź
export const at = (minutesAfterT0: number) => new Date(Date.parse(T0) + minutesAfterT0 * 60_000).toISOString();

/** Personal data used in fixtures: unique strings, so a search of any JSON proves they are gone. */
export const personal = {
  name: 'Zofia Personalna',
  phone: '600 100 200',
  email: 'zofia.personalna@example.com',
  postalAddress: 'ul. Prywatna 7, 90-001 Łódź',
};
export const personalValues = Object.values(personal);

export const reporterWithContact = { wantsAnswer: true, consent: true, ...personal };

let numberSeq = 100;
export const nextNumbers = (count = 3) => Array.from({ length: count }, () => `2026/${String(++numberSeq).padStart(6, '0')}`);
export const ctx = (numbers: string[] = nextNumbers()): DecideContext => ({ directory, newTicketNumbers: numbers });

/** A phone registration that passes every rule (roads, ZDiT). */
export const phoneRegistration = (overrides: Record<string, unknown> = {}): Command =>
  ({
    type: 'registerTicket',
    channel: 'phone',
    categoryId: 'roads',
    subcategoryId: 'pothole',
    subject: 'Ubytek w jezdni',
    description: 'Głęboka dziura przy przejściu dla pieszych',
    templateAnswers: { damageSize: 'ok. 40 cm' },
    location: { address: 'ul. Piotrkowska 100, Łódź', lat: 51.76, lon: 19.46 },
    reporter: reporterWithContact,
    ...overrides,
  }) as Command;

export function expectOk(decision: Decision): TicketEvent[] {
  if (!decision.ok) expect.fail(`refused: ${decision.refusal.code} ${decision.refusal.field ?? ''} ${decision.refusal.message}`);
  return decision.events;
}

export function expectRefused(decision: Decision, code: string, field?: string) {
  if (decision.ok) expect.fail(`expected refusal ${code}, got events ${decision.events.map((event) => event.type).join(', ')}`);
  expect(decision.refusal.code).toBe(code);
  if (field !== undefined) expect(decision.refusal.field).toBe(field);
  expect(decision.refusal.message.length).toBeGreaterThan(10);
  return decision.refusal;
}

/**
 * An in-memory city: tickets, their event streams, and a store that honours the erasure contract
 * (after `personalDataErased` or `deleted`, the stream's earlier events are scrubbed).
 */
export class World {
  tickets = new Map<string, Ticket>();
  streams = new Map<string, TicketEvent[]>();
  minute = 0;

  /** Decides and, when accepted, applies and stores the events. */
  run(number: string | null, command: Command, actor: Actor, options: { now?: string; numbers?: string[] } = {}): Decision {
    const now = options.now ?? at(++this.minute);
    const ticket = number === null ? null : (this.tickets.get(number) ?? null);
    const decision = decide(ticket, command, actor, now, ctx(options.numbers ?? nextNumbers()));
    if (decision.ok) this.apply(decision.events);
    return decision;
  }

  /** Applies and stores events as the event store contract says (`applyEvents`): no-ops are not stored, erasure scrubs the stream. */
  apply(events: TicketEvent[]) {
    const applied = applyEvents(this.tickets, events);
    expect([...applied.missing]).toEqual([]);
    for (const { event, version } of applied.append) {
      const stream = [...(this.streams.get(event.ticket) ?? []), event];
      expect(version).toBe(stream.length);
      this.streams.set(event.ticket, stream);
    }
    for (const [number, ticket] of applied.changed) this.tickets.set(number, ticket);
    for (const number of applied.erase) this.streams.set(number, erasePersonalData(this.streams.get(number) ?? []));
  }

  /** Runs a command that must succeed; returns the number of the ticket it created or acted on. */
  ok(number: string | null, command: Command, actor: Actor, options: { now?: string; numbers?: string[] } = {}): string {
    const events = expectOk(this.run(number, command, actor, options));
    return number ?? events[0]!.ticket;
  }

  get(number: string): Ticket {
    const ticket = this.tickets.get(number);
    if (!ticket) expect.fail(`no ticket ${number}`);
    return ticket;
  }

  replayed(number: string) {
    return replay(this.streams.get(number) ?? []);
  }
}

/** The steps that bring a ticket of ZDiT (groups K1 and R1) into each state. */
export function ticketIn(
  state: Status,
  world = new World(),
  options: { kind?: 'interventional' | 'informational' } = {},
): { world: World; number: string } {
  const { operator, system, coordinatorOwnGroup: coordinator, realizerOwnGroup: realizer, superSupervisor } = actors;
  if (state === 'awaitingPickup') {
    const number = world.ok(
      null,
      {
        type: 'receiveFromWebForm',
        description: 'Dziura w jezdni na ul. Zgierskiej',
        reporter: reporterWithContact,
        receivedAt: at(0),
        attachments: [{ id: 'src-1', name: 'formularz.json', source: true, personal: true }],
      },
      system,
    );
    return { world, number };
  }
  const number = world.ok(null, phoneRegistration({ kind: options.kind ?? 'informational' }), operator);
  if (state === 'registered') return { world, number };
  world.ok(number, { type: 'forwardToCoordinators', groupId: 'zdit-k1', rpwId: 'RPW/100/2026' }, operator);
  if (state === 'forwarded') return { world, number };
  world.ok(number, { type: 'takeUp' }, coordinator);
  world.ok(
    number,
    {
      type: 'notifyPartialCompetence',
      how: 'phone',
      notifiedAt: at(world.minute),
      part: 'Uszkodzona latarnia',
      otherAddressee: 'ZDiT — oświetlenie',
    },
    coordinator,
  );
  if (state === 'withCoordinator') return { world, number };
  if (state === 'returnedToOperator') {
    world.ok(number, { type: 'returnToOperator', rightAddressee: 'Zarząd Zieleni Miejskiej', reason: 'Drzewo, nie jezdnia' }, coordinator);
    return { world, number };
  }
  world.ok(number, { type: 'assignRealizerGroup', groupId: 'zdit-r1' }, coordinator);
  if (state === 'assigned') return { world, number };
  world.ok(number, { type: 'takeUp' }, realizer);
  if (state === 'inProgress') return { world, number };
  if (state === 'withContractor') {
    world.ok(
      number,
      { type: 'handToContractor', company: 'Drogbud sp. z o.o.', orderedAt: at(world.minute), dueOn: '2026-03-12' },
      realizer,
    );
    return { world, number };
  }
  if (state === 'returnedToCoordinator' || state === 'suspended') {
    world.ok(
      number,
      { type: 'returnToCoordinator', kind: 'postpone', reason: 'Remont po sezonie zimowym', postponeUntil: '2026-04-15' },
      realizer,
    );
    if (state === 'suspended') world.ok(number, { type: 'suspend', reason: 'Prace możliwe po zimie', until: '2026-04-15' }, coordinator);
    return { world, number };
  }
  if (state === 'resolved' || state === 'deleted') {
    world.ok(number, { type: 'resolve', outcome: 'fixed' }, realizer);
    if (state === 'deleted') world.ok(number, { type: 'delete', reason: 'Upływ okresu przechowywania danych' }, superSupervisor);
    return { world, number };
  }
  // closed: the competent entity is outside the city (keeps the coordinator and realizer groups)
  world.ok(number, { type: 'forwardExternalAndClose', receivingEntity: 'PGE Dystrybucja S.A.' }, realizer);
  return { world, number };
}

export const NOW = at(120); // 2026-03-02 10:00 UTC

/** A valid command of each type, as a user would send it. */
export const sample: Record<CommandType, Command> = {
  registerTicket: {
    type: 'registerTicket',
    channel: 'phone',
    categoryId: 'roads',
    subject: 'Ubytek w jezdni',
    templateAnswers: { damageSize: 'duży' },
    location: { address: 'ul. Kilińskiego 5' },
    reporter: reporterWithContact,
  },
  receiveFromWebForm: {
    type: 'receiveFromWebForm',
    description: 'Zniszczona ławka',
    reporter: { wantsAnswer: false, consent: false },
    receivedAt: NOW,
  },
  receiveFromMailbox: {
    type: 'receiveFromMailbox',
    subject: 'Zniszczona ławka w parku',
    reporter: { wantsAnswer: true, consent: true, email: 'mieszkaniec@example.com' },
    receivedAt: NOW,
  },
  pickUpWebForm: { type: 'pickUpWebForm', categoryId: 'roads', subject: 'Ubytek w jezdni' },
  editDetails: { type: 'editDetails', subject: 'Ubytek w jezdni przy przystanku' },
  addAttachments: { type: 'addAttachments', attachments: [{ id: 'photo-9', name: 'zdjęcie.jpg' }] },
  reclassify: { type: 'reclassify', categoryId: 'info' },
  setRpwId: { type: 'setRpwId', rpwId: 'RPW/999/2026' },
  forwardToCoordinators: { type: 'forwardToCoordinators', groupId: 'zdit-k1', rpwId: 'RPW/101/2026' },
  split: { type: 'split', ownScope: 'Ubytek w jezdni', parts: [{ scope: 'Uszkodzona latarnia', addressee: 'ZDiT — oświetlenie' }] },
  closeOutOfScope: { type: 'closeOutOfScope', receivingEntity: 'PKP Polskie Linie Kolejowe S.A.', rpwId: 'RPW/102/2026' },
  closeHandledOutside: { type: 'closeHandledOutside', receivingUnitId: 'wbl', rpwId: 'RPW/103/2026' },
  takeUp: { type: 'takeUp' },
  assignRealizerGroup: { type: 'assignRealizerGroup', groupId: 'zdit-r1' },
  returnToOperator: { type: 'returnToOperator', rightAddressee: 'Zarząd Zieleni Miejskiej' },
  notifyPartialCompetence: {
    type: 'notifyPartialCompetence',
    how: 'email',
    notifiedAt: NOW,
    part: 'Znak drogowy',
    otherAddressee: 'ZDiT — oznakowanie',
  },
  passToCoordinatorGroup: { type: 'passToCoordinatorGroup', groupId: 'zdit-k2' },
  suspend: { type: 'suspend', reason: 'Prace po zimie', until: '2026-04-01' },
  resume: { type: 'resume' },
  returnToCoordinator: { type: 'returnToCoordinator', kind: 'notOurs', reason: 'Teren kolejowy' },
  closeNonInterventional: { type: 'closeNonInterventional', reason: 'Prośba o informację, obsługiwana pismem' },
  handToContractor: { type: 'handToContractor', company: 'Drogbud sp. z o.o.', orderedAt: NOW, dueOn: '2026-03-13' },
  acceptContractorWork: { type: 'acceptContractorWork', completedOn: '2026-03-02' },
  rejectContractorWork: { type: 'rejectContractorWork', reason: 'Nierówna nawierzchnia' },
  resolve: { type: 'resolve', outcome: 'fixed' },
  forwardExternalAndClose: { type: 'forwardExternalAndClose', receivingEntity: 'PGE Dystrybucja S.A.' },
  recordAnswerToReporter: { type: 'recordAnswerToReporter', answeredAt: NOW, how: 'phone' },
  sendEmail: { type: 'sendEmail', purpose: 'answer', subject: 'Odpowiedź w sprawie zgłoszenia', body: 'Ubytek naprawiono.' },
  recordInquiry: { type: 'recordInquiry', actionsDone: 'Przekazano do ZDiT', callerExpects: 'Naprawy przed weekendem' },
  registerFollowUp: { type: 'registerFollowUp', subject: 'Pytanie o zakończone zgłoszenie', rpwId: 'RPW/104/2026' },
  recordAction: { type: 'recordAction', kind: 'siteVisit', note: 'Oględziny na miejscu', doneAt: NOW },
  setPlannedDate: { type: 'setPlannedDate', plannedOn: '2026-03-20', delayReason: 'Oczekiwanie na dostawę materiału' },
  withdrawConsent: { type: 'withdrawConsent' },
  expirePersonalData: { type: 'expirePersonalData' },
  delete: { type: 'delete', reason: 'Zgłoszenie testowe' },
};
