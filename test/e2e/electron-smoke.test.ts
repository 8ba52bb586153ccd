// The real Electron window, driven by Playwright's _electron. Runs where Electron's binary is
// installed (a developer's Windows desktop); reported as skipped, with the reason, where it is not.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { _electron } from 'playwright-core';
import { electronBinary } from '../../src-main/electron/binary';

const binary = electronBinary();
const title = binary
  ? 'opens the real Electron window on the Polish login screen'
  : 'opens the real Electron window (skipped: the Electron binary is not installed on this machine)';

describe('Electron smoke test', () => {
  it.skipIf(!binary)(title, async () => {
    execFileSync('npx', ['tsx', 'src-main/electron/build.ts'], { stdio: 'inherit', shell: process.platform === 'win32' });
    const app = await _electron.launch({
      executablePath: binary!,
      args: ['.'],
      env: { ...process.env, USTERKA_HUB_URL: 'http://127.0.0.1:9' },
    });
    try {
      const window = await app.firstWindow();
      await window.getByRole('heading', { name: 'Zaloguj się' }).waitFor();
      expect(await window.title()).toBe('Usterka');
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      await window.screenshot({ path: 'test-results/screenshots/electron-login.png' });
    } finally {
      await app.close();
    }
  });
});
