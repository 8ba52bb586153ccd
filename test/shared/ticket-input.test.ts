// Bad input: every command is validated by its zod schema; malformed or missing data gives a
// refusal naming the field (in Polish), never an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, CommandState, CommandType, Ticket } from '../../src-shared/ticket';
import { commandSchemas, commandTypes, decide } from '../../src-shared/ticket';
import type { ActorKey } from './ticket-fixtures';
import { actors, ctx, NOW, sample, ticketIn } from './ticket-fixtures';

/** Where each command is allowed (by hand), so that validation of its data is what decides. */
const allowedAt: Record<CommandType, [CommandState, ActorKey]> = {
  registerTicket: ['none', 'operator'],
  receiveFromWebForm: ['none', 'system'],
  receiveFromMailbox: ['none', 'system'],
  pickUpWebForm: ['awaitingPickup', 'operator'],
  editDetails: ['registered', 'operator'],
  addAttachments: ['registered', 'operator'],
  reclassify: ['registered', 'operator'],
  setRpwId: ['registered', 'operator'],
  forwardToCoordinators: ['registered', 'operator'],
  split: ['registered', 'operator'],
  closeOutOfScope: ['registered', 'operator'],
  closeHandledOutside: ['registered', 'operator'],
  takeUp: ['forwarded', 'coordinatorOwnGroup'],
  assignRealizerGroup: ['withCoordinator', 'coordinatorOwnGroup'],
  returnToOperator: ['withCoordinator', 'coordinatorOwnGroup'],
  notifyPartialCompetence: ['withCoordinator', 'coordinatorOwnGroup'],
  passToCoordinatorGroup: ['withCoordinator', 'coordinatorOwnGroup'],
  suspend: ['returnedToCoordinator', 'coordinatorOwnGroup'],
  resume: ['suspended', 'coordinatorOwnGroup'],
  returnToCoordinator: ['inProgress', 'realizerOwnGroup'],
  closeNonInterventional: ['inProgress', 'realizerOwnGroup'],
  handToContractor: ['inProgress', 'realizerOwnGroup'],
  acceptContractorWork: ['withContractor', 'realizerOwnGroup'],
  rejectContractorWork: ['withContractor', 'realizerOwnGroup'],
  resolve: ['inProgress', 'realizerOwnGroup'],
  forwardExternalAndClose: ['inProgress', 'realizerOwnGroup'],
  recordAnswerToReporter: ['inProgress', 'realizerOwnGroup'],
  sendEmail: ['inProgress', 'realizerOwnGroup'],
  recordInquiry: ['inProgress', 'operator'],
  registerFollowUp: ['resolved', 'operator'],
  recordAction: ['inProgress', 'realizerOwnGroup'],
  setPlannedDate: ['inProgress', 'realizerOwnGroup'],
  withdrawConsent: ['inProgress', 'operator'],
  expirePersonalData: ['resolved', 'system'],
  delete: ['resolved', 'superSupervisor'],
};

const tickets = new Map<CommandState, Ticket | null>();
const ticketFor = (state: CommandState) => {
  if (!tickets.has(state))
    tickets.set(
      state,
      state === 'none'
        ? null
        : (() => {
            const { world, number } = ticketIn(state);
            return world.get(number);
          })(),
    );
  return tickets.get(state) ?? null;
};
const run = (type: CommandType, command: unknown, actor?: Actor) => {
  const [state, actorKey] = allowedAt[type];
  return decide(ticketFor(state), command as never, actor ?? actors[actorKey], NOW, ctx());
};

/** The command's required fields, read from the schema: those that do not accept `undefined`. */
const requiredFields = (type: CommandType) =>
  Object.entries(commandSchemas[type].shape)
    .filter(([key, schema]) => key !== 'type' && !(schema as { safeParse(v: unknown): { success: boolean } }).safeParse(undefined).success)
    .map(([key]) => key);

