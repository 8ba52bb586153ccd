// Vitest global setup for end-to-end tests: builds the screens once, so the run tests current code.
import { build } from 'vite';

export default async function setup() {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
