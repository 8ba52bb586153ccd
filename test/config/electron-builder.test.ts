// Packaging needs downloads this machine cannot make, so the configuration is checked against the
// JSON schema electron-builder itself ships, plus the choices the installer must keep.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { APP_VERSION } from '../../src-shared/version';

const require = createRequire(import.meta.url);
const config = parse(readFileSync('electron-builder.yml', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

describe('electron-builder.yml', () => {
  it('is valid against electron-builder\'s own schema', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
    // The schema really constrains: a wrong type is caught.
    expect(validate({ ...config, nsis: { ...config.nsis, perMachine: 'yes' } })).toBe(false);
  });

  it('builds a per-machine NSIS x64 installer named Usterka with native modules unpacked', () => {
    expect(config.productName).toBe('Usterka');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis.perMachine).toBe(true);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
  });

  it('packages the Electron version that npm installs, and the app version is the same everywhere', () => {
    const electronPkg = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'));
    expect(config.electronVersion).toBe(electronPkg.version);
    expect(APP_VERSION).toBe(pkg.version);
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });
});
