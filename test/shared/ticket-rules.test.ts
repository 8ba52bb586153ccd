// The procedure, rule by rule: each test names the rule it proves (grep "P§19.4.1" test/).
// Deadline arithmetic (P§4.3, P§16.2, P§18.1, P§19.4.1's two days) is the calendar's; here we
// prove the state and data side: the times those clocks need are recorded.
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src-shared/ticket';
import { currentAssigneeId, decide, describeEvent, makeDirectory } from '../../src-shared/ticket';
import {
  actors,
  at,
  ctx,
  directory,
  expectOk,
  expectRefused,
  personal,
  phoneRegistration,
  reporterWithContact,
  ticketIn,
  World,
} from './ticket-fixtures';

const { operator, system, superSupervisor, coordinatorOwnGroup: coordinator, realizerOwnGroup: realizer } = actors;

describe('Intake (P§3–P§10)', () => {
  it('P§3.1 P§3.2 P§10 every ticket records its channel: phone, web form, e-mail, EZD', () => {
    const world = new World();
    for (const channel of ['phone', 'email', 'ezd', 'other'] as const) {
      const number = world.ok(null, phoneRegistration({ channel }), operator);
      expect(world.get(number).channel).toBe(channel);
    }
    const { world: web, number } = ticketIn('awaitingPickup');
    expect(web.get(number).channel).toBe('web');
  });

  it('P§3.2 an e-mail ticket keeps the time it reached the office, earlier than its registration', () => {
    const world = new World();
    const number = world.ok(null, phoneRegistration({ channel: 'email', receivedAt: at(-600) }), operator, { now: at(5) });
    expect(world.get(number).times).toMatchObject({ receivedAt: at(-600), registeredAt: at(5) });
    expectRefused(decide(null, phoneRegistration({ receivedAt: at(60) }), operator, at(5), ctx()), 'invalidInput', 'receivedAt');
  });

  it('P§5.1 web-form tickets are saved automatically by the intake, waiting for an operator', () => {
    const { world, number } = ticketIn('awaitingPickup');
    const ticket = world.get(number);
    expect(ticket.status).toBe('awaitingPickup');
    expect(ticket.reporter.email).toBe(personal.email);
    expect(ticket.times.receivedAt).toBe(at(0));
    // only the intake saves web forms; operators register by hand
    const webForm: Command = {
      type: 'receiveFromWebForm',
      description: 'Zniszczona ławka',
      reporter: { wantsAnswer: false, consent: false },
      receivedAt: at(0),
    };
    expectRefused(decide(null, webForm, operator, at(1), ctx()), 'forbidden');
    expectRefused(decide(null, phoneRegistration(), system, at(1), ctx()), 'forbidden');
  });

  it('P§4.2 the web form is accepted at any hour, on days off too (the intake is never closed)', () => {
    const sundayNight = '2026-03-08T02:30:00.000Z';
    const webForm: Command = {
      type: 'receiveFromWebForm',
      description: 'Powalone drzewo',
      reporter: { wantsAnswer: false, consent: false },
      receivedAt: sundayNight,
    };
    expectOk(decide(null, webForm, system, sundayNight, ctx()));
  });

  describe('P§5.2 snow and ice on roads, cycle paths and pavements are not registered', () => {
    it('P§5.2 phone registration is refused with a message saying where the caller is sent', () => {
      const refusal = expectRefused(
        decide(null, phoneRegistration({ categoryId: 'snow', subcategoryId: undefined }), operator, at(1), {
          ...ctx(),
          snowIceReferral: 'tel. 42 638 40 00',
        }),
        'snowIce',
        'categoryId',
      );
      expect(refusal.message).toContain('Wydziału Gospodarki Komunalnej');
      expect(refusal.message).toContain('zaśnieżonych lub oblodzonych');
      expect(refusal.message).toContain('skieruj tam zgłaszającego');
      expect(refusal.message).toContain('tel. 42 638 40 00');
    });

    it('P§5.2 a snow subcategory is refused as well, and so is the web form', () => {
      expectRefused(decide(null, phoneRegistration({ subcategoryId: 'icyPavement' }), operator, at(1), ctx()), 'snowIce', 'subcategoryId');
      const webForm: Command = {
        type: 'receiveFromWebForm',
        categoryId: 'snow',
        description: 'Ślisko',
        reporter: { wantsAnswer: false, consent: false },
        receivedAt: at(0),
      };
      expectRefused(decide(null, webForm, system, at(1), ctx()), 'snowIce', 'categoryId');
    });

    it('P§5.2 the rule follows the category flag, not a category id', () => {
      const roadsAreSnow = makeDirectory({
        units: Object.values(directory.units),
        groups: Object.values(directory.groups),
        categories: Object.values(directory.categories).map((category) =>
          category.id === 'roads' ? { ...category, refuseAs: 'snowIce' as const } : category,
        ),
      });
      expectRefused(
        decide(null, phoneRegistration(), operator, at(1), { directory: roadsAreSnow, newTicketNumbers: ['2026/000777'] }),
        'snowIce',
      );
      expectOk(
        decide(null, phoneRegistration({ categoryId: 'waste', subcategoryId: undefined, templateAnswers: {} }), operator, at(1), ctx()),
      );
    });

    it('P§5.2 a ticket cannot be reclassified into snow and ice either', () => {
      const { world, number } = ticketIn('inProgress');
      expectRefused(world.run(number, { type: 'reclassify', categoryId: 'snow' }, realizer), 'snowIce');
    });
  });

  it('P§6.2 in an office department the realizer enters the RPW id before handling ends', () => {
    const world = new World();
    const number = world.ok(null, phoneRegistration({ categoryId: 'waste', subcategoryId: undefined, templateAnswers: {} }), operator);
    world.ok(number, { type: 'forwardToCoordinators', groupId: 'wgk-k' }, operator); // no RPW needed for a department (P§13.3 is for agencies)
    const wgkCoordinator = { userId: 'cw', roles: ['coordinator' as const], groupIds: ['wgk-k'], unitIds: [] };
    const wgkRealizer = { userId: 'rw', roles: ['realizer' as const], groupIds: ['wgk-r'], unitIds: [] };
    world.ok(number, { type: 'takeUp' }, wgkCoordinator);
    world.ok(number, { type: 'assignRealizerGroup', groupId: 'wgk-r' }, wgkCoordinator);
    world.ok(number, { type: 'takeUp' }, wgkRealizer);
    const refusal = expectRefused(world.run(number, { type: 'resolve', outcome: 'fixed' }, wgkRealizer), 'invalidInput', 'rpwId');
    expect(refusal.message).toContain('RPW');
    world.ok(number, { type: 'setRpwId', rpwId: 'RPW/555/2026' }, wgkRealizer);
    world.ok(number, { type: 'resolve', outcome: 'fixed' }, wgkRealizer);
    expect(world.get(number)).toMatchObject({ status: 'resolved', rpwIds: ['RPW/555/2026'] });
  });

  it('P§7 every ticket is classified by the dictionary of categories and subcategories', () => {
    expectRefused(decide(null, phoneRegistration({ categoryId: 'nope' }), operator, at(1), ctx()), 'invalidInput', 'categoryId');
    expectRefused(decide(null, phoneRegistration({ subcategoryId: 'nope' }), operator, at(1), ctx()), 'invalidInput', 'subcategoryId');
    const world = new World();
    const number = world.ok(null, phoneRegistration(), operator);
    expect(world.get(number)).toMatchObject({ categoryId: 'roads', subcategoryId: 'pothole', kind: 'interventional' });
  });

  describe('P§8 phone registration', () => {
    it('P§8.1 the operator records the template answers, subject, channel, category, attachments and RPW id', () => {
      const world = new World();
      const number = world.ok(
        null,
        phoneRegistration({
          templateAnswers: { damageSize: '40 cm', lane: 'prawy' },
          attachments: [{ id: 'f1', name: 'notatka.pdf' }],
          rpwIds: ['RPW/10/2026'],
        }),
        operator,
      );
      expect(world.get(number)).toMatchObject({
        subject: 'Ubytek w jezdni',
        channel: 'phone',
        categoryId: 'roads',
        templateAnswers: { damageSize: '40 cm', lane: 'prawy' },
        attachments: [{ id: 'f1', name: 'notatka.pdf' }],
        rpwIds: ['RPW/10/2026'],
        location: { address: 'ul. Piotrkowska 100, Łódź', lat: 51.76, lon: 19.46 },
      });
    });

    it('P§8.1.1 P§34 on the phone the minimal information the unit defined for the category is required', () => {
      const refusal = expectRefused(
        decide(null, phoneRegistration({ templateAnswers: { lane: 'lewy' } }), operator, at(1), ctx()),
        'invalidInput',
        'templateAnswers.damageSize',
      );
      expect(refusal.message).toContain('Wielkość ubytku');
      // a written report (e-mail) carries what the resident wrote; the template is not enforced
      expectOk(decide(null, phoneRegistration({ channel: 'email', templateAnswers: {} }), operator, at(1), ctx()));
    });

    it('P§8.1.1 a call taken with the script as it was is saved though the admin added a required question since', () => {
      // The operator was asked only `lane` (the script before `damageSize` became part of it).
      expectOk(decide(null, phoneRegistration({ templateAnswers: { lane: 'lewy' }, scriptAsked: ['lane'] }), operator, at(1), ctx()));
      // A question that was on the script when the call began stays required.
      expectRefused(
        decide(null, phoneRegistration({ templateAnswers: {}, scriptAsked: ['damageSize'] }), operator, at(1), ctx()),
        'invalidInput',
        'templateAnswers.damageSize',
      );
    });

    it('P§8.1.2 a reporter who wants an answer leaves contact data, recorded in the ticket', () => {
      expectRefused(
        decide(null, phoneRegistration({ reporter: { wantsAnswer: true, consent: true, name: 'Jan' } }), operator, at(1), ctx()),
        'invalidInput',
        'reporter',
      );
      const world = new World();
      const number = world.ok(null, phoneRegistration(), operator);
      expect(world.get(number).reporter).toEqual({ wantsAnswer: true, consent: true, ...personal });
    });

    it('P§8.2 the ticket number exists at once, from the numbers allocated to the workstation', () => {
      const events = expectOk(decide(null, phoneRegistration(), operator, at(1), ctx(['2026/012345'])));
      expect(events[0]).toMatchObject({ type: 'registered', ticket: '2026/012345' });
      const refusal = expectRefused(decide(null, phoneRegistration(), operator, at(1), { directory }), 'invalidInput', 'number');
      expect(refusal.message).toContain('numer');
    });
  });

  it('P§9 the operator picks up a web form: category, fields, source message, RPW id', () => {
    const { world, number } = ticketIn('awaitingPickup');
    world.ok(
      number,
      {
        type: 'pickUpWebForm',
        categoryId: 'roads',
        subcategoryId: 'pothole',
        subject: 'Ubytek w jezdni — ul. Zgierska',
        templateAnswers: { damageSize: 'ok. 1 m' },
        location: { address: 'ul. Zgierska 12' },
        rpwIds: ['RPW/77/2026'],
      },
      operator,
      { now: at(30) },
    );
    expect(world.get(number)).toMatchObject({
      status: 'registered',
      channel: 'web',
      categoryId: 'roads',
      subject: 'Ubytek w jezdni — ul. Zgierska',
      templateAnswers: { damageSize: 'ok. 1 m' },
      location: { address: 'ul. Zgierska 12' },
      rpwIds: ['RPW/77/2026'],
      times: { pickedUpAt: at(30), receivedAt: at(0) },
    });
    expect(world.get(number).attachments).toContainEqual(expect.objectContaining({ id: 'src-1', source: true }));
  });

  it('P§9 P§4.3 a web form without its source message cannot be picked up; the time of pickup is recorded', () => {
    const world = new World();
    const number = world.ok(
      null,
      { type: 'receiveFromWebForm', description: 'Dziura', reporter: { wantsAnswer: false, consent: false }, receivedAt: at(0) },
      system,
    );
    expectRefused(
      world.run(number, { type: 'pickUpWebForm', categoryId: 'roads', subject: 'Dziura' }, operator),
      'invalidInput',
      'attachments',
    );
    world.ok(
      number,
      { type: 'pickUpWebForm', categoryId: 'roads', subject: 'Dziura', attachments: [{ id: 'eml', name: 'wiadomość.eml', source: true }] },
      operator,
      { now: at(900) },
    );
    expect(world.get(number).times.pickedUpAt).toBe(at(900));
  });
});

