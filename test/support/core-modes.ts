// The desktop core as the tests open it: on the test's own thread (createCore) or in a worker thread as the shells
// run it (startCoreWorker), so that one suite checks both. Tests that look into the store get it either way: in
// worker mode through a second connection to the same SQLite file (WAL lets both work).
import { createCore, type CoreApi, type CoreOptions } from '../../src-main/core/core';
import { openLocalStore, type LocalStore } from '../../src-main/core/store';
import { startCoreWorker } from '../../src-main/core/worker-host';

export const CORE_MODES = ['in-thread', 'worker'] as const;
export type CoreMode = (typeof CORE_MODES)[number];

export interface TestCore extends CoreApi {
  store: LocalStore;
}

export async function openTestCore(mode: CoreMode, opts: Omit<CoreOptions, 'now'>): Promise<TestCore> {
  if (mode === 'in-thread') return createCore(opts);
  const core = await startCoreWorker(opts);
  const store = await openLocalStore(opts.dataDir, opts.secrets);
  return {
    ...core,
    store,
    async close() {
      await store.close();
      await core.close();
    },
  };
}