describe('bad input gives a refusal naming the field', () => {
  it.each(commandTypes)('%s: the valid sample is accepted where the command is allowed', (type) => {
    const decision = run(type, sample[type]);
    expect(decision.ok, decision.ok ? '' : `${decision.refusal.code} ${decision.refusal.field} ${decision.refusal.message}`).toBe(true);
  });

  it.each(commandTypes)('%s: each missing required field is named', (type) => {
    for (const field of requiredFields(type)) {
      const { [field]: _removed, ...rest } = sample[type] as Record<string, unknown>;
      const decision = run(type, rest);
      expect(decision.ok, field).toBe(false);
      if (!decision.ok) {
        expect(decision.refusal).toMatchObject({ code: 'invalidInput', field });
        expect(decision.refusal.message).toMatch(/^Brak wymaganej wartości: „.+”\.$/);
      }
    }
  });

  it.each(commandTypes)('%s: each field of the wrong type is named', (type) => {
    for (const field of Object.keys(sample[type]).filter((key) => key !== 'type')) {
      const decision = run(type, { ...sample[type], [field]: Symbol.for('not data') });
      expect(decision.ok, field).toBe(false);
      if (!decision.ok) {
        expect(decision.refusal.field?.split('.')[0]).toBe(field);
        expect(decision.refusal.message).not.toMatch(/Invalid|expected|received/);
      }
    }
  });

  it('nested fields are named by their path', () => {
    const cases: [CommandType, Record<string, unknown>, string][] = [
      ['registerTicket', { reporter: { wantsAnswer: true, consent: true, email: 'nie-e-mail' } }, 'reporter.email'],
      ['registerTicket', { reporter: { consent: true } }, 'reporter.wantsAnswer'],
      ['registerTicket', { location: { address: 'ul. Długa 1', lat: 200 } }, 'location.lat'],
      ['registerTicket', { location: {} }, 'location.address'],
      ['registerTicket', { subject: '   ' }, 'subject'],
      ['registerTicket', { channel: 'web' }, 'channel'],
      ['registerTicket', { attachments: [{ name: 'bez id.pdf' }] }, 'attachments.0.id'],
      ['split', { parts: [{ scope: 'a' }, { scope: '' }] }, 'parts.1.scope'],
      ['split', { parts: [] }, 'parts'],
      ['handToContractor', { dueOn: '2026-02-30' }, 'dueOn'],
      ['handToContractor', { orderedAt: '2026-03-02 10:00' }, 'orderedAt'],
      ['recordAction', { kind: 'coffee' }, 'kind'],
      ['resolve', { outcome: 'maybe' }, 'outcome'],
      ['editDetails', { templateAnswers: { damageSize: 5 } }, 'templateAnswers.damageSize'],
      ['registerTicket', { categoryId: 'constructor' }, 'categoryId'],
      ['forwardToCoordinators', { groupId: '__proto__' }, 'groupId'],
      ['closeHandledOutside', { receivingUnitId: 'toString' }, 'receivingUnitId'],
    ];
    for (const [type, patch, field] of cases) {
      const decision = run(type, { ...sample[type], ...patch });
      expect(decision.ok, field).toBe(false);
      if (!decision.ok) {
        expect(decision.refusal.field).toBe(field);
        expect(decision.refusal.message).toMatch(/[„ąćęłńóśźż]/); // Polish
        expect(decision.refusal.message).not.toMatch(/Invalid|expected|received|Required/); // no zod English leaks through
      }
    }
  });

  it('not a command at all: the type is named', () => {
    for (const junk of [
      null,
      undefined,
      42,
      'registerTicket',
      [],
      {},
      { type: 'fly' },
      { type: 7 },
      { type: 'constructor' },
      { type: '__proto__' },
    ]) {
      const decision = decide(null, junk as never, actors.operator, NOW, ctx());
      expect(decision).toMatchObject({ ok: false, refusal: { code: 'invalidInput', field: 'type' } });
    }
  });

  it('a malformed actor or time is named', () => {
    expect(decide(null, sample.registerTicket, { userId: '', roles: ['operator'], groupIds: [], unitIds: [] }, NOW, ctx())).toMatchObject({
      ok: false,
      refusal: { code: 'invalidInput', field: 'actor.userId' },
    });
    expect(
      decide(null, sample.registerTicket, { userId: 'u', roles: ['king'], groupIds: [], unitIds: [] } as never, NOW, ctx()),
    ).toMatchObject({ ok: false, refusal: { code: 'invalidInput', field: 'actor.roles.0' } });
    expect(decide(null, sample.registerTicket, null as never, NOW, ctx())).toMatchObject({
      ok: false,
      refusal: { code: 'invalidInput', field: 'actor' },
    });
    expect(decide(null, sample.registerTicket, actors.operator, 'yesterday', ctx())).toMatchObject({
      ok: false,
      refusal: { code: 'invalidInput', field: 'now' },
    });
  });

  it('a command for a ticket that does not exist is refused as not found', () => {
    expect(decide(null, sample.resolve, actors.realizerOwnGroup, NOW, ctx())).toMatchObject({ ok: false, refusal: { code: 'notFound' } });
  });

  it('decide never throws and never fails internally, whatever the command data', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...commandTypes),
        fc.dictionary(
          fc.constantFrom(
            'subject',
            'reason',
            'groupId',
            'reporter',
            'location',
            'parts',
            'attachments',
            'until',
            'completedOn',
            'how',
            'kind',
            'categoryId',
            'rpwId',
            'outage',
            'templateAnswers',
          ),
          fc.anything(),
        ),
        (type, junk) => {
          const decision = run(type, { ...sample[type], ...junk });
          expect(decision.ok || decision.refusal.code !== 'internalError').toBe(true);
          if (!decision.ok) expect(decision.refusal.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('decide never throws for any input at all', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (ticket, command, actor, now) => {
        const decision = decide(ticket as never, command as never, actor as never, now as never, ctx());
        expect(typeof decision.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
