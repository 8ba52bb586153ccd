// The demo city: Łódź's units named in ordinance 2851/2022 (§2) with their coordinator and realizer
// groups (I§3, I§5), the category dictionary with the minimal information to ask per category (P§34),
// the people, and what residents report about — the material `demo.ts` drives through the shared rules.
import type { UserRole } from '../../src-shared/api/hub';
import type { Category, Group, Unit } from '../../src-shared/ticket';

export const UNITS: Unit[] = [
  // The contact centre: its operators take the calls (P§2.12) and it answers general questions.
  { id: 'wzkm', name: 'Wydział Zarządzania Kontaktami z Mieszkańcami', kind: 'department', worksInApp: true },
  { id: 'zdit', name: 'Zarząd Dróg i Transportu', kind: 'agency', worksInApp: true },
  { id: 'zzm', name: 'Zarząd Zieleni Miejskiej w Łodzi', kind: 'agency', worksInApp: true },
  { id: 'wgk', name: 'Wydział Gospodarki Komunalnej', kind: 'department', worksInApp: true },
  { id: 'bim', name: 'Biuro Inżyniera Miasta', kind: 'department', worksInApp: true },
  // Units that do not work in the app: tickets for them leave it (P§15).
  { id: 'zlm', name: 'Zarząd Lokali Miejskich', kind: 'agency', worksInApp: false },
  { id: 'sm', name: 'Straż Miejska w Łodzi', kind: 'agency', worksInApp: false },
];

const group = (id: string, symbol: string, name: string, unitId: string, kind: Group['kind']): Group => ({
  id,
  symbol,
  name,
  unitId,
  kind,
});

export const GROUPS: Group[] = [
  group('zdit-k-drogi', 'ZDIT-KOORD-DROGI', 'Koordynatorzy — drogi i chodniki', 'zdit', 'coordinator'),
  group('zdit-k-oswietlenie', 'ZDIT-KOORD-OSWIETLENIE', 'Koordynatorzy — oświetlenie, sygnalizacja i oznakowanie', 'zdit', 'coordinator'),
  group('zdit-k-transport', 'ZDIT-KOORD-TRANSPORT', 'Koordynatorzy — transport zbiorowy', 'zdit', 'coordinator'),
  group('zdit-r-drogi', 'ZDIT-REAL-DROGI', 'Realizatorzy — utrzymanie dróg i chodników', 'zdit', 'realizer'),
  group('zdit-r-oswietlenie', 'ZDIT-REAL-OSWIETLENIE', 'Realizatorzy — oświetlenie uliczne', 'zdit', 'realizer'),
  group('zdit-r-oznakowanie', 'ZDIT-REAL-OZNAKOWANIE', 'Realizatorzy — sygnalizacja i oznakowanie', 'zdit', 'realizer'),
  group('zdit-r-przystanki', 'ZDIT-REAL-PRZYSTANKI', 'Realizatorzy — przystanki i informacja pasażerska', 'zdit', 'realizer'),
  group('zzm-k-drzewa', 'ZZM-KOORD-DRZEWA', 'Koordynatorzy — drzewa i zieleń przyuliczna', 'zzm', 'coordinator'),
  group('zzm-k-parki', 'ZZM-KOORD-PARKI', 'Koordynatorzy — parki, skwery i place zabaw', 'zzm', 'coordinator'),
  group('zzm-r-drzewa', 'ZZM-REAL-DRZEWA', 'Realizatorzy — pielęgnacja drzew', 'zzm', 'realizer'),
  group('zzm-r-parki', 'ZZM-REAL-PARKI', 'Realizatorzy — utrzymanie parków i placów zabaw', 'zzm', 'realizer'),
  group('wgk-k-czystosc', 'WGK-KOORD-CZYSTOSC', 'Koordynatorzy — czystość i odpady', 'wgk', 'coordinator'),
  group('wgk-k-zwierzeta', 'WGK-KOORD-ZWIERZETA', 'Koordynatorzy — zwierzęta', 'wgk', 'coordinator'),
  group('wgk-r-odpady', 'WGK-REAL-ODPADY', 'Realizatorzy — odpady komunalne', 'wgk', 'realizer'),
  group('wgk-r-czystosc', 'WGK-REAL-CZYSTOSC', 'Realizatorzy — oczyszczanie miasta', 'wgk', 'realizer'),
  group('wgk-r-zwierzeta', 'WGK-REAL-ZWIERZETA', 'Realizatorzy — zwierzęta bezdomne i padłe', 'wgk', 'realizer'),
  group('bim-k-inwestycje', 'BIM-KOORD-INWESTYCJE', 'Koordynatorzy — zadania inwestycyjne', 'bim', 'coordinator'),
  group('bim-r-inwestycje', 'BIM-REAL-INWESTYCJE', 'Realizatorzy — zadania inwestycyjne', 'bim', 'realizer'),
  group('wzkm-k-informacja', 'WZKM-KOORD-INFORMACJA', 'Koordynatorzy — informacja dla mieszkańców', 'wzkm', 'coordinator'),
  group('wzkm-r-informacja', 'WZKM-REAL-INFORMACJA', 'Realizatorzy — informacja dla mieszkańców', 'wzkm', 'realizer'),
];

const field = (id: string, label: string, required = true) => ({ id, label, required });