describe('Routing (P§11–P§15, P§20)', () => {
  it('P§11 a report of several events is split so that one ticket is one event; parts keep the receipt time', () => {
    const { world, number } = ticketIn('registered', new World(), { kind: 'interventional' });
    const decision = world.run(
      number,
      {
        type: 'split',
        ownScope: 'Ubytek w jezdni',
        parts: [
          { scope: 'Uszkodzona latarnia', addressee: 'ZDiT — oświetlenie' },
          { scope: 'Przepełniony kosz', addressee: 'WGK' },
        ],
      },
      operator,
      { numbers: ['2026/000501', '2026/000502'] },
    );
    expectOk(decision);
    for (const part of ['2026/000501', '2026/000502']) {
      const ticket = world.get(part);
      expect(ticket).toMatchObject({ status: 'registered', subject: 'Ubytek w jezdni', links: { splitFrom: number } });
      expect(ticket.times.receivedAt).toBe(world.get(number).times.receivedAt); // P§18.1 counts from receipt
      expect(ticket.reporter.phone).toBe(personal.phone);
    }
    expectRefused(
      world.run(number, { type: 'split', ownScope: 'x', parts: [{ scope: 'y' }] }, operator, { numbers: [] }),
      'invalidInput',
      'number',
    );
  });

  it('P§13.2 a part about something else gets its own category on the split form; a snow category is refused for the part', () => {
    const { world, number } = ticketIn('registered');
    world.ok(
      number,
      { type: 'split', ownScope: 'Ubytek w jezdni', parts: [{ scope: 'Połamane krzewy', addressee: 'ZZM', categoryId: 'greenery' }] },
      operator,
      { numbers: ['2026/000701'] },
    );
    expect(world.get('2026/000701')).toMatchObject({ categoryId: 'greenery', subcategoryId: null });
    expect(world.get(number).categoryId).toBe('roads');
    expectRefused(
      world.run(number, { type: 'split', ownScope: 'x', parts: [{ scope: 'lód', categoryId: 'snow' }] }, operator, {
        numbers: ['2026/000702'],
      }),
      'snowIce',
      'parts.0.categoryId',
    );
  });

  it('P§13.2 each part names its scope and lists the other addressees', () => {
    const { world, number } = ticketIn('registered');
    world.ok(
      number,
      {
        type: 'split',
        ownScope: 'Ubytek w jezdni',
        ownAddressee: 'ZDiT — drogi',
        parts: [{ scope: 'Uszkodzona latarnia', addressee: 'ZDiT — oświetlenie' }],
      },
      operator,
      { numbers: ['2026/000601'] },
    );
    const original = world.get(number);
    const part = world.get('2026/000601');
    expect(original.links.scope).toBe('Ubytek w jezdni');
    expect(part.links.scope).toBe('Uszkodzona latarnia');
    const others = (ticket: typeof part) => ticket.links.splitParts.filter((p) => p.number !== ticket.number);
    expect(others(original)).toEqual([{ number: '2026/000601', scope: 'Uszkodzona latarnia', addressee: 'ZDiT — oświetlenie' }]);
    expect(others(part)).toEqual([{ number, scope: 'Ubytek w jezdni', addressee: 'ZDiT — drogi' }]);
  });

  it('P§12.1 P§13.1 the operator forwards to the coordinator group of the competent unit working in the app', () => {
    const { world, number } = ticketIn('registered');
    world.ok(number, { type: 'forwardToCoordinators', groupId: 'zdit-k1', rpwId: 'RPW/1/2026' }, operator, { now: at(20) });
    expect(world.get(number)).toMatchObject({
      status: 'forwarded',
      unitId: 'zdit',
      coordinatorGroupId: 'zdit-k1',
      routedUnitIds: ['zdit'],
      routedGroupIds: ['zdit-k1'],
      times: { forwardedAt: at(20), handedToGroupAt: at(20), takenUpAt: null },
    });
  });

  it('P§13.1 not to a realizer group, and not to a unit that does not work in the app', () => {
    const { world, number } = ticketIn('registered');
    expectRefused(
      world.run(number, { type: 'forwardToCoordinators', groupId: 'zdit-r1', rpwId: 'R' }, operator),
      'invalidInput',
      'groupId',
    );
    const refusal = expectRefused(
      world.run(number, { type: 'forwardToCoordinators', groupId: 'mopr-k', rpwId: 'R' }, operator),
      'invalidInput',
      'groupId',
    );
    expect(refusal.message).toContain('P§15.4');
    expectRefused(world.run(number, { type: 'forwardToCoordinators', groupId: 'nope' }, operator), 'invalidInput', 'groupId');
  });

  it('P§12.2 where the category needs it, the precinct (obręb) and plot (działka) are recorded before routing', () => {
    const world = new World();
    const number = world.ok(null, phoneRegistration({ categoryId: 'greenery', subcategoryId: undefined, templateAnswers: {} }), operator);
    expectRefused(world.run(number, { type: 'forwardToCoordinators', groupId: 'wgk-k' }, operator), 'invalidInput', 'obreb');
    expectRefused(
      world.run(number, { type: 'forwardToCoordinators', groupId: 'wgk-k', obreb: 'B-12' }, operator),
      'invalidInput',
      'dzialka',
    );
    world.ok(number, { type: 'forwardToCoordinators', groupId: 'wgk-k', obreb: 'B-12', dzialka: '154/3' }, operator);
    expect(world.get(number).location).toMatchObject({ address: 'ul. Piotrkowska 100, Łódź', obreb: 'B-12', dzialka: '154/3' });
  });

  it('P§13.3 forwarding to a city agency needs an RPW id; to an office department it does not', () => {
    const { world, number } = ticketIn('registered');
    const refusal = expectRefused(
      world.run(number, { type: 'forwardToCoordinators', groupId: 'zdit-k1' }, operator),
      'invalidInput',
      'rpwId',
    );
    expect(refusal.message).toContain('Zarząd Dróg i Transportu');
    world.ok(number, { type: 'setRpwId', rpwId: 'RPW/12345/2026' }, operator);
    world.ok(number, { type: 'forwardToCoordinators', groupId: 'zdit-k1' }, operator);
    const other = world.ok(null, phoneRegistration({ categoryId: 'waste', subcategoryId: undefined, templateAnswers: {} }), operator);
    world.ok(other, { type: 'forwardToCoordinators', groupId: 'wgk-k' }, operator);
  });

  it("P§14 P§14.3 outside the city's competence: closed as out of scope with the RPW id and the receiving entity", () => {
    const { world, number } = ticketIn('registered');
    expectRefused(world.run(number, { type: 'closeOutOfScope', receivingEntity: 'PKP PLK S.A.' }, operator), 'invalidInput', 'rpwId');
    expectRefused(
      world.run(number, { type: 'closeOutOfScope', rpwId: 'RPW/9/2026' } as Command, operator),
      'invalidInput',
      'receivingEntity',
    );
    world.ok(
      number,
      { type: 'closeOutOfScope', receivingEntity: 'PKP PLK S.A.', rpwId: 'RPW/9/2026', reason: 'Wiadukt kolejowy' },
      operator,
      { now: at(50) },
    );
    expect(world.get(number)).toMatchObject({
      status: 'closed',
      rpwIds: ['RPW/9/2026'],
      outcome: { kind: 'outOfScope', receivingEntity: 'PKP PLK S.A.', reason: 'Wiadukt kolejowy', at: at(50), by: 'op1' },
      times: { closedAt: at(50) },
    });
  });

  it('P§14.2 the operator records that the reporter was told where the ticket went', () => {
    const { world, number } = ticketIn('registered');
    world.ok(number, { type: 'closeOutOfScope', receivingEntity: 'PKP PLK S.A.', rpwId: 'RPW/9/2026' }, operator);
    world.ok(number, { type: 'recordAnswerToReporter', answeredAt: at(60), how: 'email', summary: 'Przekazano do PKP PLK' }, operator, {
      now: at(61),
    });
    expect(world.get(number).answers).toEqual([
      { answeredAt: at(60), how: 'email', summary: 'Przekazano do PKP PLK', by: 'op1', recordedAt: at(61) },
    ]);
  });

  it('P§15 P§15.4 a unit that does not work in the app: closed as handled outside it, with the RPW id and the unit', () => {
    const { world, number } = ticketIn('registered');
    expectRefused(
      world.run(number, { type: 'closeHandledOutside', receivingUnitId: 'zdit', rpwId: 'R/1' }, operator),
      'invalidInput',
      'receivingUnitId',
    );
    expectRefused(world.run(number, { type: 'closeHandledOutside', receivingUnitId: 'wbl' }, operator), 'invalidInput', 'rpwId');
    world.ok(number, { type: 'closeHandledOutside', receivingUnitId: 'wbl', rpwId: 'RPW/33/2026' }, operator);
    expect(world.get(number)).toMatchObject({
      status: 'closed',
      outcome: { kind: 'handledOutside', receivingUnitId: 'wbl' },
      rpwIds: ['RPW/33/2026'],
    });
  });

  it('P§20.1 the operator re-checks a returned ticket and routes it to the right addressee', () => {
    const { world, number } = ticketIn('returnedToOperator');
    world.ok(number, { type: 'forwardToCoordinators', groupId: 'wgk-k' }, operator);
    expect(world.get(number)).toMatchObject({
      status: 'forwarded',
      coordinatorGroupId: 'wgk-k',
      unitId: 'wgk',
      routedUnitIds: ['zdit', 'wgk'],
    });
  });

  it('P§20.2 on a partial-competence notice the operator splits the ticket; the original stays with its coordinator', () => {
    const { world, number } = ticketIn('assigned');
    world.ok(
      number,
      { type: 'split', ownScope: 'Ubytek w jezdni', parts: [{ scope: 'Uszkodzona latarnia', addressee: 'ZDiT — oświetlenie' }] },
      operator,
      { numbers: ['2026/000701'] },
    );
    expect(world.get(number)).toMatchObject({ status: 'assigned', coordinatorGroupId: 'zdit-k1' });
    expect(world.get(number).partialCompetenceNotices.every((notice) => notice.handledAt !== null)).toBe(true);
    world.ok('2026/000701', { type: 'forwardToCoordinators', groupId: 'zdit-k2' }, operator);
    expect(world.get('2026/000701').status).toBe('forwarded');
  });

  it("P§20.2 a forwarded ticket is not split without the coordinator's notice", () => {
    const { world, number } = ticketIn('forwarded');
    const refusal = expectRefused(world.run(number, { type: 'split', ownScope: 'a', parts: [{ scope: 'b' }] }, operator), 'invalidState');
    expect(refusal.message).toContain('P§20.2');
  });
});

