// The ticket's state as one sentence to tell a caller (P§23.1): from the ticket's own data, no rules.
import { formatWarsawDateTime } from '../../src-shared/format';
import { lookup, outcomeLabels, type Directory, type Ticket } from '../../src-shared/ticket';
import { groupLabel } from './directory';

const day = (isoDay: string) => isoDay.split('-').reverse().join('.');
/** Ends a sentence with a full stop unless it ends with one already ("… S.A."). */
const stop = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

export function statusSentence(t: Ticket, directory: Directory): string {
  const unit = lookup(directory.units, t.unitId)?.name ?? 'właściwej jednostki';
  const handed = t.times.handedToGroupAt ? formatWarsawDateTime(t.times.handedToGroupAt) : '';
  const planned = t.plannedCompletion ? ` Planowany termin zakończenia: ${day(t.plannedCompletion.plannedOn)}.` : '';
  switch (t.status) {
    case 'awaitingPickup':
      return 'Zgłoszenie z formularza WWW czeka na podjęcie przez operatora.';
    case 'registered':
      return 'Zgłoszenie jest zarejestrowane i czeka na przekazanie do właściwej jednostki.';
    case 'returnedToOperator':
      return 'Zgłoszenie jest kierowane do właściwej jednostki (zwrócone do ponownego przekazania).';
    case 'forwarded':
      return `Przekazane ${handed} do: ${unit}; czeka na podjęcie przez koordynatora.`;
    case 'withCoordinator':
      return `${unit} przyjął zgłoszenie i ustala sposób realizacji.${planned}`;
    case 'assigned':
      return `${unit} przekazał zgłoszenie do realizacji (${handed}).${planned}`;
    case 'inProgress':
      return `Zgłoszenie jest w realizacji w: ${unit}.${planned}`;
    case 'withContractor': {
      const order = t.contractorOrders.filter((o) => o.state === 'ordered').at(-1);
      return order
        ? `Prace zlecono wykonawcy (${order.company}), termin wykonania: ${day(order.dueOn)}.`
        : `Prace zlecono wykonawcy.${planned}`;
    }
    case 'returnedToCoordinator':
      return `Realizacja jest wstrzymana; ${unit} ustala dalsze kroki.${planned}`;
    case 'suspended':
      return stop(
        `Realizacja zawieszona do ${t.suspension ? day(t.suspension.until) : '—'}${t.suspension?.reason ? `: ${t.suspension.reason}` : ''}`,
      );
    case 'resolved':
    case 'closed': {
      const o = t.outcome;
      if (!o) return 'Zgłoszenie jest zakończone.';
      const where = o.receivingEntity ?? (o.receivingUnitId ? lookup(directory.units, o.receivingUnitId)?.name : undefined);
      return stop(
        `Zakończone ${formatWarsawDateTime(o.at)}: ${outcomeLabels[o.kind]}${where ? ` — ${where}` : ''}${o.reason ? `; ${o.reason}` : ''}`,
      );
    }
    case 'deleted':
      return 'Zgłoszenie zostało usunięte.';
  }
}

/** What routing did, to confirm it on screen (P§13–P§15). */
export function routedText(t: Ticket | null, route: string, directory: Directory, savedLocally: boolean): string {
  const local = savedLocally ? ' Zapisano na stanowisku — zostanie wysłane po przywróceniu połączenia.' : '';
  if (!t) return `Zapisano.${local}`;
  if (route === 'forwardToCoordinators') return `Przekazano do ${groupLabel(directory, t.coordinatorGroupId)}.${local}`;
  const o = t.outcome;
  const where = o?.receivingEntity ?? (o?.receivingUnitId ? lookup(directory.units, o.receivingUnitId)?.name : undefined);
  return `${stop(`Zamknięto zgłoszenie ${t.number}: ${o ? outcomeLabels[o.kind] : 'zamknięte'}${where ? ` — ${where}` : ''}`)}${local}`;
}