/** The category dictionary (P§7) with what to ask on the phone (P§8.1.1, P§34). */
export const CATEGORIES: Category[] = [
  {
    id: 'drogi',
    name: 'Drogi i chodniki',
    kind: 'interventional',
    defaultCoordinatorGroupId: 'zdit-k-drogi',
    keywords: ['dziura', 'ubytek', 'jezdnia', 'chodnik', 'studzienka', 'krawężnik', 'droga rowerowa'],
    subcategories: [
      { id: 'ubytek-jezdnia', name: 'Ubytek w jezdni' },
      { id: 'chodnik', name: 'Uszkodzony chodnik' },
      { id: 'studzienka', name: 'Zapadnięta lub otwarta studzienka' },
      { id: 'droga-rowerowa', name: 'Uszkodzona droga rowerowa' },
      // P§5.2: not registered, the caller is sent to WGK.
      { id: 'oblodzony-chodnik', name: 'Oblodzony lub zaśnieżony chodnik', refuseAs: 'snowIce' },
    ],
    template: [
      field('wielkosc', 'Wielkość ubytku lub uszkodzenia (np. 30 × 50 cm, głębokość)'),
      field('miejsce', 'Gdzie dokładnie: jezdnia (który pas), chodnik, droga rowerowa, pobocze'),
      field('zagrozenie', 'Czy stwarza bezpośrednie zagrożenie dla ruchu lub pieszych'),
      field('zabezpieczenie', 'Czy miejsce jest oznakowane lub zabezpieczone', false),
    ],
  },
  {
    id: 'oswietlenie',
    name: 'Oświetlenie uliczne',
    kind: 'interventional',
    defaultCoordinatorGroupId: 'zdit-k-oswietlenie',
    keywords: ['latarnia', 'lampa', 'nie świeci', 'słup'],
    subcategories: [
      { id: 'nie-swieci', name: 'Latarnia nie świeci' },
      { id: 'swieci-w-dzien', name: 'Latarnia świeci w dzień' },
      { id: 'uszkodzony-slup', name: 'Uszkodzony lub przewrócony słup oświetleniowy' },
    ],
    template: [
      field('slup', 'Numer słupa (z tabliczki na słupie), jeśli zgłaszający go zna', false),
      field('stan', 'Czy lampa nie świeci, mruga, czy świeci w dzień'),
      field('zasieg', 'Ile lamp: jedna, kilka czy cały odcinek ulicy'),
    ],
  },
  {
    id: 'sygnalizacja',
    name: 'Sygnalizacja świetlna i oznakowanie',
    kind: 'interventional',
    defaultCoordinatorGroupId: 'zdit-k-oswietlenie',
    keywords: ['światła', 'sygnalizator', 'znak', 'przejście dla pieszych', 'pasy'],
    subcategories: [
      { id: 'sygnalizacja', name: 'Nie działa sygnalizacja świetlna' },
      { id: 'znak', name: 'Uszkodzony, przekręcony lub brakujący znak drogowy' },
      { id: 'oznakowanie-poziome', name: 'Nieczytelne oznakowanie poziome' },
    ],
    template: [
      field('lokalizacja', 'Skrzyżowanie lub przejście dla pieszych (nazwy ulic)'),
      field('usterka', 'Co nie działa: sygnalizator, przycisk dla pieszych, znak, oznakowanie'),
      field('zagrozenie', 'Czy stwarza zagrożenie dla ruchu'),
    ],
  },
  {
    id: 'komunikacja',
    name: 'Przystanki i transport zbiorowy',
    kind: 'interventional',
    defaultCoordinatorGroupId: 'zdit-k-transport',
    keywords: ['przystanek', 'wiata', 'rozkład jazdy', 'tramwaj', 'autobus', 'MPK'],
    subcategories: [
      { id: 'wiata', name: 'Zniszczona wiata przystankowa' },
      { id: 'rozklad', name: 'Brak lub nieaktualny rozkład jazdy' },
      { id: 'tablica', name: 'Nie działa tablica informacji pasażerskiej' },
    ],
    template: [
      field('przystanek', 'Nazwa przystanku i kierunek'),
      field('uszkodzenie', 'Co jest uszkodzone (wiata, szyba, ławka, tablica, rozkład)'),
    ],
  },
  {
    id: 'zielen',
    name: 'Drzewa i zieleń przyuliczna',
    kind: 'interventional',
    defaultCoordinatorGroupId: 'zzm-k-drzewa',
    needsParcel: true,
    keywords: ['drzewo', 'konar', 'gałąź', 'wycinka', 'trawa', 'krzewy'],
    subcategories: [
      { id: 'powalone-drzewo', name: 'Powalone drzewo lub złamany konar' },
      { id: 'drzewo-zagrazajace', name: 'Drzewo zagrażające bezpieczeństwu' },
      { id: 'krzewy', name: 'Krzewy lub gałęzie zasłaniające widoczność' },
      { id: 'koszenie', name: 'Nieskoszona trawa w pasie drogowym' },
    ],
    template: [
      field('blokuje', 'Czy blokuje jezdnię, chodnik lub wjazd'),
      field('wielkosc', 'Wielkość: całe drzewo, konar czy gałęzie'),
      field('zagrozenie', 'Czy zagraża ludziom, pojazdom, budynkom lub liniom energetycznym'),
    ],
  },
  {
    id: 'parki',
    name: 'Parki, skwery i place zabaw',
    kind: 'interventional',
    defaultCoordinatorGroupId: 'zzm-k-parki',
    keywords: ['park', 'plac zabaw', 'huśtawka', 'ławka', 'skwer', 'fontanna'],
    subcategories: [
      { id: 'plac-zabaw', name: 'Uszkodzone urządzenie na placu zabaw' },
      { id: 'lawka', name: 'Zniszczona ławka lub kosz w parku' },
      { id: 'alejka', name: 'Zniszczona alejka parkowa' },
    ],
    template: [
      field('obiekt', 'Nazwa parku, skweru lub placu zabaw'),
      field('urzadzenie', 'Które urządzenie i na czym polega uszkodzenie'),
      field('zagrozenie', 'Czy stwarza zagrożenie dla dzieci', false),
    ],
  },
  {
    id: 'czystosc',
    name: 'Czystość i odpady',
    kind: 'interventional',
    defaultCoordinatorGroupId: 'wgk-k-czystosc',
    keywords: ['śmieci', 'odpady', 'wysypisko', 'kosz', 'wywóz', 'gabaryty'],
    subcategories: [
      { id: 'dzikie-wysypisko', name: 'Dzikie wysypisko' },
      { id: 'kosz', name: 'Przepełniony kosz uliczny' },
      { id: 'nieodebrane', name: 'Nieodebrane odpady komunalne' },
      { id: 'zanieczyszczenie', name: 'Zanieczyszczony chodnik lub przystanek' },
    ],
    template: [
      field('rodzaj', 'Rodzaj i ilość odpadów (np. worki, meble, gruz, opony)'),
      field('teren', 'Teren publiczny (chodnik, trawnik, las) czy posesja prywatna', false),
    ],
  },
  {
    id: 'zwierzeta',
    name: 'Zwierzęta',
    kind: 'interventional',
    defaultCoordinatorGroupId: 'wgk-k-zwierzeta',
    keywords: ['pies', 'kot', 'padłe zwierzę', 'dzik', 'ranne zwierzę'],
    subcategories: [
      { id: 'padle', name: 'Padłe zwierzę' },
      { id: 'bezdomne', name: 'Bezdomne lub ranne zwierzę' },
      { id: 'dzikie', name: 'Dzikie zwierzęta na terenie zabudowanym' },
    ],
    template: [
      field('gatunek', 'Gatunek i liczba zwierząt'),
      field('stan', 'Czy zwierzę jest ranne, martwe lub agresywne'),
      field('miejsce', 'Dokładne miejsce (jezdnia, posesja, park)', false),
    ],
  },
  {
    id: 'inwestycje',
    name: 'Zadania inwestycyjne',
    kind: 'informational',
    investment: true,
    defaultCoordinatorGroupId: 'bim-k-inwestycje',
    keywords: ['remont', 'budowa', 'przebudowa', 'inwestycja'],
    subcategories: [
      { id: 'planowany-remont', name: 'Pytanie o planowany remont lub przebudowę' },
      { id: 'utrudnienia', name: 'Utrudnienia w związku z budową' },
    ],
  },
  {
    id: 'informacja',
    name: 'Informacja dla mieszkańców',
    kind: 'informational',
    defaultCoordinatorGroupId: 'wzkm-k-informacja',
    keywords: ['informacja', 'jak załatwić', 'godziny pracy', 'urząd'],
    subcategories: [
      { id: 'sprawa-urzedowa', name: 'Jak załatwić sprawę w urzędzie' },
      { id: 'status-sprawy', name: 'Pytanie o sprawę prowadzoną poza aplikacją' },
    ],
  },
  {
    id: 'wnioski',
    name: 'Wnioski i propozycje mieszkańców',
    kind: 'informational',
    defaultCoordinatorGroupId: 'wzkm-k-informacja',
    keywords: ['propozycja', 'wniosek', 'sugestia'],
  },
  // Units that do not work in the app (P§15): no default group, the operator closes these as handled outside.
  {
    id: 'lokale',
    name: 'Budynki i lokale komunalne',
    kind: 'interventional',
    keywords: ['mieszkanie komunalne', 'kamienica', 'ZLM', 'klatka schodowa'],
    template: [field('adres-lokalu', 'Adres budynku i numer lokalu', false)],
  },
  {
    id: 'porzadek',
    name: 'Porządek publiczny',
    kind: 'interventional',
    keywords: ['straż miejska', 'parkowanie', 'porzucony samochód', 'wrak'],
  },
  { id: 'inne', name: 'Inne sprawy', kind: 'interventional', keywords: ['inne'] },
  // P§5.2: snow and ice on roads, cycle paths and pavements are not registered.
  {
    id: 'snieg',
    name: 'Śnieg i lód na drogach, ścieżkach rowerowych i chodnikach',
    kind: 'interventional',
    refuseAs: 'snowIce',
    keywords: ['śnieg', 'lód', 'ślisko', 'gołoledź', 'odśnieżanie'],
  },
];

