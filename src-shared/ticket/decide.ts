// decide: the single authority on what may happen to a ticket. Given the ticket (or null), a
// command, who sends it, the real time and the configuration, it returns the events that record
// what happened, or a refusal. Pure: no I/O, no clock reads, never throws. The desktop runs it
// optimistically, the hub re-runs it authoritatively.
//
// Order of checks: the time and the actor are well formed → the command type is known → the
// ticket exists (or not, for creation) → permission (roles.ts) → the input (zod, commands.ts) →
// the procedure's rules on the data (below, one function per command).
import type { DecideContext, Draft } from './checks';
import {
  checkReporter,
  checkTemplate,
  classify,
  contactOf,
  contentOf,
  coordinatorGroupTarget,
  departmentRpw,
  first,
  isRefusal,
  notBefore,
  notInFuture,
  personalDataClosed,
  personalFiles,
  personalPayload,
  plainFiles,
  realizerGroupTarget,
  requireRpw,
  routingData,
  rpwDrafts,
  takeNumbers,
  warsawDay,
  withoutUndefined,
} from './checks';
import type { Command, CommandType, ValidCommand } from './commands';
import { commandSchemas, isCommandType, isCreationCommand, unfinishedDeletionReasons, type CreationCommand } from './commands';
import type { Actor, AttachmentRef, Contact, IsoDate, IsoDateTime, Ticket } from './model';
import { actorSchema, hasContact, isFinished, isoDateTimeSchema, lookup } from './model';
import type { Refusal } from './refusal';
import { invalidInput, refuse, refusalFromZod } from './refusal';
import { findInputProblem, inputProblemMessage } from '../text';
import { fieldLabel } from './labels';
import type { Capacity } from './roles';
import { checkPermission } from './roles';
import type { ContentChanges, TicketContent, TicketEvent } from './ticket-events';

export type { DecideContext } from './checks';
export { warsawDay } from './checks';

export type Decision = { ok: true; events: TicketEvent[] } | { ok: false; refusal: Refusal };

type Outcome = Refusal | Draft[];

interface Step<K extends CommandType> {
  cmd: ValidCommand<K>;
  actor: Actor;
  as: Capacity;
  now: IsoDateTime;
  /** Today in Europe/Warsaw (`YYYY-MM-DD`). */
  today: IsoDate;
  ctx: DecideContext;
}
interface TicketStep<K extends CommandType> extends Step<K> {
  ticket: Ticket;
}

/**
 * Decides a command. Every argument is checked at run time (a command from the outbox or the
 * network is untrusted): anything malformed becomes a refusal naming the field, never an exception.
 * `now` is the real time of the action (client clock, also for actions replayed after an outage).
 */
export function decide(ticket: Ticket | null, command: Command, actor: Actor, now: IsoDateTime, ctx: DecideContext): Decision {
  try {
    return decideOrRefuse(ticket, command, actor, now, ctx);
  } catch {
    // Never expected: the property tests look for it. Refusing keeps the caller's state intact.
    return {
      ok: false,
      refusal: refuse('internalError', 'Wystąpił nieoczekiwany błąd — czynność nie została zapisana. Zgłoś to administratorowi.'),
    };
  }
}

