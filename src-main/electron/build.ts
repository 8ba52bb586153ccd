// Bundles the Electron main process, the desktop core's worker and the preload into dist/electron (CommonJS: a
// sandboxed preload must be one self-contained script), or into the folder given (a test builds into its own).
// The renderer is built by Vite into dist/renderer.
import { build } from 'esbuild';

const out = process.argv[2] ?? 'dist/electron';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, logLevel: 'warning' } as const;
// CommonJS has no import.meta: give each bundle its own file's URL, so that worker-host.ts finds core-worker.cjs beside it.
const nodeBundle = {
  ...common,
  external: ['electron', 'better-sqlite3'],
  banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundle_url' },
};

await build({ ...nodeBundle, entryPoints: ['src-main/electron/main.ts'], outfile: `${out}/main.cjs` });
await build({ ...nodeBundle, entryPoints: ['src-main/core/core-worker.ts'], outfile: `${out}/core-worker.cjs` });
await build({ ...common, entryPoints: ['src-main/electron/preload.ts'], outfile: `${out}/preload.cjs`, external: ['electron'] });
console.log(`Built ${out}/main.cjs, ${out}/core-worker.cjs and ${out}/preload.cjs`);
