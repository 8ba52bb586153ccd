// Checks shared by the rules in decide.ts: each rule of the procedure that several commands
// need is written once here.
import type {
  AttachmentRef,
  Category,
  Contact,
  Directory,
  Group,
  IsoDate,
  IsoDateTime,
  Location,
  Subcategory,
  Ticket,
  Unit,
} from './model';
import { contactFields, hasContact, isPersonalFile, lookup, ticketNumberSchema } from './model';
import type { Refusal } from './refusal';
import { invalidInput, refuse } from './refusal';
import type { EventBase, PersonalPayload, TicketContent, TicketEvent } from './ticket-events';

/** What decide needs from configuration and from the caller. */
export interface DecideContext {
  /** Units, groups and categories (the admin's configuration). */
  directory: Directory;
  /**
   * Numbers already allocated (from the workstation's leased block, or the hub's sequence) for the
   * tickets this command creates, used in order: registerTicket / receiveFromWebForm /
   * registerFollowUp take one, split one per new part. Store them with the mutation so a replay
   * decides with the same numbers.
   */
  newTicketNumbers?: readonly string[];
  /** Where callers about snow and ice are sent (e.g. the winter service's phone), added to the P§5.2 message. */
  snowIceReferral?: string;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event before who / when / outage are stamped on; `ticket` defaults to the command's ticket. */
export type Draft = DistributiveOmit<TicketEvent, keyof EventBase> & { ticket?: string };

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'code' in value && 'message' in value;

const warsawDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The calendar day of a moment in Europe/Warsaw. */
export const warsawDay = (moment: IsoDateTime): IsoDate => warsawDayFormat.format(new Date(moment));

export function notInFuture(moment: IsoDateTime, now: IsoDateTime, field: string): Refusal | null {
  return Date.parse(moment) > Date.parse(now) ? invalidInput(field, 'Podany czas nie może być późniejszy niż chwila zapisu.') : null;
}
export function notBefore(day: IsoDate, earliest: IsoDate, field: string, message: string): Refusal | null {
  return day < earliest ? invalidInput(field, message) : null;
}

/** P§5.2 message: snow and ice are taken by the municipal economy department, not the app. */
function snowIceRefusal(ctx: DecideContext, field: string): Refusal {
  const referral = ctx.snowIceReferral ? ` Kontakt: ${ctx.snowIceReferral.trim().replace(/\.$/, '')}.` : '';
  return refuse(
    'snowIce',
    'Zgłoszeń dotyczących zaśnieżonych lub oblodzonych dróg, ścieżek rowerowych i chodników nie rejestruje się w aplikacji (P§5.2). ' +
      'Przyjmują je bezpośrednio pracownicy Wydziału Gospodarki Komunalnej w Departamencie Pracy, Edukacji i Kultury Urzędu Miasta Łodzi — skieruj tam zgłaszającego.' +
      referral,
    field,
  );
}

/** P§7: the category (and subcategory) exist; P§5.2: and are not snow / ice. */
export function classify(
  ctx: DecideContext,
  categoryId: string,
  subcategoryId: string | undefined,
): Refusal | { category: Category; subcategory: Subcategory | null } {
  const category = lookup(ctx.directory.categories, categoryId);
  if (!category) return invalidInput('categoryId', 'Nieznana kategoria zgłoszenia (P§7).');
  const subcategory = subcategoryId === undefined ? null : (category.subcategories ?? []).find((sub) => sub.id === subcategoryId);
  if (subcategory === undefined) return invalidInput('subcategoryId', 'Ta podkategoria nie należy do wybranej kategorii (P§7).');
  if (category.refuseAs === 'snowIce') return snowIceRefusal(ctx, 'categoryId');
  if (subcategory?.refuseAs === 'snowIce') return snowIceRefusal(ctx, 'subcategoryId');
  return { category, subcategory };
}

interface ReporterInput extends Contact {
  wantsAnswer: boolean;
  consent: boolean;
}

/** P§8.1.2: who wants an answer leaves contact data; P§26.2: personal data only with consent. */
export function checkReporter(reporter: ReporterInput, field = 'reporter'): Refusal | null {
  if (reporter.wantsAnswer && !(reporter.phone || reporter.email || reporter.postalAddress)) {
    return invalidInput(
      field,
      'Zgłaszający chce otrzymać odpowiedź — wpisz jego telefon, adres e-mail lub adres do korespondencji (P§8.1.2).',
    );
  }
  if (hasContact(reporter) && !reporter.consent) {
    return invalidInput(
      `${field}.consent`,
      'Dane osobowe zapisuje się tylko wtedy, gdy zgłaszający podał je z własnej inicjatywy, co oznacza zgodę na ich przetwarzanie (P§26.2).',
    );
  }
  return null;
}

/** P§27.1: once the reporter's data was erased from a ticket, none is written into it again. */
export function personalDataClosed(ticket: Ticket, addsPersonalData: boolean, field: string): Refusal | null {
  return ticket.personalDataErased && addsPersonalData
    ? refuse(
        'invalidState',
        'Dane osobowe zgłaszającego zostały usunięte z tego zgłoszenia (cofnięcie zgody lub upływ okresu przechowywania) — nie można ich ponownie zapisać (P§27.1).',
        field,
      )
    : null;
}

export const contactOf = (reporter: Contact): Contact =>
  Object.fromEntries(contactFields.filter((key) => reporter[key]).map((key) => [key, reporter[key]])) as Contact;

export const personalFiles = (files: AttachmentRef[]) => files.filter(isPersonalFile);
export const plainFiles = (files: AttachmentRef[]) => files.filter((file) => !isPersonalFile(file));

export function personalPayload(contact: Contact | undefined, files: AttachmentRef[]): PersonalPayload | null {
  const personal = personalFiles(files);
  if (contact === undefined && personal.length === 0) return null;
  return { ...(contact === undefined ? {} : { contact }), ...(personal.length ? { attachments: personal } : {}) };
}

/**
 * P§8.1.1, P§34: the minimal information the unit defined for the category, collected on the phone. `asked`:
 * the questions the operator was shown (a question added since is not demanded of a call already taken).
 */
export function checkTemplate(category: Category, answers: Record<string, string>, asked?: readonly string[]): Refusal | null {
  const missing = (category.template ?? []).find(
    (field) => field.required && (!asked || asked.includes(field.id)) && !answers[field.id]?.trim(),
  );
  return missing
    ? invalidInput(`templateAnswers.${missing.id}`, `Brak informacji wymaganej dla tej kategorii: ${missing.label} (P§8.1.1).`)
    : null;
}

/** Numbers for the tickets a command creates: allocated outside (leased blocks), P§8.2. */
export function takeNumbers(ctx: DecideContext, count: number, taken: string[]): Refusal | string[] {
  const numbers = (ctx.newTicketNumbers ?? []).slice(0, count);
  const valid = numbers.every((number) => ticketNumberSchema.safeParse(number).success);
  const distinct = new Set([...numbers, ...taken]).size === numbers.length + taken.length;
  if (numbers.length < count || !valid || !distinct) {
    return invalidInput(
      'number',
      'Brak wolnego numeru zgłoszenia — pula numerów stanowiska jest pusta lub nieprawidłowa. Połącz się z serwerem, aby pobrać nowe numery.',
    );
  }
  return numbers;
}

/** P§13.1: forwarding goes to a coordinator group of a unit that works in the app (else P§15). */
export function coordinatorGroupTarget(ctx: DecideContext, groupId: string, field = 'groupId'): Refusal | { group: Group; unit: Unit } {
  const group = lookup(ctx.directory.groups, groupId);
  const unit = group && lookup(ctx.directory.units, group.unitId);
  if (!group || !unit) return invalidInput(field, 'Nie ma takiej grupy w konfiguracji — wybierz grupę z listy.');
  if (group.kind !== 'coordinator') return invalidInput(field, `Grupa ${group.symbol} nie jest grupą koordynatorów (P§13.1).`);
  if (!unit.worksInApp) {
    return invalidInput(
      field,
      `${unit.name} nie pracuje w aplikacji — przekaż zgłoszenie poza aplikacją i zamknij je jako obsługiwane poza nią (P§15.4).`,
    );
  }
  return { group, unit };
}

/** P§19.2, P§19.4.4: a realizer group of the unit the ticket was forwarded to. */
export function realizerGroupTarget(ctx: DecideContext, ticket: Ticket, groupId: string, field: string): Refusal | Group {
  const group = lookup(ctx.directory.groups, groupId);
  if (!group) return invalidInput(field, 'Nie ma takiej grupy w konfiguracji — wybierz grupę z listy.');
  if (group.kind !== 'realizer') return invalidInput(field, `Grupa ${group.symbol} nie jest grupą realizatorów (P§19.2).`);
  if (group.unitId !== ticket.unitId)
    return invalidInput(
      field,
      `Grupa ${group.symbol} należy do innej jednostki — zgłoszenie przekazuje się realizatorom własnej jednostki (P§19.4.4).`,
    );
  return group;
}

/**
 * What routing to a unit needs (P§12.2, P§13.3): the category; the precinct and plot where the
 * category needs them; an RPW id for a city agency. Returns the events that record data given
 * with the forward.
 */
export function routingData(
  ctx: DecideContext,
  ticket: Pick<Ticket, 'categoryId' | 'location' | 'rpwIds'>,
  unit: Unit,
  given: { rpwId?: string; obreb?: string; dzialka?: string },
): Refusal | Draft[] {
  const category = lookup(ctx.directory.categories, ticket.categoryId);
  if (!category) return invalidInput('categoryId', 'Przed przekazaniem przypisz zgłoszeniu kategorię (P§7).');
  const drafts: Draft[] = [];
  const obreb = given.obreb ?? ticket.location?.obreb;
  const dzialka = given.dzialka ?? ticket.location?.dzialka;
  if ((given.obreb || given.dzialka || category.needsParcel) && !ticket.location) {
    return invalidInput('location', 'Najpierw wpisz lokalizację zgłoszenia (adres).');
  }
  if (category.needsParcel && !obreb) return invalidInput('obreb', 'Dla tej kategorii wpisz obręb geodezyjny i numer działki (P§12.2).');
  if (category.needsParcel && !dzialka)
    return invalidInput('dzialka', 'Dla tej kategorii wpisz obręb geodezyjny i numer działki (P§12.2).');
  if (ticket.location && (obreb !== ticket.location.obreb || dzialka !== ticket.location.dzialka)) {
    const location: Location = { ...ticket.location, ...(obreb ? { obreb } : {}), ...(dzialka ? { dzialka } : {}) };
    drafts.push({ type: 'detailsEdited', changes: { location } });
  }
  const rpw = rpwDrafts(ticket, given.rpwId);
  if (unit.kind === 'agency' && ticket.rpwIds.length === 0 && !given.rpwId) {
    return invalidInput(
      'rpwId',
      `Przekazanie do miejskiej jednostki organizacyjnej (${unit.name}) wymaga identyfikatora RPW z EZD (P§13.3).`,
    );
  }
  return [...rpw, ...drafts];
}

/** An RPW id given with a command is recorded unless the ticket has it already. */
export const rpwDrafts = (ticket: Pick<Ticket, 'rpwIds'>, rpwId: string | undefined): Draft[] =>
  rpwId && !ticket.rpwIds.includes(rpwId) ? [{ type: 'rpwIdAdded', rpwId }] : [];

export function requireRpw(ticket: Ticket, rpwId: string | undefined, message: string): Refusal | null {
  return ticket.rpwIds.length === 0 && !rpwId ? invalidInput('rpwId', message) : null;
}

/** P§6.2: in an office department the realizer registers the ticket in EZD; its RPW id must be in the ticket before handling ends. */
export function departmentRpw(ctx: DecideContext, ticket: Ticket, rpwId?: string): Refusal | null {
  const unit = lookup(ctx.directory.units, ticket.unitId);
  if (unit?.kind !== 'department') return null;
  return requireRpw(
    ticket,
    rpwId,
    'Zgłoszenie obsługiwane w komórce organizacyjnej Urzędu wymaga identyfikatora RPW z EZD — wpisz go przed zakończeniem obsługi (P§6.2).',
  );
}

/** A ticket's content as a new ticket starts with it (split parts, P§11). */
export function contentOf(ticket: Ticket): TicketContent {
  return {
    kind: ticket.kind,
    channel: ticket.channel,
    categoryId: ticket.categoryId,
    subcategoryId: ticket.subcategoryId,
    subject: ticket.subject,
    description: ticket.description,
    templateAnswers: { ...ticket.templateAnswers },
    location: ticket.location,
    wantsAnswer: ticket.reporter.wantsAnswer,
    consent: ticket.reporter.consent,
    rpwIds: [...ticket.rpwIds],
    attachments: plainFiles(ticket.attachments),
    receivedAt: ticket.times.receivedAt,
  };
}

export const first = (...checks: (Refusal | null)[]): Refusal | null => checks.find((check) => check !== null) ?? null;

/** Drops keys whose value is undefined (deeply), so events survive a JSON round trip unchanged. */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => [key, withoutUndefined(item)]),
  ) as T;
}
