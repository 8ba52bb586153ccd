// Bundles the Electron main process and the preload into dist/electron (CommonJS: a sandboxed
// preload must be one self-contained script). The renderer is built by Vite into dist/renderer.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, logLevel: 'warning' } as const;

await build({
  ...common,
  entryPoints: ['src-main/electron/main.ts'],
  outfile: 'dist/electron/main.cjs',
  external: ['electron', 'better-sqlite3'],
});
await build({ ...common, entryPoints: ['src-main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs');
