// Every role × command × state: allowed or refused, including every role acting outside its own
// group or unit. The cases are generated; the expectation is written out by hand below (I§4,
// and the rule of each command), not derived from the code under test.
import { describe, expect, it } from 'vitest';
import type { CommandState, CommandType, Status, Ticket } from '../../src-shared/ticket';
import { allowedCommands, commandTypes, decide } from '../../src-shared/ticket';
import type { ActorKey } from './ticket-fixtures';
import { actors, ctx, directory, NOW, sample, ticketIn } from './ticket-fixtures';

// ---- the expectation, by hand ----------------------------------------------------------------
// For each command: which actor may send it in which states. Any actor or state not listed: refused.
// "coordinatorOwnGroup" / "realizerOwnGroup" belong to the fixture's groups (ZDiT K1 / R1); the
// other coordinator, realizer and supervisor actors never may (outside their group or unit).
const ALL_PICKED_UP: Status[] = [
  'registered',
  'forwarded',
  'returnedToOperator',
  'withCoordinator',
  'assigned',
  'inProgress',
  'withContractor',
  'returnedToCoordinator',
  'suspended',
  'resolved',
  'closed',
];
const ALL_NOT_DELETED: Status[] = ['awaitingPickup', ...ALL_PICKED_UP];

const expected: Record<CommandType, Partial<Record<ActorKey, CommandState[]>>> = {
  registerTicket: { operator: ['none'] },
  receiveFromWebForm: { system: ['none'] },
  receiveFromMailbox: { system: ['none'] },
  pickUpWebForm: { operator: ['awaitingPickup'] },
  editDetails: {
    operator: [
      'registered',
      'forwarded',
      'returnedToOperator',
      'withCoordinator',
      'assigned',
      'inProgress',
      'withContractor',
      'returnedToCoordinator',
      'suspended',
    ],
    superSupervisor: ALL_PICKED_UP,
    coordinatorOwnGroup: ['withCoordinator', 'returnedToCoordinator', 'suspended'],
    realizerOwnGroup: ['inProgress', 'withContractor'],
  },
  addAttachments: {
    operator: [
      'registered',
      'forwarded',
      'returnedToOperator',
      'withCoordinator',
      'assigned',
      'inProgress',
      'withContractor',
      'returnedToCoordinator',
      'suspended',
    ],
    superSupervisor: ALL_PICKED_UP,
    coordinatorOwnGroup: ['withCoordinator', 'returnedToCoordinator', 'suspended'],
    realizerOwnGroup: ['inProgress', 'withContractor'],
  },
  reclassify: {
    operator: ['registered', 'returnedToOperator'],
    coordinatorOwnGroup: ['withCoordinator', 'returnedToCoordinator'],
    realizerOwnGroup: ['inProgress'],
  },
  setRpwId: { operator: ALL_PICKED_UP, superSupervisor: ALL_PICKED_UP, realizerOwnGroup: ['inProgress', 'withContractor'] },
  forwardToCoordinators: { operator: ['registered', 'returnedToOperator'] },
  // in the fixtures the coordinator has sent a partial-competence notice from "withCoordinator" on (P§20.2)
  split: {
    operator: [
      'registered',
      'returnedToOperator',
      'withCoordinator',
      'assigned',
      'inProgress',
      'withContractor',
      'returnedToCoordinator',
      'suspended',
    ],
  },
  closeOutOfScope: { operator: ['registered', 'returnedToOperator'] },
  closeHandledOutside: { operator: ['registered', 'returnedToOperator'] },
  takeUp: { coordinatorOwnGroup: ['forwarded'], realizerOwnGroup: ['assigned'] },
  assignRealizerGroup: { coordinatorOwnGroup: ['withCoordinator', 'returnedToCoordinator'] },
  returnToOperator: { coordinatorOwnGroup: ['withCoordinator', 'returnedToCoordinator'] },
  notifyPartialCompetence: { coordinatorOwnGroup: ['withCoordinator', 'returnedToCoordinator'] },
  passToCoordinatorGroup: { coordinatorOwnGroup: ['withCoordinator', 'returnedToCoordinator'] },
  suspend: { coordinatorOwnGroup: ['returnedToCoordinator'] },
  resume: { coordinatorOwnGroup: ['suspended'] },
  returnToCoordinator: { realizerOwnGroup: ['inProgress'] },
  closeNonInterventional: { realizerOwnGroup: ['inProgress'] }, // the fixtures are informational tickets
  handToContractor: { realizerOwnGroup: ['inProgress'] },
  acceptContractorWork: { realizerOwnGroup: ['withContractor'] },
  rejectContractorWork: { realizerOwnGroup: ['withContractor'] },
  resolve: { realizerOwnGroup: ['inProgress'] },
  forwardExternalAndClose: { realizerOwnGroup: ['inProgress'] },
  recordAnswerToReporter: {
    operator: ALL_PICKED_UP,
    superSupervisor: ALL_PICKED_UP,
    realizerOwnGroup: ['inProgress', 'withContractor', 'resolved', 'closed'],
  },
  sendEmail: {
    operator: ALL_PICKED_UP,
    superSupervisor: ALL_PICKED_UP,
    coordinatorOwnGroup: ['withCoordinator', 'returnedToCoordinator'],
    realizerOwnGroup: ['inProgress', 'withContractor', 'resolved', 'closed'],
  },
  recordInquiry: {
    operator: [
      'awaitingPickup',
      'registered',
      'forwarded',
      'returnedToOperator',
      'withCoordinator',
      'assigned',
      'inProgress',
      'withContractor',
      'returnedToCoordinator',
      'suspended',
    ],
  },
  registerFollowUp: { operator: ['resolved', 'closed'] },
  recordAction: {
    coordinatorOwnGroup: ['withCoordinator', 'assigned', 'inProgress', 'withContractor', 'returnedToCoordinator', 'suspended'],
    realizerOwnGroup: ['inProgress', 'withContractor'],
    superSupervisor: [
      'registered',
      'forwarded',
      'returnedToOperator',
      'withCoordinator',
      'assigned',
      'inProgress',
      'withContractor',
      'returnedToCoordinator',
      'suspended',
    ],
  },
  setPlannedDate: {
    realizerOwnGroup: ['inProgress', 'withContractor'],
    superSupervisor: ['forwarded', 'withCoordinator', 'assigned', 'inProgress', 'withContractor', 'returnedToCoordinator', 'suspended'],
  },
  withdrawConsent: {
    operator: ALL_NOT_DELETED,
    superSupervisor: ALL_NOT_DELETED,
    realizerOwnGroup: ['inProgress', 'withContractor', 'resolved', 'closed'],
  },
  expirePersonalData: { system: ALL_NOT_DELETED },
  delete: { superSupervisor: ALL_NOT_DELETED },
};

