// Bundles the Electron main process, the desktop core's worker and the preload into dist/electron (CommonJS: a
// sandboxed preload must be one self-contained script). The renderer is built by Vite into dist/renderer.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, logLevel: 'warning' } as const;
// CommonJS has no import.meta: give each bundle its own file's URL, so that worker-host.ts finds core-worker.cjs beside it.
const nodeBundle = {
  ...common,
  external: ['electron', 'better-sqlite3'],
  banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundle_url' },
};

await build({ ...nodeBundle, entryPoints: ['src-main/electron/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...nodeBundle, entryPoints: ['src-main/core/core-worker.ts'], outfile: 'dist/electron/core-worker.cjs' });
await build({ ...common, entryPoints: ['src-main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
console.log('Built dist/electron/main.cjs, dist/electron/core-worker.cjs and dist/electron/preload.cjs');
