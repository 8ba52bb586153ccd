// The operator's phone intake in Chromium (preview mode, real hub and core): a whole call with the
// keyboard only, snow and ice stopped, several events split, a repeated report added to the open one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { seriousAxeViolations } from '../support/axe';
import { loginAs, seedIntakeCity } from '../support/intake';

let stack: Stack;
let firstNumber = '';

beforeAll(async () => {
  stack = await startStack({ seed: seedIntakeCity });
  await loginAs(stack.page, 'operator');
});
afterAll(() => stack?.close());

const focusedLabel = () =>
  stack.page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? el?.textContent ?? '';
  });

async function shot(name: string) {
  await stack.page.waitForTimeout(350); // let focus rings and floating labels settle
  await stack.screenshot(name);
}

async function type(text: string) {
  await stack.page.keyboard.type(text, { delay: 5 });
}

describe('phone intake (P§8) in Chromium', () => {
  it('P§8 P§8.2 P§13.3 registers a whole call with the keyboard only, shows the number large and forwards it', async () => {
    const { page } = stack;
    const category = page.getByRole('combobox', { name: /Kategoria/ });
    await expect.poll(() => category.evaluate((el) => el === document.activeElement)).toBe(true);
    await shot('10-intake-empty');

    await type('dziura');
    await page
      .getByRole('option', { name: /Dziura w jezdni/ })
      .first()
      .waitFor();
    // The best match is highlighted first: Enter takes it.
    expect(await page.locator('[role="option"].Mui-focused').first().textContent()).toContain('Dziura w jezdni');
    await page.keyboard.press('Enter');

    // Focus follows the script: the category's first question.
    await expect.poll(focusedLabel).toContain('Jak duży jest ubytek');
    await type('ok. pół metra, głęboka na 10 cm');
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toContain('Przy którym numerze');
    await type('prawy pas, w stronę Placu Wolności');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // no answer to the third, optional question
    await expect.poll(focusedLabel).toContain('Ulica');
    await type('Piotrkowska');
    // The street dictionary (TERYT) suggests; Enter takes the suggestion.
    await page.getByRole('option', { name: 'ul. Piotrkowska' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toContain('Nr domu');
    await type('12');
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toContain('Temat');
    expect(await page.getByLabel('Temat').inputValue()).toBe('Dziura w jezdni, ul. Piotrkowska 12');
    await page.keyboard.press('Enter');
    await type('Samochody omijają dziurę po przeciwnym pasie.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space'); // the caller wants an answer
    await page.getByText('Przeczytaj zgłaszającemu').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toContain('Telefon');
    await type('600 100 200');
    await page.keyboard.press('Enter');
    await type('Jan Nowak');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // no e-mail
    await page.keyboard.press('Enter'); // no postal address
    await page.keyboard.press('Space'); // consent read out and given
    await shot('11-intake-filled');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.keyboard.press('Control+Enter');
    const number = page.getByTestId('ticket-number').first();
    await number.waitFor();
    firstNumber = (await number.textContent()) ?? '';
    expect(firstNumber).toMatch(/^\d{4}\/\d{6}$/);
    await page.getByText('Zgłoszenie zapisane — podaj numer zgłaszającemu').waitFor();
    const saved = await stack.core.dispatch('tickets.get', { number: firstNumber });
    expect(
      saved.ok && (saved.result as { ticket: { reporter: { phone: string }; templateAnswers: Record<string, string> } }).ticket,
    ).toMatchObject({
      reporter: { phone: '600 100 200', name: 'Jan Nowak', wantsAnswer: true, consent: true },
      templateAnswers: { size: 'ok. pół metra, głęboka na 10 cm' },
      location: { address: 'ul. Piotrkowska 12', streetId: expect.any(String) },
    });

    // Routing: the category's group is suggested; ZDiT is a city agency, so the RPW id comes first (P§13.3).
    await page.getByText('Jednostka: Zarząd Dróg i Transportu').waitFor();
    await expect.poll(focusedLabel).toContain('Identyfikator RPW');
    await shot('12-intake-saved');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await type('RPW/1234/2026');
    await page.keyboard.press('Enter');
    await page.getByText(/Przekazano do ZDiT-K/).waitFor();
    await shot('13-intake-forwarded');
    const forwarded = await stack.core.dispatch('tickets.get', { number: firstNumber });
    expect(forwarded.ok && (forwarded.result as { ticket: { status: string; rpwIds: string[] } }).ticket).toMatchObject({
      status: 'forwarded',
      rpwIds: ['RPW/1234/2026'],
    });
  });

  it("P§8.1.1 P§8.1.2 refuses a call missing the category's required answer or the contact, next to the field, and puts the keyboard there", async () => {
    const { page } = stack;
    await page.keyboard.press('Alt+n');
    await expect.poll(focusedLabel).toContain('Kategoria');
    await type('latarnia');
    await page.getByRole('option', { name: /Oświetlenie uliczne/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toContain('Numer słupa');
    await page.keyboard.press('Control+Enter');
    const pole = page.getByRole('textbox', { name: /Numer słupa/ });
    await expect.poll(() => pole.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Brak informacji wymaganej dla tej kategorii: Numer słupa (tabliczka na latarni) (P§8.1.1).').first().waitFor();
    await expect.poll(focusedLabel).toContain('Numer słupa');
    await type('ZL-77');
    // The caller wants an answer but leaves no contact (P§8.1.2).
    await page.getByRole('switch', { name: /Zgłaszający chce odpowiedzi/ }).check();
    await page.keyboard.press('Control+Enter');
    await page
      .getByText(/Zgłaszający chce otrzymać odpowiedź — wpisz jego telefon/)
      .first()
      .waitFor();
    await expect.poll(focusedLabel).toContain('Telefon');
    await shot('15-intake-refusal-next-to-field');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("P§5.2 stops a snow-and-ice call at the category with the rules' message and where to send the caller", async () => {
    const { page } = stack;
    await page.keyboard.press('Alt+n');
    const category = page.getByRole('combobox', { name: /Kategoria/ });
    await expect.poll(() => category.evaluate((el) => el === document.activeElement)).toBe(true);
    await type('oblodzenie');
    await page.getByRole('option', { name: /Zimowe utrzymanie/ }).waitFor();
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'nie rejestruje się' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Wydziału Gospodarki Komunalnej');
    expect(await alert.textContent()).not.toContain('..');
    expect(await page.getByRole('button', { name: /Zapisz zgłoszenie/ }).count()).toBe(0);
    await shot('20-intake-snow-refused');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('P§11 P§13.2 splits a call about several events: every part gets its number, scope and addressee', async () => {
    const { page } = stack;
    await page.keyboard.press('Alt+n');
    await expect.poll(focusedLabel).toContain('Kategoria');
    await type('latarnia');
    await page.getByRole('option', { name: /Oświetlenie uliczne/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toContain('Numer słupa');
    await type('ZL-4411');
    await page.keyboard.press('Enter');
    await type('Zielona');
    await page
      .getByRole('option', { name: /Zielona/ })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await type('5');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('ticket-number').first().waitFor();
    const own = (await page.getByTestId('ticket-number').first().textContent())!;

    await page.getByRole('button', { name: /Powiel zgłoszenie — kilka zdarzeń/ }).waitFor();
    await page.keyboard.press('Alt+p');
    await expect.poll(focusedLabel).toContain(`Zakres zgłoszenia ${own}`);
    await page.keyboard.press('Control+a');
    await type('Nie świeci latarnia ZL-4411');
    await page.keyboard.press('Enter');
    await type('ZDiT');
    await page.keyboard.press('Enter');
    await type('Złamany konar wisi nad chodnikiem przy tej latarni');
    await page.keyboard.press('Enter');
    await type('Zarząd Zieleni Miejskiej');
    await shot('30-split-form');
    await page.keyboard.press('Enter');
    await page.getByText('Numery zgłoszeń — podaj je zgłaszającemu').waitFor();
    const numbers = await page.getByTestId('ticket-number').allTextContents();
    expect(numbers).toHaveLength(2);
    expect(numbers[0]).toBe(own);
    const part = await stack.core.dispatch('tickets.get', { number: numbers[1]! });
    expect(
      part.ok && (part.result as { ticket: { links: { splitFrom: string; scope: string; splitParts: unknown[] } } }).ticket.links,
    ).toMatchObject({
      splitFrom: own,
      scope: 'Złamany konar wisi nad chodnikiem przy tej latarni',
    });
    await page.getByRole('region', { name: `Część 2: ${numbers[1]}` }).waitFor();
    // The part's addressee picks its group: ZZM for the branch.
    await page.getByRole('button', { name: 'Przekaż do ZZM-K' }).waitFor();
    await shot('31-split-numbers');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Each part is routed in turn from the keyboard: the RPW id, Enter, and on to the next part.
    await expect.poll(focusedLabel).toContain('Identyfikator RPW');
    await type('RPW/201/2026');
    await page.keyboard.press('Enter');
    await page.getByText(/Przekazano do ZDiT-K/).waitFor();
    await expect.poll(focusedLabel).toContain('Identyfikator RPW');
    await type('RPW/202/2026');
    await page.keyboard.press('Enter');
    await page.getByText(/Przekazano do ZZM-K/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('intake-new-call');
    await shot('32-split-routed');
  });

  it('P§23.3.1 hints at the open ticket at the same address and adds the call to it instead of a new one', async () => {
    const { page } = stack;
    await page.keyboard.press('Alt+n');
    await expect.poll(focusedLabel).toContain('Kategoria');
    await type('wyrwa');
    await page
      .getByRole('option', { name: /Drogi i jezdnie/ })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await type('duża');
    await page.getByLabel(/Ulica/).fill('ul. Piotrkowska');
    await page.getByLabel(/Nr domu/).fill('12');
    const hint = page.getByText(/Podobne otwarte zgłoszenia w pobliżu/);
    await hint.waitFor();
    await page.getByText(firstNumber, { exact: false }).first().waitFor();
    await shot('40-duplicate-hint');
    // This caller wants an answer too: their contact goes with the note.
    if (!(await page.getByLabel('Telefon', { exact: true }).isVisible())) await page.getByLabel(/chce odpowiedzi/).check();
    await page.getByLabel('Telefon', { exact: true }).fill('600 111 222');
    await page.getByLabel(/z własnej inicjatywy/).check();
    await page.getByRole('button', { name: `Dopisz do ${firstNumber}` }).click();
    await page.getByLabel(/Czego oczekuje zgłaszający/).waitFor();
    await page.getByRole('button', { name: `Dopisz do ${firstNumber}` }).click();
    await page.getByText('Rozmowę dopisano do istniejącego zgłoszenia').waitFor();
    expect(await page.getByTestId('ticket-number').first().textContent()).toBe(firstNumber);
    const ticket = await stack.core.dispatch('tickets.get', { number: firstNumber });
    const inquiries =
      ticket.ok &&
      (ticket.result as { ticket: { inquiries: { callerExpects: string; callerContact?: { phone?: string } }[] } }).ticket.inquiries;
    expect(inquiries).toHaveLength(1);
    expect(inquiries && inquiries[0]!.callerContact?.phone).toBe('600 111 222');
    await shot('41-duplicate-added');
  });
});