export interface DemoUser {
  login: string;
  displayName: string;
  roles: UserRole[];
  groups?: string[];
  /** Units the user supervises. */
  units?: string[];
}

/** One login per role at least (I§4); every group has a member so that every queue can be worked. */
export const DEMO_USERS: DemoUser[] = [
  { login: 'operator', displayName: 'Anna Kowalska', roles: ['operator'] },
  { login: 'operator2', displayName: 'Katarzyna Nowak', roles: ['operator'] },
  { login: 'operator3', displayName: 'Michał Szymański', roles: ['operator'] },
  { login: 'koordynator', displayName: 'Piotr Wiśniewski', roles: ['coordinator'], groups: ['zdit-k-drogi'] },
  {
    login: 'koordynator-oswietlenie',
    displayName: 'Grzegorz Krawczyk',
    roles: ['coordinator'],
    groups: ['zdit-k-oswietlenie', 'zdit-k-transport'],
  },
  { login: 'koordynator-zzm', displayName: 'Agnieszka Dąbrowska', roles: ['coordinator'], groups: ['zzm-k-drzewa', 'zzm-k-parki'] },
  { login: 'koordynator-wgk', displayName: 'Ewa Jankowska', roles: ['coordinator'], groups: ['wgk-k-czystosc', 'wgk-k-zwierzeta'] },
  { login: 'koordynator-bim', displayName: 'Dorota Grabowska', roles: ['coordinator'], groups: ['bim-k-inwestycje'] },
  { login: 'koordynator-wzkm', displayName: 'Monika Michalska', roles: ['coordinator'], groups: ['wzkm-k-informacja'] },
  { login: 'realizator', displayName: 'Magdalena Wójcik', roles: ['realizer'], groups: ['zdit-r-drogi'] },
  {
    login: 'realizator-oswietlenie',
    displayName: 'Barbara Piotrowska',
    roles: ['realizer'],
    groups: ['zdit-r-oswietlenie', 'zdit-r-oznakowanie'],
  },
  { login: 'realizator-przystanki', displayName: 'Rafał Adamczyk', roles: ['realizer'], groups: ['zdit-r-przystanki'] },
  { login: 'realizator-zzm', displayName: 'Paweł Kozłowski', roles: ['realizer'], groups: ['zzm-r-drzewa', 'zzm-r-parki'] },
  {
    login: 'realizator-wgk',
    displayName: 'Marcin Mazur',
    roles: ['realizer'],
    groups: ['wgk-r-odpady', 'wgk-r-czystosc', 'wgk-r-zwierzeta'],
  },
  { login: 'realizator-bim', displayName: 'Andrzej Pawłowski', roles: ['realizer'], groups: ['bim-r-inwestycje'] },
  { login: 'realizator-wzkm', displayName: 'Łukasz Zając', roles: ['realizer'], groups: ['wzkm-r-informacja'] },
  { login: 'nadzorca', displayName: 'Krzysztof Kamiński', roles: ['supervisor'], units: ['zdit'] },
  { login: 'nadzorca-zzm', displayName: 'Elżbieta Król', roles: ['supervisor'], units: ['zzm'] },
  { login: 'nadzorca-wgk', displayName: 'Jan Wieczorek', roles: ['supervisor'], units: ['wgk', 'bim'] },
  { login: 'supernadzorca', displayName: 'Joanna Lewandowska', roles: ['superSupervisor'] },
  { login: 'admin', displayName: 'Tomasz Zieliński', roles: ['admin'] },
];

