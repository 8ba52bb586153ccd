// What the operator-screen tests need beyond the stack: a small city directory (units, groups,
// categories with call scripts, snow and ice, a category needing the plot), logins, and a web form
// received by the hub's own intake (the "system" actor), as the portal's intake would save it.
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_STREETS_FILE, DEMO_USERS } from '../../src-server/admin/demo';
import { importStreetsFile, LODZ_SYM } from '../../src-server/admin/streets';
import { hashPassword } from '../../src-server/auth/passwords';
import type { CentralDb } from '../../src-server/db/connect';
import { loadDirectory, saveDirectory, setMemberships, SYSTEM_ACTOR, type DirectoryConfig } from '../../src-server/directory';
import { formatTicketNumber, issueNumbers } from '../../src-server/sync/numbers';
import { writeBatch } from '../../src-server/ticket-writer';
import { warsawYear } from '../../src-shared/format';
import { applyEvents, decide, type Command } from '../../src-shared/ticket';

export const INTAKE_DIRECTORY: DirectoryConfig = {
  units: [
    { id: 'zdit', name: 'Zarząd Dróg i Transportu', kind: 'agency', worksInApp: true },
    { id: 'wgk', name: 'Wydział Gospodarki Komunalnej', kind: 'department', worksInApp: true },
    { id: 'zzm', name: 'Zarząd Zieleni Miejskiej', kind: 'agency', worksInApp: true },
    { id: 'mpk', name: 'MPK-Łódź Sp. z o.o.', kind: 'agency', worksInApp: false },
  ],
  groups: [
    { id: 'zdit-k', symbol: 'ZDiT-K', name: 'Koordynatorzy ZDiT', unitId: 'zdit', kind: 'coordinator' },
    { id: 'zdit-r', symbol: 'ZDiT-R', name: 'Realizatorzy ZDiT — drogi', unitId: 'zdit', kind: 'realizer' },
    { id: 'wgk-k', symbol: 'WGK-K', name: 'Koordynatorzy WGK', unitId: 'wgk', kind: 'coordinator' },
    { id: 'zzm-k', symbol: 'ZZM-K', name: 'Koordynatorzy ZZM', unitId: 'zzm', kind: 'coordinator' },
  ],
  categories: [
    {
      id: 'e2e-drogi',
      name: 'Drogi i jezdnie',
      kind: 'interventional',
      defaultCoordinatorGroupId: 'zdit-k',
      keywords: ['dziura', 'wyrwa', 'asfalt', 'jezdnia'],
      subcategories: [
        { id: 'dziura', name: 'Dziura w jezdni' },
        { id: 'studzienka', name: 'Zapadnięta studzienka' },
      ],
      template: [
        { id: 'size', label: 'Jak duży jest ubytek (szerokość, głębokość)?', required: true },
        { id: 'where', label: 'Przy którym numerze / na którym pasie?', required: false },
        { id: 'danger', label: 'Czy zagraża ruchowi (np. uszkodzone auto)?', required: false },
      ],
    },
    {
      id: 'e2e-swiatlo',
      name: 'Oświetlenie uliczne',
      kind: 'interventional',
      defaultCoordinatorGroupId: 'zdit-k',
      keywords: ['latarnia', 'lampa', 'ciemno'],
      template: [{ id: 'pole', label: 'Numer słupa (tabliczka na latarni)', required: true }],
    },
    {
      id: 'e2e-odpady',
      name: 'Śmieci i odpady',
      kind: 'interventional',
      defaultCoordinatorGroupId: 'wgk-k',
      needsParcel: true,
      keywords: ['dzikie wysypisko', 'kontener'],
      template: [{ id: 'what', label: 'Jakie odpady i ile (worki, gabaryty)?', required: true }],
    },
    {
      id: 'e2e-zima',
      name: 'Zimowe utrzymanie dróg i chodników',
      kind: 'interventional',
      refuseAs: 'snowIce',
      keywords: ['śnieg', 'lód', 'gołoledź', 'oblodzenie', 'odśnieżanie'],
    },
    {
      id: 'e2e-zielen',
      name: 'Zieleń miejska',
      kind: 'interventional',
      defaultCoordinatorGroupId: 'zzm-k',
      subcategories: [{ id: 'drzewo', name: 'Złamane drzewo lub konar' }],
    },
  ],
};

/**
 * The small city of these tests: the demo logins (one per role, the demo password), the directory
 * above (the coordinator and realizer in ZDiT's groups) and the demo's Łódź streets. Independent of
 * the demo city's categories and tickets.
 */
export async function seedIntakeCity(db: CentralDb): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insertInto('app_user')
    .values(DEMO_USERS.map((u) => ({ login: u.login, display_name: u.displayName, roles: u.roles, password_hash: passwordHash })))
    .onConflict((oc) => oc.column('login').doNothing())
    .execute();
  await saveDirectory(db, INTAKE_DIRECTORY);
  await importStreetsFile(db, DEMO_STREETS_FILE, LODZ_SYM);
  const users = await db.selectFrom('app_user').select(['id', 'login']).execute();
  const id = (login: string) => users.find((u) => u.login === login)?.id;
  const coordinator = id('koordynator');
  const realizer = id('realizator');
  const supervisor = id('nadzorca');
  if (coordinator) await setMemberships(db, coordinator, ['zdit-k'], []);
  if (realizer) await setMemberships(db, realizer, ['zdit-r'], []);
  if (supervisor) await setMemberships(db, supervisor, [], ['zdit']);
}

/** Logs in through the login screen with the keyboard and waits for the greeting. */
export async function loginAs(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Login').waitFor();
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Hasło').fill(password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /^Dzień dobry,/ }).waitFor();
}

/** A web form saved as the hub's intake saves it (P§5.1): awaiting pickup by an operator. Returns its number. */
export async function receiveWebForm(db: CentralDb, form: Omit<Extract<Command, { type: 'receiveFromWebForm' }>, 'type'>): Promise<string> {
  const directory = await loadDirectory(db);
  const { first } = await issueNumbers(db, warsawYear(new Date()), 1);
  const number = formatTicketNumber(warsawYear(new Date()), first);
  const decision = decide(null, { type: 'receiveFromWebForm', ...form }, SYSTEM_ACTOR, new Date().toISOString(), {
    directory,
    newTicketNumbers: [number],
  });
  if (!decision.ok) throw new Error(`web form refused: ${decision.refusal.message}`);
  const applied = applyEvents(new Map(), decision.events);
  const write = (tx: CentralDb) =>
    writeBatch(
      tx,
      null,
      {
        results: [],
        changed: applied.changed,
        events: applied.append.map(({ event, version }) => ({ event, seq: version, mutationId: null as unknown as number })),
        refused: [],
        erase: new Set(),
      },
      new Date(),
    );
  // Inside a caller's transaction (left open by a test), or in its own.
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
  return number;
}