describe('Handling (P§16–P§21)', () => {
  it('P§16.2 the times the reaction clock needs are recorded: handed to the group, taken up', () => {
    const { world, number } = ticketIn('forwarded');
    const forwardedAt = world.get(number).times.handedToGroupAt;
    world.ok(number, { type: 'takeUp' }, coordinator, { now: at(300) });
    expect(world.get(number).times).toMatchObject({ handedToGroupAt: forwardedAt, takenUpAt: at(300) });
    world.ok(number, { type: 'assignRealizerGroup', groupId: 'zdit-r1' }, coordinator, { now: at(310) });
    expect(world.get(number).times).toMatchObject({ handedToGroupAt: at(310), takenUpAt: null });
    world.ok(number, { type: 'takeUp' }, realizer, { now: at(400) });
    expect(world.get(number).times.takenUpAt).toBe(at(400));
  });

  it('P§16.3 P§22 the realizer records that the reporter was answered, when and how', () => {
    const { world, number } = ticketIn('inProgress');
    world.ok(
      number,
      { type: 'recordAnswerToReporter', answeredAt: at(200), how: 'letter', summary: 'Naprawa w przyszłym tygodniu' },
      realizer,
      { now: at(210) },
    );
    expect(world.get(number).answers).toEqual([
      { answeredAt: at(200), how: 'letter', summary: 'Naprawa w przyszłym tygodniu', by: 're1', recordedAt: at(210) },
    ]);
    expectRefused(
      world.run(number, { type: 'recordAnswerToReporter', answeredAt: at(9999), how: 'phone' }, realizer, { now: at(211) }),
      'invalidInput',
      'answeredAt',
    );
  });

  it('P§17.2 the ticket and its history show who handles it, every action, the stage, dates, delay, reasons and answers', () => {
    const { world, number } = ticketIn('inProgress', new World(), { kind: 'interventional' });
    world.ok(number, { type: 'recordAction', kind: 'consultation', note: 'Konsultacja z MPK', doneAt: at(1) }, realizer);
    world.ok(number, { type: 'recordAction', kind: 'siteVisit', note: 'Wizja lokalna', doneAt: at(2) }, coordinator);
    world.ok(number, { type: 'recordAction', kind: 'arrangement', note: 'Uzgodnienie z konserwatorem', doneAt: at(3) }, realizer);
    world.ok(number, { type: 'setPlannedDate', plannedOn: '2026-03-25', delayReason: 'Oczekiwanie na asfalt' }, realizer);
    world.ok(number, { type: 'recordAnswerToReporter', answeredAt: at(4), how: 'phone' }, realizer);
    world.ok(number, { type: 'resolve', outcome: 'notToBeDone', reason: 'Jezdnia w planie przebudowy' }, realizer);
    const ticket = world.get(number);
    expect(ticket.coordinatorId).toBe('co1'); // 1) who handles it
    expect(ticket.realizerId).toBe('re1');
    expect(currentAssigneeId(ticket)).toBe('re1');
    expect(ticket.actions.map((action) => action.kind)).toEqual(['consultation', 'siteVisit', 'arrangement']); // 2)
    expect(ticket.status).toBe('resolved'); // 3) the stage
    expect(ticket.times.resolvedAt).not.toBeNull(); // 4) 5) when, and so whether on time (the calendar compares with receivedAt)
    expect(ticket.plannedCompletion).toMatchObject({ plannedOn: '2026-03-25', delayReason: 'Oczekiwanie na asfalt' }); // 6)
    expect(ticket.outcome).toMatchObject({ kind: 'notToBeDone', reason: 'Jezdnia w planie przebudowy' }); // 7)
    expect(ticket.answers[0]).toMatchObject({ answeredAt: at(4), how: 'phone' }); // 8)
    const history = world.streams.get(number)!;
    expect(history.every((event) => event.actorId && event.at)).toBe(true);
    expect(history.map((event) => describeEvent(event, directory))).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Konsultacja'),
        expect.stringContaining('Wizja lokalna'),
        expect.stringContaining('Uzgodnienie'),
        expect.stringContaining('Planowany termin zakończenia: 25.03.2026'),
        expect.stringContaining('Udzielono odpowiedzi'),
        expect.stringContaining('nie zostanie zrealizowane'),
      ]),
    );
  });

  it('P§18.1 the receipt time (start of the 10-working-day limit) is kept, and the kind says whether it applies', () => {
    const { world, number } = ticketIn('inProgress', new World(), { kind: 'interventional' });
    expect(world.get(number)).toMatchObject({ kind: 'interventional', times: { receivedAt: world.streams.get(number)![0]!.at } });
  });

  it('P§18.2 a planned completion date always comes with the reason for the delay, and is not in the past', () => {
    const { world, number } = ticketIn('inProgress');
    expectRefused(
      world.run(number, { type: 'setPlannedDate', plannedOn: '2026-03-20' } as Command, realizer),
      'invalidInput',
      'delayReason',
    );
    expectRefused(
      world.run(number, { type: 'setPlannedDate', delayReason: 'Brak materiału' } as Command, realizer),
      'invalidInput',
      'plannedOn',
    );
    expectRefused(
      world.run(number, { type: 'setPlannedDate', plannedOn: '2026-02-01', delayReason: 'x' }, realizer),
      'invalidInput',
      'plannedOn',
    );
    world.ok(number, { type: 'setPlannedDate', plannedOn: '2026-03-20', delayReason: 'Brak materiału' }, realizer);
    expect(world.get(number).plannedCompletion).toMatchObject({ plannedOn: '2026-03-20', delayReason: 'Brak materiału', by: 're1' });
  });

  it('P§19.1 the coordinator of the group takes the ticket up; nobody else does', () => {
    const { world, number } = ticketIn('forwarded');
    expectRefused(world.run(number, { type: 'takeUp' }, actors.coordinatorSameUnitOtherGroup), 'forbidden');
    expectRefused(world.run(number, { type: 'takeUp' }, operator), 'forbidden');
    world.ok(number, { type: 'takeUp' }, coordinator);
    expect(world.get(number)).toMatchObject({ status: 'withCoordinator', coordinatorId: 'co1' });
  });

  it('P§19.2 P§19.4.4 the coordinator passes the ticket to a realizer group of the same unit', () => {
    const { world, number } = ticketIn('withCoordinator');
    expectRefused(world.run(number, { type: 'assignRealizerGroup', groupId: 'wgk-r' }, coordinator), 'invalidInput', 'groupId');
    expectRefused(world.run(number, { type: 'assignRealizerGroup', groupId: 'zdit-k2' }, coordinator), 'invalidInput', 'groupId');
    world.ok(number, { type: 'assignRealizerGroup', groupId: 'zdit-r2' }, coordinator);
    expect(world.get(number)).toMatchObject({ status: 'assigned', realizerGroupId: 'zdit-r2', coordinatorGroupId: 'zdit-k1' });
  });

  it('P§19.3 the coordinator suspends a ticket the realizer returned, with a reason and an until-date, and resumes it', () => {
    const { world, number } = ticketIn('returnedToCoordinator');
    expectRefused(world.run(number, { type: 'suspend', until: '2026-04-01' } as Command, coordinator), 'invalidInput', 'reason');
    expectRefused(world.run(number, { type: 'suspend', reason: 'Zima' } as Command, coordinator), 'invalidInput', 'until');
    expectRefused(world.run(number, { type: 'suspend', reason: 'Zima', until: '2026-01-01' }, coordinator), 'invalidInput', 'until');
    world.ok(number, { type: 'suspend', reason: 'Prace możliwe po zimie', until: '2026-04-15' }, coordinator);
    expect(world.get(number)).toMatchObject({
      status: 'suspended',
      suspension: { reason: 'Prace możliwe po zimie', until: '2026-04-15', by: 'co1' },
    });
    world.ok(number, { type: 'resume', realizerGroupId: 'zdit-r1' }, coordinator);
    expect(world.get(number)).toMatchObject({ status: 'assigned', suspension: null, realizerGroupId: 'zdit-r1' });
  });

  it('P§19.3 only a ticket returned by the realizer is suspended; resuming without a group goes back to the coordinator', () => {
    const { world, number } = ticketIn('withCoordinator');
    expectRefused(world.run(number, { type: 'suspend', reason: 'x', until: '2026-04-01' }, coordinator), 'invalidState');
    const suspended = ticketIn('suspended');
    suspended.world.ok(suspended.number, { type: 'resume' }, coordinator);
    expect(suspended.world.get(suspended.number)).toMatchObject({ status: 'withCoordinator', suspension: null });
  });

  it('P§19.4.1 coordinator returns to operator naming the right addressee', () => {
    const { world, number } = ticketIn('withCoordinator');
    expectRefused(
      world.run(number, { type: 'returnToOperator', reason: 'Nie nasze' } as Command, coordinator),
      'invalidInput',
      'rightAddressee',
    );
    world.ok(
      number,
      { type: 'returnToOperator', rightAddressee: 'Zarząd Zieleni Miejskiej', reason: 'Drzewo w pasie zieleni' },
      coordinator,
      { now: at(500) },
    );
    const ticket = world.get(number);
    expect(ticket).toMatchObject({ status: 'returnedToOperator', coordinatorGroupId: null, unitId: null });
    expect(ticket.returns.at(-1)).toEqual({
      to: 'operator',
      at: at(500),
      by: 'co1',
      fromGroupId: 'zdit-k1',
      reason: 'Drzewo w pasie zieleni',
      rightAddressee: 'Zarząd Zieleni Miejskiej',
    });
    expect(ticket.times.forwardedAt).not.toBeNull(); // the 2-working-day limit counts from here (calendar)
  });

  it('P§19.4.2 the coordinator tells the operator that part belongs elsewhere, recording how and when', () => {
    const { world, number } = ticketIn('forwarded');
    world.ok(number, { type: 'takeUp' }, coordinator);
    expectRefused(
      world.run(
        number,
        { type: 'notifyPartialCompetence', how: 'fax', notifiedAt: at(1), part: 'a', otherAddressee: 'b' } as unknown as Command,
        coordinator,
      ),
      'invalidInput',
      'how',
    );
    world.ok(
      number,
      { type: 'notifyPartialCompetence', how: 'email', notifiedAt: at(3), part: 'Znak drogowy', otherAddressee: 'ZDiT — oznakowanie' },
      coordinator,
    );
    expect(world.get(number).partialCompetenceNotices).toEqual([
      { how: 'email', notifiedAt: at(3), part: 'Znak drogowy', otherAddressee: 'ZDiT — oznakowanie', by: 'co1', handledAt: null },
    ]);
  });

  it('P§19.4.3 the coordinator passes it to another coordinator group of the same unit only', () => {
    const { world, number } = ticketIn('withCoordinator');
    const refusal = expectRefused(
      world.run(number, { type: 'passToCoordinatorGroup', groupId: 'wgk-k' }, coordinator),
      'invalidInput',
      'groupId',
    );
    expect(refusal.message).toContain('P§19.4.1');
    expectRefused(world.run(number, { type: 'passToCoordinatorGroup', groupId: 'zdit-k1' }, coordinator), 'invalidInput', 'groupId');
    world.ok(number, { type: 'passToCoordinatorGroup', groupId: 'zdit-k2' }, coordinator);
    expect(world.get(number)).toMatchObject({ status: 'forwarded', coordinatorGroupId: 'zdit-k2', coordinatorId: null });
    world.ok(number, { type: 'takeUp' }, actors.coordinatorSameUnitOtherGroup);
    expectRefused(world.run(number, { type: 'recordAction', kind: 'other', note: 'x', doneAt: at(1) }, coordinator), 'forbidden');
  });

  it('P§21.1 the realizer of the group takes the ticket up and is recorded as handling it', () => {
    const { world, number } = ticketIn('assigned');
    expectRefused(world.run(number, { type: 'takeUp' }, actors.realizerSameUnitOtherGroup), 'forbidden');
    world.ok(number, { type: 'takeUp' }, realizer);
    expect(world.get(number)).toMatchObject({ status: 'inProgress', realizerId: 're1' });
    world.ok(number, { type: 'addAttachments', attachments: [{ id: 'letter-1', name: 'pismo do zgłaszającego.pdf' }] }, realizer);
  });

  it('P§21.2.1 an investment request is reclassified to the investment group', () => {
    const { world, number } = ticketIn('inProgress', new World(), { kind: 'interventional' });
    const events = expectOk(world.run(number, { type: 'reclassify', categoryId: 'investment' }, realizer));
    expect(events[0]).toMatchObject({ type: 'reclassified', investment: true, to: { categoryId: 'investment', kind: 'informational' } });
    expect(describeEvent(events[0]!, directory)).toContain('grupa zadań inwestycyjnych');
  });

  it('P§21.2.1 only a non-interventional ticket is closed as such, with the reason', () => {
    const { world, number } = ticketIn('inProgress', new World(), { kind: 'interventional' });
    expectRefused(world.run(number, { type: 'closeNonInterventional', reason: 'Prośba o informację' }, realizer), 'invalidState');
    world.ok(number, { type: 'reclassify', categoryId: 'info' }, realizer);
    expectRefused(world.run(number, { type: 'closeNonInterventional' } as Command, realizer), 'invalidInput', 'reason');
    world.ok(number, { type: 'closeNonInterventional', reason: 'Prośba o informację, odpowiedź pismem' }, realizer);
    expect(world.get(number)).toMatchObject({
      status: 'closed',
      outcome: { kind: 'nonInterventional', reason: 'Prośba o informację, odpowiedź pismem' },
    });
  });

  it('P§21.2.2 the realizer returns it to the coordinator with the reason and, to postpone, the date', () => {
    const { world, number } = ticketIn('inProgress');
    expectRefused(
      world.run(number, { type: 'returnToCoordinator', kind: 'postpone', reason: 'Zima' }, realizer),
      'invalidInput',
      'postponeUntil',
    );
    expectRefused(world.run(number, { type: 'returnToCoordinator', kind: 'postpone' } as Command, realizer), 'invalidInput', 'reason');
    world.ok(number, { type: 'returnToCoordinator', kind: 'postpone', reason: 'Zima', postponeUntil: '2026-04-10' }, realizer);
    expect(world.get(number)).toMatchObject({ status: 'returnedToCoordinator', realizerGroupId: null, realizerId: null });
    expect(world.get(number).returns.at(-1)).toMatchObject({
      to: 'coordinator',
      kind: 'postpone',
      reason: 'Zima',
      postponeUntil: '2026-04-10',
      fromGroupId: 'zdit-r1',
    });
    const other = ticketIn('inProgress');
    other.world.ok(other.number, { type: 'returnToCoordinator', kind: 'notOurs', reason: 'Teren prywatny' }, realizer);
    expect(other.world.get(other.number).returns.at(-1)).toMatchObject({ kind: 'notOurs', reason: 'Teren prywatny' });
  });

  it('P§21.2.3 the realizer marks it handed to a contractor: company, when ordered, due date', () => {
    const { world, number } = ticketIn('inProgress');
    expectRefused(
      world.run(number, { type: 'handToContractor', company: 'Drogbud', orderedAt: at(1) } as Command, realizer),
      'invalidInput',
      'dueOn',
    );
    expectRefused(
      world.run(number, { type: 'handToContractor', company: 'Drogbud', orderedAt: at(1), dueOn: '2026-02-01' }, realizer),
      'invalidInput',
      'dueOn',
    );
    world.ok(number, { type: 'handToContractor', company: 'Drogbud sp. z o.o.', orderedAt: at(60), dueOn: '2026-03-12' }, realizer, {
      now: at(61),
    });
    expect(world.get(number)).toMatchObject({
      status: 'withContractor',
      contractorOrders: [{ company: 'Drogbud sp. z o.o.', orderedAt: at(60), dueOn: '2026-03-12', state: 'ordered' }],
    });
  });

  it("P§21.2.4 accepting the contractor's work gives the actual completion date and ends handling", () => {
    const { world, number } = ticketIn('withContractor');
    expectRefused(world.run(number, { type: 'acceptContractorWork' } as Command, realizer), 'invalidInput', 'completedOn');
    expectRefused(world.run(number, { type: 'acceptContractorWork', completedOn: '2026-12-31' }, realizer), 'invalidInput', 'completedOn');
    world.ok(number, { type: 'acceptContractorWork', completedOn: '2026-03-02' }, realizer);
    expect(world.get(number)).toMatchObject({
      status: 'resolved',
      outcome: { kind: 'contractorAccepted', completedOn: '2026-03-02' },
      contractorOrders: [{ state: 'accepted', completedOn: '2026-03-02' }],
    });
  });

  it("P§21.2.4 rejecting the contractor's work needs a reason and sends the ticket back to work", () => {
    const { world, number } = ticketIn('withContractor');
    expectRefused(world.run(number, { type: 'rejectContractorWork' } as Command, realizer), 'invalidInput', 'reason');
    world.ok(number, { type: 'rejectContractorWork', reason: 'Nawierzchnia nierówna' }, realizer);
    expect(world.get(number)).toMatchObject({
      status: 'inProgress',
      contractorOrders: [{ state: 'rejected', rejectionReason: 'Nawierzchnia nierówna' }],
    });
    world.ok(number, { type: 'handToContractor', company: 'Asfalt-Pol', orderedAt: at(world.minute), dueOn: '2026-03-20' }, realizer);
    expect(world.get(number).contractorOrders.map((order) => order.state)).toEqual(['rejected', 'ordered']);
  });

  it('P§21.2.5 resolved as fixed, or as not to be done with the reason', () => {
    const fixed = ticketIn('inProgress');
    fixed.world.ok(fixed.number, { type: 'resolve', outcome: 'fixed', completedOn: '2026-03-01' }, realizer, { now: at(70) });
    expect(fixed.world.get(fixed.number)).toMatchObject({
      status: 'resolved',
      outcome: { kind: 'fixed', completedOn: '2026-03-01' },
      times: { resolvedAt: at(70) },
    });
    const notDone = ticketIn('inProgress');
    expectRefused(notDone.world.run(notDone.number, { type: 'resolve', outcome: 'notToBeDone' }, realizer), 'invalidInput', 'reason');
    notDone.world.ok(notDone.number, { type: 'resolve', outcome: 'notToBeDone', reason: 'Zgłaszającemu udzielono odpowiedzi' }, realizer);
    expect(notDone.world.get(notDone.number).outcome).toMatchObject({ kind: 'notToBeDone', reason: 'Zgłaszającemu udzielono odpowiedzi' });
  });

  it('P§21.3 the competent entity is outside the city: forwarded there, recorded and closed', () => {
    const { world, number } = ticketIn('inProgress');
    expectRefused(world.run(number, { type: 'forwardExternalAndClose' } as Command, realizer), 'invalidInput', 'receivingEntity');
    world.ok(
      number,
      { type: 'forwardExternalAndClose', receivingEntity: 'Generalna Dyrekcja Dróg Krajowych i Autostrad', note: 'Droga krajowa' },
      realizer,
    );
    expect(world.get(number)).toMatchObject({
      status: 'closed',
      outcome: { kind: 'forwardedExternal', receivingEntity: 'Generalna Dyrekcja Dróg Krajowych i Autostrad' },
    });
  });
});