/** What residents report: one topic per kind of fault, with the words an operator would write. */
export interface Topic {
  categoryId: string;
  subcategoryId?: string;
  /** How common the topic is among the calls. */
  weight: number;
  subjects: string[];
  descriptions: string[];
  /** Answers to the category's template fields, picked at random. */
  answers?: Record<string, string[]>;
  /** The realizer group that does the work (units working in the app). */
  realizerGroupId?: string;
  /** The unit outside the app the ticket goes to (P§15). */
  outsideUnitId?: string;
  /** The entity outside the city's units it goes to (P§14). */
  outOfScopeEntity?: string;
  /** Work usually ordered from a contractor (P§21.2.3). */
  contractors?: string[];
}

const ROAD_ANSWERS = {
  wielkosc: [
    'ok. 30 × 40 cm, głęboka na 10 cm',
    'ok. 1 m średnicy',
    'kilka mniejszych ubytków na odcinku 20 m',
    'ok. 50 cm, głęboka',
    'pęknięta płyta chodnikowa, uskok 5 cm',
  ],
  miejsce: [
    'prawy pas jezdni w kierunku centrum',
    'lewy pas przy osi jezdni',
    'chodnik przy przejściu dla pieszych',
    'droga rowerowa przy przystanku',
    'pas do skrętu w lewo',
    'wjazd na skrzyżowanie',
  ],
  zagrozenie: [
    'tak — samochody gwałtownie hamują',
    'tak — potknęła się starsza osoba',
    'nie, ale ubytek się powiększa',
    'tak, szczególnie po zmroku',
  ],
  zabezpieczenie: ['nie', 'nie, brak oznakowania', 'tak, ustawiono pachołek', ''],
};

