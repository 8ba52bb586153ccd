// The street dictionary on a real PostgreSQL: import of the GUS TERYT ULIC register (XML and CSV)
// for one locality, re-import without duplicates, clear errors with nothing written, and the
// diacritics-insensitive search in Polish order.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralMigrations } from '../../migrations/central';
import { prepareSchema } from '../../migrations/runner';
import { importStreetsFile, LODZ_SYM, searchStreets, StreetImportError } from '../../src-server/admin/streets';
import { openKysely, type CentralDb } from '../../src-server/db/connect';
import { freshDatabaseUrl } from '../support/db';

const OTHER_SYM = '0977283';
type Row = [sym: string, symUl: string, cecha: string, nazwa1: string, nazwa2: string];
const ROWS: Row[] = [
  [LODZ_SYM, '16030', 'ul.', 'Piotrkowska', ''],
  [LODZ_SYM, '25680', 'ul.', 'Żeromskiego', 'Stefana'],
  [LODZ_SYM, '09280', 'al.', 'Kościuszki', 'Tadeusza'],
  [LODZ_SYM, '20551', 'al.', 'Śmigłego-Rydza', 'Marszałka Edwarda'],
  [LODZ_SYM, '10473', 'ul.', 'Łąkowa', ''],
  [LODZ_SYM, '11320', 'ul.', 'Lodowa', ''],
  [LODZ_SYM, '11007', 'ul.', 'Lipowa', ''],
  [LODZ_SYM, '13490', 'pl.', 'Wolności', ''],
  [OTHER_SYM, '16030', 'ul.', 'Piotrkowska', ''],
  [OTHER_SYM, '12345', 'ul.', 'Łęczycka', ''],
];
const LODZ_COUNT = ROWS.filter((r) => r[0] === LODZ_SYM).length;

const ulicXml = (rows: Row[]) => `<?xml version="1.0" encoding="UTF-8"?>
<!--Informacje podstawowe:
 Nazwa katalogu: ULIC,
 Zawartość: część,
-->
<ULIC>
${rows
  .map(
    ([sym, symUl, cecha, nazwa1, nazwa2], i) => `  <row>
    <WOJ>10</WOJ>
    <POW>${sym === LODZ_SYM ? '61' : '20'}</POW>
    <GMI>01</GMI>
    <RODZ_GMI>1</RODZ_GMI>
    <SYM>${sym}</SYM>
    <SYM_UL>${symUl}</SYM_UL>
    <CECHA>${cecha}</CECHA>
    <NAZWA_1>${nazwa1}</NAZWA_1>
    ${nazwa2 ? `<NAZWA_2>${nazwa2}</NAZWA_2>` : i % 2 ? '<NAZWA_2 />' : '<NAZWA_2></NAZWA_2>'}
    <STAN_NA>2026-01-01</STAN_NA>
  </row>`,
  )
  .join('\n')}
</ULIC>
`;
const ulicCsv = (rows: Row[]) =>
  [
    'WOJ;POW;GMI;RODZ_GMI;SYM;SYM_UL;CECHA;NAZWA_1;NAZWA_2;STAN_NA',
    ...rows.map(([sym, symUl, cecha, nazwa1, nazwa2]) => `10;61;01;1;${sym};${symUl};${cecha};${nazwa1};${nazwa2};2026-01-01`),
  ].join('\r\n');

