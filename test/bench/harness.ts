// The shape every benchmark file (test/bench/*.bench.ts) default-exports, and the BENCH line format
// that later sessions and CI compare across runs.

export interface BenchFigure {
  /** `<area>.<figure>`, e.g. `calendar.deadlines_per_s`. */
  name: string;
  value: number;
  unit: string;
  target?: number;
  /** Whether the target is a floor (`min`, e.g. throughput) or a ceiling (`max`, e.g. latency). */
  better?: 'higher' | 'lower';
  /** The same work done by a peer system in the same run. */
  peer?: { name: string; value: number };
  /** A physical limit measured in the same run (e.g. a raw batched INSERT). */
  limit?: number;
}

export interface Bench {
  name: string;
  run(): Promise<BenchFigure[]>;
}

export function benchLine(f: BenchFigure): string {
  const out: Record<string, unknown> = { name: f.name, value: round(f.value), unit: f.unit };
  if (f.target !== undefined) out.target = f.target;
  if (f.peer) out.peer = { name: f.peer.name, value: round(f.peer.value) };
  if (f.limit !== undefined) out.limit = round(f.limit);
  return `BENCH ${JSON.stringify(out)}`;
}

export function meetsTarget(f: BenchFigure): boolean | undefined {
  if (f.target === undefined) return undefined;
  return (f.better ?? 'lower') === 'higher' ? f.value >= f.target : f.value <= f.target;
}

export function round(v: number): number {
  return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 1000) / 1000;
}
