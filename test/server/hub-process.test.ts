// `npm run hub` (src-server/main.ts) as a process: it starts on its own PostgreSQL, answers, and stops on SIGTERM.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../src-server/net';

describe('the hub process', () => {
  it('starts with its embedded PostgreSQL, serves /health, and exits cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'usterka-hub-process-'));
    chmodSync(dir, 0o755);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, USTERKA_DATA_DIR: dir, HUB_PORT: String(port), LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await expect
        .poll(
          () =>
            fetch(`http://127.0.0.1:${port}/health`).then(
              (r) => r.status,
              () => 0,
            ),
          { timeout: 45_000, interval: 250 },
        )
        .toBe(200);
      expect(stderr).toContain(`Usterka hub listening on http://127.0.0.1:${port}`);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
