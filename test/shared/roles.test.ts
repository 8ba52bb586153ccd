// Roles and visibility (I§3, I§4, P§24.2, P§26): who sees which ticket, and who sees personal data.
import { describe, expect, it } from 'vitest';
import type { Actor, Status } from '../../src-shared/ticket';
import { allowedCommands, canSee, canSeePersonalData, redactEventsForActor, redactForActor } from '../../src-shared/ticket';
import { actors, directory, personal, ticketIn } from './ticket-fixtures';

const states: Status[] = [
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
const fixtures = Object.fromEntries(states.map((state) => [state, ticketIn(state)])) as Record<Status, ReturnType<typeof ticketIn>>;
const ticket = (state: Status) => fixtures[state].world.get(fixtures[state].number);
const history = (state: Status) => fixtures[state].world.streams.get(fixtures[state].number)!;
const visibleIn = (actor: Actor) => states.filter((state) => canSee(actor, ticket(state), directory));
const personalIn = (actor: Actor) => states.filter((state) => canSeePersonalData(actor, ticket(state), directory));

describe('I§4 who sees which ticket', () => {
  it('I§4.1 the admin manages configuration, not tickets: sees no ticket and may do nothing to one', () => {
    expect(visibleIn(actors.admin)).toEqual([]);
    for (const state of states) {
      expect(redactForActor(actors.admin, ticket(state), directory)).toBeNull();
      expect(allowedCommands(actors.admin, ticket(state), directory)).toEqual([]);
    }
    expect(allowedCommands(actors.admin, null, directory)).toEqual([]);
  });

  it('I§4.2 P§24.2.5 the super-supervisor sees every ticket, deleted ones too, with personal data', () => {
    expect(visibleIn(actors.superSupervisor)).toEqual(states);
    expect(personalIn(actors.superSupervisor)).toEqual(states);
  });

  it('I§4.3 P§24.2.1 P§23.1 operators see every ticket that is not deleted, with personal data', () => {
    const notDeleted = states.filter((state) => state !== 'deleted');
    expect(visibleIn(actors.operator)).toEqual(notDeleted);
    expect(personalIn(actors.operator)).toEqual(notDeleted);
  });

  it('I§4.4 P§24.2.4 a supervisor sees, read-only and without personal data, every ticket routed to their unit', () => {
    const routedToZdit = [
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
    expect(visibleIn(actors.supervisorOwnUnit)).toEqual(routedToZdit);
    expect(personalIn(actors.supervisorOwnUnit)).toEqual([]);
    expect(visibleIn(actors.supervisorOtherUnit)).toEqual([]);
    for (const state of states) expect(allowedCommands(actors.supervisorOwnUnit, ticket(state), directory)).toEqual([]);
    const seen = redactForActor(actors.supervisorOwnUnit, ticket('inProgress'), directory)!;
    expect(seen.reporter).toEqual({ wantsAnswer: true, consent: true });
    expect(JSON.stringify(seen)).not.toContain(personal.phone);
    expect(seen.subject).toBe(ticket('inProgress').subject);
  });

  it('I§4.5 P§24.2.2 a coordinator sees the tickets routed to their coordinator group; personal data while the group handles them', () => {
    const routedToK1 = [
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
    expect(visibleIn(actors.coordinatorOwnGroup)).toEqual(routedToK1);
    // returned to the operator (P§19.4.1): the group no longer handles it, so no personal data
    expect(personalIn(actors.coordinatorOwnGroup)).toEqual(routedToK1.filter((state) => state !== 'returnedToOperator'));
    expect(visibleIn(actors.coordinatorSameUnitOtherGroup)).toEqual([]);
    expect(visibleIn(actors.coordinatorOtherUnit)).toEqual([]);
  });

  it('I§4.6 P§24.2.3 a realizer sees the tickets routed to their realizer group; personal data while the group handles them', () => {
    const routedToR1 = ['assigned', 'inProgress', 'withContractor', 'returnedToCoordinator', 'suspended', 'resolved', 'closed'];
    expect(visibleIn(actors.realizerOwnGroup)).toEqual(routedToR1);
    // returned to the coordinator (P§21.2.2): the realizer group has let it go
    expect(personalIn(actors.realizerOwnGroup)).toEqual(['assigned', 'inProgress', 'withContractor', 'resolved', 'closed']);
    expect(visibleIn(actors.realizerSameUnitOtherGroup)).toEqual([]);
    expect(visibleIn(actors.realizerOtherUnit)).toEqual([]);
  });

  it('P§24.2 each role has its view: operators all, coordinators and realizers their groups, supervisors their unit, super-supervisors everything', () => {
    const inProgress = ticket('inProgress');
    const seeing = (Object.keys(actors) as (keyof typeof actors)[]).filter((key) => canSee(actors[key], inProgress, directory));
    expect(seeing.sort()).toEqual(
      ['coordinatorOwnGroup', 'operator', 'realizerOwnGroup', 'superSupervisor', 'supervisorOwnUnit', 'system'].sort(),
    );
  });

  it('I§3 a group counts only with the matching role: membership alone gives no view', () => {
    const groupWithoutRole: Actor = { userId: 'x', roles: ['supervisor'], groupIds: ['zdit-k1', 'zdit-r1'], unitIds: [] };
    expect(visibleIn(groupWithoutRole)).toEqual([]);
  });

  it('I§4 a user with several roles sees what any of them sees', () => {
    const both: Actor = { userId: 'y', roles: ['supervisor', 'realizer'], groupIds: ['zdit-r1'], unitIds: ['wgk'] };
    expect(visibleIn(both)).toEqual(visibleIn(actors.realizerOwnGroup));
  });

  it('P§26 the history is redacted the same way: no personal data for a supervisor, none for the admin', () => {
    const events = history('inProgress');
    expect(JSON.stringify(events)).toContain(personal.email);
    expect(JSON.stringify(redactEventsForActor(actors.supervisorOwnUnit, ticket('inProgress'), events, directory))).not.toContain(
      personal.email,
    );
    expect(redactEventsForActor(actors.supervisorOwnUnit, ticket('inProgress'), events, directory)).toHaveLength(events.length);
    expect(redactEventsForActor(actors.admin, ticket('inProgress'), events, directory)).toEqual([]);
    expect(redactEventsForActor(actors.realizerOwnGroup, ticket('inProgress'), events, directory)).toEqual(events);
  });

  it("P§26 a personal attachment (e.g. the web form's source message) is hidden from those without access to personal data", () => {
    const { world, number } = ticketIn('awaitingPickup');
    const webTicket = world.get(number);
    expect(webTicket.attachments.some((file) => file.personal)).toBe(true);
    const asSupervisor = redactForActor(
      { ...actors.supervisorOwnUnit, roles: ['supervisor'] },
      { ...webTicket, routedUnitIds: ['zdit'] },
      directory,
    )!;
    expect(asSupervisor.attachments.some((file) => file.personal)).toBe(false);
  });
});