describe('Status information (P§22–P§23)', () => {
  it('P§23.1 the operator answers status questions from the ticket data, which they see in full', async () => {
    const { redactForActor } = await import('../../src-shared/ticket');
    const { world, number } = ticketIn('inProgress');
    expect(redactForActor(operator, world.get(number), directory)).toEqual(world.get(number));
  });

  it('P§23.3.1 an inquiry about an unfinished ticket is noted: what was done, what the caller expects', () => {
    const { world, number } = ticketIn('assigned');
    expectRefused(world.run(number, { type: 'recordInquiry', actionsDone: 'x' } as Command, operator), 'invalidInput', 'callerExpects');
    world.ok(
      number,
      { type: 'recordInquiry', actionsDone: 'Przekazano do realizatora ZDiT', callerExpects: 'Naprawy przed weekendem', inquiredAt: at(4) },
      operator,
    );
    expect(world.get(number).inquiries).toEqual([
      { inquiredAt: at(4), actionsDone: 'Przekazano do realizatora ZDiT', callerExpects: 'Naprawy przed weekendem', by: 'op1' },
    ]);
    const finished = ticketIn('resolved');
    const refusal = expectRefused(
      finished.world.run(finished.number, { type: 'recordInquiry', actionsDone: 'a', callerExpects: 'b' }, operator),
      'invalidState',
    );
    expect(refusal.message).toContain('rozwiązane');
  });

  it("P§23.3.1 P§26.2 another resident calling about the same event leaves contact with consent; it is personal data like the reporter's", async () => {
    const { redactForActor } = await import('../../src-shared/ticket');
    const { world, number } = ticketIn('assigned');
    const caller = { wantsAnswer: true, consent: true, name: 'Adam Drugi', phone: '700 800 900' };
    expectRefused(
      world.run(number, { type: 'recordInquiry', actionsDone: 'a', callerExpects: 'b', caller: { ...caller, consent: false } }, operator),
      'invalidInput',
      'caller.consent',
    );
    expectRefused(
      world.run(
        number,
        { type: 'recordInquiry', actionsDone: 'a', callerExpects: 'b', caller: { wantsAnswer: true, consent: true } },
        operator,
      ),
      'invalidInput',
      'caller',
    );
    world.ok(
      number,
      { type: 'recordInquiry', actionsDone: 'Zgłoszenie już w realizacji', callerExpects: 'Informacji o naprawie', caller },
      operator,
    );
    expect(world.get(number).inquiries.at(-1)).toMatchObject({
      callerWantsAnswer: true,
      callerContact: { name: 'Adam Drugi', phone: '700 800 900' },
    });
    // Supervisors read the ticket without it (P§26).
    expect(JSON.stringify(redactForActor(actors.supervisorOwnUnit, world.get(number), directory))).not.toContain('700 800 900');
    world.ok(number, { type: 'withdrawConsent' }, operator);
    expect(JSON.stringify([world.get(number), world.streams.get(number)])).not.toContain('700 800 900');
    expect(world.replayed(number)).toEqual(world.get(number));
  });

  it('P§23.3.2 an inquiry about a finished ticket becomes a new ticket linked to it, forwarded to the coordinator', () => {
    const { world, number } = ticketIn('resolved');
    expectRefused(world.run(number, { type: 'registerFollowUp', subject: 'Pytanie' }, operator), 'invalidInput', 'rpwId'); // ZDiT is an agency (P§13.3)
    world.ok(
      number,
      { type: 'registerFollowUp', subject: 'Dziura wróciła', rpwId: 'RPW/700/2026', reporter: reporterWithContact },
      operator,
      { numbers: ['2026/000801'] },
    );
    expect(world.get(number).links.followUps).toEqual(['2026/000801']);
    expect(world.get('2026/000801')).toMatchObject({
      kind: 'inquiry',
      status: 'forwarded',
      coordinatorGroupId: 'zdit-k1',
      categoryId: 'roads',
      links: { followUpOf: number },
      rpwIds: ['RPW/700/2026'],
      reporter: { email: personal.email },
    });
    const open = ticketIn('inProgress');
    expectRefused(open.world.run(open.number, { type: 'registerFollowUp', subject: 'x', rpwId: 'R' }, operator), 'invalidState');
  });
});

