// Outage in Chromium (preview mode, real hub and core): the hub goes away, the operator declares the
// outage (P§29), takes a call as usual — the number at once — and after recovery the ticket reaches
// the hub with the time of the call and the outage flag (P§31.2, P§32). An action the hub refuses on
// replay lands in the "to resolve" inbox and is discarded only after a confirmation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../../src-server/admin/demo';
import { createCore } from '../../src-main/core/core';
import type { Command, Ticket } from '../../src-shared/ticket';
import { startStack, type Stack } from '../support/stack';
import { seriousAxeViolations } from '../support/axe';
import { loginAs, seedIntakeCity } from '../support/intake';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ seed: seedIntakeCity });
  await loginAs(stack.page, 'operator');
  // Numbers for offline registration are leased while online.
  for (let tries = 0; tries < 50; tries++) {
    const res = await stack.core.dispatch('numbers.reserve', {});
    if (res.ok && (res.result as { available: number }).available > 0) break;
    await stack.core.syncNow();
    await new Promise((r) => setTimeout(r, 200));
  }
  // …and so is the copy of the street dictionary (after the first sync).
  for (let tries = 0; tries < 100; tries++) {
    const copied = await stack.core.store.db.selectFrom('street_copy').select('id').limit(1).executeTakeFirst();
    if (copied) break;
    await new Promise((r) => setTimeout(r, 200));
  }
});
afterAll(() => stack?.close());

async function shot(name: string) {
  await stack.page.waitForTimeout(350);
  await stack.screenshot(name);
}

async function ticketOnDesk(number: string): Promise<Ticket> {
  const res = await stack.core.dispatch('tickets.get', { number });
  if (!res.ok || !res.result) throw new Error(`no ticket ${number}`);
  return (res.result as { ticket: Ticket }).ticket;
}

