import { hubProcess, withHub } from './test/bench/bench-support';
import { seedCity } from './test/support/city';
import { portalKey, postWebForm } from './test/support/portal';
await withHub(async (hub) => {
  await seedCity(hub.database.db);
  const key = await portalKey(hub.database.db);
  const p = await hubProcess(hub.database.connectionString);
  const run = async (label: string, fn: () => Promise<Response>) => {
    const t0 = performance.now(); let n = 0; const st = new Map<number, number>();
    await Promise.all(Array.from({ length: 50 }, async () => { while (n < 3000) { n++; const r = await fn(); await r.arrayBuffer(); st.set(r.status, (st.get(r.status) ?? 0) + 1); } }));
    console.log(label, ((performance.now() - t0) / 1000).toFixed(2), 's', [...st]);
  };
  await run('health', () => fetch(`${p.url}/health`));
  await run('form', () => postWebForm(p.url, key, { description: 'x', reporter: { wantsAnswer: false, consent: false } }));
  await run('health', () => fetch(`${p.url}/health`));
  await run('openapi-404', () => fetch(`${p.url}/nope`));
  await p.stop();
});
