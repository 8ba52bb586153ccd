// One Polish line per event for history screens (P§17.2: who, what, when). The screen shows the
// event's time (`at`) and author (`actorId`) beside the line; the line says what happened and
// never repeats personal data.
import type { TicketEvent } from './ticket-events';
import {
  actionKindLabels,
  answerMethodLabels,
  channelLabels,
  emailPurposeLabels,
  kindLabels,
  noticeMethodLabels,
  outcomeLabels,
} from './labels';
import type { Directory } from './model';
import { lookup } from './model';

const groupName = (directory: Directory, groupId: string | null | undefined) => {
  const group = lookup(directory.groups, groupId);
  if (!group) return groupId ?? '—';
  const unit = lookup(directory.units, group.unitId);
  return `${group.symbol} (${unit?.name ?? group.unitId})`;
};
const unitName = (directory: Directory, unitId: string) => lookup(directory.units, unitId)?.name ?? unitId;
const categoryName = (directory: Directory, categoryId: string | null, subcategoryId?: string | null) => {
  const category = lookup(directory.categories, categoryId);
  if (!category) return categoryId ?? 'bez kategorii';
  const subcategory = category.subcategories?.find((sub) => sub.id === subcategoryId);
  return subcategory ? `${category.name} / ${subcategory.name}` : category.name;
};
/** `2026-03-02` → `02.03.2026` */
const day = (isoDay: string) => isoDay.split('-').reverse().join('.');
const timeFormat = new Intl.DateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', dateStyle: 'short', timeStyle: 'short' });
const moment = (iso: string) => timeFormat.format(new Date(iso));
const withReason = (text: string, reason?: string) => (reason ? `${text}; przyczyna: ${reason}` : text);

const changeNames: Record<string, string> = {
  kind: 'rodzaj',
  categoryId: 'kategoria',
  subcategoryId: 'podkategoria',
  subject: 'temat',
  description: 'opis',
  templateAnswers: 'informacje wymagane dla kategorii',
  location: 'lokalizacja',
  wantsAnswer: 'żądanie odpowiedzi',
  consent: 'zgoda',
};