describe('outage: calls taken without the hub, replayed after recovery', () => {
  it('P§29 P§31.2 P§32 P§8.2 a call registered while the hub is stopped reaches it with the time of the call and the outage flag', async () => {
    const { page } = stack;
    await stack.stopHub();
    await stack.core.dispatch('connection.check', {});
    const declare = page.getByRole('alert').getByRole('button', { name: 'Zgłoś awarię' });
    await declare.waitFor();
    await declare.click();
    await page.getByText(/AWARIA — praca bez połączenia z centralą od \d\d\.\d\d\.\d{4}, \d\d:\d\d/).waitFor();

    // Intake unchanged: the same keyboard flow, the number at once.
    await page.keyboard.press('Alt+n');
    await page.keyboard.type('latarnia');
    await page.getByRole('option', { name: /Oświetlenie uliczne/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('ZL-0001');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Piotrkowska');
    // Offline too the street dictionary answers (the workstation's copy).
    await page
      .getByRole('option', { name: /ul\. Piotrkowska/ })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('100');
    await page.keyboard.press('Control+Enter');
    const numberText = page.getByTestId('ticket-number').first();
    await numberText.waitFor();
    const number = (await numberText.textContent())!;
    expect(number).toMatch(/^\d{4}\/\d{6}$/);
    await page.getByText('Zapisano na stanowisku, zostanie wysłane po przywróceniu połączenia.', { exact: false }).waitFor();
    await shot('80-outage-call-saved');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Routing works offline too (ZDiT is an agency: RPW id first).
    await page.keyboard.type('RPW/500/2026');
    await page.keyboard.press('Enter');
    await page.getByText(/Przekazano do ZDiT-K.*Zapisano na stanowisku/).waitFor();
    await page.getByText('Działania czekające na wysłanie: 2.').waitFor();
    await shot('81-outage-banner-waiting');

    const onDesk = await ticketOnDesk(number);
    expect(onDesk.capturedDuringOutage).toBe(true);
    // P§12.1 the street came from the workstation's copy of the dictionary: its proper name and TERYT id.
    expect(onDesk.location).toMatchObject({ address: expect.stringMatching(/^ul\. Piotrkowska 100/), streetId: expect.any(String) });
    const callAt = onDesk.times.receivedAt;

    await page.waitForTimeout(1500); // the hub must record its own, later receipt time
    await stack.restartHub();
    // P§32: the hub answers again during the declared outage: the banner says so, and it stays in view when scrolled.
    await stack.core.dispatch('connection.check', {});
    const back = page.getByText('Centrala znów odpowiada — zakończ awarię');
    await back.waitFor();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(200);
    expect((await back.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    expect((await back.boundingBox())!.y).toBeLessThan(300);
    await shot('83-outage-hub-answers');
    await page.getByRole('button', { name: 'Zakończ awarię' }).click();
    await page.getByText('Przesłano do centrali działania z czasu awarii: przyjęte 2.').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Połączono z centralą');
    await shot('82-replay-finished');

    const db = stack.hub.database.db;
    const row = await db.selectFrom('ticket').select(['data', 'status']).where('number', '=', number).executeTakeFirstOrThrow();
    const atHub = row.data as Ticket;
    expect(row.status).toBe('forwarded');
    expect(atHub.capturedDuringOutage).toBe(true);
    expect(atHub.times.receivedAt).toBe(callAt);
    const events = await db
      .selectFrom('ticket_event')
      .select(['type', 'at', 'outage', sql<string>`recorded_at`.as('recorded_at')])
      .where('ticket', '=', number)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.type)).toContain('registered');
    for (const e of events) {
      expect(e.outage).toBe(true);
      expect(Date.parse(String(e.at))).toBeLessThan(new Date(e.recorded_at).getTime() - 1000);
    }
  });

  it('P§31.2 an action the hub refuses on replay waits in "Do wyjaśnienia" with the hub\'s reason and is discarded only after confirming', async () => {
    const { page } = stack;
    // A ticket registered online, then this workstation works in a declared outage.
    const registered = await stack.core.dispatch('tickets.execute', {
      command: {
        type: 'registerTicket',
        channel: 'phone',
        categoryId: 'e2e-drogi',
        subject: 'Wyrwa w asfalcie, Limanowskiego 20',
        templateAnswers: { size: 'duża' },
        location: { address: 'Limanowskiego 20' },
        reporter: { wantsAnswer: false, consent: false },
      } satisfies Command,
    });
    const number = ((registered.ok && registered.result) as { ticket: Ticket }).ticket.number;
    await stack.core.syncNow();
    await page.getByRole('button', { name: 'Zgłoś awarię' }).first().click();
    await page.getByText(/AWARIA — praca bez połączenia/).waitFor();

    // Meanwhile another workstation forwards the same ticket.
    const otherDir = mkdtempSync(join(tmpdir(), 'usterka-desk-other-'));
    const other = await createCore({ dataDir: otherDir, hubUrl: stack.hub.url, shell: 'preview', log: () => {} });
    try {
      const login = await other.dispatch('session.login', { login: 'operator', password: DEMO_PASSWORD });
      expect(login.ok).toBe(true);
      await other.syncNow();
      const forwarded = await other.dispatch('tickets.execute', {
        ticket: number,
        command: { type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/600/2026' },
      });
      expect(forwarded.ok && (forwarded.result as { ok: boolean }).ok).toBe(true);
      await other.syncNow();
    } finally {
      await other.close();
      rmSync(otherDir, { recursive: true, force: true });
    }

    // Here, still offline, the operator closes it as out of scope.
    await page.keyboard.press('Alt+3');
    await page.getByRole('button', { name: number }).click();
    await page.getByRole('radio', { name: 'Zamknij jako wykraczające poza zakres' }).check();
    await page.getByLabel(/Podmiot, do którego przekazano sprawę/).fill('PKP Polskie Linie Kolejowe S.A.');
    await page.getByRole('button', { name: 'Zamknij jako wykraczające poza zakres' }).click();
    // P§14.3 wants the RPW id: the rules' refusal stands next to the field.
    const rpw = page.getByRole('textbox', { name: 'Identyfikator RPW' });
    await expect.poll(() => rpw.getAttribute('aria-invalid')).toBe('true');
    await shot('85-refusal-next-to-field');
    await rpw.fill('RPW/700/2026');
    await page.getByRole('button', { name: 'Zamknij jako wykraczające poza zakres' }).click();
    await page.getByText(/Zamknięto zgłoszenie .*Zapisano na stanowisku/).waitFor();

    await page.getByRole('button', { name: 'Zakończ awarię' }).click();
    await page.getByText(/przyjęte 0, do wyjaśnienia 1/).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+8');
    await page.getByRole('heading', { name: 'Do wyjaśnienia (1)' }).waitFor();
    const card = page.getByRole('region', { name: new RegExp(`Zamknij jako wykraczające poza zakres — ${number}`) });
    await card.getByText('Centrala nie przyjęła:').waitFor();
    await shot('83-to-resolve');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await card.getByRole('button', { name: 'Odrzuć' }).click();
    const confirm = page.getByRole('dialog', { name: 'Odrzucić to działanie na zawsze?' });
    await confirm.waitFor();
    await shot('84-to-resolve-confirm');
    await confirm.getByRole('button', { name: 'Odrzuć działanie' }).click();
    await page.getByText('Nie ma działań do wyjaśnienia.').waitFor();
    // The hub's truth stays: the other workstation's forward.
    expect((await ticketOnDesk(number)).status).toBe('forwarded');
  });
});
