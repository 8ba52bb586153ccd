// The whole app for an end-to-end test: a hub on a fresh PostgreSQL database with the demo data,
// the desktop core with its own SQLite file, the preview bridge, and a Chromium page on it.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHub, type RunningHub } from '../../src-server/hub';
import { seedDemoIfEmpty } from '../../src-server/admin/demo';
import { createCore, type Core } from '../../src-main/core/core';
import { startBridge, type Bridge } from '../../src-main/preview/bridge';
import { launchChromium } from './chromium';
import { freshDatabaseUrl } from './db';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

export const SCREENSHOT_DIR = resolve('test-results', 'screenshots');

export interface Stack {
  hub: RunningHub;
  core: Core;
  bridge: Bridge;
  browser: Browser;
  page: Page;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const hub = await startHub({ databaseUrl: await freshDatabaseUrl(), dataDir: '/nonexistent', autoMigrate: true, logger: false });
  await seedDemoIfEmpty(hub.database.db);
  const desktopDir = mkdtempSync(join(tmpdir(), 'usterka-desk-'));
  const core = await createCore({ dataDir: desktopDir, hubUrl: hub.url, shell: 'preview', log: () => {} });
  const bridge = await startBridge(core, resolve('dist', 'renderer'));
  const browser = await launchChromium();
  // A context of our own: axe-core needs one (not the browser's default page).
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  const page = await context.newPage();
  await page.goto(bridge.url);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    hub,
    core,
    bridge,
    browser,
    page,
    async screenshot(name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await browser.close();
      await bridge.close();
      await core.close();
      await hub.close();
      rmSync(desktopDir, { recursive: true, force: true });
    },
  };
}
