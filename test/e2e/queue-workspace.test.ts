// The queue workspace in Chromium (preview mode, real hub on PostgreSQL and core): the queues of each
// role (P§24.2), a list of hundreds worked by keyboard and in bulk, a supervisor's read-only late view,
// tickets arriving live from another workstation, and the ticket's P§17.2 account at a glance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { seriousAxeViolations } from '../support/axe';
import { loginAs, seedIntakeCity } from '../support/intake';
import { inServiceSince, TestWorkstation } from '../support/sync-client';
import { DEMO_PASSWORD } from '../../src-server/admin/demo';
import type { Command } from '../../src-shared/ticket';

let stack: Stack;
/** Another operator's workstation: registers and forwards at the hub, as a colleague in the call centre would. */
let colleague: TestWorkstation;

beforeAll(async () => {
  stack = await startStack({ seed: seedIntakeCity });
  // Desktop notifications allowed for the app, and recorded instead of shown.
  await stack.page.context().grantPermissions(['notifications'], { origin: new URL(stack.bridge.url).origin });
  await stack.page.evaluate(() => {
    const shown: string[] = [];
    (window as unknown as { shown: string[] }).shown = shown;
    const Fake = function (title: string, options?: NotificationOptions) {
      shown.push(`${title} | ${options?.body ?? ''}`);
    } as unknown as typeof Notification;
    Object.defineProperty(Fake, 'permission', { value: 'granted' });
    Object.defineProperty(Fake, 'requestPermission', { value: async () => 'granted' });
    window.Notification = Fake;
  });
  stack.page.on('console', (m) => m.type() === 'error' && console.error('[page]', m.text()));
  stack.page.on('pageerror', (e) => console.error('[page]', e.message));
  colleague = await new TestWorkstation(stack.hub.url).login('operator2', DEMO_PASSWORD);
  await colleague.lease(1000);
});
afterAll(() => stack?.close());

const streets = ['Piotrkowska', 'Zgierska', 'Kilińskiego', 'Narutowicza', 'Łąkowa', 'Żeromskiego', 'Śląska', 'Wólczańska'];
const subjects = ['Dziura w jezdni', 'Zapadnięta studzienka', 'Wyrwa przy krawężniku', 'Łata asfaltu odspojona', 'Koleina na pasie'];

/** Registered and forwarded to ZDiT-K by the colleague; `daysAgo` sets when the report came in. Returns the numbers. */
async function forwarded(
  count: number,
  opts: { daysAgo?: (i: number) => number; subject?: (i: number) => string } = {},
): Promise<string[]> {
  const numbers = colleague.takeNumbers(count);
  const mutations = numbers.flatMap((number, i) => {
    const days = opts.daysAgo?.(i) ?? 0;
    const register: Command = {
      type: 'registerTicket',
      channel: i % 7 === 3 ? 'email' : 'phone',
      categoryId: i % 4 === 1 ? 'e2e-swiatlo' : 'e2e-drogi',
      ...(i % 4 === 1
        ? { templateAnswers: { pole: `S-${i}` } }
        : { subcategoryId: 'dziura', templateAnswers: { size: `${20 + (i % 50)} cm` } }),
      subject: opts.subject?.(i) ?? `${subjects[i % subjects.length]}, ${streets[i % streets.length]} ${1 + i}`,
      location: { address: `ul. ${streets[i % streets.length]} ${1 + i}, Łódź` },
      reporter: { wantsAnswer: false, consent: false },
      ...(days ? { receivedAt: new Date(Date.now() - days * 86_400_000).toISOString() } : {}),
    } as Command;
    return [
      colleague.mutation(register, { newTicketNumbers: [number] }),
      colleague.mutation({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: `RPW/${500 + i}/2026` }, { ticket: number }),
    ];
  });
  for (let i = 0; i < mutations.length; i += 400) {
    const res = await colleague.push(mutations.slice(i, i + 400));
    const refused = res.results.filter((r) => r.status !== 'applied');
    if (refused.length) throw new Error(`refused: ${JSON.stringify(refused[0])}`);
  }
  return numbers;
}

