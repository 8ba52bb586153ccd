// A process that starts embedded PostgreSQL keeps its own exit code (the package's exit hook used to
// replace it with 0, so a test run with failures passed CI).
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('embedded PostgreSQL and the exit code', () => {
  it('a process that used it and ends with a failure code still fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'usterka-exit-'));
    chmodSync(dir, 0o755);
    try {
      const script = `const { startEmbeddedPostgres } = await import('./src-server/db/connect.ts');
        const server = await startEmbeddedPostgres(${JSON.stringify(join(dir, 'pg'))});
        await server.stop();
        process.exitCode = 3;`;
      const code = await new Promise<number | null>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 60_000 }, (err) =>
          resolve(err ? ((err as { code?: number }).code ?? null) : 0),
        );
      });
      expect(code).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