function describeWhat(event: TicketEvent, directory: Directory): string {
  switch (event.type) {
    case 'registered':
      if (event.splitFrom) return `Utworzono przez powielenie zgłoszenia ${event.splitFrom}; zakres: ${event.scope ?? '—'}`;
      if (event.followUpOf) return `Zarejestrowano zapytanie dotyczące zakończonego zgłoszenia ${event.followUpOf}`;
      return `Zarejestrowano zgłoszenie ${kindLabels[event.content.kind]} (kanał: ${channelLabels[event.content.channel]}, kategoria: ${categoryName(directory, event.content.categoryId, event.content.subcategoryId)})`;
    case 'webFormReceived':
      return event.content.channel === 'email'
        ? 'Zapisano zgłoszenie z wiadomości e-mail (skrzynka urzędu)'
        : 'Zapisano zgłoszenie z formularza WWW';
    case 'webFormPickedUp':
      return `Operator podjął formularz WWW i przypisał kategorię: ${categoryName(directory, event.changes.categoryId ?? null, event.changes.subcategoryId)}`;
    case 'detailsEdited': {
      const names = Object.keys(event.changes).map((key) => changeNames[key] ?? key);
      if (event.personal !== undefined) names.push('dane zgłaszającego');
      return `Zmieniono dane zgłoszenia: ${names.join(', ') || '—'}`;
    }
    case 'attachmentsAdded': {
      const count = event.attachments.length + (event.personal?.attachments?.length ?? 0);
      return `Dodano załączniki (${count})`;
    }
    case 'reclassified':
      return `Zmieniono klasyfikację na: ${categoryName(directory, event.to.categoryId, event.to.subcategoryId)}, rodzaj: ${kindLabels[event.to.kind]}${event.investment ? ' (grupa zadań inwestycyjnych)' : ''}`;
    case 'rpwIdAdded':
      return `Wpisano identyfikator RPW: ${event.rpwId}`;
    case 'forwarded':
      return `Przekazano do grupy koordynatorów ${groupName(directory, event.groupId)}`;
    case 'split': {
      const others = event.parts.slice(1).map((part) => `${part.number} (${part.scope}${part.addressee ? ` → ${part.addressee}` : ''})`);
      return `Powielono zgłoszenie; to zgłoszenie obejmuje: ${event.ownScope}; pozostałe części: ${others.join(', ')}`;
    }
    case 'splitPartsLinked':
      return `Zaktualizowano listę części powielonego zgłoszenia: ${event.parts.map((part) => part.number).join(', ')}`;
    case 'closedOutOfScope':
      return withReason(
        `Zamknięto jako wykraczające poza zakres działalności jednostek miasta; przekazano do: ${event.receivingEntity}`,
        event.reason,
      );
    case 'closedHandledOutside':
      return withReason(
        `Zamknięto jako obsługiwane poza aplikacją; przekazano do: ${unitName(directory, event.receivingUnitId)}`,
        event.reason,
      );
    case 'takenUp':
      return event.as === 'coordinator'
        ? `Koordynator podjął zgłoszenie w grupie ${groupName(directory, event.groupId)}`
        : `Realizator podjął zgłoszenie w grupie ${groupName(directory, event.groupId)}`;
    case 'realizerGroupAssigned':
      return `Przekazano do grupy realizatorów ${groupName(directory, event.groupId)}`;
    case 'returnedToOperator':
      return withReason(`Zwrócono do operatora; właściwy adresat: ${event.rightAddressee}`, event.reason);
    case 'partialCompetenceNotified':
      return `Powiadomiono operatora (${noticeMethodLabels[event.how]}, ${moment(event.notifiedAt)}), że część zgłoszenia („${event.part}”) należy do: ${event.otherAddressee}`;
    case 'passedToCoordinatorGroup':
      return `Przekazano do innej grupy koordynatorów: ${groupName(directory, event.groupId)}`;
    case 'suspended':
      return `Zawieszono do ${day(event.until)}; przyczyna: ${event.reason}`;
    case 'resumed':
      return event.realizerGroupId
        ? `Wznowiono i przekazano do grupy realizatorów ${groupName(directory, event.realizerGroupId)}`
        : 'Wznowiono realizację zgłoszenia';
    case 'returnedToCoordinator':
      return event.kind === 'postpone'
        ? `Zwrócono do koordynatora z prośbą o odłożenie realizacji do ${event.postponeUntil ? day(event.postponeUntil) : '—'}; przyczyna: ${event.reason}`
        : `Zwrócono do koordynatora — zgłoszenie nie należy do zakresu działalności realizatora; przyczyna: ${event.reason}`;
    case 'closedNonInterventional':
      return `Zamknięto jako nieinterwencyjne; przyczyna: ${event.reason}`;
    case 'handedToContractor':
      return `Przekazano wykonawcy: ${event.company}; zlecono ${moment(event.orderedAt)}, termin realizacji ${day(event.dueOn)}`;
    case 'contractorWorkAccepted':
      return `Zaakceptowano prace wykonawcy; rzeczywisty termin realizacji ${day(event.completedOn)} — obsługa zakończona`;
    case 'contractorWorkRejected':
      return `Odrzucono prace wykonawcy; przyczyna: ${event.reason} — zgłoszenie wraca do realizacji`;
    case 'resolved':
      return event.outcome === 'fixed'
        ? `Rozwiązano: ${outcomeLabels.fixed}${event.completedOn ? ` (${day(event.completedOn)})` : ''}`
        : `Rozwiązano: ${outcomeLabels.notToBeDone}; przyczyna: ${event.reason ?? '—'}`;
    case 'forwardedExternalAndClosed':
      return withReason(`Przekazano do podmiotu spoza miasta (${event.receivingEntity}) i zamknięto`, event.note);
    case 'emailSent':
      return `Wysłano e-mail (${emailPurposeLabels[event.purpose]}) ${event.to ? `na adres ${event.to}` : 'na adres zgłaszającego'}: „${event.subject}”`;
    case 'answerRecorded':
      return `Udzielono odpowiedzi zgłaszającemu ${answerMethodLabels[event.how]} (${moment(event.answeredAt)})`;
    case 'inquiryRecorded':
      return `Zapytanie zgłaszającego (${moment(event.inquiredAt)}); wykonane czynności: ${event.actionsDone}; oczekiwania: ${event.callerExpects}`;
    case 'followUpRegistered':
      return `Zarejestrowano zapytanie jako nowe zgłoszenie ${event.followUpNumber}`;
    case 'actionRecorded':
      return `${capitalize(actionKindLabels[event.kind])} (${moment(event.doneAt)}): ${event.note}`;
    case 'plannedDateSet':
      return `Planowany termin zakończenia: ${day(event.plannedOn)}; przyczyna opóźnienia: ${event.delayReason}`;
    case 'personalDataErased':
      return event.basis === 'consentWithdrawn'
        ? 'Usunięto dane osobowe zgłaszającego (cofnięcie zgody)'
        : 'Usunięto dane osobowe zgłaszającego (upływ okresu przechowywania)';
    case 'deleted':
      return `Usunięto zgłoszenie; przyczyna: ${event.reason}`;
  }
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A one-line Polish description of what the event recorded (with a note when entered after an outage). */
export function describeEvent(event: TicketEvent, directory: Directory): string {
  const what = describeWhat(event, directory);
  return event.outage ? `${what} (czynność wykonana w czasie awarii, wprowadzona po jej usunięciu)` : what;
}

/** Who did it, for history screens: the user's name from the directory, else the id. */
export const actorName = (event: TicketEvent, directory: Directory) => lookup(directory.users ?? {}, event.actorId)?.name ?? event.actorId;