function decideOrRefuse(ticket: Ticket | null, command: unknown, actorInput: unknown, now: unknown, ctx: DecideContext): Decision {
  const refused = (refusal: Refusal): Decision => ({ ok: false, refusal });

  const time = isoDateTimeSchema.safeParse(now);
  if (!time.success) return refused(invalidInput('now', 'Nieprawidłowy czas czynności.'));
  const parsedActor = actorSchema.safeParse(actorInput, { reportInput: true });
  if (!parsedActor.success) return refused(refusalFromZod(parsedActor.error, 'actor'));
  const actor = parsedActor.data;

  const type = typeof command === 'object' && command !== null ? (command as { type?: unknown }).type : undefined;
  if (!isCommandType(type)) return refused(invalidInput('type', 'Nieznany rodzaj czynności.'));
  // Text the database cannot store is refused here, on the workstation at once and on the hub alike.
  const problem = findInputProblem(command);
  if (problem) return refused(invalidInput(problem.field, inputProblemMessage(problem, problem.field && fieldLabel(problem.field, type))));

  const creates = isCreationCommand(type);
  if (!creates && ticket === null) return refused(refuse('notFound', 'Nie znaleziono zgłoszenia.'));
  if (creates && ticket !== null) return refused(refuse('invalidState', `Zgłoszenie ${ticket.number} już istnieje.`));

  const permission = checkPermission(actor, ticket, type, ctx.directory);
  if (!permission.ok) return refused(permission.refusal);

  const parsed = commandSchemas[type].safeParse(command, { reportInput: true });
  if (!parsed.success) return refused(refusalFromZod(parsed.error, '', type));

  const step = { cmd: parsed.data, actor, as: permission.as, now: time.data, today: warsawDay(time.data), ctx };
  const outcome =
    ticket === null
      ? (creationRules[type as CreationCommand] as (s: Step<CommandType>) => Outcome)(step)
      : (ticketRules[type as TicketCommand] as (s: TicketStep<CommandType>) => Outcome)({ ...step, ticket });
  if (!Array.isArray(outcome)) return refused(outcome);

  const outage = (parsed.data as { outage?: boolean }).outage ?? false;
  const events = outcome.map(
    (draft) =>
      withoutUndefined({
        ...draft,
        ticket: draft.ticket ?? ticket?.number ?? '',
        actorId: actor.userId,
        at: time.data,
        outage,
      }) as TicketEvent,
  );
  return { ok: true, events };
}

// ---------------------------------------------------------------------------------------------
// The rules, one function per command.

type TicketCommand = Exclude<CommandType, CreationCommand>;

const creationRules: { [K in CreationCommand]: (s: Step<K>) => Outcome } = {
  // P§5.1, P§8.1, P§3.2, P§8.2
  registerTicket({ cmd, ctx, now }) {
    const classified = classify(ctx, cmd.categoryId, cmd.subcategoryId);
    if (isRefusal(classified)) return classified;
    const problem = first(
      checkReporter(cmd.reporter),
      cmd.channel === 'phone' ? checkTemplate(classified.category, cmd.templateAnswers, cmd.scriptAsked) : null,
      cmd.receivedAt ? notInFuture(cmd.receivedAt, now, 'receivedAt') : null,
    );
    if (problem) return problem;
    const numbers = takeNumbers(ctx, 1, []);
    if (isRefusal(numbers)) return numbers;
    const content: TicketContent = {
      kind: cmd.kind ?? classified.category.kind,
      channel: cmd.channel,
      categoryId: cmd.categoryId,
      subcategoryId: cmd.subcategoryId ?? null,
      subject: cmd.subject,
      description: cmd.description,
      templateAnswers: cmd.templateAnswers,
      location: cmd.location ?? null,
      wantsAnswer: cmd.reporter.wantsAnswer,
      consent: cmd.reporter.consent,
      rpwIds: [...new Set(cmd.rpwIds)],
      attachments: plainFiles(cmd.attachments),
      receivedAt: cmd.receivedAt ?? now,
    };
    const contact = contactOf(cmd.reporter);
    return [
      {
        type: 'registered',
        ticket: numbers[0],
        content,
        personal: personalPayload(hasContact(contact) ? contact : undefined, cmd.attachments),
      },
    ];
  },

  // P§4.2, P§5.1: saved automatically; an operator picks it up (P§9)
  receiveFromWebForm({ cmd, ctx }) {
    const classified = cmd.categoryId ? classify(ctx, cmd.categoryId, cmd.subcategoryId) : null;
    if (isRefusal(classified)) return classified;
    const problem = checkReporter(cmd.reporter);
    if (problem) return problem;
    const numbers = takeNumbers(ctx, 1, []);
    if (isRefusal(numbers)) return numbers;
    const content: TicketContent = {
      kind: classified?.category.kind ?? 'interventional', // the web form is for interventional reports (P§2.5)
      channel: 'web',
      categoryId: cmd.categoryId ?? null,
      subcategoryId: classified ? (cmd.subcategoryId ?? null) : null,
      subject: cmd.subject ?? cmd.description.slice(0, 100),
      description: cmd.description,
      templateAnswers: {},
      location: cmd.location ?? null,
      wantsAnswer: cmd.reporter.wantsAnswer,
      consent: cmd.reporter.consent,
      rpwIds: [],
      attachments: plainFiles(cmd.attachments),
      receivedAt: cmd.receivedAt,
    };
    return receivedForPickup(numbers[0]!, content, cmd.reporter, cmd.attachments);
  },

  // P§3.2, P§10: a message of the mailbox, picked up by an operator like a web form; classified at pickup.
  receiveFromMailbox({ cmd, ctx }) {
    const problem = checkReporter(cmd.reporter);
    if (problem) return problem;
    const numbers = takeNumbers(ctx, 1, []);
    if (isRefusal(numbers)) return numbers;
    const content: TicketContent = {
      kind: 'interventional',
      channel: 'email',
      categoryId: null,
      subcategoryId: null,
      subject: cmd.subject,
      description: cmd.description,
      templateAnswers: {},
      location: null,
      wantsAnswer: cmd.reporter.wantsAnswer,
      consent: cmd.reporter.consent,
      rpwIds: [],
      attachments: plainFiles(cmd.attachments),
      receivedAt: cmd.receivedAt,
    };
    return receivedForPickup(numbers[0]!, content, cmd.reporter, cmd.attachments);
  },
};