describe('Personal data (P§26–P§28)', () => {
  it('P§26.1 a ticket needs no personal data', () => {
    const world = new World();
    const number = world.ok(null, phoneRegistration({ reporter: { wantsAnswer: false, consent: false } }), operator);
    expect(world.get(number).reporter).toEqual({ wantsAnswer: false, consent: false });
  });

  it("P§26.2 personal data is recorded only as given on the reporter's own initiative (consent)", () => {
    const refusal = expectRefused(
      decide(null, phoneRegistration({ reporter: { ...personal, wantsAnswer: false, consent: false } }), operator, at(1), ctx()),
      'invalidInput',
      'reporter.consent',
    );
    expect(refusal.message).toContain('własnej inicjatywy');
  });

  it('P§27.1 withdrawing consent erases the personal data from the ticket and from its history', () => {
    const { world, number } = ticketIn('inProgress');
    world.ok(number, { type: 'addAttachments', attachments: [{ id: 'scan', name: 'skan dowodu.pdf', personal: true }] }, realizer);
    expect(JSON.stringify(world.streams.get(number))).toContain(personal.email);
    world.ok(number, { type: 'withdrawConsent' }, operator);
    const ticket = world.get(number);
    expect(ticket.reporter).toEqual({ wantsAnswer: true, consent: false });
    expect(ticket.attachments.find((file) => file.id === 'scan')).toBeUndefined();
    expect(ticket.personalDataErased).toMatchObject({ basis: 'consentWithdrawn' });
    const everything = JSON.stringify([ticket, world.streams.get(number)]);
    for (const value of [...Object.values(personal), 'skan dowodu.pdf']) expect(everything).not.toContain(value);
    expect(world.replayed(number)).toEqual(ticket);
  });

  it('P§27.1 after withdrawal no personal data is written into the ticket again', () => {
    const { world, number } = ticketIn('inProgress');
    world.ok(number, { type: 'withdrawConsent' }, operator);
    expectRefused(world.run(number, { type: 'editDetails', reporter: reporterWithContact }, operator), 'invalidState', 'reporter');
    expectRefused(world.run(number, { type: 'withdrawConsent' }, operator), 'invalidState');
  });

  it('P§27.1 P§11 withdrawal reaches the other parts of a split report (same reporter)', () => {
    const { world, number } = ticketIn('registered');
    world.ok(number, { type: 'split', ownScope: 'a', parts: [{ scope: 'b' }] }, operator, { numbers: ['2026/000901'] });
    world.ok('2026/000901', { type: 'withdrawConsent' }, operator);
    for (const each of [number, '2026/000901']) {
      expect(JSON.stringify([world.get(each), world.streams.get(each)])).not.toContain(personal.phone);
    }
  });

  it("P§27.1 when the retention period is over, the hub's retention job erases personal data", () => {
    const { world, number } = ticketIn('resolved');
    expectRefused(world.run(number, { type: 'expirePersonalData' }, operator), 'forbidden');
    world.ok(number, { type: 'expirePersonalData' }, system);
    expect(world.get(number).personalDataErased).toMatchObject({ basis: 'retentionExpired' });
    expect(JSON.stringify(world.streams.get(number))).not.toContain(personal.name);
  });

  it('P§27.2 P§28 the super-supervisor deletes tickets; nobody else does; a deleted ticket takes no more commands', () => {
    const { world, number } = ticketIn('resolved');
    for (const actor of [operator, coordinator, realizer, actors.supervisorOwnUnit, actors.admin]) {
      expectRefused(world.run(number, { type: 'delete', reason: 'x' }, actor), 'forbidden');
    }
    expectRefused(world.run(number, { type: 'delete' } as Command, superSupervisor), 'invalidInput', 'reason');
    world.ok(number, { type: 'delete', reason: 'Upływ okresu przechowywania' }, superSupervisor);
    expect(world.get(number)).toMatchObject({ status: 'deleted', deleted: { by: 'ss1', reason: 'Upływ okresu przechowywania' } });
    expectRefused(world.run(number, { type: 'recordAnswerToReporter', answeredAt: at(1), how: 'phone' }, operator), 'invalidState');
    expectRefused(world.run(number, { type: 'delete', reason: 'x' }, superSupervisor), 'invalidState');
  });

  it('P§27.3 a deleted ticket keeps no personal data but its statistics fields, for the aggregate record', () => {
    const { world, number } = ticketIn('deleted');
    const ticket = world.get(number);
    expect(ticket).toMatchObject({
      categoryId: 'roads',
      kind: 'informational',
      channel: 'phone',
      outcome: { kind: 'fixed' },
      unitId: 'zdit',
    });
    expect(ticket.times.resolvedAt).not.toBeNull();
    expect(JSON.stringify([ticket, world.streams.get(number)])).not.toContain(personal.email);
  });
});

