// Which views each role gets (P§24.2): the operator's intake and queues, the coordinators' and
// realizers' queues, the supervisors' unit view, everything for the super-supervisor.
import type { ReactNode } from 'react';
import type { QueueName } from '../../src-shared/api/desktop';
import { IntakeScreen } from './intake/IntakeScreen';
import { QueueScreen, type QueueView } from './queue/QueueScreen';
import { StatusInquiryScreen } from './operator/StatusInquiryScreen';
import { ToResolveScreen } from './outage/ToResolveScreen';
import { StatisticsScreen } from './stats/StatisticsScreen';
import { AdminScreen } from './admin/AdminScreen';

export interface NavItem {
  id: string;
  label: string;
  /** The queue whose size shows beside the label. */
  countOf?: QueueName | 'toResolve';
  render(): ReactNode;
}

const queue = (view: QueueView, label = view.title): NavItem => ({
  id: view.queue,
  label,
  countOf: view.queue,
  render: () => <QueueScreen key={view.queue} view={view} />,
});

const intake: NavItem = { id: 'intake', label: 'Nowe zgłoszenie', render: () => <IntakeScreen /> };
const inquiry: NavItem = { id: 'inquiry', label: 'Informacja o stanie', render: () => <StatusInquiryScreen /> };
const toResolve: NavItem = { id: 'toResolve', label: 'Do wyjaśnienia', countOf: 'toResolve', render: () => <ToResolveScreen /> };
const statistics: NavItem = { id: 'statistics', label: 'Statystyki', render: () => <StatisticsScreen /> };
const administration: NavItem = { id: 'admin', label: 'Administracja', render: () => <AdminScreen /> };

const OPERATOR: NavItem[] = [
  intake,
  queue(
    {
      queue: 'webPickup',
      title: 'Formularze WWW i e-maile',
      about:
        'Zgłoszenia z formularza WWW, aplikacji (Open311) i ze skrzynki e-mail urzędu czekające na podjęcie; formularz: do pierwszego dnia roboczego po wpływie (P§4.3, P§9, P§10). Filtr „Kanał” rozdziela je.',
      dueLabel: 'Podjąć do',
      empty: 'Żaden formularz ani e-mail nie czeka na podjęcie.',
    },
    'WWW i e-maile',
  ),
  queue({
    queue: 'toRoute',
    title: 'Do przekazania',
    about: 'Zarejestrowane, jeszcze nie przekazane do właściwej jednostki (P§12–P§15).',
    empty: 'Wszystkie zarejestrowane zgłoszenia są przekazane.',
  }),
  queue({
    queue: 'returnedToOperator',
    title: 'Zwrócone',
    about: 'Zwrócone przez koordynatorów z przyczyną i wskazaniem właściwego adresata — sprawdź i przekaż ponownie (P§19.4.1, P§20.1).',
    empty: 'Brak zwróconych zgłoszeń.',
  }),
  queue({
    queue: 'forwarded',
    title: 'Przekazane',
    about: 'Przekazane koordynatorom, czekające na podjęcie; termin reakcji: 1 dzień roboczy (P§16.2).',
    empty: 'Brak zgłoszeń czekających na podjęcie.',
  }),
  queue({
    queue: 'partialCompetence',
    title: 'Do powielenia',
    about: 'Koordynator poinformował, że część zgłoszenia należy do innej jednostki — powiel je i przekaż części (P§19.4.2, P§20.2).',
    empty: 'Żadne zgłoszenie nie czeka na powielenie.',
  }),
  inquiry,
  toResolve,
];

