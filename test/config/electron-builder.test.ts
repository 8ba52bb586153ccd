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

/** Whether a caret range `^X.Y.Z` (the form package.json uses for electron, X ≥ 1) admits a version X.y.z. */
function caretAdmits(range: string, version: string): boolean {
  const base = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range)?.slice(1).map(Number);
  const v = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)?.slice(1).map(Number);
  if (!base || !v || base[0] === 0) return false;
  return v[0] === base[0] && (v[1]! > base[1]! || (v[1] === base[1] && v[2]! >= base[2]!));
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
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
    // What npm resolves, read from the lock: the check needs no installed package.
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
    const locked = lock.packages['node_modules/electron'];
    expect(config.electronVersion).toBe(locked.version);
    expect(caretAdmits(pkg.devDependencies.electron, locked.version), `${locked.version} within ${pkg.devDependencies.electron}`).toBe(
      true,
    );
    expect(lock.packages[''].devDependencies.electron).toBe(pkg.devDependencies.electron);
    // Electron ≥ 42 has no install script (it downloads its program on first use), so installing it
    // cannot fail where the download would: a plain devDependency, as electron-builder expects.
    expect(locked.hasInstallScript).toBeUndefined();
    expect(pkg.optionalDependencies?.electron).toBeUndefined();
    expect(
      caretAdmits('^45.5.0', '45.5.1') &&
        caretAdmits('^45.5.0', '45.6.0') &&
        !caretAdmits('^45.5.0', '45.4.9') &&
        !caretAdmits('^45.5.0', '46.0.0'),
    ).toBe(true);
    expect(APP_VERSION).toBe(pkg.version);
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('installs silently per machine and publishes a generic update feed whose placeholder address the config replaces', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowElevation: true });
    expect(config.win.artifactName).toBe('Usterka-Setup-${version}.${ext}');
    expect(config.publish).toEqual({ provider: 'generic', url: 'https://usterka.invalid/updates/' });
    // electron-updater runs bundled into the main process: the installer needs no node_modules for it.
    expect(pkg.dependencies['electron-updater']).toBeDefined();
    expect(config.files).toContain('dist/electron/**');
  });

  it('flips the Electron fuses that close run-as-Node, NODE_OPTIONS, --inspect and unchecked app code', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Asar integrity needs the app inside an asar archive.
    expect(config.asar).toBe(true);
  });
});
