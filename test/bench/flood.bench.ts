// The public web form flooded from one source (bounded: 2,000 posts with one portal key): how long the hub's
// /health takes meanwhile (p99, beside /health with no flood in the same run), and the share of the flood
// the rate limits refuse. For comparison, the same flood against a hub process without effective limits.
import { seedCity } from '../support/city';
import { portalKey, postWebForm } from '../support/portal';
import { hubProcess, withHub } from './bench-support';
import type { Bench, BenchFigure } from './harness';

const FLOOD = 2000;
const CONCURRENCY = 50;
const PROBE_EVERY_MS = 5;

const resident = {
  description: 'Przewrócone drzewo blokuje chodnik.',
  location: { address: 'ul. Zgierska 20, Łódź' },
  reporter: { wantsAnswer: true, consent: true, email: 'mieszkaniec@example.com' },
};

const p99 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.99)]!;

/** /health latencies, one probe every PROBE_EVERY_MS, until `until` resolves (at least `min` probes). */
async function probeHealth(url: string, until: Promise<unknown>, min = 200): Promise<number[]> {
  let done = false;
  void until.then(() => (done = true));
  const samples: number[] = [];
  while (!done || samples.length < min) {
    const t0 = performance.now();
    const res = await fetch(`${url}/health`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`/health answered ${res.status}`);
    samples.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
  }
  return samples;
}

/** FLOOD posts from this process (one source), CONCURRENCY at a time; the status of each. */
async function flood(url: string, key: string): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < FLOOD) {
        next++;
        const res = await postWebForm(url, key, resident);
        await res.arrayBuffer();
        statuses.push(res.status);
      }
    }),
  );
  return statuses;
}

async function measure(url: string, key: string): Promise<{ idle: number; underFlood: number; refusedShare: number; seconds: number }> {
  // Warm-up: a fresh process compiles its hot paths on the first requests.
  await probeHealth(url, Promise.resolve(), 100);
  const idle = p99(await probeHealth(url, new Promise((r) => setTimeout(r, 2000))));
  const started = performance.now();
  const flooding = flood(url, key);
  const [underFlood, statuses] = await Promise.all([probeHealth(url, flooding), flooding]);
  const seconds = (performance.now() - started) / 1000;
  const unexpected = statuses.filter((s) => s !== 201 && s !== 429);
  if (unexpected.length) throw new Error(`the flood got statuses ${[...new Set(unexpected)].join(', ')}`);
  return { idle, underFlood: p99(underFlood), refusedShare: statuses.filter((s) => s === 429).length / statuses.length, seconds };
}

const flooded: Bench = {
  name: 'hub.flood',
  run: () =>
    withHub(async (hub) => {
      await seedCity(hub.database.db);
      const key = await portalKey(hub.database.db);

      const limited = await hubProcess(hub.database.connectionString);
      const withLimits = await measure(limited.url, key).finally(() => limited.stop());

      // The same flood against a hub whose limits are out of reach: what the issue saw (every form accepted).
      const saved = { ...process.env };
      process.env.USTERKA_WEB_FORM_PER_PORTAL = String(10 * FLOOD);
      process.env.USTERKA_WEB_FORM_PER_SOURCE = String(10 * FLOOD);
      const open = await hubProcess(hub.database.connectionString).finally(() => {
        process.env.USTERKA_WEB_FORM_PER_PORTAL = saved.USTERKA_WEB_FORM_PER_PORTAL;
        process.env.USTERKA_WEB_FORM_PER_SOURCE = saved.USTERKA_WEB_FORM_PER_SOURCE;
        if (saved.USTERKA_WEB_FORM_PER_PORTAL === undefined) delete process.env.USTERKA_WEB_FORM_PER_PORTAL;
        if (saved.USTERKA_WEB_FORM_PER_SOURCE === undefined) delete process.env.USTERKA_WEB_FORM_PER_SOURCE;
      });
      const withoutLimits = await measure(open.url, key).finally(() => open.stop());

      process.stderr.write(
        `  flood of ${FLOOD}: ${withLimits.seconds.toFixed(1)} s with limits, ${withoutLimits.seconds.toFixed(1)} s without; ` +
          `/health p99 idle ${withLimits.idle.toFixed(1)} ms / ${withoutLimits.idle.toFixed(1)} ms\n`,
      );
      return [
        {
          name: 'hub.health_p99_under_flood_ms',
          value: withLimits.underFlood,
          unit: 'ms',
          better: 'lower',
          peer: { name: 'no rate limit', value: withoutLimits.underFlood },
        },
        { name: 'hub.health_p99_idle_ms', value: withLimits.idle, unit: 'ms' },
        {
          name: 'hub.health_p99_flood_ratio',
          value: withLimits.underFlood / withLimits.idle,
          unit: '×',
          better: 'lower',
          peer: { name: 'no rate limit', value: withoutLimits.underFlood / withoutLimits.idle },
        },
        {
          name: 'hub.flood_refused_share',
          value: withLimits.refusedShare,
          unit: 'share',
          better: 'higher',
          peer: { name: 'no rate limit', value: withoutLimits.refusedShare },
        },
      ] satisfies BenchFigure[];
    }),
};

export default flooded;