// ---- the generated table -----------------------------------------------------------------------
const states: CommandState[] = [
  'none',
  'awaitingPickup',
  'registered',
  'forwarded',
  'returnedToOperator',
  'withCoordinator',
  'assigned',
  'inProgress',
  'withContractor',
  'returnedToCoordinator',
  'suspended',
  'resolved',
  'closed',
  'deleted',
];
const fixtures = new Map<CommandState, Ticket | null>(
  states.map((state) => {
    if (state === 'none') return [state, null];
    const { world, number } = ticketIn(state);
    return [state, world.get(number)];
  }),
);

describe('I§4 permission table: every role × command × state', () => {
  it('the fixtures are in the states they are named after', () => {
    for (const [state, ticket] of fixtures) expect(ticket?.status ?? 'none').toBe(state);
  });

  it('the expectation covers every command', () => {
    expect(Object.keys(expected).sort()).toEqual([...commandTypes].sort());
  });

  const cases = states.flatMap((state) =>
    commandTypes.flatMap((type) =>
      (Object.keys(actors) as ActorKey[]).map((actorKey) => ({
        state,
        type,
        actorKey,
        allowed: expected[type][actorKey]?.includes(state) ?? false,
      })),
    ),
  );

  it(`covers ${cases.length} cases`, () => {
    expect(cases.length).toBe(states.length * commandTypes.length * Object.keys(actors).length);
  });

  describe.each(states)('in state %s', (state) => {
    it.each(commandTypes)('%s: allowed exactly for the expected roles, refused for everyone else', (type) => {
      const ticket = fixtures.get(state) ?? null;
      const mismatches: string[] = [];
      for (const actorKey of Object.keys(actors) as ActorKey[]) {
        const allowed = expected[type][actorKey]?.includes(state) ?? false;
        const decision = decide(ticket, sample[type], actors[actorKey], NOW, ctx());
        if (decision.ok !== allowed) {
          mismatches.push(
            `${actorKey}: expected ${allowed ? 'allowed' : 'refused'}, got ${decision.ok ? 'allowed' : `${decision.refusal.code} ${decision.refusal.message}`}`,
          );
        }
        if (!decision.ok) expect(['forbidden', 'invalidState', 'notFound']).toContain(decision.refusal.code);
        // the buttons a screen shows come from the same rules
        expect(allowedCommands(actors[actorKey], ticket, directory).includes(type), `${actorKey} allowedCommands`).toBe(allowed);
      }
      expect(mismatches).toEqual([]);
    });
  });

  it('I§4 outsiders are refused as "forbidden", not merely "invalid state"', () => {
    const ticket = fixtures.get('inProgress')!;
    for (const outsider of [
      'coordinatorSameUnitOtherGroup',
      'coordinatorOtherUnit',
      'realizerSameUnitOtherGroup',
      'realizerOtherUnit',
      'supervisorOwnUnit',
      'supervisorOtherUnit',
      'admin',
    ] as const) {
      const decision = decide(ticket, sample.resolve, actors[outsider], NOW, ctx());
      expect(decision.ok).toBe(false);
      if (!decision.ok) expect(decision.refusal.code, outsider).toBe('forbidden');
    }
  });

  it('I§4 a user holding several roles and groups may do what each of them allows', () => {
    const both = { userId: 'both1', roles: ['coordinator', 'realizer'] as const, groupIds: ['zdit-k1', 'zdit-r1'], unitIds: [] };
    const actor = { ...both, roles: [...both.roles] };
    expect(allowedCommands(actor, fixtures.get('forwarded')!, directory)).toContain('takeUp');
    expect(allowedCommands(actor, fixtures.get('assigned')!, directory)).toContain('takeUp');
    expect(allowedCommands(actor, fixtures.get('inProgress')!, directory)).toEqual(expect.arrayContaining(['resolve', 'recordAction']));
    // a group counts only with its matching role: a coordinator-only user in a realizer group is no realizer
    const coordinatorInRealizerGroup = { userId: 'x', roles: ['coordinator' as const], groupIds: ['zdit-r1'], unitIds: [] };
    expect(allowedCommands(coordinatorInRealizerGroup, fixtures.get('assigned')!, directory)).toEqual([]);
  });
});
