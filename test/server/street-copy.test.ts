// The workstation's copy of the street dictionary (P§12.1): filled from the hub, searched without it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalStore } from '../../src-main/core/store';
import { refreshStreetCopy, searchStreetCopy } from '../../src-main/core/street-copy';
import { DEMO_STREETS_FILE } from '../../src-server/admin/demo';
import { importStreetsFile, LODZ_SYM } from '../../src-server/admin/streets';
import type { RunningHub } from '../../src-server/hub';
import { startTestHub } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { TestWorkstation } from '../support/sync-client';

let hub: RunningHub;
const dir = mkdtempSync(join(tmpdir(), 'usterka-streets-'));
beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
  await importStreetsFile(hub.database.db, DEMO_STREETS_FILE, LODZ_SYM);
});
afterAll(async () => {
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the workstation's street dictionary", () => {
  it('P§12.1 is copied from the hub once a day and finds streets by any word of their name, without the hub', async () => {
    const store = await openLocalStore(dir);
    try {
      const op = await new TestWorkstation(hub.url).login('operator', PASSWORD);
      const now = Date.now();
      await refreshStreetCopy(store.db, hub.url, op.token, now);
      const count = await store.db
        .selectFrom('street_copy')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBeGreaterThan(100);
      // Within a day the hub is not asked again (an unreachable address would throw).
      await refreshStreetCopy(store.db, 'http://127.0.0.1:9', op.token, now + 3600_000);
      const found = await searchStreetCopy(store.db, 'piotrk');
      expect(found[0]).toMatchObject({ name: 'ul. Piotrkowska', id: expect.any(String) });
      expect((await searchStreetCopy(store.db, 'kosciuszki')).map((s) => s.name)).toContain('al. Tadeusza Kościuszki');
    } finally {
      await store.close();
    }
  });
});
