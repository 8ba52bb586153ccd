// A desktop core in its own process, for crash tests: `capture` registers calls in a loop and
// prints "SAVED <number> <time>" after each durable commit; `replay` syncs until the outbox is
// empty and prints "DONE". The test kills it with SIGKILL at random moments.
import { createCore } from '../../src-main/core/core';
import type { ExecuteResult } from '../../src-shared/api/desktop';
import { potholeCall } from '../support/sync-client';

const [mode, dataDir, hubUrl, login, password] = process.argv.slice(2) as [string, string, string, string, string];
const core = await createCore({ dataDir, hubUrl, shell: 'preview', log: () => {}, policy: { outageAfterMs: 0, checkEveryMs: 60_000 } });

const current = await core.dispatch('session.current', {});
if (current.ok && !current.result) {
  const res = await core.dispatch('session.login', { login, password });
  if (!res.ok) throw new Error(res.error.message);
}

if (mode === 'login') {
  await core.syncNow();
  console.log('READY');
} else if (mode === 'capture') {
  for (let i = 0; ; i++) {
    const res = await core.dispatch('tickets.execute', { command: potholeCall({ subject: `Awaria, zgłoszenie ${i}` }) });
    const result = (res as { result: ExecuteResult }).result;
    if (!res.ok || !result.ok) throw new Error(JSON.stringify(res));
    console.log(`SAVED ${result.createdNumbers[0]} ${result.ticket!.times.registeredAt}`);
    // A brisk operator's pace still leaves the leased reserve (500 numbers) enough for the whole test.
    await new Promise((r) => setTimeout(r, 25));
  }
} else {
  core.onEvent((e) => {
    if (e.name === 'replay.progress') console.log(`PROGRESS ${e.payload.sent} ${e.payload.total}`);
  });
  for (;;) {
    await core.syncNow();
    const state = await core.dispatch('connection.get', {});
    if (
      state.ok &&
      (state.result as { pendingActions: number; state: string }).pendingActions === 0 &&
      (state.result as { state: string }).state === 'online'
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log('DONE');
}
await core.close();
process.exit(0);