/** A report the hub received for an operator's pickup (web form, mailbox): the reporter's data kept as personal. */
function receivedForPickup(number: string, content: TicketContent, reporter: Contact, attachments: AttachmentRef[]): Outcome {
  const contact = contactOf(reporter);
  return [
    {
      type: 'webFormReceived',
      ticket: number,
      content,
      personal: personalPayload(hasContact(contact) ? contact : undefined, attachments),
    },
  ];
}

const ticketRules: { [K in TicketCommand]: (s: TicketStep<K>) => Outcome } = {
  // P§9: channel stays "web"; group, fields, source message, RPW id
  pickUpWebForm({ cmd, ctx, ticket }) {
    const classified = classify(ctx, cmd.categoryId, cmd.subcategoryId);
    if (isRefusal(classified)) return classified;
    const contact = cmd.reporter ? contactOf(cmd.reporter) : undefined;
    const problem = first(
      cmd.reporter ? checkReporter(cmd.reporter) : null,
      personalDataClosed(ticket, hasContact(contact) || personalFiles(cmd.attachments).length > 0, 'reporter'),
      [...ticket.attachments, ...cmd.attachments].some((file) => file.source)
        ? null
        : invalidInput('attachments', 'Dołącz do zgłoszenia wiadomość źródłową z formularza WWW (P§9.4).'),
    );
    if (problem) return problem;
    const changes: ContentChanges = withoutUndefined({
      categoryId: cmd.categoryId,
      subcategoryId: cmd.subcategoryId ?? null,
      kind: cmd.kind ?? classified.category.kind,
      subject: cmd.subject,
      description: cmd.description,
      templateAnswers: cmd.templateAnswers,
      location: cmd.location,
      wantsAnswer: cmd.reporter?.wantsAnswer,
      consent: cmd.reporter?.consent,
    });
    return [
      {
        type: 'webFormPickedUp',
        changes,
        rpwIds: [...new Set(cmd.rpwIds)].filter((id) => !ticket.rpwIds.includes(id)),
        attachments: plainFiles(cmd.attachments),
        personal: personalPayload(contact, cmd.attachments),
      },
    ];
  },

  // I§4: corrections by those who may edit the ticket
  editDetails({ cmd, ticket }) {
    const { reporter, subject, description, templateAnswers, location } = cmd;
    if ([reporter, subject, description, templateAnswers, location].every((value) => value === undefined)) {
      return refuse('invalidInput', 'Nie podano żadnych zmian.');
    }
    const contact = reporter ? contactOf(reporter) : undefined;
    const problem = first(reporter ? checkReporter(reporter) : null, personalDataClosed(ticket, hasContact(contact), 'reporter'));
    if (problem) return problem;
    const changes: ContentChanges = withoutUndefined({
      subject,
      description,
      templateAnswers,
      location,
      wantsAnswer: reporter?.wantsAnswer,
      consent: reporter?.consent,
    });
    return [contact === undefined ? { type: 'detailsEdited', changes } : { type: 'detailsEdited', changes, personal: { contact } }];
  },

  // P§8.1.5, P§9.4, P§21.1
  addAttachments({ cmd, ticket }) {
    const problem = personalDataClosed(ticket, personalFiles(cmd.attachments).length > 0, 'attachments');
    if (problem) return problem;
    return [{ type: 'attachmentsAdded', attachments: plainFiles(cmd.attachments), personal: personalPayload(undefined, cmd.attachments) }];
  },

  // P§7, P§21.2.1 (incl. to the investment tasks group)
  reclassify({ cmd, ctx, ticket }) {
    const classified = classify(ctx, cmd.categoryId, cmd.subcategoryId);
    if (isRefusal(classified)) return classified;
    const to = { categoryId: cmd.categoryId, subcategoryId: cmd.subcategoryId ?? null, kind: cmd.kind ?? classified.category.kind };
    if (to.categoryId === ticket.categoryId && to.subcategoryId === ticket.subcategoryId && to.kind === ticket.kind) {
      return invalidInput('categoryId', 'Zgłoszenie ma już tę klasyfikację.');
    }
    return [
      {
        type: 'reclassified',
        from: { categoryId: ticket.categoryId, subcategoryId: ticket.subcategoryId, kind: ticket.kind },
        to,
        investment: classified.category.investment === true,
      },
    ];
  },

  // P§6.2, P§8.1.6, P§9.5, P§13.3
  setRpwId({ cmd, ticket }) {
    if (ticket.rpwIds.includes(cmd.rpwId)) return invalidInput('rpwId', 'Ten identyfikator RPW jest już zapisany w zgłoszeniu.');
    return [{ type: 'rpwIdAdded', rpwId: cmd.rpwId }];
  },

  // P§12, P§13.1, P§13.3, P§20.1
  forwardToCoordinators({ cmd, ctx, ticket }) {
    const target = coordinatorGroupTarget(ctx, cmd.groupId);
    if (isRefusal(target)) return target;
    const recorded = routingData(ctx, ticket, target.unit, cmd);
    if (isRefusal(recorded)) return recorded;
    return [...recorded, { type: 'forwarded', groupId: target.group.id, unitId: target.unit.id }];
  },

  // P§11, P§13.2, P§20.2: every part lists all the others, also when a part is split again
  split({ cmd, ctx, ticket }) {
    const known = ticket.links.splitParts.filter((part) => part.number !== ticket.number);
    const numbers = takeNumbers(ctx, cmd.parts.length, [ticket.number, ...known.map((part) => part.number)]);
    if (isRefusal(numbers)) return numbers;
    const own = withoutUndefined({ number: ticket.number, scope: cmd.ownScope, addressee: cmd.ownAddressee });
    const fresh = cmd.parts.map((part, index) =>
      withoutUndefined({ number: numbers[index]!, scope: part.scope, addressee: part.addressee }),
    );
    // A part may be about something else than the original: its own category (P§13.2), checked like any.
    const contents: TicketContent[] = [];
    for (const [index, part] of cmd.parts.entries()) {
      const content = contentOf(ticket);
      if (part.categoryId) {
        const classified = classify(ctx, part.categoryId, part.subcategoryId);
        if (isRefusal(classified)) return { ...classified, field: `parts.${index}.${classified.field ?? 'categoryId'}` };
        content.categoryId = part.categoryId;
        content.subcategoryId = part.subcategoryId ?? null;
        content.kind = classified.category.kind;
      }
      contents.push(content);
    }
    const parts = [own, ...known, ...fresh];
    const contact = contactOf(ticket.reporter);
    const personal = personalPayload(hasContact(contact) ? contact : undefined, ticket.attachments);
    const noticeHandled = ticket.partialCompetenceNotices.some((notice) => !notice.handledAt);
    return [
      { type: 'split', ownScope: cmd.ownScope, parts, noticeHandled },
      ...fresh.map((part, index): Draft => ({
        type: 'registered',
        ticket: part.number,
        content: contents[index]!,
        personal,
        splitFrom: ticket.number,
        scope: part.scope,
        splitParts: parts,
        personalDataErased: ticket.personalDataErased ?? undefined,
      })),
      ...known.map((part): Draft => ({ type: 'splitPartsLinked', ticket: part.number, parts })),
    ];
  },

  // P§14.1, P§14.3
  closeOutOfScope({ cmd, ticket }) {
    const problem = requireRpw(
      ticket,
      cmd.rpwId,
      'Zgłoszenie spoza właściwości jednostek miasta rejestruje się w EZD — wpisz identyfikator RPW (P§14.3).',
    );
    if (problem) return problem;
    return [...rpwDrafts(ticket, cmd.rpwId), { type: 'closedOutOfScope', receivingEntity: cmd.receivingEntity, reason: cmd.reason }];
  },

  // P§15.1, P§15.4
  closeHandledOutside({ cmd, ctx, ticket }) {
    const unit = lookup(ctx.directory.units, cmd.receivingUnitId);
    if (!unit) return invalidInput('receivingUnitId', 'Nie ma takiej jednostki w konfiguracji — wybierz jednostkę z listy.');
    if (unit.worksInApp)
      return invalidInput(
        'receivingUnitId',
        `${unit.name} pracuje w aplikacji — przekaż zgłoszenie do koordynatora tej jednostki (P§13.1).`,
      );
    const problem = requireRpw(
      ticket,
      cmd.rpwId,
      'Zgłoszenie przekazywane poza aplikacją rejestruje się w EZD — wpisz identyfikator RPW (P§15.4).',
    );
    if (problem) return problem;
    return [...rpwDrafts(ticket, cmd.rpwId), { type: 'closedHandledOutside', receivingUnitId: unit.id, reason: cmd.reason }];
  },

  // P§19.1 coordinator, P§21.1 realizer
  takeUp({ as, ticket }) {
    return as === 'ticketCoordinator'
      ? [{ type: 'takenUp', as: 'coordinator', groupId: ticket.coordinatorGroupId ?? '' }]
      : [{ type: 'takenUp', as: 'realizer', groupId: ticket.realizerGroupId ?? '' }];
  },

  // P§19.2, P§19.4.4
  assignRealizerGroup({ cmd, ctx, ticket }) {
    const group = realizerGroupTarget(ctx, ticket, cmd.groupId, 'groupId');
    if (isRefusal(group)) return group;
    return [{ type: 'realizerGroupAssigned', groupId: group.id }];
  },

  // P§19.4.1 (the 2-working-day limit is the calendar's clock)
  returnToOperator({ cmd, ticket }) {
    return [{ type: 'returnedToOperator', fromGroupId: ticket.coordinatorGroupId, rightAddressee: cmd.rightAddressee, reason: cmd.reason }];
  },

  // P§19.4.2
  notifyPartialCompetence({ cmd, now }) {
    const problem = notInFuture(cmd.notifiedAt, now, 'notifiedAt');
    if (problem) return problem;
    return [
      { type: 'partialCompetenceNotified', how: cmd.how, notifiedAt: cmd.notifiedAt, part: cmd.part, otherAddressee: cmd.otherAddressee },
    ];
  },

  // P§19.4.3
  passToCoordinatorGroup({ cmd, ctx, ticket }) {
    const target = coordinatorGroupTarget(ctx, cmd.groupId);
    if (isRefusal(target)) return target;
    if (target.group.unitId !== ticket.unitId) {
      return invalidInput(
        'groupId',
        'Do grupy koordynatorów innej jednostki zgłoszenie wraca przez operatora — zwróć je do operatora, wskazując właściwego adresata (P§19.4.1).',
      );
    }
    if (target.group.id === ticket.coordinatorGroupId) return invalidInput('groupId', 'Zgłoszenie jest już w tej grupie koordynatorów.');
    return [{ type: 'passedToCoordinatorGroup', fromGroupId: ticket.coordinatorGroupId, groupId: target.group.id, unitId: target.unit.id }];
  },

  // P§19.3
  suspend({ cmd, today }) {
    const problem = notBefore(cmd.until, today, 'until', 'Termin zawieszenia nie może być wcześniejszy niż dzisiaj (P§19.3).');
    if (problem) return problem;
    return [{ type: 'suspended', reason: cmd.reason, until: cmd.until }];
  },

  // P§19.3
  resume({ cmd, ctx, ticket }) {
    if (cmd.realizerGroupId === undefined) return [{ type: 'resumed', realizerGroupId: null }];
    const group = realizerGroupTarget(ctx, ticket, cmd.realizerGroupId, 'realizerGroupId');
    if (isRefusal(group)) return group;
    return [{ type: 'resumed', realizerGroupId: group.id }];
  },

  // P§21.2.2
  returnToCoordinator({ cmd, ticket, today }) {
    if (cmd.kind === 'postpone' && !cmd.postponeUntil) {
      return invalidInput('postponeUntil', 'Podaj termin, do którego realizacja zgłoszenia ma zostać odłożona (P§21.2.2).');
    }
    const problem = cmd.postponeUntil
      ? notBefore(
          cmd.postponeUntil,
          today,
          'postponeUntil',
          'Termin odłożenia realizacji nie może być wcześniejszy niż dzisiaj (P§21.2.2).',
        )
      : null;
    if (problem) return problem;
    return [
      {
        type: 'returnedToCoordinator',
        fromGroupId: ticket.realizerGroupId,
        kind: cmd.kind,
        reason: cmd.reason,
        postponeUntil: cmd.postponeUntil,
      },
    ];
  },

  // P§21.2.1 (kind checked in roles.ts: only a non-interventional ticket is closed this way)
  closeNonInterventional({ cmd, ctx, ticket }) {
    const problem = departmentRpw(ctx, ticket);
    if (problem) return problem;
    return [{ type: 'closedNonInterventional', reason: cmd.reason }];
  },

  // P§21.2.3
  handToContractor({ cmd, now }) {
    const problem = first(
      notInFuture(cmd.orderedAt, now, 'orderedAt'),
      notBefore(
        cmd.dueOn,
        warsawDay(cmd.orderedAt),
        'dueOn',
        'Termin realizacji nie może być wcześniejszy niż dzień zlecenia prac (P§21.2.3).',
      ),
    );
    if (problem) return problem;
    return [{ type: 'handedToContractor', company: cmd.company, orderedAt: cmd.orderedAt, dueOn: cmd.dueOn }];
  },

  // P§21.2.4: acceptance ends handling
  acceptContractorWork({ cmd, ctx, ticket, today }) {
    const order = ticket.contractorOrders.at(-1);
    const problem = first(
      cmd.completedOn > today ? invalidInput('completedOn', 'Rzeczywisty termin realizacji nie może być w przyszłości (P§21.2.4).') : null,
      order
        ? notBefore(
            cmd.completedOn,
            warsawDay(order.orderedAt),
            'completedOn',
            'Prace nie mogły zostać wykonane przed ich zleceniem (P§21.2.4).',
          )
        : null,
      departmentRpw(ctx, ticket),
    );
    if (problem) return problem;
    return [{ type: 'contractorWorkAccepted', completedOn: cmd.completedOn }];
  },

  // P§21.2.4: back to work
  rejectContractorWork({ cmd }) {
    return [{ type: 'contractorWorkRejected', reason: cmd.reason }];
  },

  // P§21.2.5
  resolve({ cmd, ctx, ticket, today }) {
    if (cmd.outcome === 'notToBeDone' && !cmd.reason) {
      return invalidInput('reason', 'Podaj przyczynę, z powodu której zgłoszenie nie zostanie zrealizowane (P§21.2.5).');
    }
    const completedOn = cmd.outcome === 'fixed' ? (cmd.completedOn ?? today) : undefined;
    const problem = first(
      completedOn && completedOn > today ? invalidInput('completedOn', 'Termin realizacji nie może być w przyszłości.') : null,
      departmentRpw(ctx, ticket),
    );
    if (problem) return problem;
    return [{ type: 'resolved', outcome: cmd.outcome, reason: cmd.reason, completedOn }];
  },

  // P§21.3
  forwardExternalAndClose({ cmd, ctx, ticket }) {
    const problem = departmentRpw(ctx, ticket, cmd.rpwId);
    if (problem) return problem;
    return [...rpwDrafts(ticket, cmd.rpwId), { type: 'forwardedExternalAndClosed', receivingEntity: cmd.receivingEntity, note: cmd.note }];
  },

  // P§16.3, P§22, P§14.2
  recordAnswerToReporter({ cmd, now }) {
    const problem = notInFuture(cmd.answeredAt, now, 'answeredAt');
    if (problem) return problem;
    return [{ type: 'answerRecorded', answeredAt: cmd.answeredAt, how: cmd.how, summary: cmd.summary }];
  },

  // P§14.1–P§14.2, P§15.2–P§15.3, P§16.3
  sendEmail({ cmd, ticket, now }) {
    const toReporter = cmd.purpose !== 'forwardOutside';
    if (toReporter && cmd.to) return invalidInput('to', 'E-mail do zgłaszającego idzie na adres, który podał — nie wpisuj innego.');
    if (toReporter && !ticket.reporter.email)
      return invalidInput(
        'purpose',
        ticket.personalDataErased
          ? 'Dane zgłaszającego zostały usunięte (P§27.1).'
          : 'Zgłaszający nie podał adresu e-mail — odpowiedz inną drogą.',
      );
    if (!toReporter && !cmd.to) return invalidInput('to', 'Podaj adres e-mail jednostki lub podmiotu, do którego przekazujesz zgłoszenie.');
    return [
      { type: 'emailSent', purpose: cmd.purpose, ...(cmd.to ? { to: cmd.to } : {}), subject: cmd.subject, body: cmd.body },
      // P§17.2.8: an answer by e-mail is the answer.
      ...(cmd.purpose === 'answer'
        ? [{ type: 'answerRecorded' as const, answeredAt: now, how: 'email' as const, summary: cmd.subject }]
        : []),
    ];
  },

  // P§23.3.1 (unfinished tickets: the state is checked in roles.ts)
  recordInquiry({ cmd, now, ticket }) {
    const inquiredAt = cmd.inquiredAt ?? now;
    const problem =
      notInFuture(inquiredAt, now, 'inquiredAt') ??
      (cmd.caller ? (checkReporter(cmd.caller, 'caller') ?? personalDataClosed(ticket, hasContact(cmd.caller), 'caller')) : null);
    if (problem) return problem;
    const caller =
      cmd.caller && hasContact(cmd.caller)
        ? { callerWantsAnswer: cmd.caller.wantsAnswer, personal: { contact: contactOf(cmd.caller) } }
        : {};
    return [{ type: 'inquiryRecorded', inquiredAt, actionsDone: cmd.actionsDone, callerExpects: cmd.callerExpects, ...caller }];
  },

  // P§23.3.2: a new ticket linked to the finished one, forwarded to the competent coordinator
  registerFollowUp({ cmd, ctx, ticket, now }) {
    const groupId = cmd.groupId ?? ticket.coordinatorGroupId;
    if (!groupId) return invalidInput('groupId', 'Wskaż grupę koordynatorów właściwą do rozpatrzenia zapytania (P§23.3.2).');
    const target = coordinatorGroupTarget(ctx, groupId);
    if (isRefusal(target)) return target;
    const inquiredAt = cmd.inquiredAt ?? now;
    const problem = first(cmd.reporter ? checkReporter(cmd.reporter) : null, notInFuture(inquiredAt, now, 'inquiredAt'));
    if (problem) return problem;
    const numbers = takeNumbers(ctx, 1, [ticket.number]);
    if (isRefusal(numbers)) return numbers;
    const number = numbers[0]!;
    const content: TicketContent = {
      kind: 'inquiry',
      channel: 'phone', // status inquiries come by phone (P§23.1)
      categoryId: ticket.categoryId,
      subcategoryId: ticket.subcategoryId,
      subject: cmd.subject,
      description: cmd.description,
      templateAnswers: {},
      location: ticket.location,
      wantsAnswer: cmd.reporter?.wantsAnswer ?? false,
      consent: cmd.reporter?.consent ?? false,
      rpwIds: cmd.rpwId ? [cmd.rpwId] : [],
      attachments: [],
      receivedAt: inquiredAt,
    };
    const routed = routingData(ctx, content, target.unit, { obreb: cmd.obreb, dzialka: cmd.dzialka });
    if (isRefusal(routed)) return routed;
    const contact = cmd.reporter ? contactOf(cmd.reporter) : undefined;
    return [
      { type: 'followUpRegistered', followUpNumber: number },
      {
        type: 'registered',
        ticket: number,
        content,
        personal: personalPayload(hasContact(contact) ? contact : undefined, []),
        followUpOf: ticket.number,
      },
      ...routed.map((draft) => ({ ...draft, ticket: number })),
      { type: 'forwarded', ticket: number, groupId: target.group.id, unitId: target.unit.id },
    ];
  },

  // P§17.2.2, P§31.2 (the real time of the action, also after an outage)
  recordAction({ cmd, now }) {
    const problem = notInFuture(cmd.doneAt, now, 'doneAt');
    if (problem) return problem;
    return [{ type: 'actionRecorded', kind: cmd.kind, note: cmd.note, doneAt: cmd.doneAt }];
  },

  // P§18.2: a planned date always with the reason for the delay
  setPlannedDate({ cmd, today }) {
    const problem = notBefore(
      cmd.plannedOn,
      today,
      'plannedOn',
      'Planowany termin zakończenia nie może być wcześniejszy niż dzisiaj (P§18.2).',
    );
    if (problem) return problem;
    return [{ type: 'plannedDateSet', plannedOn: cmd.plannedOn, delayReason: cmd.delayReason }];
  },

  // P§27.1: consent withdrawn — erased here and in the other parts of a split report (same reporter)
  withdrawConsent({ ticket }) {
    const linked = [...ticket.links.splitParts.map((part) => part.number), ticket.links.splitFrom].filter(
      (number): number is string => !!number && number !== ticket.number,
    );
    return [ticket.number, ...new Set(linked)].map((number): Draft => ({
      type: 'personalDataErased',
      ticket: number,
      basis: 'consentWithdrawn',
    }));
  },

  // P§27.1: the retention period is over (the retention job decides when)
  expirePersonalData() {
    return [{ type: 'personalDataErased', basis: 'retentionExpired' }];
  },

  // P§27.2, P§28: a finished ticket goes when its retention is over; an unfinished one only for a reason of the short list
  delete({ cmd, ticket }) {
    if (!isFinished(ticket.status) && !(Object.values(unfinishedDeletionReasons) as string[]).includes(cmd.reason)) {
      return invalidInput(
        'reason',
        `Niezakończone zgłoszenie usuwa się tylko z powodu: ${Object.values(unfinishedDeletionReasons).join(', ')} (P§28).`,
      );
    }
    return [{ type: 'deleted', reason: cmd.reason }];
  },
};