export const TOPICS: Topic[] = [
  {
    categoryId: 'drogi',
    subcategoryId: 'ubytek-jezdnia',
    weight: 16,
    realizerGroupId: 'zdit-r-drogi',
    subjects: ['Ubytek w jezdni', 'Dziura w jezdni', 'Głęboki ubytek w nawierzchni jezdni'],
    descriptions: [
      'Zgłaszający informuje o głębokiej dziurze w jezdni, w którą wpadają koła samochodów.',
      'Po ostatnich opadach w nawierzchni powstał ubytek, kierowcy omijają go wjeżdżając na przeciwległy pas.',
      'Ubytek w asfalcie przy krawężniku, wypełniony wodą — trudno go zauważyć.',
    ],
    answers: ROAD_ANSWERS,
    contractors: ['Drogbud Łódź sp. z o.o.', 'Asfalt-Serwis sp. z o.o.', 'Przedsiębiorstwo Robót Drogowych Widzew sp. z o.o.'],
  },
  {
    categoryId: 'drogi',
    subcategoryId: 'chodnik',
    weight: 8,
    realizerGroupId: 'zdit-r-drogi',
    subjects: ['Uszkodzony chodnik', 'Zapadnięte płyty chodnikowe', 'Wystająca kostka brukowa na chodniku'],
    descriptions: [
      'Płyty chodnikowe zapadły się i tworzą uskok, o który potykają się piesi.',
      'Brak kilku kostek w chodniku przy wejściu do bramy, dziura ok. 20 cm.',
      'Chodnik rozjechany przez samochody dostawcze, nierówności utrudniają przejazd wózkiem.',
    ],
    answers: ROAD_ANSWERS,
    contractors: ['Drogbud Łódź sp. z o.o.', 'Bruk-Serwis s.c.'],
  },
  {
    categoryId: 'drogi',
    subcategoryId: 'studzienka',
    weight: 4,
    realizerGroupId: 'zdit-r-drogi',
    subjects: ['Zapadnięta studzienka w jezdni', 'Brak kratki ściekowej', 'Ruchoma pokrywa studzienki'],
    descriptions: [
      'Pokrywa studzienki kanalizacyjnej zapadła się poniżej poziomu jezdni.',
      'Brakuje kratki ściekowej przy krawężniku — otwór jest niezabezpieczony.',
      'Pokrywa studzienki głośno stuka przy każdym przejeździe i przesuwa się.',
    ],
    answers: ROAD_ANSWERS,
  },
  {
    categoryId: 'drogi',
    subcategoryId: 'droga-rowerowa',
    weight: 2,
    realizerGroupId: 'zdit-r-drogi',
    subjects: ['Uszkodzona nawierzchnia drogi rowerowej', 'Korzenie unoszą nawierzchnię drogi rowerowej'],
    descriptions: [
      'Nawierzchnia drogi rowerowej popękana i uniesiona przez korzenie drzew.',
      'Ubytek w nawierzchni drogi rowerowej na łuku, groźny dla rowerzystów.',
    ],
    answers: ROAD_ANSWERS,
  },
  {
    categoryId: 'oswietlenie',
    subcategoryId: 'nie-swieci',
    weight: 10,
    realizerGroupId: 'zdit-r-oswietlenie',
    subjects: ['Nie świeci latarnia', 'Nie świecą latarnie na odcinku ulicy', 'Ciemno na przejściu dla pieszych — nie działa oświetlenie'],
    descriptions: [
      'Od kilku dni nie świeci latarnia przed budynkiem, wieczorem jest zupełnie ciemno.',
      'Nie świeci kilka kolejnych latarni, mieszkańcy boją się wracać wieczorem.',
      'Lampa przy przejściu dla pieszych mruga i gaśnie.',
    ],
    answers: {
      slup: ['', '', 'nr 12/45', 'nr 3-117', 'nr 7/208'],
      stan: ['nie świeci', 'mruga i gaśnie', 'świeci bardzo słabo'],
      zasieg: ['jedna lampa', 'trzy lampy z rzędu', 'cały odcinek między skrzyżowaniami'],
    },
    contractors: ['Lumen Serwis sp. z o.o.', 'Elektro-Miasto sp. z o.o.'],
  },
  {
    categoryId: 'oswietlenie',
    subcategoryId: 'swieci-w-dzien',
    weight: 2,
    realizerGroupId: 'zdit-r-oswietlenie',
    subjects: ['Latarnie świecą w dzień'],
    descriptions: ['Latarnie świecą przez cały dzień, prawdopodobnie uszkodzony sterownik.'],
    answers: { slup: ['', 'nr 5/31'], stan: ['świeci w dzień'], zasieg: ['cały odcinek ulicy', 'kilka lamp'] },
  },
  {
    categoryId: 'oswietlenie',
    subcategoryId: 'uszkodzony-slup',
    weight: 2,
    realizerGroupId: 'zdit-r-oswietlenie',
    subjects: ['Uszkodzony słup oświetleniowy', 'Otwarta wnęka słupa, widoczne przewody'],
    descriptions: [
      'Słup oświetleniowy przechylony po kolizji drogowej.',
      'Brak drzwiczek wnęki słupa — odsłonięte przewody na wysokości dziecka.',
    ],
    answers: { slup: ['', 'nr 9/12'], stan: ['nie świeci', 'świeci'], zasieg: ['jedna lampa'] },
    contractors: ['Lumen Serwis sp. z o.o.'],
  },
  {
    categoryId: 'sygnalizacja',
    subcategoryId: 'sygnalizacja',
    weight: 4,
    realizerGroupId: 'zdit-r-oznakowanie',
    subjects: ['Nie działa sygnalizacja świetlna', 'Nie działa przycisk na przejściu dla pieszych', 'Sygnalizacja miga na żółto'],
    descriptions: [
      'Sygnalizator dla pieszych nie zmienia światła na zielone.',
      'Na skrzyżowaniu wszystkie sygnalizatory migają na żółto od rana.',
    ],
    answers: {
      lokalizacja: ['przejście dla pieszych przy szkole', 'skrzyżowanie z ulicą poprzeczną', 'przejście przy przystanku tramwajowym'],
      usterka: ['sygnalizator dla pieszych', 'przycisk dla pieszych', 'wszystkie sygnalizatory migają na żółto'],
      zagrozenie: ['tak, piesi przechodzą na czerwonym', 'tak, duży ruch', 'nie'],
    },
  },
  {
    categoryId: 'sygnalizacja',
    subcategoryId: 'znak',
    weight: 3,
    realizerGroupId: 'zdit-r-oznakowanie',
    subjects: ['Przewrócony znak drogowy', 'Przekręcony znak drogowy', 'Brak znaku „ustąp pierwszeństwa”'],
    descriptions: [
      'Znak drogowy leży na chodniku, prawdopodobnie potrącony przez samochód.',
      'Znak jest obrócony i nieczytelny dla kierowców.',
    ],
    answers: {
      lokalizacja: ['wyjazd z osiedla', 'skrzyżowanie z ulicą poprzeczną', 'przejście dla pieszych'],
      usterka: ['znak leży na chodniku', 'znak obrócony', 'brak znaku'],
      zagrozenie: ['tak', 'nie'],
    },
  },
  {
    categoryId: 'sygnalizacja',
    subcategoryId: 'oznakowanie-poziome',
    weight: 1,
    realizerGroupId: 'zdit-r-oznakowanie',
    subjects: ['Nieczytelne przejście dla pieszych', 'Starte oznakowanie poziome'],
    descriptions: ['Pasy na przejściu dla pieszych są prawie niewidoczne.'],
    answers: {
      lokalizacja: ['przejście dla pieszych przy szkole'],
      usterka: ['oznakowanie poziome'],
      zagrozenie: ['tak, szczególnie po zmroku'],
    },
    contractors: ['Oznakowanie Dróg Polmark sp. z o.o.'],
  },
  {
    categoryId: 'komunikacja',
    subcategoryId: 'wiata',
    weight: 3,
    realizerGroupId: 'zdit-r-przystanki',
    subjects: ['Zbita szyba wiaty przystankowej', 'Zniszczona wiata przystankowa'],
    descriptions: ['Szyba w wiacie przystankowej rozbita, szkło leży na chodniku.', 'Wiata bez dachu po wichurze.'],
    answers: {
      przystanek: ['przystanek w kierunku centrum', 'przystanek tramwajowy, kierunek pętla', 'przystanek autobusowy na żądanie'],
      uszkodzenie: ['rozbita szyba', 'uszkodzony dach', 'połamana ławka'],
    },
    contractors: ['Przystanek-Serwis sp. z o.o.'],
  },
  {
    categoryId: 'komunikacja',
    subcategoryId: 'rozklad',
    weight: 2,
    realizerGroupId: 'zdit-r-przystanki',
    subjects: ['Brak rozkładu jazdy na przystanku', 'Nieaktualny rozkład jazdy'],
    descriptions: ['Na przystanku wisi rozkład sprzed zmiany tras.', 'Gablota na rozkład jazdy jest pusta.'],
    answers: {
      przystanek: ['przystanek w kierunku centrum', 'przystanek przy pętli'],
      uszkodzenie: ['brak rozkładu', 'nieaktualny rozkład'],
    },
  },
  {
    categoryId: 'komunikacja',
    subcategoryId: 'tablica',
    weight: 1,
    realizerGroupId: 'zdit-r-przystanki',
    subjects: ['Nie działa tablica informacji pasażerskiej'],
    descriptions: ['Tablica z czasami odjazdów jest wyłączona od kilku dni.'],
    answers: { przystanek: ['przystanek tramwajowy w kierunku centrum'], uszkodzenie: ['tablica nie wyświetla odjazdów'] },
  },
  {
    categoryId: 'zielen',
    subcategoryId: 'powalone-drzewo',
    weight: 5,
    realizerGroupId: 'zzm-r-drzewa',
    subjects: ['Powalone drzewo', 'Złamany konar na chodniku', 'Drzewo przewrócone na jezdnię'],
    descriptions: [
      'Po nocnej wichurze drzewo przewróciło się na chodnik.',
      'Duży konar złamał się i wisi nad chodnikiem.',
      'Drzewo leży w poprzek jezdni, samochody nie mogą przejechać.',
    ],
    answers: {
      blokuje: ['tak, całą jezdnię', 'tak, chodnik', 'częściowo', 'nie'],
      wielkosc: ['całe drzewo', 'duży konar', 'kilka gałęzi'],
      zagrozenie: ['tak, wisi nad chodnikiem', 'tak, oparte o linię energetyczną', 'nie, leży na trawniku'],
    },
    contractors: ['Arbor Serwis sp. z o.o.', 'Zieleń Miejska-Usługi s.c.'],
  },
  {
    categoryId: 'zielen',
    subcategoryId: 'drzewo-zagrazajace',
    weight: 3,
    realizerGroupId: 'zzm-r-drzewa',
    subjects: ['Drzewo zagraża bezpieczeństwu', 'Suche drzewo przy chodniku', 'Pochylone drzewo przy placu zabaw'],
    descriptions: ['Drzewo jest suche, odpadają z niego gałęzie.', 'Drzewo mocno pochyla się w stronę budynku, widoczne pęknięcie pnia.'],
    answers: {
      blokuje: ['nie'],
      wielkosc: ['całe drzewo', 'kilka konarów'],
      zagrozenie: ['tak, nad chodnikiem', 'tak, w stronę budynku', 'tak, nad placem zabaw'],
    },
    contractors: ['Arbor Serwis sp. z o.o.'],
  },
  {
    categoryId: 'zielen',
    subcategoryId: 'krzewy',
    weight: 2,
    realizerGroupId: 'zzm-r-drzewa',
    subjects: ['Krzewy zasłaniają widoczność na skrzyżowaniu', 'Gałęzie zasłaniają znak drogowy'],
    descriptions: ['Krzewy na wysepce zasłaniają widoczność przy wyjeździe z osiedla.', 'Gałęzie drzewa zasłaniają znak i sygnalizator.'],
    answers: { blokuje: ['nie', 'częściowo chodnik'], wielkosc: ['gałęzie', 'krzewy'], zagrozenie: ['tak, brak widoczności', 'nie'] },
  },
  {
    categoryId: 'zielen',
    subcategoryId: 'koszenie',
    weight: 2,
    realizerGroupId: 'zzm-r-drzewa',
    subjects: ['Nieskoszona trawa w pasie drogowym', 'Wysoka trawa przy przejściu dla pieszych'],
    descriptions: ['Trawa w pasie zieleni ma ponad pół metra, zasłania pieszych.'],
    answers: { blokuje: ['nie'], wielkosc: ['trawa'], zagrozenie: ['nie', 'tak, ogranicza widoczność'] },
  },
  {
    categoryId: 'parki',
    subcategoryId: 'plac-zabaw',
    weight: 3,
    realizerGroupId: 'zzm-r-parki',
    subjects: ['Uszkodzona huśtawka na placu zabaw', 'Zniszczona zjeżdżalnia', 'Wystające śruby na placu zabaw'],
    descriptions: ['Zerwany łańcuch huśtawki, siedzisko leży na ziemi.', 'Pęknięta ślizgawka zjeżdżalni, ostre krawędzie.'],
    answers: {
      obiekt: [
        'park im. Józefa Piłsudskiego (Zdrowie)',
        'park Źródliska',
        'park im. Władysława Reymonta',
        'park Poniatowskiego',
        'plac zabaw na skwerze osiedlowym',
      ],
      urzadzenie: ['huśtawka — zerwany łańcuch', 'zjeżdżalnia — pęknięta ślizgawka', 'karuzela — wystające śruby'],
      zagrozenie: ['tak', 'tak, dzieci nadal korzystają', ''],
    },
    contractors: ['Plac-Serwis sp. z o.o.'],
  },
  {
    categoryId: 'parki',
    subcategoryId: 'lawka',
    weight: 2,
    realizerGroupId: 'zzm-r-parki',
    subjects: ['Zniszczona ławka w parku', 'Przepełnione kosze w parku'],
    descriptions: ['Połamane deski ławki przy alejce.', 'Kosze w parku nie były opróżniane od weekendu.'],
    answers: {
      obiekt: ['park Helenów', 'park im. Juliana Tuwima', 'park na Zdrowiu', 'park Julianowski', 'skwer przy kościele'],
      urzadzenie: ['ławka — połamane deski', 'kosz — przepełniony'],
      zagrozenie: ['nie', ''],
    },
  },
  {
    categoryId: 'parki',
    subcategoryId: 'alejka',
    weight: 1,
    realizerGroupId: 'zzm-r-parki',
    subjects: ['Zniszczona alejka w parku'],
    descriptions: ['Alejka rozmyta po ulewie, głębokie koleiny.'],
    answers: { obiekt: ['park na Zdrowiu', 'park Julianowski'], urzadzenie: ['alejka — koleiny i kałuże'], zagrozenie: [''] },
  },
  {
    categoryId: 'czystosc',
    subcategoryId: 'dzikie-wysypisko',
    weight: 5,
    realizerGroupId: 'wgk-r-odpady',
    subjects: ['Dzikie wysypisko śmieci', 'Porzucone opony', 'Wyrzucone meble i gruz'],
    descriptions: [
      'Na nieużytku przy ulicy ktoś porzucił kilkanaście worków ze śmieciami.',
      'Przy śmietniku wyrzucono stare meble i gruz z remontu.',
    ],
    answers: {
      rodzaj: ['kilkanaście worków', 'meble i gruz z remontu', 'kilkadziesiąt opon', 'odpady budowlane'],
      teren: ['teren publiczny, trawnik', 'las miejski', 'pobocze drogi', ''],
    },
    contractors: ['Eko-Trans Łódź sp. z o.o.'],
  },
  {
    categoryId: 'czystosc',
    subcategoryId: 'kosz',
    weight: 3,
    realizerGroupId: 'wgk-r-czystosc',
    subjects: ['Przepełniony kosz uliczny', 'Nieopróżniane kosze przy przystanku'],
    descriptions: ['Kosz uliczny przepełniony, śmieci leżą wokół.', 'Kosze przy przystanku nie były opróżniane od kilku dni.'],
    answers: { rodzaj: ['odpady z koszy ulicznych'], teren: ['chodnik', 'przystanek'] },
  },
  {
    categoryId: 'czystosc',
    subcategoryId: 'nieodebrane',
    weight: 3,
    realizerGroupId: 'wgk-r-odpady',
    subjects: ['Nieodebrane odpady komunalne', 'Nie odebrano odpadów segregowanych'],
    descriptions: [
      'Zgodnie z harmonogramem odpady miały być odebrane we wtorek — pojemniki nadal pełne.',
      'Nie odebrano worków z tworzywami sztucznymi.',
    ],
    answers: {
      rodzaj: ['odpady zmieszane', 'tworzywa sztuczne', 'bioodpady', 'gabaryty'],
      teren: ['posesja prywatna — pojemniki przy bramie', 'altana śmietnikowa wspólnoty'],
    },
  },
  {
    categoryId: 'czystosc',
    subcategoryId: 'zanieczyszczenie',
    weight: 1,
    realizerGroupId: 'wgk-r-czystosc',
    subjects: ['Zanieczyszczony chodnik', 'Rozbite szkło na przystanku'],
    descriptions: ['Na chodniku rozbite butelki.', 'Rozlany olej na chodniku przy przejściu.'],
    answers: { rodzaj: ['szkło', 'olej'], teren: ['chodnik', 'przystanek'] },
  },
  {
    categoryId: 'zwierzeta',
    subcategoryId: 'padle',
    weight: 2,
    realizerGroupId: 'wgk-r-zwierzeta',
    subjects: ['Padłe zwierzę na jezdni', 'Martwy kot na chodniku'],
    descriptions: ['Na jezdni leży potrącone zwierzę.', 'Martwy ptak przy placu zabaw.'],
    answers: {
      gatunek: ['kot', 'pies', 'lis', 'ptak (gołąb)', 'jeż'],
      stan: ['martwe'],
      miejsce: ['jezdnia', 'chodnik', 'trawnik przy bloku', ''],
    },
  },
  {
    categoryId: 'zwierzeta',
    subcategoryId: 'bezdomne',
    weight: 2,
    realizerGroupId: 'wgk-r-zwierzeta',
    subjects: ['Bezpański pies', 'Ranny kot wymaga pomocy'],
    descriptions: ['Od rana po osiedlu biega pies bez obroży, zaczepia przechodniów.', 'Ranny kot pod samochodem na parkingu.'],
    answers: {
      gatunek: ['pies', 'kot', 'dwa psy'],
      stan: ['ranne', 'agresywne', 'zdrowe, błąka się'],
      miejsce: ['osiedle', 'parking', ''],
    },
  },
  {
    categoryId: 'zwierzeta',
    subcategoryId: 'dzikie',
    weight: 1,
    realizerGroupId: 'wgk-r-zwierzeta',
    subjects: ['Dziki na osiedlu', 'Lis na terenie szkoły'],
    descriptions: ['Wieczorem po osiedlu chodzą dziki, rozgrzebują śmietniki.'],
    answers: { gatunek: ['dziki (kilka sztuk)', 'lis'], stan: ['nie są ranne'], miejsce: ['osiedle', 'teren szkoły'] },
  },
  {
    categoryId: 'inwestycje',
    subcategoryId: 'planowany-remont',
    weight: 2,
    realizerGroupId: 'bim-r-inwestycje',
    subjects: ['Pytanie o termin remontu ulicy', 'Kiedy przebudowa skrzyżowania'],
    descriptions: ['Mieszkaniec pyta, kiedy planowany jest kompleksowy remont ulicy.', 'Pytanie o harmonogram przebudowy skrzyżowania.'],
  },
  {
    categoryId: 'inwestycje',
    subcategoryId: 'utrudnienia',
    weight: 1,
    realizerGroupId: 'bim-r-inwestycje',
    subjects: ['Utrudnienia w związku z budową', 'Brak dojścia do posesji podczas budowy'],
    descriptions: [
      'Wykonawca zamknął chodnik bez wyznaczenia przejścia zastępczego.',
      'Od tygodnia brak dojazdu do posesji w związku z przebudową.',
    ],
  },
  {
    categoryId: 'informacja',
    subcategoryId: 'sprawa-urzedowa',
    weight: 2,
    realizerGroupId: 'wzkm-r-informacja',
    subjects: ['Jak zgłosić odbiór odpadów wielkogabarytowych', 'Gdzie złożyć wniosek o kartę parkingową', 'Godziny pracy punktu obsługi'],
    descriptions: ['Mieszkaniec prosi o informację, jak załatwić sprawę i jakie dokumenty przygotować.'],
  },
  {
    categoryId: 'informacja',
    subcategoryId: 'status-sprawy',
    weight: 1,
    realizerGroupId: 'wzkm-r-informacja',
    subjects: ['Pytanie o stan sprawy prowadzonej pismem'],
    descriptions: ['Zgłaszający pyta o etap rozpatrywania pisma złożonego w urzędzie.'],
  },
  {
    categoryId: 'wnioski',
    weight: 1,
    realizerGroupId: 'wzkm-r-informacja',
    subjects: ['Propozycja ustawienia ławek', 'Wniosek o nowe przejście dla pieszych', 'Propozycja stojaków rowerowych'],
    descriptions: ['Mieszkaniec proponuje ustawienie ławek przy przystanku.', 'Prośba o wyznaczenie przejścia dla pieszych przy sklepie.'],
  },
  {
    categoryId: 'lokale',
    weight: 3,
    outsideUnitId: 'zlm',
    subjects: ['Przeciekający dach w budynku komunalnym', 'Nie działa domofon w kamienicy komunalnej', 'Wilgoć w lokalu komunalnym'],
    descriptions: [
      'Lokator budynku komunalnego zgłasza przeciekający dach nad klatką schodową.',
      'W kamienicy od tygodnia nie działa domofon.',
    ],
    answers: { 'adres-lokalu': ['m. 4', 'm. 12', 'klatka schodowa', ''] },
  },
  {
    categoryId: 'porzadek',
    weight: 2,
    outsideUnitId: 'sm',
    subjects: ['Porzucony samochód bez tablic', 'Samochody parkują na trawniku', 'Wrak samochodu na parkingu'],
    descriptions: [
      'Od kilku miesięcy na parkingu stoi samochód bez tablic rejestracyjnych.',
      'Samochody regularnie parkują na trawniku, niszcząc zieleń.',
    ],
  },
  {
    categoryId: 'inne',
    weight: 1,
    outOfScopeEntity: 'Zakład Wodociągów i Kanalizacji Sp. z o.o. w Łodzi',
    subjects: ['Wyciek wody z jezdni', 'Awaria wodociągu'],
    descriptions: ['Z jezdni wypływa woda, prawdopodobnie pęknięta rura wodociągowa.'],
  },
  {
    categoryId: 'inne',
    weight: 1,
    outOfScopeEntity: 'PGE Dystrybucja S.A. Oddział Łódź',
    subjects: ['Brak prądu w budynkach', 'Zerwana linia energetyczna'],
    descriptions: ['Od rana brak prądu w kilku budynkach przy ulicy.'],
  },
  {
    categoryId: 'inne',
    weight: 1,
    outOfScopeEntity: 'PKP Polskie Linie Kolejowe S.A.',
    subjects: ['Uszkodzony wiadukt kolejowy', 'Zniszczone ogrodzenie przy torach'],
    descriptions: ['Z wiaduktu kolejowego odpadają fragmenty betonu.'],
  },
  {
    categoryId: 'inne',
    weight: 1,
    outOfScopeEntity: 'Veolia Energia Łódź S.A.',
    subjects: ['Wyciek pary z sieci ciepłowniczej'],
    descriptions: ['Z komory ciepłowniczej przy chodniku wydobywa się para.'],
  },
];

