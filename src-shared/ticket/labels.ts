// Polish names shown to users: statuses, commands (as button labels), roles and field names.
import type { CommandType } from './commands';
import type { ActionKind, AnswerMethod, Channel, EmailPurpose, NoticeMethod, OutcomeKind, Role, Status, TicketKind } from './model';

export const statusLabels: Record<Status, string> = {
  awaitingPickup: 'oczekuje na podjęcie (formularz WWW)',
  registered: 'zarejestrowane',
  forwarded: 'przekazane do koordynatora',
  returnedToOperator: 'zwrócone do operatora',
  withCoordinator: 'podjęte przez koordynatora',
  assigned: 'przekazane do realizatora',
  inProgress: 'w realizacji',
  withContractor: 'przekazane wykonawcy',
  returnedToCoordinator: 'zwrócone do koordynatora',
  suspended: 'zawieszone',
  resolved: 'rozwiązane',
  closed: 'zamknięte',
  deleted: 'usunięte',
};

export const commandLabels: Record<CommandType, string> = {
  registerTicket: 'Zarejestruj zgłoszenie',
  receiveFromWebForm: 'Przyjmij formularz WWW',
  receiveFromMailbox: 'Przyjmij wiadomość e-mail',
  sendEmail: 'Wyślij e-mail',
  pickUpWebForm: 'Podejmij formularz WWW',
  editDetails: 'Popraw dane zgłoszenia',
  addAttachments: 'Dodaj załączniki',
  reclassify: 'Zmień klasyfikację',
  setRpwId: 'Wpisz identyfikator RPW',
  forwardToCoordinators: 'Przekaż do koordynatora',
  split: 'Powiel zgłoszenie',
  closeOutOfScope: 'Zamknij jako wykraczające poza zakres',
  closeHandledOutside: 'Zamknij jako obsługiwane poza aplikacją',
  takeUp: 'Podejmij zgłoszenie',
  assignRealizerGroup: 'Przekaż do realizatora',
  returnToOperator: 'Zwróć do operatora',
  notifyPartialCompetence: 'Powiadom o częściowej właściwości',
  passToCoordinatorGroup: 'Przekaż do innej grupy koordynatorów',
  suspend: 'Zawieś',
  resume: 'Wznów',
  returnToCoordinator: 'Zwróć do koordynatora',
  closeNonInterventional: 'Zamknij jako nieinterwencyjne',
  handToContractor: 'Przekaż wykonawcy',
  acceptContractorWork: 'Zaakceptuj prace wykonawcy',
  rejectContractorWork: 'Odrzuć prace wykonawcy',
  resolve: 'Rozwiąż zgłoszenie',
  forwardExternalAndClose: 'Przekaż podmiotowi zewnętrznemu i zamknij',
  recordAnswerToReporter: 'Odnotuj odpowiedź dla zgłaszającego',
  recordInquiry: 'Odnotuj zapytanie',
  registerFollowUp: 'Zarejestruj zapytanie jako nowe zgłoszenie',
  recordAction: 'Odnotuj czynność',
  setPlannedDate: 'Ustal planowany termin',
  withdrawConsent: 'Cofnięcie zgody — usuń dane osobowe',
  expirePersonalData: 'Usuń dane osobowe po okresie przechowywania',
  delete: 'Usuń zgłoszenie',
};

export const roleLabels: Record<Role, string> = {
  admin: 'administrator',
  superSupervisor: 'supernadzorca',
  operator: 'operator',
  supervisor: 'nadzorca',
  coordinator: 'koordynator',
  realizer: 'realizator',
  system: 'system (przyjmowanie formularzy WWW)',
};

export const kindLabels: Record<TicketKind, string> = {
  interventional: 'interwencyjne',
  informational: 'informacyjne',
  inquiry: 'zapytanie',
};

export const channelLabels: Record<Channel, string> = {
  phone: 'telefon',
  web: 'formularz WWW',
  email: 'poczta elektroniczna',
  ezd: 'EZD',
  other: 'inny kanał',
};

export const actionKindLabels: Record<ActionKind, string> = {
  consultation: 'konsultacja',
  arrangement: 'uzgodnienie',
  siteVisit: 'wizja lokalna',
  other: 'inna czynność',
};

export const emailPurposeLabels: Record<EmailPurpose, string> = {
  forwardOutside: 'przekazanie poza aplikację',
  reporterForwarded: 'informacja dla zgłaszającego o przekazaniu',
  answer: 'odpowiedź dla zgłaszającego',
};

export const answerMethodLabels: Record<AnswerMethod, string> = {
  phone: 'telefonicznie',
  email: 'pocztą elektroniczną',
  letter: 'pismem',
  epuap: 'przez ePUAP',
  inPerson: 'osobiście',
  other: 'w inny sposób',
};

export const noticeMethodLabels: Record<NoticeMethod, string> = {
  phone: 'telefonicznie',
  email: 'pocztą elektroniczną',
};

