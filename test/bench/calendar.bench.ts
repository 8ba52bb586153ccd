// Deadline computations per second on one core: the hot path every queue view and report runs per ticket.
import { createWorkingCalendar } from '../../src-shared/calendar';
import type { Bench } from './harness';

const INPUTS = 1 << 16;
const ROUNDS = 60;

const bench: Bench = {
  name: 'calendar',
  async run() {
    const calendar = createWorkingCalendar();
    // Precomputed random inputs (seeded, so runs compare): starts across 2024–2030, n in 1..10.
    const from = Date.UTC(2024, 0, 1);
    const span = Date.UTC(2031, 0, 1) - from;
    let seed = 42;
    const random = (): number => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    const starts = Float64Array.from({ length: INPUTS }, () => from + Math.floor(random() * span));
    const ns = Int32Array.from({ length: INPUTS }, () => 1 + Math.floor(random() * 10));

    let sink = 0; // consumed below, so the work cannot be optimized away
    const pass = (): void => {
      for (let i = 0; i < INPUTS; i++) sink += calendar.deadline(starts[i]!, ns[i]!).getTime() & 1;
    };
    for (let r = 0; r < 5; r++) pass(); // warm-up
    const t0 = performance.now();
    for (let r = 0; r < ROUNDS; r++) pass();
    const seconds = (performance.now() - t0) / 1000;
    if (sink < 0) throw new Error('unreachable');

    return [{ name: 'calendar.deadlines_per_s', value: (INPUTS * ROUNDS) / seconds, unit: 'ops/s', target: 2_000_000, better: 'higher' }];
  },
};

export default bench;