/** Runs a command as the signed-in user through the core (what a screen would send). */
async function execute(command: Command, ticket: string): Promise<void> {
  const res = await stack.core.dispatch('tickets.execute', { ticket, command });
  if (!res.ok) throw new Error(res.error.message);
  const result = res.result as { ok: boolean; refusal?: { message: string } };
  if (!result.ok) throw new Error(result.refusal!.message);
}

async function shot(name: string) {
  await stack.page.waitForTimeout(350); // let focus rings and counts settle
  await stack.screenshot(name);
}

const grid = () => stack.page.getByRole('grid');
const gridRow = (number: string) => grid().getByRole('row').filter({ hasText: number });

async function switchUser(login: string) {
  const { page } = stack;
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Wyloguj' }).click();
  await loginAs(page, login);
}

describe('queue workspace in Chromium', () => {
  it('P§24.2 a coordinator works 300 tickets by keyboard only: move, select, take up, open, back', async () => {
    const { page } = stack;
    const numbers = await forwarded(300, { daysAgo: (i) => (i % 10 === 0 ? 20 : i % 3) });
    await loginAs(page, 'koordynator');
    await page.getByRole('heading', { name: /^Otrzymane \(300\)/ }).waitFor();
    await gridRow(numbers[0]!).first().waitFor();
    // The grid has the keyboard as soon as the queue opens.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
    await shot('100-coordinator-received-300');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The last ticket is reachable: End scrolls the virtual list down to it.
    await page.keyboard.press('End');
    const activeId = () => page.getByRole('grid').getAttribute('aria-activedescendant');
    await expect.poll(activeId).toBe('queue-row-299-number');
    await page.locator('#queue-row-299').waitFor();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.getByText('Zaznaczono: 2').waitFor();
    const chosen = [
      await page.locator('#queue-row-1 [role=gridcell] button').textContent(),
      await page.locator('#queue-row-2 [role=gridcell] button').textContent(),
    ];
    await page.keyboard.press('p');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /Podejmij zgłoszenie \(2\)/ }).waitFor();
    await shot('101-bulk-take-up-dialog');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Podejmij zgłoszenie: zapisano 2.').waitFor();
    await page.getByRole('heading', { name: /^Otrzymane \(298\)/ }).waitFor();
    for (const n of chosen) {
      const got = await stack.core.dispatch('tickets.get', { number: n! });
      expect(got.ok && (got.result as { ticket: { status: string } }).ticket.status).toBe('withCoordinator');
    }
    // Enter opens the active ticket, Esc comes back to the list with the keyboard in the grid.
    await page.getByRole('grid').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Wróć do listy/ }).waitFor();
    await page.keyboard.press('Escape');
    await grid().waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
  });

  it('P§24.2 filters, search and sort narrow the queue with counts per filter; a saved view comes back', async () => {
    const { page } = stack;
    await page.getByRole('button', { name: /^Po terminie \(\d+\)/ }).click();
    await page.getByRole('heading', { name: /^Otrzymane \(\d+\)/ }).waitFor();
    await expect
      .poll(async () => (await grid().getByRole('row').allTextContents()).slice(1).every((t) => t.includes('po terminie')))
      .toBe(true);
    await page.getByLabel('Szukaj w kolejce (/)').fill('lakowa');
    await expect.poll(async () => (await grid().getByRole('row').allTextContents()).slice(1).every((t) => t.includes('Łąkowa'))).toBe(true);
    await shot('102-filtered-late-search');
    await page.getByRole('button', { name: 'Zapisz widok' }).click();
    await page.getByLabel('Nazwa widoku').fill('Łąkowa po terminie');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Wyczyść filtry' }).click();
    await page.getByRole('heading', { name: /^Otrzymane \(298\)/ }).waitFor();
    await page.getByRole('combobox', { name: 'Zapisane widoki' }).click();
    await page.getByRole('option', { name: 'Łąkowa po terminie' }).click();
    await expect.poll(() => page.getByLabel('Szukaj w kolejce (/)').inputValue()).toBe('lakowa');
    await page.getByRole('button', { name: 'Wyczyść filtry' }).click();
    // Sorting by subject follows Polish order (Ł after L, Ż last).
    await page.getByRole('columnheader', { name: /Temat/ }).getByRole('button').click();
    await expect.poll(() => page.getByRole('columnheader', { name: /Temat/ }).getAttribute('aria-sort')).toBe('ascending');
    await shot('103-sorted-by-subject');
  });

  it('P§19.1 takes up 20 tickets at once; the one another coordinator took first is refused with its reason, the rest applies', async () => {
    const { page } = stack;
    const numbers = await forwarded(20, { subject: (i) => `Seria ${String(i).padStart(2, '0')}, Pomorska ${i}` });
    await stack.core.syncNow();
    await page.getByLabel('Szukaj w kolejce (/)').fill('Seria');
    await page.getByRole('heading', { name: /^Otrzymane \(20\)/ }).waitFor();
    await grid().focus();
    await page.keyboard.press('Control+a');
    await page.getByText('Zaznaczono: 20').waitFor();
    // Meanwhile one of them is taken up elsewhere (here: straight through the core).
    await execute({ type: 'takeUp' }, numbers[7]!);
    await page
      .getByRole('button', { name: /^Podejmij zgłoszenie/ })
      .first()
      .click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Podejmij zgłoszenie \(20\)/ })
      .click();
    const status = page.getByRole('status').filter({ hasText: 'zapisano 19, odmowa 1' });
    await status.waitFor();
    expect(await status.getByRole('list', { name: 'Odmowy' }).textContent()).toContain(numbers[7]);
    expect(await status.textContent()).toMatch(/podjęte przez koordynatora/);
    await shot('104-bulk-take-up-partial-refusal');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('heading', { name: /^Otrzymane \(0\)/ }).waitFor();
    await page.getByLabel('Szukaj w kolejce (/)').fill('');
  });

  it('P§24.2 the supervisor filters the late tickets of one group and cannot act on them', async () => {
    const { page } = stack;
    // The coordinator passes some late ones to the realizers; the rest stay with the coordinators.
    const late = await forwarded(6, { daysAgo: () => 30, subject: (i) => `Stara sprawa ${i}, Rokicińska ${i}` });
    await stack.core.syncNow();
    for (const n of late.slice(0, 3)) {
      await execute({ type: 'takeUp' }, n);
      await execute({ type: 'assignRealizerGroup', groupId: 'zdit-r' }, n);
    }
    await stack.core.syncNow();
    await page.getByRole('tab', { name: /U realizatorów/ }).click();
    await gridRow(late[0]!).waitFor();
    await shot('105-coordinator-assigned');

    await switchUser('nadzorca');
    await page.getByRole('heading', { name: /^Po terminie \(\d+\)/ }).waitFor();
    await page.getByRole('combobox', { name: 'Grupa' }).click();
    await page.getByRole('option', { name: /ZDiT-R/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: /^Po terminie \(3\)/ }).waitFor();
    const texts = (await grid().getByRole('row').allTextContents()).slice(1);
    expect(texts.every((t) => t.includes('ZDiT-R') && t.includes('po terminie'))).toBe(true);
    // Read-only: nothing to select, no actions on the ticket.
    expect(await page.getByRole('checkbox').count()).toBe(0);
    await shot('106-supervisor-late-one-group');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await gridRow(late[0]!).getByRole('button', { name: late[0] }).click();
    await page.getByRole('region', { name: `Zgłoszenie ${late[0]}` }).waitFor();
    expect(await page.getByRole('region', { name: 'Działania' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: /Moja jednostka/ }).click();
    await grid().waitFor();
    await shot('107-supervisor-unit');
  });

  it('P§17.2 P§24.2.2 P§16.2 the whole life of a ticket: it arrives live with a notification, is taken up and assigned; the coordinator watches it with the realizer and the contractor (rejected once, accepted) until it is finished; the ticket shows every P§17.2 item', async () => {
    const { page } = stack;
    await switchUser('koordynator');
    await page.getByRole('heading', { name: /^Otrzymane/ }).waitFor();
    const countOf = async (tab: RegExp) =>
      Number(((await page.getByRole('tab', { name: tab }).textContent()) ?? '').match(/(\d+)Alt/)?.[1] ?? 0);
    await expect.poll(() => countOf(/^Otrzymane/)).toBeGreaterThan(0); // the navigation's counts have loaded
    const before = await countOf(/^Otrzymane/);
    await page.getByLabel('Szukaj w kolejce (/)').fill('Moniuszki');
    await page.getByText('Żadne zgłoszenie tej kolejki nie spełnia filtrów.').waitFor();

    // An operator at another workstation registers and forwards; nobody here clicks anything.
    const [number] = colleague.takeNumbers(1);
    const register = {
      type: 'registerTicket',
      channel: 'phone',
      categoryId: 'e2e-drogi',
      subcategoryId: 'dziura',
      templateAnswers: { size: '60 cm, głęboka' },
      subject: 'Zapadnięty chodnik, Moniuszki 5',
      location: { address: 'ul. Moniuszki 5, Łódź' },
      reporter: { wantsAnswer: true, consent: true, phone: '+48 600 111 222' },
    } as Command;
    await colleague.push([colleague.mutation(register, { newTicketNumbers: [number!] })]);
    const forwardedAt = Date.now();
    await colleague.push([
      colleague.mutation({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/900/2026' }, { ticket: number }),
    ]);
    await gridRow(number!).waitFor();
    const arrivedMs = Date.now() - forwardedAt;
    console.log(`forwarded ticket visible to the coordinator after ${arrivedMs} ms`);
    expect(arrivedMs).toBeLessThan(3000);
    await expect.poll(() => countOf(/^Otrzymane/)).toBe(before + 1);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { shown: string[] }).shown))
      .toContainEqual(expect.stringMatching(new RegExp(`^Nowe zgłoszenie \\| ${number}: Zapadnięty chodnik`)));
    await shot('110-arrived-live');

    // Taken up and assigned from the ticket screen: short forms asking only their data.
    await gridRow(number!).getByRole('button', { name: number }).click();
    await page.getByRole('button', { name: 'Podejmij zgłoszenie' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Podejmij zgłoszenie' }).click();
    await page.getByText('Podejmij zgłoszenie: zapisano.').waitFor();
    await page.getByRole('button', { name: 'Przekaż do realizatora' }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: /Grupa/ }).click();
    await page.getByRole('option', { name: /ZDiT-R/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Przekaż do realizatora' }).click();
    await page.getByText('Przekaż do realizatora: zapisano.').waitFor();
    await stack.core.syncNow();
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: /U realizatorów/ }).click();
    await page.getByLabel('Szukaj w kolejce (/)').fill('Moniuszki');
    await gridRow(number!).filter({ hasText: 'przekazane do realizatora' }).waitFor();

    // The realizer, at their own workstation: takes up, visits, plans, orders, rejects once, orders again, accepts, answers.
    const realizer = await new TestWorkstation(stack.hub.url).login('realizator', DEMO_PASSWORD);
    const act = async (command: Command) => {
      const res = await realizer.push([realizer.mutation(command, { ticket: number })]);
      expect(res.results[0]).toMatchObject({ status: 'applied' });
    };
    const today = new Date().toISOString().slice(0, 10);
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    await act({ type: 'takeUp' });
    await gridRow(number!).filter({ hasText: 'w realizacji' }).waitFor();
    await act({
      type: 'recordAction',
      kind: 'siteVisit',
      note: 'Oględziny: ubytek 60 × 40 cm przy krawężniku.',
      doneAt: new Date().toISOString(),
    });
    await act({ type: 'setPlannedDate', plannedOn: inDays(7), delayReason: 'Czekamy na dostawę kostki granitowej.' });
    await act({ type: 'handToContractor', company: 'Drogbud sp. z o.o.', orderedAt: new Date().toISOString(), dueOn: inDays(5) });
    await gridRow(number!).filter({ hasText: 'przekazane wykonawcy' }).waitFor();
    await act({ type: 'rejectContractorWork', reason: 'Kostka ułożona nierówno, spadek w stronę budynku.' });
    await act({ type: 'handToContractor', company: 'Drogbud sp. z o.o.', orderedAt: new Date().toISOString(), dueOn: inDays(6) });
    await gridRow(number!).filter({ hasText: 'przekazane wykonawcy' }).waitFor();
    await shot('111-coordinator-watches-contractor');
    await act({ type: 'acceptContractorWork', completedOn: today });
    await act({ type: 'recordAnswerToReporter', answeredAt: new Date().toISOString(), how: 'phone', summary: 'Chodnik naprawiony.' });
    // Finished: it leaves the coordinator's "with realizers" list.
    await page.getByText('Żadne zgłoszenie tej kolejki nie spełnia filtrów.').waitFor();

    // The ticket at a glance (P§17.2).
    await page.getByRole('tab', { name: /Informacja o stanie/ }).click();
    const search = page.getByLabel('Numer, telefon, nazwisko lub adres');
    await search.fill(number!);
    await page.keyboard.press('Enter');
    const progress = page.getByRole('region', { name: 'Przebieg (P§17.2)' });
    await progress.waitFor();
    const text = (await progress.textContent()) ?? '';
    expect(text).toContain('Etaprozwiązane');
    expect(text).toMatch(/koordynator: ZDiT-K.*Piotr Wiśniewski/);
    expect(text).toMatch(/realizator: ZDiT-R.*Magdalena Wójcik/);
    expect(text).toMatch(/Podjęcie przez grupę \(P§16\.2\): do \d\d\.\d\d\.\d{4}, \d\d:\d\d — dotrzymany/);
    expect(text).toMatch(/Realizacja \(P§18\.1\): do \d\d\.\d\d\.\d{4}, \d\d:\d\d — dotrzymany/);
    expect(text).toContain('Zwrot do operatora, jeśli niewłaściwe (P§19.4.1)');
    expect(text).toContain('wizja lokalna: Oględziny: ubytek 60 × 40 cm');
    expect(text).toMatch(
      /Drogbud sp\. z o\.o\.: zlecono \d\d\.\d\d\.\d{4}, termin wykonania \d\d\.\d\d\.\d{4} — odrzucono \d\d\.\d\d\.\d{4}: Kostka ułożona nierówno/,
    );
    expect(text).toMatch(/odebrano \d\d\.\d\d\.\d{4}, wykonano \d\d\.\d\d\.\d{4}/);
    expect(text).toContain('przyczyna: Czekamy na dostawę kostki granitowej.');
    expect(text).toMatch(/Zgłaszający poinformowanytak — \d\d\.\d\d\.\d{4}, \d\d:\d\d, telefonicznie: Chodnik naprawiony\./);
    await shot('112-ticket-workspace');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('P§28 P§27.2 the super-supervisor deletes an unfinished ticket only for a listed reason, confirmed by its number; finished ones past retention go several at once', async () => {
    const { page } = stack;
    // Two tickets closed eight months ago (past the retention of P§27.1), one forwarded today.
    const longAgo = new Date(Date.now() - 240 * 86_400_000).toISOString();
    const archive = await new TestWorkstation(stack.hub.url).login('operator3', DEMO_PASSWORD);
    await archive.lease(2);
    await inServiceSince(stack.hub.database.db, archive.clientId, longAgo);
    const old = archive.takeNumbers(2);
    await archive.push(
      old.flatMap((number, i) => [
        archive.mutation(
          {
            type: 'registerTicket',
            channel: 'phone',
            categoryId: 'e2e-drogi',
            subcategoryId: 'dziura',
            templateAnswers: { size: '10 cm' },
            subject: `Dawna sprawa ${i}, Wschodnia ${i}`,
            location: { address: `ul. Wschodnia ${i}, Łódź` },
            reporter: { wantsAnswer: false, consent: false },
            receivedAt: longAgo,
          } as Command,
          { newTicketNumbers: [number], at: longAgo },
        ),
        archive.mutation(
          { type: 'closeOutOfScope', receivingEntity: 'PGE Dystrybucja S.A.', rpwId: `RPW/${70 + i}/2026` },
          { ticket: number, at: longAgo },
        ),
      ]),
    );
    const [open] = await forwarded(1, { subject: () => 'Podwójne zgłoszenie, Wschodnia 9' });

    await switchUser('supernadzorca');
    await page.getByRole('tab', { name: /Wszystkie zgłoszenia/ }).click();
    await page.getByLabel('Szukaj w kolejce (/)').fill('Wschodnia 9');
    await gridRow(open!).getByRole('button', { name: open }).click();
    await page.getByRole('region', { name: 'Usuwanie' }).getByRole('button', { name: 'Usuń zgłoszenie' }).click();
    const dialog = page.getByRole('dialog', { name: `Usuń zgłoszenie ${open}` });
    const confirm = dialog.getByRole('button', { name: `Usuń zgłoszenie ${open}` });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('combobox', { name: /Powód usunięcia/ }).click();
    const reasons = await page.getByRole('option').allTextContents();
    expect(reasons).toEqual(['Duplikat', 'Zgłoszenie testowe', 'Nadużycie']);
    await page.getByRole('option', { name: 'Duplikat' }).click();
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: new RegExp(`Potwierdzam usunięcie zgłoszenia ${open}`) }).check();
    await shot('120-delete-unfinished-guard');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await confirm.click();
    await page.getByText(`Usunięto zgłoszenie ${open}.`).waitFor();
    const deleted = await stack.core.dispatch('tickets.get', { number: open! });
    expect(deleted.ok && (deleted.result as { ticket: { status: string; deleted: { reason: string } } }).ticket).toMatchObject({
      status: 'deleted',
      deleted: { reason: 'Duplikat' },
    });

    // "Do usunięcia": both finished ones at once.
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: /Do usunięcia/ }).click();
    await page.getByRole('heading', { name: /^Do usunięcia \(2\)/ }).waitFor();
    await grid().focus();
    await page.keyboard.press('Control+a');
    await page.getByText('Zaznaczono: 2').waitFor();
    await page.getByRole('button', { name: 'Usuń zaznaczone' }).click();
    await page.getByRole('dialog').getByText(old.join(', ')).waitFor();
    await shot('121-retention-delete-several');
    await page.getByRole('dialog').getByRole('button', { name: 'Usuń 2' }).click();
    await page.getByRole('status').getByText('zapisano 2.').waitFor();
    await page.getByRole('heading', { name: /^Do usunięcia \(0\)/ }).waitFor();
  });

  it('P§24.2 every role opens on its own queues, each with its deadline column and counts', async () => {
    const { page } = stack;
    const tour: [login: string, tabs: RegExp[]][] = [
      ['operator', [/^Do przekazania/, /^Przekazane/, /^Zwrócone/, /^Do powielenia/]],
      ['koordynator', [/^Podjęte/, /^Zwrócone przez realizatorów/, /^Zawieszone/]],
      ['realizator', [/^Do podjęcia/, /^W realizacji/, /^U wykonawców/]],
    ];
    for (const [login, tabs] of tour) {
      await switchUser(login);
      for (const tab of tabs) {
        await page.getByRole('tab', { name: tab }).click();
        const title = tab.source.replace(/[\^\\]/g, '');
        await page.getByRole('heading', { name: new RegExp(`^${title} \\(\\d+\\+?\\)`) }).waitFor();
        await shot(`13x-${login}-${title.toLowerCase().replace(/[^a-ząćęłńóśźż]+/g, '-')}`);
      }
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
