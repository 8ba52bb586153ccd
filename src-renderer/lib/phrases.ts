// Texts the operator reads out to callers.

/** P§26: personal data only on the reporter's own initiative; P§27.1: kept 6 months or until withdrawn. */
export const CONSENT_STATEMENT =
  'Podanie danych kontaktowych jest dobrowolne. Urząd Miasta Łodzi wykorzysta je wyłącznie do obsługi tego zgłoszenia ' +
  'i udzielenia Pani/Panu odpowiedzi. Dane przechowujemy przez 6 miesięcy, nie licząc miesiąca zgłoszenia, albo do cofnięcia ' +
  'zgody — zgodę można cofnąć w każdej chwili, dzwoniąc pod ten numer. Czy zgadza się Pani/Pan na zapisanie danych?';

export const NO_CONTACT_IN_TEXT = 'Nie wpisuj tu danych kontaktowych zgłaszającego (telefonu, e-maila, nazwiska).';

export const SAVED_LOCALLY =
  'Zapisano na stanowisku, zostanie wysłane po przywróceniu połączenia. Numer jest ważny — podaj go zgłaszającemu.';