/** Misrouting that happens (P§19.4.1): a category's tickets sometimes go first to this group of another unit. */
export const CONFUSIONS: Record<string, string> = {
  drogi: 'zzm-k-drzewa',
  zielen: 'zdit-k-drogi',
  parki: 'wgk-k-czystosc',
  czystosc: 'zzm-k-parki',
  zwierzeta: 'zzm-k-drzewa',
};

/** A partial-competence notice and its part (P§19.4.2, P§20.2): the category and group of the split part. */
export const PARTIAL_COMPETENCE: { part: string; addressee: string; categoryId: string; groupId: string }[] = [
  {
    part: 'Nie świeci latarnia przy tym samym przejściu',
    addressee: 'ZDiT — oświetlenie uliczne',
    categoryId: 'oswietlenie',
    groupId: 'zdit-k-oswietlenie',
  },
  {
    part: 'Złamany konar nad chodnikiem obok',
    addressee: 'Zarząd Zieleni Miejskiej w Łodzi',
    categoryId: 'zielen',
    groupId: 'zzm-k-drzewa',
  },
  {
    part: 'Przepełnione kosze i worki ze śmieciami obok',
    addressee: 'Wydział Gospodarki Komunalnej',
    categoryId: 'czystosc',
    groupId: 'wgk-k-czystosc',
  },
  {
    part: 'Przewrócony znak drogowy przy tym samym skrzyżowaniu',
    addressee: 'ZDiT — oznakowanie',
    categoryId: 'sygnalizacja',
    groupId: 'zdit-k-oswietlenie',
  },
];

