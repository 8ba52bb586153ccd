// E-mail out from the ticket screen in Chromium (preview mode, real hub and core): the operator forwards a ticket
// outside the app by e-mail to a unit's address (P§15.2); the action is recorded on the ticket at once, in its
// history, and waits for the hub to send it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command, Ticket } from '../../src-shared/ticket';
import { loginAs, seedIntakeCity } from '../support/intake';
import { startStack, type Stack } from '../support/stack';
import { seriousAxeViolations } from '../support/axe';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ seed: seedIntakeCity });
  await loginAs(stack.page, 'operator');
});
afterAll(() => stack?.close());

describe('e-mail out from the ticket screen', () => {
  it('P§15.2 the operator sends the ticket by e-mail to a unit outside the app; the ticket records it', async () => {
    const { page } = stack;
    await stack.core.syncNow();
    const res = await stack.core.dispatch('tickets.execute', {
      command: {
        type: 'registerTicket',
        channel: 'phone',
        categoryId: 'e2e-drogi',
        subject: 'Zerwana trakcja tramwajowa, Zgierska 120',
        templateAnswers: { size: 'linia na jezdni' },
        location: { address: 'Zgierska 120' },
        reporter: { wantsAnswer: false, consent: false },
      } satisfies Command,
    });
    if (!res.ok) throw new Error(res.error.message);
    const number = (res.result as { ticket: Ticket }).ticket.number;

    await page.keyboard.press('Alt+7');
    const search = page.getByLabel('Numer, telefon, nazwisko lub adres');
    await search.fill(number);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: `Zgłoszenie ${number}` }).waitFor();
    await page.getByRole('button', { name: 'Wyślij e-mail' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /Rodzaj wiadomości/i }).click();
    await page.getByRole('option', { name: 'przekazanie poza aplikację' }).click();
    await dialog.getByLabel(/Adres e-mail jednostki/i).fill('sekretariat@mpk.lodz.pl');
    await dialog.getByLabel(/Temat wiadomości/i).fill('Przekazanie zgłoszenia — trakcja');
    await dialog.getByLabel(/Treść wiadomości/i).fill('Przekazujemy zgłoszenie mieszkańca o zerwanej trakcji przy Zgierskiej 120.');
    await page.waitForTimeout(300);
    await stack.screenshot('95-send-email-dialog');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog
      .getByRole('button', { name: /Wyślij e-mail|Zapisz|Wykonaj/ })
      .last()
      .click();
    await page.getByText('Wyślij e-mail: zapisano.').waitFor();
    await page
      .getByText(/Wysłano e-mail \(przekazanie poza aplikację\) na adres sekretariat@mpk\.lodz\.pl/)
      .first()
      .waitFor();
    await stack.core.syncNow();
    const atHub = await stack.hub.database.db.selectFrom('ticket').select('data').where('number', '=', number).executeTakeFirstOrThrow();
    expect((atHub.data as Ticket).emails).toEqual([expect.objectContaining({ purpose: 'forwardOutside', to: 'sekretariat@mpk.lodz.pl' })]);
  });
});
