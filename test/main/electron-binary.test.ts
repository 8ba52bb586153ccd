// Finding Electron's program without starting its download (the npm package downloads it on the
// first require since Electron 42), and asking for the download with the package's own installer.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadElectronBinary, electronBinary, electronPackageDir } from '../../src-main/electron/binary';

/** A stand-in electron package folder; `program` says whether its program was downloaded. */
function fakePackage({ pathTxt, program }: { pathTxt?: string; program?: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'usterka-electron-'));
  if (pathTxt !== undefined) writeFileSync(join(dir, 'path.txt'), pathTxt);
  if (program) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', pathTxt ?? 'electron'), '');
  }
  return dir;
}

describe("Electron's program", () => {
  it('is found where a download left it, and not found before one', () => {
    const downloaded = fakePackage({ pathTxt: 'electron', program: true });
    expect(electronBinary(downloaded, {})).toBe(join(downloaded, 'dist', 'electron'));
    expect(electronBinary(fakePackage({}), {})).toBeUndefined();
    expect(electronBinary(fakePackage({ pathTxt: 'electron.exe' }), {})).toBeUndefined();
    expect(electronBinary(undefined, {})).toBeUndefined();
    // ELECTRON_OVERRIDE_DIST_PATH is honoured as the package's own index.js does.
    expect(electronBinary(downloaded, { ELECTRON_OVERRIDE_DIST_PATH: join(downloaded, 'elsewhere') })).toBeUndefined();
    expect(electronBinary(downloaded, { ELECTRON_OVERRIDE_DIST_PATH: join(downloaded, 'dist') })).toBe(
      join(downloaded, 'dist', 'electron'),
    );
  });

  it('is looked up in the installed package without requiring it (which would download)', () => {
    const started = Date.now();
    const dir = electronPackageDir();
    const found = electronBinary();
    if (dir) expect(found === undefined || found.startsWith(dir)).toBe(true);
    else expect(found).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("is downloaded by the package's own installer, and a failed download means none", () => {
    const ok = fakePackage({});
    writeFileSync(
      join(ok, 'install.js'),
      "const fs = require('fs'), path = require('path');\nfs.mkdirSync(path.join(__dirname, 'dist'));\nfs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '');\nfs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');\n",
    );
    expect(downloadElectronBinary(ok)).toBe(join(ok, 'dist', 'electron'));

    const offline = fakePackage({});
    writeFileSync(join(offline, 'install.js'), "console.error('fetch failed'); process.exit(1);\n");
    expect(downloadElectronBinary(offline)).toBeUndefined();
    expect(downloadElectronBinary(fakePackage({}))).toBeUndefined();
    expect(downloadElectronBinary(undefined)).toBeUndefined();
  });
});
