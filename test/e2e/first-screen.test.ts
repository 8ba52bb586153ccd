import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { seriousAxeViolations } from '../support/axe';
import { DEMO_PASSWORD } from '../../src-server/admin/demo';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

describe('first screen in preview mode (Chromium)', () => {
  it('shows the Polish login screen, the hub connection and the preview notice', async () => {
    const { page } = stack;
    await page.getByRole('heading', { name: 'Zaloguj się' }).waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Połączono z centralą');
    expect(await page.getByText('Tryb podglądu').isVisible()).toBe(true);
    expect(await page.getByLabel('Login').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('pl');
    // The bridge token was taken out of the address bar.
    expect(page.url()).not.toContain('token');
    await stack.screenshot('01-login');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('refuses a wrong password in Polish and keeps the login typed', async () => {
    const { page } = stack;
    await page.getByLabel('Login').fill('operator');
    await page.getByLabel('Hasło').fill('zle-haslo');
    await page.keyboard.press('Enter');
    await page.getByText('Nieprawidłowy login lub hasło.').waitFor();
    expect(await page.getByLabel('Login').inputValue()).toBe('operator');
    await stack.screenshot('02-login-refused');
  });

  it('logs in with the keyboard only and greets the operator by name', async () => {
    const { page } = stack;
    await page.getByLabel('Hasło').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dzień dobry, Anna Kowalska' }).waitFor();
    await stack.screenshot('03-home');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows the outage state when the hub goes away', async () => {
    const { page, core } = stack;
    await stack.hub.app.close();
    await core.dispatch('connection.check', {});
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Problemy z połączeniem|Awaria/);
    await page.getByText('Ponawiam połączenie').waitFor();
    await page.waitForTimeout(400); // let the chip's colour transition finish before the picture
    await stack.screenshot('04-hub-unreachable');
  });
});
