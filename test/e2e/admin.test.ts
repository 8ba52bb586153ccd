// Administration and onboarding in Chromium (preview mode, real hub on PostgreSQL, real cores): the
// administrator imports a new unit's table, reads the dry run, fixes the reported error in the file, the
// super-supervisor agrees on their own workstation, the admin applies; the new coordinator logs in elsewhere
// with the one-time password and sets their own; a new category and its script reach an operator's workstation
// without a click (I§2–I§5, P§7, P§34–P§35).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/core';
import { startBridge, type Bridge } from '../../src-main/preview/bridge';
import { seriousAxeViolations } from '../support/axe';
import { loginAs, seedIntakeCity } from '../support/intake';
import { startStack, SCREENSHOT_DIR, type Stack } from '../support/stack';

let stack: Stack;
/** The operator's workstation of the second test, used again to send the new unit a ticket. */
let operatorCore: Core | undefined;
const others: { core: Core; bridge: Bridge; dir: string }[] = [];

beforeAll(async () => {
  stack = await startStack({ seed: seedIntakeCity });
  await loginAs(stack.page, 'admin');
});
afterAll(async () => {
  for (const o of others) {
    await o.bridge.close();
    await o.core.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
  await stack?.close();
});

/** Another workstation: its own core and local store, its own browser window. */
async function workstation(): Promise<{ page: Page; core: Core }> {
  const dir = mkdtempSync(join(tmpdir(), 'usterka-desk-'));
  const core = await createCore({ dataDir: dir, hubUrl: stack.hub.url, shell: 'preview', log: () => {} });
  const bridge = await startBridge(core, resolve('dist', 'renderer'));
  others.push({ core, bridge, dir });
  const context = await stack.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  const page = await context.newPage();
  await page.goto(bridge.url);
  return { page, core };
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

const HEADER = [
  'Imię i nazwisko',
  'Adres poczty elektronicznej',
  'Nazwa komórki wewnętrznej',
  'Symbol grupy w aplikacji',
  'Grupa uprawnień w aplikacji (nadzorca, koordynator, realizator)',
];
async function unitTable(people: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Dane konfiguracyjne');
  sheet.addRow(['Dane konfiguracyjne aplikacji Usterka']);
  sheet.addRow(['nazwa komórki organizacyjnej Urzędu Miasta Łodzi/miejskiej jednostki organizacyjnej:']);
  sheet.addRow(['Wydział Ochrony Środowiska i Klimatu']);
  sheet.addRow([]);
  sheet.addRow(HEADER);
  for (const p of people) sheet.addRow(p);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const PEOPLE = [
  ['Anna Zielińska', 'a.zielinska@uml.lodz.pl', 'Oddział Zieleni', 'WOSK-K', 'koordynator'],
  ['Piotr Wójcik', 'p.wojcik@uml.lodz.pl', 'Oddział Zieleni', 'WOSK-R', 'realizator'],
  ['Ewa Lis', 'e.lis@uml.lodz.pl', '', '', 'nadzorca'],
];

const tab = (page: Page, name: RegExp | string) => page.getByRole('tab', { name }).click();

describe('administration and onboarding in Chromium', () => {
  it('I§4 the administrator sees every administration screen; each is readable as a list with search', async () => {
    const { page } = stack;
    await page.getByRole('tab', { name: 'Administracja' }).click();
    await page.getByRole('table', { name: 'jednostki' }).getByText('Zarząd Dróg i Transportu').waitFor();
    await shot(page, '70-admin-units');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('row').filter({ hasText: 'MPK-Łódź' }).click();
    await page.getByLabel('Adres, na który idą zgłoszenia obsługiwane poza aplikacją').fill('');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByText('Jednostka poza aplikacją potrzebuje adresu').waitFor();
    await page.getByLabel('Adres, na który idą zgłoszenia obsługiwane poza aplikacją').fill('sekretariat@mpk.lodz.pl');
    await shot(page, '71-admin-unit-form');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByRole('table', { name: 'jednostki' }).getByText('sekretariat@mpk.lodz.pl').waitFor();

    await tab(page, 'Grupy');
    await page.getByRole('table', { name: 'grupy' }).getByText('ZDiT-K').waitFor();
    await shot(page, '72-admin-groups');
    await tab(page, 'Użytkownicy');
    await page.getByLabel('Szukaj: użytkownicy').fill('koordyn');
    await page.getByRole('table', { name: 'użytkownicy' }).getByText('koordynator', { exact: true }).first().waitFor();
    await shot(page, '73-admin-users');
    await page.getByLabel('Szukaj: użytkownicy').fill('');
    await tab(page, 'Kalendarz');
    await page.getByLabel('Kalendarz pracy').waitFor();
    await shot(page, '74-admin-calendar');
    await tab(page, 'Ustawienia');
    await shot(page, '75-admin-settings');
  });

  it('P§7 P§8.1.1 a new category with its script: the live preview shows it as the operator will; an operator workstation gets it without a click', async () => {
    const { page } = stack;
    const operator = await workstation();
    operatorCore = operator.core;
    await loginAs(operator.page, 'operator');

    await tab(page, 'Kategorie i skrypty');
    await page.getByRole('button', { name: 'Dodaj kategorię' }).click();
    await page.getByLabel('Nazwa kategorii').fill('Barszcz Sosnowskiego');
    await page.getByRole('combobox', { name: 'Domyślna grupa koordynatorów' }).click();
    await page.getByRole('option', { name: /ZZM-K/ }).click();
    await page.getByLabel('Słowa kluczowe wyszukiwania (po przecinku)').fill('barszcz, roślina parząca');
    await page.getByRole('button', { name: 'Dodaj pytanie' }).click();
    await page.getByRole('textbox', { name: /^Pytanie/ }).fill('Jak duża jest powierzchnia porośnięta barszczem?');
    await page.getByLabel('wymagane').check();
    await page.getByLabel('Podpowiedź dla operatora').fill('np. 2 × 3 m, wzdłuż ogrodzenia');
    const preview = page.getByLabel('Podgląd skryptu');
    await preview.getByText('Jak duża jest powierzchnia porośnięta barszczem?').waitFor();
    await preview.getByText('np. 2 × 3 m, wzdłuż ogrodzenia').waitFor();
    await shot(page, '76-admin-category-script');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByRole('table', { name: 'kategorie' }).getByText('Barszcz Sosnowskiego').waitFor();

    // The operator's workstation refetches its configuration when the hub pokes it: no click, no restart.
    await expect
      .poll(
        async () => {
          const res = await operator.core.dispatch('config.get', {});
          return (
            res.ok &&
            (res.result as { directory: { categories: { name: string }[] } }).directory.categories.some(
              (c) => c.name === 'Barszcz Sosnowskiego',
            )
          );
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await operator.page.getByRole('combobox', { name: /Kategoria/ }).click();
    await operator.page.keyboard.type('barszcz');
    await operator.page.getByRole('option', { name: /Barszcz Sosnowskiego/ }).click();
    await operator.page.getByText('Jak duża jest powierzchnia porośnięta barszczem?').waitFor();
    await shot(operator.page, '77-operator-new-category-script');
  });

  it('I§5 I§5.5 P§35 a new unit from its table: dry run with the error by row and column, fixed file, agreement of the super-supervisor, applied; the new coordinator sets a password at the first login', async () => {
    const { page } = stack;
    await tab(page, 'Import jednostki');
    const wrong = PEOPLE.map((p) => [...p]);
    wrong[1]![4] = 'wykonawca';
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'wosik.xlsx', mimeType: 'application/octet-stream', buffer: await unitTable(wrong) });
    const problems = page.getByRole('table', { name: 'Błędy w pliku' });
    await problems.getByText('„wykonawca” nie jest grupą uprawnień').waitFor();
    expect(await problems.getByRole('row').nth(1).textContent()).toMatch(/^7E/);
    await expect.poll(() => page.getByRole('button', { name: /Wyślij do uzgodnienia|Zastosuj zmiany/ }).isDisabled()).toBe(true);
    await shot(page, '78-admin-import-problems');

    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'wosik.xlsx', mimeType: 'application/octet-stream', buffer: await unitTable(PEOPLE) });
    await page
      .getByLabel('Dodane')
      .getByText(/Grupa WOSK-K/)
      .waitFor();
    expect(await page.getByLabel('Dodane').textContent()).toContain('Anna Zielińska');
    await shot(page, '79-admin-import-preview');
    await page.getByRole('button', { name: 'Wyślij do uzgodnienia' }).click();
    await page.getByText(/czeka na uzgodnienie supernadzorcy/).waitFor();

    const chief = await workstation();
    await loginAs(chief.page, 'supernadzorca');
    await chief.page.getByRole('tab', { name: 'Administracja' }).click();
    const change = chief.page
      .getByRole('region')
      .or(chief.page.getByLabel(/Zmiana nr/))
      .filter({ hasText: 'Wydział Ochrony Środowiska i Klimatu' });
    await change.first().waitFor();
    expect(await chief.page.getByRole('button', { name: 'Dodaj jednostkę' }).count()).toBe(0);
    await shot(chief.page, '80-super-supervisor-agrees');
    await chief.page.getByRole('button', { name: 'Uzgadniam' }).click();
    await chief.page.getByText('uzgodniona — do wprowadzenia').waitFor();

    await tab(page, /Zmiany struktury/);
    await page.getByRole('button', { name: 'Wprowadź zmianę' }).click();
    const passwords = page.getByTestId('one-time-password');
    await passwords.first().waitFor();
    await shot(page, '81-admin-one-time-passwords');
    const line = (await passwords.filter({ hasText: 'a.zielinska' }).textContent())!;
    const oneTime = line.split(': ')[1]!.trim();
    await page.getByRole('button', { name: 'Zapisałem, zamknij' }).click();

    const coordinator = await workstation();
    const p = coordinator.page;
    await p.getByLabel('Login').fill('a.zielinska');
    await p.getByLabel(/^Hasło/).fill(oneTime);
    await p.keyboard.press('Enter');
    await p.getByLabel(/^Nowe hasło/).waitFor();
    await p.getByText('To hasło jest jednorazowe').waitFor();
    await shot(p, '82-first-login-new-password');
    await p.getByLabel(/^Nowe hasło/).fill('Zielona-lipa-2026');
    await p.getByLabel('Powtórz nowe hasło').fill('Zielona-lipa-2026');
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: /^Dzień dobry,/ }).waitFor();

    // The new unit is in service: an operator forwards it a ticket, its coordinator sees it arrive and takes it up.
    const group = await stack.hub.database.db
      .selectFrom('work_group')
      .select('id')
      .where('symbol', '=', 'WOSK-K')
      .executeTakeFirstOrThrow();
    const run = async (core: Core, args: unknown) => {
      const res = await core.dispatch('tickets.execute', args);
      if (!res.ok) throw new Error(res.error.message);
      const result = res.result as { ok: boolean; ticket: { number: string }; refusal?: { message: string } };
      if (!result.ok) throw new Error(result.refusal!.message);
      return result.ticket.number;
    };
    await operatorCore!.syncNow();
    const number = await run(operatorCore!, {
      command: {
        type: 'registerTicket',
        channel: 'phone',
        categoryId: 'e2e-drogi',
        subject: 'Barszcz Sosnowskiego przy ścieżce rowerowej',
        templateAnswers: { size: 'pas 5 m' },
        location: { address: 'ul. Konstantynowska 1, Łódź' },
        reporter: { wantsAnswer: false, consent: false },
      },
    });
    await run(operatorCore!, { ticket: number, command: { type: 'forwardToCoordinators', groupId: group.id } });
    await operatorCore!.syncNow();
    await p.getByText(number).first().waitFor({ timeout: 15_000 });
    await shot(p, '84-new-coordinator-queue');
    await run(coordinator.core, { ticket: number, command: { type: 'takeUp' } });
    await coordinator.core.syncNow();
    await expect
      .poll(
        async () =>
          (await stack.hub.database.db.selectFrom('ticket').select('status').where('number', '=', number).executeTakeFirst())?.status,
      )
      .toBe('withCoordinator');

    await tab(page, 'Dziennik');
    await page.getByRole('table', { name: 'wpisy dziennika' }).getByText('zmiana struktury wprowadzona').first().waitFor();
    await shot(page, '83-admin-audit');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
