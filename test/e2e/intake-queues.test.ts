// The operator's queues and status calls in Chromium (preview mode, real hub and core): a web form
// picked up (P§9), a status inquiry on an open and on a finished ticket (P§23), a ticket returned by
// the coordinator and routed again (P§19.4.1, P§20.1).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { seriousAxeViolations } from '../support/axe';
import { loginAs, receiveWebForm, seedIntakeCity } from '../support/intake';
import { portalKey, postWebForm } from '../support/portal';
import type { Command } from '../../src-shared/ticket';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ seed: seedIntakeCity });
  await loginAs(stack.page, 'operator');
});
afterAll(() => stack?.close());

/** Runs a command as the signed-in user through the core (what a screen would send). */
async function execute(command: Command, ticket?: string): Promise<{ number: string; created: string[] }> {
  const res = await stack.core.dispatch('tickets.execute', { ...(ticket ? { ticket } : {}), command });
  if (!res.ok) throw new Error(res.error.message);
  const result = res.result as { ok: boolean; createdNumbers: string[]; ticket: { number: string }; refusal?: { message: string } };
  if (!result.ok) throw new Error(result.refusal!.message);
  return { number: result.ticket.number, created: result.createdNumbers };
}

const call = (subject: string, address: string, phone?: string): Command => ({
  type: 'registerTicket',
  channel: 'phone',
  categoryId: 'e2e-drogi',
  subcategoryId: 'dziura',
  subject,
  templateAnswers: { size: 'spora' },
  location: { address },
  reporter: phone ? { wantsAnswer: true, consent: true, phone } : { wantsAnswer: false, consent: false },
});

async function shot(name: string) {
  await stack.page.waitForTimeout(350); // let focus rings and labels settle
  await stack.screenshot(name);
}

