// The intake on the demo city (its categories with keywords and templates, real Łódź streets,
// thousands of tickets): what an operator trying the app first sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { seriousAxeViolations } from '../support/axe';
import { loginAs } from '../support/intake';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await loginAs(stack.page, 'operator');
});
afterAll(() => stack?.close());

async function shot(name: string) {
  await stack.page.waitForTimeout(350);
  await stack.screenshot(name);
}

async function search(text: string): Promise<string[]> {
  const { page } = stack;
  const input = page.getByRole('combobox', { name: /Kategoria/ });
  await input.fill('');
  await input.pressSequentially(text);
  await page.getByRole('listbox').waitFor();
  return page.getByRole('option').allTextContents();
}

describe('intake on the demo city', () => {
  it('P§7 finds categories the way operators type: without diacritics, by keyword and by subcategory', async () => {
    const { page } = stack;
    expect((await search('smieci'))[0]).toContain('Czystość i odpady');
    // What operators chose for pavement calls comes first, not the first name that also says "chodnik".
    expect((await search('chodnik'))[0]).toMatch(/^Drogi i chodniki/);
    expect((await search('latarnia')).slice(0, 3).join(' | ')).toContain('Oświetlenie uliczne');
    expect((await search('wiata')).join(' | ')).toContain('Zniszczona wiata przystankowa');
    expect((await search('zlamany konar')).join(' | ')).toContain('Powalone drzewo lub złamany konar');
    await shot('90-demo-category-search');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('P§5.2 a snow subcategory stops the call too', async () => {
    const { page } = stack;
    await search('oblodzony chodnik');
    await page.getByRole('option', { name: /Oblodzony lub zaśnieżony chodnik/ }).click();
    await page.getByRole('alert').filter({ hasText: 'nie rejestruje się' }).waitFor();
    await page.keyboard.press('Alt+n');
  });

  it('P§12.1 suggests real Łódź streets from the TERYT dictionary as the operator types', async () => {
    const { page } = stack;
    await search('dziura');
    await page.keyboard.press('Enter');
    const street = page.getByRole('combobox', { name: /Ulica/ });
    await street.click();
    await street.pressSequentially('piotrk');
    await page.getByRole('option', { name: 'ul. Piotrkowska' }).waitFor();
    await shot('91-demo-street-suggestions');
    await page.keyboard.press('Enter');
    expect(await street.inputValue()).toBe('ul. Piotrkowska');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent ?? ''))
      .toContain('Nr domu');
  });

  it("P§24.2 shows the operator's queues on thousands of tickets, late ones marked", async () => {
    const { page } = stack;
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: /Formularze WWW i e-maile \(\d+\)/ }).waitFor();
    await shot('92-demo-web-forms');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Alt+5');
    await page.getByRole('heading', { name: /Przekazane \(\d+\)/ }).waitFor();
    await shot('93-demo-forwarded');
  });

  it('P§4.1 a phone call registered on a Saturday is taken with a notice that it is outside office hours, never refused', async () => {
    const { page } = stack;
    await page.clock.setFixedTime(new Date('2026-12-05T10:00:00+01:00'));
    await page.keyboard.press('Alt+1');
    const notice = page.getByRole('note').filter({ hasText: 'Poza godzinami pracy Urzędu' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('poniedziałek');
    await shot('94-demo-outside-office-hours');
    await page.clock.setFixedTime(new Date('2026-12-07T10:00:00+01:00'));
    await page.keyboard.press('Alt+5');
    await page.keyboard.press('Alt+1');
    await page.getByRole('heading', { name: 'Nowe zgłoszenie' }).waitFor();
    expect(await notice.count()).toBe(0);
  });
});
