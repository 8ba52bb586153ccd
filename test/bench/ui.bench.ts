// The operator's standard call in Chromium (preview mode, real hub and core): a pothole on a named
// street, the caller wants an answer. Prints how many key presses the call takes and how long from
// "new call" to the ticket number on screen, so later changes to the intake screen can be compared.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { createCore } from '../../src-main/core/core';
import { startBridge } from '../../src-main/preview/bridge';
import { launchChromium } from '../support/chromium';
import { loginAs, seedIntakeCity } from '../support/intake';
import { withHub } from './bench-support';
import type { Bench, BenchFigure } from './harness';

/** Key presses as a person makes them: a capital or a Polish letter needs Shift / AltGr too. */
class Keyboard {
  presses = 0;
  constructor(private readonly page: Page) {}
  async press(chord: string) {
    this.presses += chord.split('+').length;
    await this.page.keyboard.press(chord);
  }
  async type(text: string) {
    for (const ch of text) this.presses += /[A-ZĄĆĘŁŃÓŚŹŻ]/.test(ch) ? 2 : /[ąćęłńóśźż]/.test(ch) ? 2 : 1;
    await this.page.keyboard.type(text);
  }
  /** Waits until the keyboard is in the field with this label (focus follows the script). */
  async at(label: RegExp) {
    await this.page.waitForFunction(
      (source) => new RegExp(source).test((document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? ''),
      label.source,
    );
  }
}

async function standardCall(page: Page): Promise<{ keystrokes: number; seconds: number }> {
  const keys = new Keyboard(page);
  const started = performance.now();
  await keys.press('Alt+n');
  await keys.at(/Kategoria/);
  await keys.type('dziura');
  await page
    .getByRole('option', { name: /Dziura w jezdni/ })
    .first()
    .waitFor();
  await keys.press('Enter');
  await keys.at(/Jak duży jest ubytek/);
  await keys.type('40 cm');
  await keys.press('Enter');
  await keys.press('Enter'); // where exactly: the address says it
  await keys.press('Enter'); // danger: not mentioned
  await keys.at(/Ulica/);
  await keys.type('Piotrkowska');
  await page.getByRole('option', { name: 'ul. Piotrkowska' }).waitFor();
  await keys.press('Enter');
  await keys.at(/Nr domu/);
  await keys.type('12');
  await keys.press('Enter');
  await keys.press('Enter'); // the suggested subject
  await keys.press('Enter'); // no description
  await keys.press('Space'); // wants an answer
  await keys.press('Enter');
  await keys.at(/Telefon/);
  await keys.type('600100200');
  await keys.press('Enter');
  await keys.type('Jan Nowak');
  await keys.press('Enter');
  await keys.press('Enter'); // no e-mail
  await keys.press('Enter'); // no postal address
  await keys.press('Space'); // consent
  await keys.press('Control+Enter');
  await page.getByTestId('ticket-number').first().waitFor();
  return { keystrokes: keys.presses, seconds: (performance.now() - started) / 1000 };
}

const bench: Bench = {
  name: 'ui.standard_call',
  async run() {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
    return withHub(async (hub) => {
      await seedIntakeCity(hub.database.db);
      const dir = mkdtempSync(join(tmpdir(), 'usterka-bench-desk-'));
      const core = await createCore({ dataDir: dir, hubUrl: hub.url, shell: 'preview', log: () => {} });
      const bridge = await startBridge(core, resolve('dist', 'renderer'));
      const browser = await launchChromium();
      try {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
        const page = await context.newPage();
        await page.goto(bridge.url);
        await loginAs(page, 'operator');
        await standardCall(page); // warm-up: first render of every part of the form
        const runs = [];
        for (let i = 0; i < 5; i++) runs.push(await standardCall(page));
        const seconds = runs.map((r) => r.seconds).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
        return [
          { name: 'ui.standard_call_keystrokes', value: runs[0]!.keystrokes, unit: 'keys', target: 80, better: 'lower' },
          { name: 'ui.standard_call_s', value: seconds, unit: 's', target: 3, better: 'lower' },
        ] satisfies BenchFigure[];
      } finally {
        await browser.close();
        await bridge.close();
        await core.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
};

export default bench;