describe('Outage (P§29–P§32)', () => {
  it('P§32 a ticket received during an outage is registered afterwards with its real receipt time and the outage flag', () => {
    const world = new World();
    const number = world.ok(
      null,
      { ...phoneRegistration({ receivedAt: at(-120), rpwIds: ['RPW/31/2026'] }), outage: true } as Command,
      operator,
      { now: at(0) },
    );
    expect(world.get(number)).toMatchObject({ capturedDuringOutage: true, rpwIds: ['RPW/31/2026'], times: { receivedAt: at(-120) } });
    expect(describeEvent(world.streams.get(number)![0]!, directory)).toContain('w czasie awarii');
  });

  it('P§31.2 after recovery every action is entered with the time it was taken', () => {
    const { world, number } = ticketIn('inProgress');
    world.ok(number, { type: 'recordAction', kind: 'siteVisit', note: 'Wizja w czasie awarii', doneAt: at(-30), outage: true }, realizer, {
      now: at(200),
    });
    const event = world.streams.get(number)!.at(-1)!;
    expect(event).toMatchObject({ type: 'actionRecorded', doneAt: at(-30), outage: true, actorId: 're1' });
    expectRefused(
      world.run(number, { type: 'recordAction', kind: 'other', note: 'x', doneAt: at(9999) }, realizer, { now: at(201) }),
      'invalidInput',
      'doneAt',
    );
  });
});