let db: CentralDb;
let url: string;
const dir = mkdtempSync(join(tmpdir(), 'usterka-ulic-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const streetsOf = (sym: string) =>
  db.selectFrom('street').select(['sym_ul', 'name', 'terc', 'search_name']).where('sym', '=', sym).orderBy('sym_ul').execute();
const importError = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected an import error'),
    (err: unknown) => {
      expect(err).toBeInstanceOf(StreetImportError);
      return (err as Error).message;
    },
  );

beforeAll(async () => {
  url = await freshDatabaseUrl();
  db = openKysely(url, 2);
  await prepareSchema(db, centralMigrations, { label: 'central', autoMigrate: true, upgradeHint: '' });
});
afterAll(() => db?.destroy());

describe('TERYT ULIC import', () => {
  it('imports only the streets of the given locality from the official XML', async () => {
    const result = await importStreetsFile(db, file('ULIC_Urzedowy_2026-01-01.xml', ulicXml(ROWS)), LODZ_SYM);
    expect(result).toEqual({ sym: LODZ_SYM, imported: LODZ_COUNT, added: LODZ_COUNT, updated: 0, removed: 0, stanNa: '2026-01-01' });
    const streets = await streetsOf(LODZ_SYM);
    expect(streets).toHaveLength(LODZ_COUNT);
    expect(await streetsOf(OTHER_SYM)).toEqual([]);
    expect(streets.find((s) => s.sym_ul === '09280')).toEqual({
      sym_ul: '09280',
      name: 'al. Tadeusza Kościuszki',
      terc: '1061011',
      search_name: 'kosciuszki',
    });
    expect(streets.find((s) => s.sym_ul === '10473')?.search_name).toBe('lakowa');
  });

  it('re-import updates, adds and removes without duplicates', async () => {
    const changed: Row[] = [
      ...ROWS.filter((r) => r[1] !== '13490' && r[1] !== '16030'),
      [LODZ_SYM, '16030', 'ul.', 'Piotrkowska', 'Główna'],
      [LODZ_SYM, '20000', 'ul.', 'Zgierska', ''],
    ];
    const result = await importStreetsFile(db, file('ULIC_Urzedowy_2026-02-01.xml', ulicXml(changed)), LODZ_SYM);
    expect(result).toMatchObject({ imported: LODZ_COUNT, added: 1, updated: LODZ_COUNT - 1, removed: 1 });
    const streets = await streetsOf(LODZ_SYM);
    expect(streets).toHaveLength(LODZ_COUNT);
    expect(new Set(streets.map((s) => s.sym_ul)).size).toBe(LODZ_COUNT);
    expect(streets.map((s) => s.name)).toEqual(expect.arrayContaining(['ul. Główna Piotrkowska', 'ul. Zgierska']));
    expect(streets.map((s) => s.name)).not.toContain('pl. Wolności');
  });

  it('accepts the CSV variant (; separators, BOM, CRLF) and gives the same streets', async () => {
    const result = await importStreetsFile(db, file('ULIC_Urzedowy.csv', `\uFEFF${ulicCsv(ROWS)}`), LODZ_SYM);
    expect(result).toMatchObject({ imported: LODZ_COUNT, added: 1, removed: 1 });
    expect((await streetsOf(LODZ_SYM)).map((s) => s.name)).toContain('pl. Wolności');
  });

  it('reads an older Windows-1250 CSV', async () => {
    const cp1250: Record<string, number> = { ą: 0xb9, ę: 0xea, ł: 0xb3, ó: 0xf3, ś: 0x9c, ż: 0xbf, Ł: 0xa3, Ż: 0xaf, Ś: 0x8c, ź: 0x9f };
    const encoded = Buffer.from([...ulicCsv(ROWS)].map((ch) => cp1250[ch] ?? ch.charCodeAt(0)));
    await importStreetsFile(db, file('ULIC_cp1250.csv', encoded), LODZ_SYM);
    expect((await streetsOf(LODZ_SYM)).map((s) => s.name)).toEqual(expect.arrayContaining(['ul. Łąkowa', 'ul. Stefana Żeromskiego']));
  });

  it('a malformed file is refused with what to fix, and nothing is imported', async () => {
    const before = await streetsOf(LODZ_SYM);
    const truncated = ulicXml(ROWS).slice(0, ulicXml(ROWS).lastIndexOf('</row>') - 20);
    expect(await importError(importStreetsFile(db, file('cut.xml', truncated), LODZ_SYM))).toMatch(
      /niekompletny lub uszkodzony.*pobierz go ponownie/,
    );
    const noId = ulicXml([[LODZ_SYM, '30000', 'ul.', 'Nowa', ''], ...ROWS]).replace('<SYM_UL>16030</SYM_UL>', '<SYM_UL></SYM_UL>');
    expect(await importError(importStreetsFile(db, file('no-id.xml', noId), LODZ_SYM))).toMatch(/Element <row> nr 2: brak wartości SYM_UL/);
    expect(await importError(importStreetsFile(db, file('bad.csv', `${ulicCsv(ROWS)}\r\n10;61;01;1;${LODZ_SYM};1`), LODZ_SYM))).toMatch(
      /Wiersz 12 .* pól zamiast 10/,
    );
    expect(await importError(importStreetsFile(db, file('notes.txt', 'Lista ulic do sprawdzenia'), LODZ_SYM))).toMatch(
      /Nie rozpoznano formatu pliku/,
    );
    expect(await importError(importStreetsFile(db, file('ULIC.zip', Buffer.from('PK\x03\x04rest', 'latin1')), LODZ_SYM))).toMatch(
      /archiwum ZIP — rozpakuj/,
    );
    expect(await importError(importStreetsFile(db, join(dir, 'missing.xml'), LODZ_SYM))).toMatch(/Nie ma pliku .*missing\.xml/);
    expect(await importError(importStreetsFile(db, dir, LODZ_SYM))).toMatch(/jest katalogiem/);
    const wrongSym = await importError(importStreetsFile(db, file('other.xml', ulicXml(ROWS)), '0000001'));
    expect(wrongSym).toContain(`${LODZ_SYM} (${LODZ_COUNT} ulic)`);
    expect(await importError(importStreetsFile(db, file('x.xml', ulicXml(ROWS)), 'Łódź'))).toMatch(/SYM "Łódź" jest nieprawidłowy/);
    expect(await streetsOf(LODZ_SYM)).toEqual(before);
  });

  it('the admin CLI prints how many streets it imported, or the error and exit code 1', async () => {
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'src-server/admin/cli.ts', 'streets', 'import', ...args], {
        env: { ...process.env, DATABASE_URL: url },
      }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (err: { code: number; stdout: string; stderr: string }) => err,
      );
    const ok = await run([file('cli.xml', ulicXml(ROWS)), '--sym', LODZ_SYM]);
    expect(ok.stdout).toMatch(new RegExp(`Zaimportowano ${LODZ_COUNT} ulic miejscowości ${LODZ_SYM} \\(stan na 2026-01-01\\)`));
    const bad = await run([join(dir, 'missing.xml')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Nie zaimportowano ulic: Nie ma pliku/);
  });
});