const COORDINATOR: NavItem[] = [
  queue({
    queue: 'coordinatorIncoming',
    title: 'Otrzymane',
    about: 'Przekazane do Twoich grup koordynatorów: podejmij i sprawdź właściwość (P§19.1); termin reakcji 1 dzień roboczy (P§16.2).',
  }),
  queue({
    queue: 'coordinatorTakenUp',
    title: 'Podjęte',
    about: 'Podjęte przez Twoje grupy: przydziel realizatora, przekaż albo zwróć (P§19.1–P§19.4).',
    dueLabel: 'Realizacja do',
  }),
  queue({
    queue: 'coordinatorAssigned',
    title: 'U realizatorów',
    about: 'Przekazane realizatorom i jeszcze niezakończone — pilnuj terminów (P§19.2, P§24.2).',
  }),
  queue({
    queue: 'coordinatorReturned',
    title: 'Zwrócone przez realizatorów',
    about: 'Zwrócone z przyczyną: nie nasze albo do odłożenia — zawieś, przekaż lub zwróć (P§21.2.2, P§19.3).',
    empty: 'Realizatorzy nie zwrócili żadnego zgłoszenia.',
  }),
  queue({
    queue: 'coordinatorSuspended',
    title: 'Zawieszone',
    about: 'Zawieszone do wskazanego dnia — wznów, gdy przyczyna ustanie (P§19.3).',
    empty: 'Brak zawieszonych zgłoszeń.',
  }),
];
const REALIZER: NavItem[] = [
  queue({
    queue: 'realizerIncoming',
    title: 'Do podjęcia',
    about: 'Przekazane do Twoich grup realizatorów: podejmij (P§21.1); termin reakcji 1 dzień roboczy (P§16.2).',
  }),
  queue({
    queue: 'realizerInProgress',
    title: 'W realizacji',
    about: 'Podjęte przez Twoje grupy; termin realizacji 10 dni roboczych (P§18.1).',
    dueLabel: 'Realizacja do',
  }),
  queue({
    queue: 'realizerContractor',
    title: 'U wykonawców',
    about: 'Przekazane wykonawcom z terminem wykonania — odbierz albo odrzuć prace (P§21.2.3–P§21.2.4).',
    dueLabel: 'Realizacja do',
  }),
];
const late = (about: string) =>
  queue({
    queue: 'late',
    title: 'Po terminie',
    about,
    dueLabel: 'Termin',
    empty: 'Żadne otwarte zgłoszenie nie jest po terminie ani nie ma terminu dziś.',
  });
const SUPERVISOR: NavItem[] = [
  late(
    'Otwarte zgłoszenia, które mają teraz nadzorowane jednostki, po terminie lub z terminem dziś, najbardziej spóźnione na górze; kolumna Grupa mówi, u kogo leżą (P§4.3, P§16.2, P§18.1, P§24.2).',
  ),
  queue({
    queue: 'unit',
    title: 'Moja jednostka',
    about: 'Wszystkie zgłoszenia, które mają teraz grupy nadzorowanych jednostek — podgląd bez działań (P§24.2).',
  }),
  statistics,
];
const SUPER_SUPERVISOR: NavItem[] = [
  late(
    'Otwarte zgłoszenia w całym mieście po terminie lub z terminem dziś, najbardziej spóźnione na górze; kolumna Grupa mówi, u kogo leżą (P§4.3, P§16.2, P§18.1, P§24.2).',
  ),
  queue({ queue: 'all', title: 'Wszystkie zgłoszenia', about: 'Wszystkie zgłoszenia w systemie (P§24.2).' }),
  queue({
    queue: 'retentionDue',
    title: 'Do usunięcia',
    about:
      'Zakończone zgłoszenia po okresie przechowywania danych (6 miesięcy, nie licząc miesiąca rejestracji) — usuń je (P§27.2, P§28); w statystykach zostają (P§27.3).',
    empty: 'Żadne zakończone zgłoszenie nie czeka na usunięcie.',
  }),
  statistics,
];

/** The views of a user holding these roles, without repeats, operator's first. */
export function navigationFor(roles: readonly string[]): NavItem[] {
  const items: NavItem[] = [];
  const add = (list: NavItem[]) => list.forEach((item) => items.some((i) => i.id === item.id) || items.push(item));
  if (roles.includes('operator')) add(OPERATOR);
  if (roles.includes('coordinator')) add(COORDINATOR);
  if (roles.includes('realizer')) add(REALIZER);
  if (roles.includes('supervisor')) add(SUPERVISOR);
  if (roles.includes('superSupervisor')) add(SUPER_SUPERVISOR);
  if (items.length > 0) add([inquiry, toResolve]);
  // The administrator keeps the configuration; the super-supervisor reads it and agrees to structure changes (I§5.5).
  if (roles.includes('admin') || roles.includes('superSupervisor')) add([administration]);
  return items;
}
