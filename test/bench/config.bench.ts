// Configuration at city scale (I§5): a 2,000-row unit table read as a dry run, agreed and applied through the
// hub's routes (beside the time only reading the same file takes), and how long a saved change takes to reach
// 50 online workstations — real desktop cores, each with its poke stream (beside 50 bare /sync/config fetches,
// the least each must do).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createCore, type Core } from '../../src-main/core/core';
import { hashPassword } from '../../src-server/auth/passwords';
import { readSheet } from '../../src-server/admin/onboarding';
import type { RunningHub } from '../../src-server/hub';
import { categories, PASSWORD, seedCity } from '../support/city';
import { withHub } from './bench-support';
import type { Bench, BenchFigure } from './harness';

const ROWS = 2000;
const WORKSTATIONS = 50;
const CHANGES = 10;

const p99 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))]!;

async function bigTable(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Dane konfiguracyjne');
  sheet.addRow(['nazwa komórki organizacyjnej Urzędu Miasta Łodzi/miejskiej jednostki organizacyjnej:']);
  sheet.addRow(['Wydział Testów Wydajności']);
  sheet.addRow([
    'Imię i nazwisko',
    'Adres poczty elektronicznej',
    'Nazwa komórki wewnętrznej',
    'Symbol grupy w aplikacji',
    'Grupa uprawnień w aplikacji (nadzorca, koordynator, realizator)',
  ]);
  for (let i = 0; i < ROWS; i++) {
    const group = i % 40;
    const kind = group < 10 ? 'koordynator' : 'realizator';
    sheet.addRow([`Osoba ${i}`, `osoba.${i}@uml.lodz.pl`, `Oddział ${group}`, `WTW-${kind === 'koordynator' ? 'K' : 'R'}${group}`, kind]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers read as JSON
async function adminCall(hub: RunningHub, token: string, name: string, args: unknown): Promise<any> {
  const res = await fetch(`${hub.url}/admin/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(args),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function tokenOf(hub: RunningHub, login: string): Promise<string> {
  const res = await fetch(`${hub.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function importFigures(hub: RunningHub, admin: string, chief: string): Promise<BenchFigure[]> {
  const bytes = await bigTable();
  const file = { fileName: 'duza-jednostka.xlsx', contentBase64: bytes.toString('base64') };
  const readStart = performance.now();
  await readSheet(file.fileName, bytes);
  const readOnly = (performance.now() - readStart) / 1000;

  const started = performance.now();
  const preview = await adminCall(hub, admin, 'importPreview', file);
  if (preview.problems.length) throw new Error(`the table has problems: ${preview.problems[0].message}`);
  const dryRun = (performance.now() - started) / 1000;
  const submitted = await adminCall(hub, admin, 'importSubmit', file);
  await adminCall(hub, chief, 'decideChange', { id: submitted.change.id, decision: 'approved' });
  const applied = await adminCall(hub, admin, 'applyChange', { id: submitted.change.id });
  const total = (performance.now() - started) / 1000;
  if (applied.passwords.length !== ROWS) throw new Error(`expected ${ROWS} new accounts, got ${applied.passwords.length}`);
  process.stderr.write(
    `  ${ROWS} rows: reading ${readOnly.toFixed(2)} s, dry run ${dryRun.toFixed(2)} s, dry run + apply ${total.toFixed(2)} s\n`,
  );
  return [
    { name: 'config.import_2000_rows_s', value: total, unit: 's', better: 'lower', limit: readOnly },
    { name: 'config.import_2000_rows_dry_run_s', value: dryRun, unit: 's', better: 'lower', limit: readOnly },
  ];
}

async function propagationFigures(hub: RunningHub, admin: string): Promise<BenchFigure[]> {
  const dirs: string[] = [];
  const cores: Core[] = [];
  try {
    for (let i = 0; i < WORKSTATIONS; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'usterka-bench-ws-'));
      dirs.push(dir);
      const core = await createCore({ dataDir: dir, hubUrl: hub.url, shell: 'preview', log: () => {} });
      cores.push(core);
      const res = await core.dispatch('session.login', { login: 'operator', password: PASSWORD });
      if (!res.ok) throw new Error(res.error.message);
      await core.syncNow();
    }
    // Every workstation has its poke stream open once its first cycles are done.
    await Promise.all(cores.map((c) => c.syncNow()));
    await new Promise((r) => setTimeout(r, 500));

    const samples: number[] = [];
    const roads = categories.find((c) => c.id === 'roads')!;
    for (let n = 0; n < CHANGES; n++) {
      const label = `Wielkość ubytku (wersja ${n})`;
      const arrived = cores.map(
        (core) =>
          new Promise<number>((resolve) => {
            const off = core.onEvent((e) => {
              if (e.name !== 'config.changed') return;
              void core.dispatch('config.get', {}).then((res) => {
                const config = res.ok
                  ? (res.result as { directory: { categories: { id: string; template?: { label: string }[] }[] } })
                  : undefined;
                if (config?.directory.categories.find((c) => c.id === 'roads')?.template?.[0]?.label !== label) return;
                off();
                resolve(performance.now());
              });
            });
          }),
      );
      const saved = performance.now();
      await adminCall(hub, admin, 'saveCategory', { ...roads, template: [{ id: 'size', label, required: true }] });
      for (const at of await Promise.all(arrived)) samples.push(at - saved);
    }

    // The least each workstation must do after a poke: fetch its configuration, all 50 at once.
    const token = await tokenOf(hub, 'operator');
    const bare: number[] = [];
    for (let n = 0; n < CHANGES; n++) {
      const t0 = performance.now();
      const ends = await Promise.all(
        Array.from({ length: WORKSTATIONS }, async () => {
          const res = await fetch(`${hub.url}/sync/config`, { headers: { authorization: `Bearer ${token}` } });
          await res.arrayBuffer();
          return performance.now();
        }),
      );
      for (const end of ends) bare.push(end - t0);
    }
    process.stderr.write(
      `  ${WORKSTATIONS} workstations × ${CHANGES} changes: p99 ${p99(samples).toFixed(0)} ms (bare fetch p99 ${p99(bare).toFixed(0)} ms)\n`,
    );
    return [{ name: 'config.propagation_p99_ms', value: p99(samples), unit: 'ms', better: 'lower', limit: p99(bare) }];
  } finally {
    for (const core of cores) await core.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

const config: Bench = {
  name: 'config',
  run: () =>
    withHub(async (hub) => {
      await seedCity(hub.database.db);
      await hub.database.db
        .insertInto('app_user')
        .values({ login: 'admin', display_name: 'Administrator', roles: ['admin'], password_hash: await hashPassword(PASSWORD) })
        .execute();
      const admin = await tokenOf(hub, 'admin');
      const chief = await tokenOf(hub, 'supernadzor');
      return [...(await importFigures(hub, admin, chief)), ...(await propagationFigures(hub, admin))];
    }),
};

export default config;