describe('street search', () => {
  beforeAll(async () => {
    await importStreetsFile(db, file('search.xml', ulicXml(ROWS)), LODZ_SYM);
  });
  const names = async (query: string, limit = 10) => (await searchStreets(db, query, limit)).map((s) => s.name);

  it('finds by the beginning of the name, ignoring case and diacritics', async () => {
    expect(await names('piotrk')).toEqual(['ul. Piotrkowska']);
    for (const query of ['Żeromskiego', 'zeromskiego', 'ŻEROMSK', 'żer'])
      expect(await names(query), query).toEqual(['ul. Stefana Żeromskiego']);
    expect(await names('łąk')).toEqual(['ul. Łąkowa']);
    expect(await names('lakowa')).toEqual(['ul. Łąkowa']);
  });

  it('finds by a word of the full name and by a part of it', async () => {
    expect(await names('tadeusza')).toEqual(['al. Tadeusza Kościuszki']);
    expect(await names('rydza')).toEqual(['al. Marszałka Edwarda Śmigłego-Rydza']);
    expect(await names('ydza')).toEqual(['al. Marszałka Edwarda Śmigłego-Rydza']);
    expect(await names('marszalka')).toEqual(['al. Marszałka Edwarda Śmigłego-Rydza']);
    expect(await names('smiglego rydza')).toEqual(['al. Marszałka Edwarda Śmigłego-Rydza']);
    expect(await names('al. kosc')).toEqual(['al. Tadeusza Kościuszki']);
    expect(await names('ul. piotrkowska')).toEqual(['ul. Piotrkowska']);
  });

  it('lists in Polish alphabetical order (Ł after L), names starting with the query first', async () => {
    expect(await names('l')).toEqual(['ul. Lipowa', 'ul. Lodowa', 'ul. Łąkowa']);
    expect(await names('ow')).toEqual([]); // inside words only from three letters on
    expect(await names('owa')).toEqual(['ul. Lipowa', 'ul. Lodowa', 'ul. Łąkowa']);
    expect(await names('l', 2)).toEqual(['ul. Lipowa', 'ul. Lodowa']);
  });

  it('treats the query as text, never as a pattern', async () => {
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
    expect(await names('   ')).toEqual([]);
    expect(await searchStreets(db, 'piotrk', 10, { sym: OTHER_SYM })).toEqual([]);
  });
});
