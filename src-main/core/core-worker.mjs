// The core's worker from source (preview mode, tests, benchmarks): a worker thread does not inherit the tsx loader
// its parent runs under (nor takes it from execArgv on Node 20), so it registers tsx itself, then loads the
// TypeScript entry. The Electron shell runs the bundled dist/electron/core-worker.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./core-worker.ts');
