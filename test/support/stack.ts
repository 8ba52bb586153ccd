// The whole app for an end-to-end test: a hub on a fresh PostgreSQL database with the demo data,
// the desktop core with its own SQLite file, the preview bridge, and a Chromium page on it.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHub, type RunningHub } from '../../src-server/hub';
import { seedDemoIfEmpty } from '../../src-server/admin/demo';
import type { CentralDb } from '../../src-server/db/connect';
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
  /** Stops the hub's HTTP server (its database stays): the workstation loses the hub. */
  stopHub(): Promise<void>;
  /** Starts a hub again at the same address on the same database (after stopHub). */
  restartHub(): Promise<void>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** What the hub holds before the desktop starts (default: the demo city). */
  seed?: (db: CentralDb) => Promise<unknown>;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const databaseUrl = await freshDatabaseUrl();
  let hub = await startHub({ databaseUrl, dataDir: '/nonexistent', autoMigrate: true, logger: false });
  const stoppedHubs: RunningHub[] = [];
  await (opts.seed ?? seedDemoIfEmpty)(hub.database.db);
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
    get hub() {
      return hub;
    },
    core,
    bridge,
    browser,
    page,
    async screenshot(name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      // A full-page picture is taken from the top: the pinned bar and banner belong there, not where the page was scrolled to.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async stopHub() {
      await hub.app.close();
    },
    async restartHub() {
      stoppedHubs.push(hub);
      hub = await startHub({ databaseUrl, dataDir: '/nonexistent', port: Number(new URL(hub.url).port), logger: false });
    },
    async close() {
      await browser.close();
      await bridge.close();
      await core.close();
      await hub.close();
      for (const stopped of stoppedHubs) await stopped.database.close();
      rmSync(desktopDir, { recursive: true, force: true });
    },
  };
}