describe('operator queues and status calls in Chromium', () => {
  it('P§9 P§4.3 picks up a web form: deadline in the queue, data moved into the fields, source message attached, then forwarded', async () => {
    const { page } = stack;
    const received = new Date(Date.now() - 3600_000).toISOString();
    const number = await receiveWebForm(stack.hub.database.db, {
      description: 'Na chodniku przy Narutowicza 40 ktoś zostawił stos opon i gruzu, zajmuje pół chodnika.',
      location: { address: 'Narutowicza 40' },
      reporter: { wantsAnswer: true, consent: true, email: 'mieszkaniec@example.pl' },
      receivedAt: received,
    });
    await stack.core.syncNow();
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: /Formularze WWW i e-maile \(1\)/ }).waitFor();
    const row = page.getByRole('row').filter({ hasText: number });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/dziś do \d\d:\d\d|do \d\d\.\d\d|po terminie/);
    await shot('50-web-forms-queue');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await row.getByRole('button', { name: number }).click();
    await page.getByRole('heading', { name: 'Podejmij formularz WWW' }).waitFor();
    expect(await page.getByLabel('Opis (z formularza)').inputValue()).toContain('stos opon');
    const category = page.getByRole('combobox', { name: /Kategoria/ });
    await expect.poll(() => category.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('smieci');
    await page.getByRole('option', { name: /Śmieci i odpady/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel(/Jakie odpady i ile/).fill('opony, gruz — ok. 2 m³');
    await page.getByLabel('Temat').fill('Porzucone opony i gruz na chodniku, Narutowicza 40');
    await page.getByLabel('Obręb geodezyjny').fill('S-3');
    await page.getByLabel('Numer działki').fill('145/7');
    await page
      .locator('#pickup-attachments-input')
      .setInputFiles({ name: 'formularz-www.eml', mimeType: 'message/rfc822', buffer: Buffer.from('From: mieszkaniec') });
    await page.getByText('formularz-www.eml (wiadomość źródłowa)').waitFor();
    await shot('51-web-form-pickup');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Podejmij formularz/ }).click();
    await page.getByText('Podjęto formularz — teraz przekaż zgłoszenie.').waitFor();
    await page.getByRole('button', { name: 'Przekaż do WGK-K' }).waitFor();
    const picked = await stack.core.dispatch('tickets.get', { number });
    expect(picked.ok && (picked.result as { ticket: unknown }).ticket).toMatchObject({
      status: 'registered',
      categoryId: 'e2e-odpady',
      templateAnswers: { what: 'opony, gruz — ok. 2 m³' },
      location: { address: 'Narutowicza 40', obreb: 'S-3', dzialka: '145/7' },
      reporter: { email: 'mieszkaniec@example.pl', wantsAnswer: true },
    });
    await page.getByRole('button', { name: 'Przekaż do WGK-K' }).click();
    await page.getByText(/Przekazano do WGK-K/).waitFor();
    await page.getByText('przekazane do koordynatora').first().waitFor();
    await shot('52-web-form-forwarded');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: /Formularze WWW i e-maile \(0\)/ }).waitFor();
  });

  it('P§9.4 a form the city portal posted carries its source message: the operator picks it up with no file of their own', async () => {
    const { page } = stack;
    const key = await portalKey(stack.hub.database.db);
    const res = await postWebForm(stack.hub.url, key, {
      description: 'Przy Wólczańskiej 50 ktoś wyrzucił stare meble na chodnik.',
      location: { address: 'Wólczańska 50' },
      reporter: { wantsAnswer: true, consent: true, email: 'sasiad@example.pl' },
    });
    const { number } = (await res.json()) as { number: string };
    await stack.core.syncNow();
    await page.keyboard.press('Alt+2');
    await page.getByRole('row').filter({ hasText: number }).getByRole('button', { name: number }).click();
    await page.getByRole('heading', { name: 'Podejmij formularz WWW' }).waitFor();
    await page.getByText('formularz-www.txt').first().waitFor();
    await page.getByRole('combobox', { name: /Kategoria/ }).click();
    await page.keyboard.type('smieci');
    await page.getByRole('option', { name: /Śmieci i odpady/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel(/Jakie odpady i ile/).fill('meble, ok. 3 m³');
    await page.getByLabel('Temat').fill('Porzucone meble, Wólczańska 50');
    await page.getByLabel('Obręb geodezyjny').fill('S-3');
    await page.getByLabel('Numer działki').fill('145/8');
    await shot('53-web-form-source-attached');
    await page.getByRole('button', { name: /Podejmij formularz/ }).click();
    await page.getByText('Podjęto formularz — teraz przekaż zgłoszenie.').waitFor();
    await page.keyboard.press('Escape');
  });

  it('P§23.1 P§23.3.1 answers a status call: found by number, state and history in Polish, inquiry noted', async () => {
    const { page } = stack;
    const { number } = await execute(call('Dziura w jezdni, Kilińskiego 100', 'Kilińskiego 100', '+48 601 222 333'));
    await execute({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/77/2026' }, number);
    await stack.core.syncNow();

    await page.keyboard.press('Alt+7');
    const search = page.getByLabel('Numer, telefon, nazwisko lub adres');
    await search.waitFor();
    await search.fill(number);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: `Zgłoszenie ${number}` }).waitFor();
    await page.getByText('przekazane do koordynatora').first().waitFor();
    expect(await page.getByTestId('status-sentence').textContent()).toMatch(
      /^Przekazane .* do: Zarząd Dróg i Transportu; czeka na podjęcie przez koordynatora\.$/,
    );
    const history = page.getByRole('region', { name: 'Historia' });
    await history.getByText(/Zarejestrowano zgłoszenie interwencyjne/).waitFor();
    await history.getByText(/Przekazano do grupy koordynatorów ZDiT-K/).waitFor();
    const expects = page.getByLabel('Czego oczekuje dzwoniący');
    await expect.poll(() => expects.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Pyta, kiedy ktoś przyjedzie; chce naprawy przed zimą.');
    await shot('60-status-inquiry');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.getByText('Odnotowano zapytanie.').waitFor();
    const noted = await stack.core.dispatch('tickets.get', { number });
    expect(noted.ok && (noted.result as { ticket: { inquiries: { callerExpects: string }[] } }).ticket.inquiries).toEqual([
      expect.objectContaining({ callerExpects: 'Pyta, kiedy ktoś przyjedzie; chce naprawy przed zimą.' }),
    ]);

    // By the caller's phone number, as callers rarely remember the ticket's number.
    await page.keyboard.press('Escape');
    await search.fill('601 222 333');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: `Zgłoszenie ${number}` }).waitFor();
    await shot('61-status-by-phone');
  });

  it('P§23.3.2 registers an inquiry about a finished ticket as a new linked ticket and reads out its number', async () => {
    const { page } = stack;
    const { number } = await execute(call('Zapadnięta studzienka, Wólczańska 3', 'Wólczańska 3'));
    await execute({ type: 'closeOutOfScope', receivingEntity: 'PGE Dystrybucja S.A.', rpwId: 'RPW/88/2026' }, number);
    await page.keyboard.press('Escape');
    const search = page.getByLabel('Numer, telefon, nazwisko lub adres');
    await search.fill(number);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Zapytanie o zakończone zgłoszenie/ }).waitFor();
    await page.getByLabel('Czego dotyczy zapytanie').fill('Studzienka nadal zapadnięta, mieszkaniec pyta o termin.');
    await page.getByRole('combobox', { name: 'Grupa koordynatorów' }).click();
    await page.getByRole('option', { name: /ZDiT-K/ }).click();
    await page.getByLabel(/Identyfikator RPW/).fill('RPW/99/2026');
    await shot('62-follow-up-form');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Zarejestruj zapytanie jako nowe zgłoszenie' }).click();
    await page
      .getByRole('status')
      .getByText(/Zarejestrowano zapytanie jako nowe zgłoszenie/)
      .waitFor();
    const followUp = (await page.getByRole('status').getByTestId('ticket-number').textContent())!;
    expect(followUp).toMatch(/^\d{4}\/\d{6}$/);
    const created = await stack.core.dispatch('tickets.get', { number: followUp });
    expect(created.ok && (created.result as { ticket: unknown }).ticket).toMatchObject({
      status: 'forwarded',
      kind: 'inquiry',
      links: { followUpOf: number },
    });
    await shot('63-follow-up-registered');
  });

  it('P§19.4.1 P§20.1 the coordinator returns a misrouted ticket naming the addressee; the operator sees why and routes it again', async () => {
    const { page } = stack;
    const { number } = await execute(call('Złamany konar na jezdni, Zgierska 50', 'Zgierska 50'));
    await execute({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/101/2026' }, number);
    await stack.core.syncNow();

    // The coordinator, on the same workstation: incoming queue, take up, return to the operator.
    await page.getByRole('button', { name: 'Wyloguj' }).click();
    await loginAs(page, 'koordynator');
    await page.getByRole('heading', { name: /Otrzymane/ }).waitFor();
    await page.getByRole('button', { name: number }).click();
    await page.getByRole('button', { name: 'Podejmij zgłoszenie' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Podejmij zgłoszenie' }).click();
    await page.getByRole('button', { name: 'Zwróć do operatora' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Właściwy adresat/).fill('Zarząd Zieleni Miejskiej');
    await dialog.getByLabel(/Przyczyna/).fill('Konar to sprawa ZZM, nie drogowa.');
    await shot('70-coordinator-returns');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Zwróć do operatora' }).click();
    await page.getByText('Zwróć do operatora: zapisano.').waitFor();
    await stack.core.syncNow();

    // The operator: the returned queue shows it with the reason and the named addressee.
    await page.getByRole('button', { name: 'Wyloguj' }).click();
    await loginAs(page, 'operator');
    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { name: /Zwrócone \(1\)/ }).waitFor();
    await page.getByRole('button', { name: number }).click();
    const why = page.getByText(/Właściwy adresat:/);
    await why.waitFor();
    expect(await why.textContent()).toContain('Zarząd Zieleni Miejskiej');
    expect(await why.textContent()).toContain('Konar to sprawa ZZM');
    // The addressee the coordinator named is the suggestion.
    await page.getByRole('button', { name: 'Przekaż do ZZM-K' }).waitFor();
    await shot('71-returned-reroute');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Przekaż do ZZM-K' }).click();
    await page.getByText(/Przekazano do ZZM-K/).waitFor();
    const rerouted = await stack.core.dispatch('tickets.get', { number });
    expect(rerouted.ok && (rerouted.result as { ticket: unknown }).ticket).toMatchObject({
      status: 'forwarded',
      coordinatorGroupId: 'zzm-k',
    });
  });

  it('P§8.1 opens a photo the ticket lists, read from the hub when another workstation attached it', async () => {
    const { page } = stack;
    const png = readFileSync(new URL('../../src-renderer/screenshot.png', import.meta.url)).toString('base64');
    const stored = await stack.core.dispatch('files.store', { name: 'dziura-kilinskiego.png', mediaType: 'image/png', contentBase64: png });
    if (!stored.ok) throw new Error(stored.error.message);
    const photo = stored.result as { id: string; name: string; mediaType: string };
    const { number } = await execute({
      ...call('Dziura przy przystanku, Kilińskiego 120', 'Kilińskiego 120'),
      attachments: [photo],
    } as Command);
    await stack.core.syncNow();
    // As on a coordinator's workstation: the file is only at the hub.
    await stack.core.store.db.deleteFrom('attachment').execute();

    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+7');
    const search = page.getByLabel('Numer, telefon, nazwisko lub adres');
    await search.fill(number);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: `Zgłoszenie ${number}` }).waitFor();
    await page.getByRole('button', { name: 'dziura-kilinskiego.png' }).click();
    const preview = page.getByRole('dialog', { name: 'dziura-kilinskiego.png' });
    const image = preview.getByRole('img', { name: 'dziura-kilinskiego.png' });
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    await shot('64-attachment-preview');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
  });

  it('P§24.2 P§18.1 the supervisor sees what is late in their units, the most overdue first, and which group holds it', async () => {
    const { page } = stack;
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    const registered = async (subject: string, address: string, receivedAt?: string) => {
      const { number } = await execute({ ...call(subject, address), ...(receivedAt ? { receivedAt } : {}) } as Command);
      await execute({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/120/2026' }, number);
      return number;
    };
    const older = await registered('Zapadnięty chodnik, Piotrkowska 200', 'Piotrkowska 200', daysAgo(40));
    const old = await registered('Wyrwa w jezdni, Piotrkowska 210', 'Piotrkowska 210', daysAgo(25));
    const fresh = await registered('Luźna kostka, Piotrkowska 220', 'Piotrkowska 220');
    await stack.core.syncNow();

    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Wyloguj' }).click();
    await loginAs(page, 'nadzorca');
    await page.getByRole('heading', { name: /^Po terminie \(\d+\)/ }).waitFor();
    const rows = page.getByRole('grid', { name: /Po terminie/ }).getByRole('row');
    await rows.filter({ hasText: older }).waitFor();
    const order = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    const position = (n: string) => order.findIndex((text) => text.includes(n));
    expect(position(older)).toBeLessThan(position(old));
    expect(position(fresh)).toBe(-1);
    expect(await rows.filter({ hasText: older }).textContent()).toMatch(/ZDiT-K.*po terminie/);
    await shot('72-supervisor-late');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The month's statistics of the unit (P§24): the late ones counted, a record to save (P§27.3).
    await page.getByRole('tab', { name: /Statystyki/ }).click();
    await page.getByRole('tab', { name: 'Statystyki okresu' }).click();
    const summary = page.getByRole('region', { name: 'Podsumowanie okresu' });
    await summary.waitFor();
    await page.getByRole('table', { name: 'Jednostki', exact: true }).getByText('Zarząd Dróg i Transportu').waitFor();
    await shot('73-statistics');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Zapisz CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFZestawienie;Pozycja;Przyjęte;Zakończone;Otwarte;/);
    expect(csv).toContain('Jednostki;Zarząd Dróg i Transportu;');
  });
});
