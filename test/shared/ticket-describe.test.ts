// History lines: one Polish line per event, for every kind of event, never with personal data.
import { describe, expect, it } from 'vitest';
import type { EventType, TicketEvent } from '../../src-shared/ticket';
import { actorName, describeEvent, eventsOfCommand } from '../../src-shared/ticket';
import { actors, at, directory, personal, reporterWithContact, ticketIn, World } from './ticket-fixtures';

/** A few stories that between them produce every kind of event. */
function everyKindOfEvent(): TicketEvent[] {
  const { operator, coordinatorOwnGroup: coordinator, realizerOwnGroup: realizer, superSupervisor, system } = actors;
  const events: TicketEvent[] = [];
  const collect = (world: World) => {
    for (const stream of world.streams.values()) events.push(...stream);
  };

  const web = ticketIn('awaitingPickup');
  web.world.ok(
    web.number,
    { type: 'pickUpWebForm', categoryId: 'roads', subject: 'Dziura', location: { address: 'ul. Zgierska 1' }, rpwIds: ['RPW/1/2026'] },
    operator,
  );
  web.world.ok(web.number, { type: 'editDetails', subject: 'Dziura w jezdni', reporter: reporterWithContact }, operator);
  web.world.ok(web.number, { type: 'addAttachments', attachments: [{ id: 'a', name: 'zdjęcie.jpg' }] }, operator);
  web.world.ok(web.number, { type: 'split', ownScope: 'Dziura', parts: [{ scope: 'Latarnia', addressee: 'ZDiT' }] }, operator, {
    numbers: ['2026/005001'],
  });
  web.world.ok('2026/005001', { type: 'split', ownScope: 'Latarnia', parts: [{ scope: 'Znak' }] }, operator, { numbers: ['2026/005002'] });
  web.world.ok(web.number, { type: 'closeOutOfScope', receivingEntity: 'PKP PLK S.A.' }, operator);
  web.world.ok('2026/005001', { type: 'closeHandledOutside', receivingUnitId: 'wbl' }, operator);
  web.world.ok('2026/005002', { type: 'withdrawConsent' }, operator);
  collect(web.world);

  const main = ticketIn('withCoordinator', new World(), { kind: 'interventional' });
  const n = main.number;
  main.world.ok(n, { type: 'passToCoordinatorGroup', groupId: 'zdit-k2' }, coordinator);
  main.world.ok(n, { type: 'takeUp' }, actors.coordinatorSameUnitOtherGroup);
  main.world.ok(n, { type: 'returnToOperator', rightAddressee: 'ZDiT — drogi' }, actors.coordinatorSameUnitOtherGroup);
  main.world.ok(n, { type: 'forwardToCoordinators', groupId: 'zdit-k1' }, operator);
  main.world.ok(n, { type: 'takeUp' }, coordinator);
  main.world.ok(n, { type: 'reclassify', categoryId: 'investment' }, coordinator);
  main.world.ok(n, { type: 'assignRealizerGroup', groupId: 'zdit-r1' }, coordinator);
  main.world.ok(n, { type: 'takeUp' }, realizer);
  main.world.ok(n, { type: 'returnToCoordinator', kind: 'postpone', reason: 'Zima', postponeUntil: '2026-04-01' }, realizer);
  main.world.ok(n, { type: 'suspend', reason: 'Zima', until: '2026-04-01' }, coordinator);
  main.world.ok(n, { type: 'resume', realizerGroupId: 'zdit-r1' }, coordinator);
  main.world.ok(n, { type: 'takeUp' }, realizer);
  main.world.ok(n, { type: 'recordAction', kind: 'siteVisit', note: 'Oględziny', doneAt: at(1), outage: true }, realizer);
  main.world.ok(n, { type: 'setPlannedDate', plannedOn: '2026-03-30', delayReason: 'Materiał' }, realizer);
  main.world.ok(n, { type: 'handToContractor', company: 'Drogbud', orderedAt: at(2), dueOn: '2026-03-20' }, realizer);
  main.world.ok(n, { type: 'rejectContractorWork', reason: 'Źle' }, realizer);
  main.world.ok(n, { type: 'handToContractor', company: 'Drogbud', orderedAt: at(3), dueOn: '2026-03-20' }, realizer);
  main.world.ok(n, { type: 'acceptContractorWork', completedOn: '2026-03-02' }, realizer);
  main.world.ok(n, { type: 'recordAnswerToReporter', answeredAt: at(4), how: 'email' }, realizer);
  main.world.ok(
    n,
    { type: 'sendEmail', purpose: 'forwardOutside', to: 'gddkia@example.gov.pl', subject: 'Przekazanie', body: 'W załączeniu.' },
    realizer,
  );
  main.world.ok(n, { type: 'registerFollowUp', subject: 'Pytanie', rpwId: 'RPW/9/2026' }, operator, { numbers: ['2026/005003'] });
  main.world.ok(n, { type: 'expirePersonalData' }, system);
  main.world.ok(n, { type: 'delete', reason: 'Upływ okresu przechowywania' }, superSupervisor);
  collect(main.world);

  for (const build of [
    (w: World, t: string) => w.ok(t, { type: 'resolve', outcome: 'fixed' }, realizer),
    (w: World, t: string) => w.ok(t, { type: 'closeNonInterventional', reason: 'Informacja' }, realizer),
    (w: World, t: string) => w.ok(t, { type: 'forwardExternalAndClose', receivingEntity: 'GDDKiA' }, realizer),
    (w: World, t: string) => w.ok(t, { type: 'recordInquiry', actionsDone: 'Przekazano', callerExpects: 'Naprawy' }, operator),
  ]) {
    const other = ticketIn('inProgress');
    build(other.world, other.number);
    collect(other.world);
  }
  const noticed = ticketIn('withCoordinator'); // notifyPartialCompetence is in its path
  collect(noticed.world);
  return events;
}

describe('describeEvent', () => {
  const events = everyKindOfEvent();

  it('the stories cover every kind of event', () => {
    const all = new Set(Object.values(eventsOfCommand).flat());
    const seen = new Set<EventType>(events.map((event) => event.type));
    expect([...all].filter((type) => !seen.has(type))).toEqual([]);
  });

  it('P§17.2 gives one readable Polish line per event, without personal data', () => {
    for (const event of events) {
      const line = describeEvent(event, directory);
      expect(line, event.type).toMatch(/^[A-ZŁŚŻŹĆ]/);
      expect(line, event.type).not.toMatch(/undefined|null|\[object/);
      expect(line).not.toContain('\n');
      for (const value of Object.values(personal)) expect(line).not.toContain(value);
    }
  });

  it('names groups, units and dates the way people read them', () => {
    const lines = events.map((event) => describeEvent(event, directory));
    expect(lines).toContain('Przekazano do grupy koordynatorów ZDIT-K1 (Zarząd Dróg i Transportu)');
    expect(lines).toContain('Zawieszono do 01.04.2026; przyczyna: Zima');
    expect(
      lines.some(
        (line) => line.startsWith('Wizja lokalna') && line.endsWith('(czynność wykonana w czasie awarii, wprowadzona po jej usunięciu)'),
      ),
    ).toBe(true);
  });

  it('shows who acted by name when the directory knows the user', () => {
    expect(actorName(events[0]!, { ...directory })).toBe('hub');
    const byOperator = events.find((event) => event.actorId === 'op1')!;
    expect(actorName(byOperator, directory)).toBe('Olga Operatorka');
  });
});
