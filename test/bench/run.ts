// `npm run bench [-- <filter>]`: runs every test/bench/*.bench.ts whose bench or figure name contains
// the filter, prints a readable table and one BENCH line per figure.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchLine, meetsTarget, round, type Bench, type BenchFigure } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const rows: BenchFigure[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Bench | Bench[] };
  const benches = Array.isArray(mod.default) ? mod.default : [mod.default];
  for (const bench of benches) {
    if (filter && !bench.name.includes(filter) && !file.includes(filter)) continue;
    process.stderr.write(`running ${bench.name}…\n`);
    const figures = await bench.run();
    for (const f of figures) {
      rows.push(f);
      console.log(benchLine(f));
    }
  }
}

if (rows.length === 0) {
  console.error(`No benchmark matches "${filter}".`);
  process.exit(1);
}

console.log('');
console.table(
  rows.map((f) => ({
    figure: f.name,
    value: round(f.value),
    unit: f.unit,
    target: f.target ?? '',
    peer: f.peer ? `${f.peer.name}: ${round(f.peer.value)}` : '',
    limit: f.limit ?? '',
    ok: meetsTarget(f) === undefined ? '' : meetsTarget(f) ? 'yes' : 'NO',
  })),
);