export const outcomeLabels: Record<OutcomeKind, string> = {
  fixed: 'problem usunięty',
  notToBeDone: 'nie zostanie zrealizowane',
  contractorAccepted: 'prace wykonawcy zaakceptowane',
  outOfScope: 'wykracza poza zakres działalności jednostek miasta',
  handledOutside: 'obsługiwane poza aplikacją',
  nonInterventional: 'nieinterwencyjne',
  forwardedExternal: 'przekazane podmiotowi spoza miasta',
};

/** Names of input fields, for refusal messages (keys are the field paths of commands). */
export const fieldLabels: Record<string, string> = {
  type: 'rodzaj czynności',
  now: 'czas czynności',
  actor: 'użytkownik',
  number: 'numer zgłoszenia',
  channel: 'kanał',
  categoryId: 'kategoria',
  subcategoryId: 'podkategoria',
  kind: 'rodzaj zgłoszenia',
  subject: 'temat',
  description: 'opis',
  templateAnswers: 'informacje wymagane dla kategorii',
  location: 'lokalizacja',
  'location.address': 'adres',
  'location.lat': 'szerokość geograficzna',
  'location.lon': 'długość geograficzna',
  'location.obreb': 'obręb geodezyjny',
  'location.dzialka': 'numer działki',
  obreb: 'obręb geodezyjny',
  dzialka: 'numer działki',
  reporter: 'dane zgłaszającego',
  'reporter.name': 'imię i nazwisko zgłaszającego',
  'reporter.phone': 'telefon zgłaszającego',
  'reporter.email': 'e-mail zgłaszającego',
  'reporter.postalAddress': 'adres do korespondencji',
  'reporter.wantsAnswer': 'czy zgłaszający chce odpowiedzi',
  'reporter.consent': 'zgoda zgłaszającego',
  receivedAt: 'czas wpływu',
  rpwId: 'identyfikator RPW',
  rpwIds: 'identyfikatory RPW',
  attachments: 'załączniki',
  groupId: 'grupa',
  realizerGroupId: 'grupa realizatorów',
  ownScope: 'zakres tego zgłoszenia',
  ownAddressee: 'adresat tego zgłoszenia',
  parts: 'części zgłoszenia',
  receivingEntity: 'podmiot, do którego przekazano zgłoszenie',
  receivingUnitId: 'jednostka, do której przekazano zgłoszenie',
  reason: 'przyczyna',
  rightAddressee: 'właściwy adresat',
  how: 'sposób',
  notifiedAt: 'czas powiadomienia',
  part: 'część zgłoszenia',
  otherAddressee: 'inny adresat',
  until: 'termin zawieszenia',
  postponeUntil: 'termin odłożenia realizacji',
  company: 'firma',
  orderedAt: 'czas zlecenia',
  dueOn: 'termin realizacji',
  completedOn: 'rzeczywisty termin realizacji',
  outcome: 'wynik',
  note: 'opis',
  answeredAt: 'czas udzielenia odpowiedzi',
  summary: 'treść odpowiedzi',
  inquiredAt: 'czas zapytania',
  actionsDone: 'wykonane czynności',
  callerExpects: 'oczekiwania zgłaszającego',
  doneAt: 'czas wykonania czynności',
  plannedOn: 'planowany termin zakończenia',
  delayReason: 'przyczyna opóźnienia',
};

/** Where a field name means something else in one command. */
const commandFieldLabels: Record<string, Record<string, string>> = {
  recordAction: { kind: 'rodzaj czynności', note: 'opis czynności' },
  returnToCoordinator: { kind: 'powód zwrotu' },
  resolve: { reason: 'przyczyna braku realizacji' },
  registerFollowUp: { groupId: 'grupa koordynatorów' },
  forwardToCoordinators: { groupId: 'grupa koordynatorów' },
  passToCoordinatorGroup: { groupId: 'grupa koordynatorów' },
  assignRealizerGroup: { groupId: 'grupa realizatorów' },
  sendEmail: {
    purpose: 'rodzaj wiadomości',
    to: 'adres e-mail jednostki lub podmiotu',
    subject: 'temat wiadomości',
    body: 'treść wiadomości',
  },
};

/** The label of a field path like `reporter.email` or `parts.0.scope` (indices and unknown tails fall back to the known prefix). */
export function fieldLabel(field: string, commandType?: string): string {
  const withoutIndices = field
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
  const own = commandType ? commandFieldLabels[commandType]?.[withoutIndices] : undefined;
  if (own) return own;
  if (fieldLabels[withoutIndices]) return fieldLabels[withoutIndices];
  if (withoutIndices.startsWith('templateAnswers.')) return fieldLabels.templateAnswers!;
  const last = withoutIndices.split('.').pop() ?? '';
  return fieldLabels[last] ?? field;
}