describe('the event store contract', () => {
  it('P§27.2 P§11 an event reaching a deleted part of a split report changes nothing and is not stored', async () => {
    const { applyEvents, ticketsTouchedBy } = await import('../../src-shared/ticket');
    const { world, number } = ticketIn('registered');
    world.ok(number, { type: 'split', ownScope: 'a', parts: [{ scope: 'b' }] }, operator, { numbers: ['2026/000951'] });
    world.ok('2026/000951', { type: 'delete', reason: 'Duplikat' }, superSupervisor);
    expect(ticketsTouchedBy(world.get(number))).toEqual([number, '2026/000951']);
    const events = expectOk(world.run(number, { type: 'withdrawConsent' }, operator));
    expect(events.map((event) => event.ticket)).toEqual([number, '2026/000951']);
    expect(world.streams.get('2026/000951')!.at(-1)!.type).toBe('deleted');
    const notLoaded = applyEvents(new Map(), events);
    expect([...notLoaded.missing]).toEqual([number, '2026/000951']);
  });
});

describe('decide is pure', () => {
  it('the same input gives the same answer, and the ticket passed in is not changed', () => {
    const { world, number } = ticketIn('inProgress');
    const ticket = world.get(number);
    const copy = structuredClone(ticket);
    const command: Command = { type: 'resolve', outcome: 'fixed' };
    const first = decide(ticket, command, realizer, at(300), ctx(['2026/000999']));
    const second = decide(ticket, command, realizer, at(300), ctx(['2026/000999']));
    expect(first).toEqual(second);
    expect(ticket).toEqual(copy);
  });
});