export const EXTERNAL_ENTITIES = [
  'Generalna Dyrekcja Dróg Krajowych i Autostrad Oddział w Łodzi',
  'PKP Polskie Linie Kolejowe S.A.',
  'Zakład Wodociągów i Kanalizacji Sp. z o.o. w Łodzi',
  'PGE Dystrybucja S.A. Oddział Łódź',
];

// People who call (personal data of the demo: invented names, e-mail addresses in the reserved example.com domain).
export const MALE_NAMES = [
  'Jan',
  'Piotr',
  'Andrzej',
  'Krzysztof',
  'Tomasz',
  'Paweł',
  'Marek',
  'Michał',
  'Grzegorz',
  'Józef',
  'Adam',
  'Łukasz',
  'Zbigniew',
  'Jerzy',
  'Stanisław',
  'Wojciech',
  'Rafał',
  'Kamil',
  'Mateusz',
  'Ryszard',
];
export const FEMALE_NAMES = [
  'Anna',
  'Maria',
  'Katarzyna',
  'Małgorzata',
  'Agnieszka',
  'Barbara',
  'Ewa',
  'Krystyna',
  'Elżbieta',
  'Zofia',
  'Teresa',
  'Joanna',
  'Danuta',
  'Monika',
  'Beata',
  'Jadwiga',
  'Halina',
  'Aleksandra',
  'Natalia',
  'Iwona',
];
/** Surnames in the masculine form; -ski / -cki / -dzki take -ska / -cka / -dzka for women. */
export const SURNAMES = [
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'Wójcik',
  'Kowalczyk',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
  'Szymański',
  'Woźniak',
  'Dąbrowski',
  'Kozłowski',
  'Jankowski',
  'Mazur',
  'Kwiatkowski',
  'Krawczyk',
  'Piotrowski',
  'Grabowski',
  'Nowakowski',
  'Pawłowski',
  'Michalski',
  'Adamczyk',
  'Dudek',
  'Zając',
  'Wieczorek',
  'Jabłoński',
  'Król',
  'Majewski',
  'Olszewski',
  'Jaworski',
  'Malinowski',
  'Pawlak',
  'Witkowski',
  'Walczak',
  'Stępień',
  'Górski',
  'Rutkowski',
  'Michalak',
  'Sikora',
  'Ostrowski',
];

/** Łódź geodetic precinct prefixes (Bałuty, Górna, Polesie, Śródmieście, Widzew) for P§12.2. */
export const PRECINCT_PREFIXES = ['B', 'G', 'P', 'S', 'W'];
