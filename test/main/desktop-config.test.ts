// The workstation's configuration as IT deploys it: a machine-wide file, a user's override, the environment;
// broken files said plainly and ignored; the city's own certificate authority trusted for the hub (a real
// HTTPS server on loopback with a certificate from a CA made for the test).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_HUB_URL, loadDesktopConfig, machineConfigFile } from '../../src-main/core/config';
import { hubRequest, HubRequestError } from '../../src-main/core/hub-client';
import { trustHubAuthorities } from '../../src-main/core/hub-trust';

const dir = mkdtempSync(join(tmpdir(), 'usterka-config-'));
const machine = join(dir, 'machine.json');
const userDir = join(dir, 'user');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(file: string, content: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
}

describe('workstation configuration', () => {
  it("the machine-wide file sets the hub and updates, the user's file overrides it key by key, USTERKA_HUB_URL overrides both", () => {
    write(machine, {
      hubUrl: 'https://usterka.uml.lodz.pl/',
      updates: { enabled: false, feedUrl: 'https://usterka.uml.lodz.pl/updates/' },
    });
    rmSync(join(userDir, 'config.json'), { force: true });
    expect(loadDesktopConfig({}, userDir, machine)).toMatchObject({
      hubUrl: 'https://usterka.uml.lodz.pl',
      updates: { enabled: false, feedUrl: 'https://usterka.uml.lodz.pl/updates/' },
      sources: [machine],
      problems: [],
    });
    write(join(userDir, 'config.json'), { hubUrl: 'https://test.usterka.uml.lodz.pl' });
    expect(loadDesktopConfig({}, userDir, machine)).toMatchObject({
      hubUrl: 'https://test.usterka.uml.lodz.pl',
      updates: { enabled: false },
    });
    expect(loadDesktopConfig({ USTERKA_HUB_URL: 'http://127.0.0.1:9999' }, userDir, machine).hubUrl).toBe('http://127.0.0.1:9999');
  });

  it("updates are IT's alone: the feed is the machine-wide file's (else its hub's /updates/), a user's file cannot change them", () => {
    write(machine, { hubUrl: 'https://usterka.uml.lodz.pl/' });
    write(join(userDir, 'config.json'), { hubUrl: 'https://evil.example', updates: { enabled: true, feedUrl: 'https://evil.example/' } });
    const config = loadDesktopConfig({ USTERKA_HUB_URL: 'https://other.example' }, userDir, machine);
    expect(config.updates).toEqual({ enabled: true, feedUrl: 'https://usterka.uml.lodz.pl/updates/' });
    expect(config.problems).toEqual([expect.stringContaining('pole „updates” pominięto')]);
    write(machine, { hubUrl: 'https://usterka.uml.lodz.pl', updates: { enabled: false } });
    expect(loadDesktopConfig({}, userDir, machine).updates.enabled).toBe(false);
    write(machine, { hubUrl: 'https://usterka.uml.lodz.pl', updates: { feedUrl: 'https://pliki.uml.lodz.pl/usterka/' } });
    expect(loadDesktopConfig({}, userDir, machine).updates.feedUrl).toBe('https://pliki.uml.lodz.pl/usterka/');
    rmSync(join(userDir, 'config.json'));
  });

  it('without any file the hub on this machine is used and updates are on', () => {
    expect(loadDesktopConfig({}, join(dir, 'nobody'), join(dir, 'none.json'))).toMatchObject({
      hubUrl: DEFAULT_HUB_URL,
      updates: { enabled: true },
      sources: [],
      problems: [],
    });
  });

  it('a broken file is ignored with a message naming the file and the field; the other file still applies; a BOM from Notepad is fine', () => {
    write(machine, '{ "hubUrl": "https://usterka.uml.lodz.pl", ');
    write(join(userDir, 'config.json'), '\uFEFF{ "hubUrl": "https://test.usterka.uml.lodz.pl" }');
    const broken = loadDesktopConfig({}, userDir, machine);
    expect(broken.problems).toEqual([expect.stringContaining(`Plik konfiguracji ${machine} nie jest poprawnym JSON-em`)]);
    expect(broken).toMatchObject({ hubUrl: 'https://test.usterka.uml.lodz.pl', sources: [join(userDir, 'config.json')] });

    write(machine, { hubUrl: 'ftp://usterka.uml.lodz.pl' });
    expect(loadDesktopConfig({}, userDir, machine).problems).toEqual([
      expect.stringMatching(/pole „hubUrl” — Podaj adres http:\/\/ lub https:\/\//),
    ]);
    write(machine, { hubAdres: 'https://usterka.uml.lodz.pl' });
    expect(loadDesktopConfig({}, userDir, machine).problems[0]).toContain('hubAdres');
    expect(loadDesktopConfig({ USTERKA_HUB_URL: 'nie-adres' }, userDir, join(dir, 'none.json')).problems).toEqual([
      expect.stringContaining('USTERKA_HUB_URL'),
    ]);
  });

  it('on Windows the machine-wide file is in %ProgramData%\\Usterka', () => {
    expect(machineConfigFile({ ProgramData: 'D:\\ProgramData' }, 'win32')).toBe(join('D:\\ProgramData', 'Usterka', 'config.json'));
    expect(machineConfigFile({}, 'linux')).toBe('/etc/usterka/config.json');
  });
});

describe("trust in the hub's certificate", () => {
  let server: Server;
  let url: string;
  const pki = join(dir, 'pki');
  beforeAll(async () => {
    mkdirSync(pki, { recursive: true });
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: pki, stdio: 'pipe' });
    // The city's own authority, and the hub's certificate it issued for 127.0.0.1.
    ssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=Urzad Miasta Lodzi test CA',
    );
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'hub.key', '-out', 'hub.csr', '-subj', '/CN=127.0.0.1');
    writeFileSync(join(pki, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
    ssl(
      'x509',
      '-req',
      '-in',
      'hub.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'hub.pem',
      '-days',
      '2',
      '-extfile',
      'ext.cnf',
    );
    server = createServer({ key: readFileSync(join(pki, 'hub.key')), cert: readFileSync(join(pki, 'hub.pem')) }, (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ status: 'ok' }));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => {
    trustHubAuthorities(undefined);
    server?.close();
  });

  it("a hub whose certificate the city's CA issued is reached once caFile names that CA, and refused without it", async () => {
    const health = () => hubRequest(url, '/health', z.object({ status: z.string() }), { timeoutMs: 5000 });
    trustHubAuthorities(undefined);
    await expect(health()).rejects.toBeInstanceOf(HubRequestError);

    write(join(userDir, 'config.json'), { hubUrl: url, caFile: join(pki, 'ca.pem') });
    const config = loadDesktopConfig({}, userDir, join(dir, 'none.json'));
    expect(config.caPem).toContain('BEGIN CERTIFICATE');
    trustHubAuthorities(config.caPem);
    await expect(health()).resolves.toEqual({ status: 'ok' });
  });

  it('a caFile that is missing or not PEM is said plainly and trusts nothing extra', () => {
    write(join(userDir, 'config.json'), { caFile: join(pki, 'nie-ma.pem') });
    expect(loadDesktopConfig({}, userDir, join(dir, 'none.json')).problems).toEqual([
      expect.stringContaining('Nie można odczytać pliku caFile'),
    ]);
    write(join(userDir, 'config.json'), { caFile: join(pki, 'ext.cnf') });
    const notPem = loadDesktopConfig({}, userDir, join(dir, 'none.json'));
    expect(notPem.caPem).toBeUndefined();
    expect(notPem.problems).toEqual([expect.stringContaining('nie zawiera certyfikatu w formacie PEM')]);
  });
});
