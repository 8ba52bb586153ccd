// Monitoring and statistics in Chromium (preview mode, real hub and core, the demo city): a supervisor's
// morning dashboard of their unit, the statistics of a period saved as XLSX and read back equal to what the
// screen shows, and the super-supervisor's city dashboard and record of deleted tickets (P§24, P§27.3).
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodStats } from '../../src-shared/ticket';
import { seriousAxeViolations } from '../support/axe';
import { loginAs } from '../support/intake';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await loginAs(stack.page, 'nadzorca');
}, 120_000);
afterAll(() => stack?.close());

async function shot(name: string) {
  await stack.page.waitForTimeout(600); // charts animate in
  await stack.screenshot(name);
}

describe('monitoring and statistics in Chromium', () => {
  it("P§24 a supervisor's dashboard of their unit, then a period's statistics saved as XLSX equal to the screen", async () => {
    const { page } = stack;
    await page.getByRole('tab', { name: /^Statystyki(?! okresu)/ }).click();
    await page.getByRole('region', { name: 'Najważniejsze liczby' }).waitFor();
    await page.getByText('Twoje jednostki', { exact: false }).first().waitFor();
    const groups = page.getByRole('table', { name: 'Otwarte według grup' });
    await groups.waitFor();
    expect(await groups.getByRole('row').count()).toBeGreaterThan(1);
    await shot('90-dashboard-supervisor');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Statystyki okresu' }).click();
    await page.getByRole('region', { name: 'Podsumowanie okresu' }).waitFor();
    await page.getByRole('combobox', { name: 'Okres' }).click();
    await page.getByRole('option', { name: 'Rok' }).click();
    const year = new Date().toLocaleString('sv-SE', { timeZone: 'Europe/Warsaw' }).slice(0, 4);
    await page.getByText(`do 31.12.${year}`, { exact: false }).waitFor();
    const units = page.getByRole('table', { name: 'Jednostki', exact: true });
    await units.getByText('Zarząd Dróg i Transportu').waitFor();
    const screenRows = await units.getByRole('row').evaluateAll((trs) => trs.slice(1, -1).map((tr) => tr.children[0]!.textContent));
    const screenTotal = await units
      .getByRole('row')
      .last()
      .evaluate((tr) => tr.children[1]!.textContent);
    await shot('91-statistics-year-supervisor');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Godziny' }).click();
    await page.getByRole('table', { name: 'Godziny', exact: true }).waitFor();
    await shot('92-statistics-hours');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Zapisz XLSX' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`statystyki_${year}-01-01_${year}-12-31.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await file.path()) as never);
    const res = await stack.core.dispatch('stats.period', { from: `${year}-01-01`, to: `${year}-12-31` });
    if (!res.ok) throw new Error(res.error.message);
    const stats = res.result as PeriodStats;
    const sheet = book.getWorksheet('Jednostki')!;
    expect(stats.breakdowns.unit.map((r) => r.label)).toEqual(screenRows);
    stats.breakdowns.unit.forEach((r, i) => {
      expect(sheet.getRow(i + 2).getCell(1).value).toBe(r.label);
      expect(sheet.getRow(i + 2).getCell(2).value).toBe(r.received);
    });
    expect(screenTotal).toBe(stats.total.received.toLocaleString('pl-PL'));
    expect(stats.scope).toBe('units');
  });

  it('P§24 P§27.3 the super-supervisor sees the city and saves the record of deleted tickets', async () => {
    const { page } = stack;
    await page.getByRole('button', { name: 'Wyloguj' }).click();
    await loginAs(page, 'supernadzorca');
    await page.getByRole('tab', { name: /^Statystyki(?! okresu)/ }).click();
    await page.getByRole('region', { name: 'Najważniejsze liczby' }).waitFor();
    await page.getByText('Całe miasto', { exact: false }).first().waitFor();
    await page.getByRole('table', { name: 'Otwarte według grup' }).waitFor();
    await shot('93-dashboard-city');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Statystyki okresu' }).click();
    await page.getByRole('region', { name: 'Podsumowanie okresu' }).waitFor();
    await shot('94-statistics-month-city');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Rejestr usuniętych (XLSX)' }).click();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await (await download).path()) as never);
    expect(book.worksheets[0]!.getRow(1).getCell(4).value).toBe('Powód usunięcia');
  });
});
