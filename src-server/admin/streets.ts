// The street dictionary: import of the GUS TERYT ULIC register (the official XML export
// `ULIC_Urzedowy_*.xml`, or its CSV variant with ';' separators) for one locality, and the
// diacritics-insensitive search the intake screen uses for addresses.
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { searchKey } from '../../src-shared/text';
import type { CentralDb } from '../db/connect';

/** SIMC id of Łódź in TERYT (the locality the demo and the default import are for). */
export const LODZ_SYM = '0958503';

/** One row of the ULIC register. */
export interface TerytStreet {
  woj: string;
  pow: string;
  gmi: string;
  rodzGmi: string;
  sym: string;
  symUl: string;
  cecha: string;
  nazwa1: string;
  nazwa2: string | null;
  stanNa: string | null;
}

export interface StreetImportResult {
  sym: string;
  /** Streets of the locality in the file (all written). */
  imported: number;
  added: number;
  updated: number;
  /** Streets of the locality that are no longer in the register. */
  removed: number;
  stanNa: string | null;
}

export interface StreetMatch {
  sym: string;
  symUl: string;
  /** As displayed and written into addresses, e.g. "ul. Piotrkowska". */
  name: string;
  cecha: string;
  nazwa1: string;
  nazwa2: string | null;
}

/** A file that cannot be imported; the message says what is wrong and what to do (Polish, for the admin). */
export class StreetImportError extends Error {}

const COLUMNS = ['WOJ', 'POW', 'GMI', 'RODZ_GMI', 'SYM', 'SYM_UL', 'CECHA', 'NAZWA_1', 'NAZWA_2', 'STAN_NA'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: Column[] = ['WOJ', 'POW', 'GMI', 'RODZ_GMI', 'SYM', 'SYM_UL', 'CECHA', 'NAZWA_1'];
const DIGITS: Partial<Record<Column, number>> = { WOJ: 2, POW: 2, GMI: 2, RODZ_GMI: 1, SYM: 7, SYM_UL: 5 };

/** "ul. Piotrkowska", "al. Tadeusza Kościuszki"; TERYT's "inne" means the name says what it is. */
export function streetDisplayName(cecha: string, nazwa1: string, nazwa2: string | null): string {
  const name = nazwa2 ? `${nazwa2} ${nazwa1}` : nazwa1;
  return cecha === 'inne' ? name : `${cecha} ${name}`;
}

/** Reads a ULIC file: UTF-8 (GUS's current exports), else Windows-1250 (older ones). */
export async function readTerytFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StreetImportError(`Nie ma pliku ${path} — sprawdź ścieżkę.`);
    if (code === 'EISDIR') throw new StreetImportError(`${path} jest katalogiem — podaj plik ULIC (XML lub CSV).`);
    if (code === 'EACCES' || code === 'EPERM') throw new StreetImportError(`Brak uprawnień do odczytu pliku ${path}.`);
    throw new StreetImportError(`Nie można odczytać pliku ${path}: ${(err as Error).message}`);
  }
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    throw new StreetImportError(`${path} to archiwum ZIP — rozpakuj je i podaj plik XML lub CSV ze środka.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1250').decode(bytes);
  }
}

/** Parses the whole register (XML or CSV, told apart by the content); every row is checked before anything is written. */
export function parseTerytUlic(text: string): TerytStreet[] {
  const start = text.trimStart();
  if (start.startsWith('<')) return parseXml(start);
  const header = start.split(/\r?\n/, 1)[0] ?? '';
  if (header.toUpperCase().includes('SYM_UL')) return parseCsv(start);
  throw new StreetImportError(
    'Nie rozpoznano formatu pliku — oczekiwano rejestru ULIC z TERYT: pliku XML z elementami <row> (ULIC_Urzedowy_*.xml) ' +
      `albo pliku CSV z nagłówkiem ${COLUMNS.join(';')}.`,
  );
}

function parseXml(text: string): TerytStreet[] {
  const opened = text.match(/<row\b[^>]*>/gi)?.length ?? 0;
  const closed = text.match(/<\/row\s*>/gi)?.length ?? 0;
  if (opened === 0) throw new StreetImportError('Plik XML nie zawiera żadnego elementu <row> — to nie jest rejestr ULIC z TERYT.');
  if (opened !== closed) {
    throw new StreetImportError(
      `Plik XML jest niekompletny lub uszkodzony (${opened} otwartych i ${closed} zamkniętych elementów <row>) — pobierz go ponownie.`,
    );
  }
  const rows: TerytStreet[] = [];
  for (const [index, match] of [...text.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row\s*>/gi)].entries()) {
    const fields: Partial<Record<Column, string>> = {};
    for (const [, tag, value] of match[1]!.matchAll(/<([A-Za-z_0-9]+)\s*(?:\/>|>([^<]*)<\/\1\s*>)/g)) {
      const column = tag!.toUpperCase() as Column;
      if ((COLUMNS as readonly string[]).includes(column)) fields[column] = decodeEntities(value ?? '').trim();
    }
    rows.push(toStreet(fields, `element <row> nr ${index + 1}`));
  }
  return rows;
}

function parseCsv(text: string): TerytStreet[] {
  const lines = text.split(/\r?\n/);
  const header = splitCsvLine(lines[0]!).map((name) => name.trim().toUpperCase());
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length)
    throw new StreetImportError(`W nagłówku pliku CSV brakuje kolumn: ${missing.join(', ')} (oczekiwano ${COLUMNS.join(';')}).`);
  const rows: TerytStreet[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    const values = splitCsvLine(lines[i]!);
    if (values.length !== header.length) {
      throw new StreetImportError(`Wiersz ${i + 1} pliku CSV ma ${values.length} pól zamiast ${header.length} — sprawdź separatory ';'.`);
    }
    const fields: Partial<Record<Column, string>> = {};
    header.forEach((column, j) => {
      if ((COLUMNS as readonly string[]).includes(column)) fields[column as Column] = values[j]!.trim();
    });
    rows.push(toStreet(fields, `wiersz ${i + 1}`));
  }
  if (rows.length === 0) throw new StreetImportError('Plik CSV ma nagłówek, ale nie zawiera żadnej ulicy.');
  return rows;
}

/** Splits a ';'-separated line; a field may be quoted ("…", with "" for a quote). */
function splitCsvLine(line: string): string[] {
  const values: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') current += line[++i];
      else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"' && current === '') quoted = true;
    else if (char === ';') {
      values.push(current);
      current = '';
    } else current += char;
  }
  values.push(current);
  return values;
}

function toStreet(fields: Partial<Record<Column, string>>, where: string): TerytStreet {
  for (const column of REQUIRED) {
    if (!fields[column])
      throw new StreetImportError(`${capitalize(where)}: brak wartości ${column} — plik nie jest kompletnym rejestrem ULIC.`);
  }
  for (const [column, length] of Object.entries(DIGITS) as [Column, number][]) {
    if (!new RegExp(`^\\d{${length}}$`).test(fields[column]!)) {
      throw new StreetImportError(`${capitalize(where)}: ${column} = "${fields[column]}" — oczekiwano ${length} cyfr.`);
    }
  }
  const stanNa = fields.STAN_NA || null;
  if (stanNa && !/^\d{4}-\d{2}-\d{2}$/.test(stanNa))
    throw new StreetImportError(`${capitalize(where)}: STAN_NA = "${stanNa}" — oczekiwano daty RRRR-MM-DD.`);
  return {
    woj: fields.WOJ!,
    pow: fields.POW!,
    gmi: fields.GMI!,
    rodzGmi: fields.RODZ_GMI!,
    sym: fields.SYM!,
    symUl: fields.SYM_UL!,
    cecha: fields.CECHA!,
    nazwa1: fields.NAZWA_1!,
    nazwa2: fields.NAZWA_2 || null,
    stanNa,
  };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
    return named[code.toLowerCase()] ?? entity;
  });
}

/**
 * Replaces the streets of the locality `sym` with those in the register, in one transaction: new ones
 * added, existing ones updated, ones no longer registered removed. Nothing is written when the file has
 * no street of that locality (a wrong code or a wrong file); the error lists the localities it does have.
 */
export async function importStreets(db: CentralDb, streets: TerytStreet[], sym: string): Promise<StreetImportResult> {
  const mine = [...new Map(streets.filter((s) => s.sym === sym).map((s) => [s.symUl, s])).values()];
  if (mine.length === 0) {
    const counts = new Map<string, number>();
    for (const s of streets) counts.set(s.sym, (counts.get(s.sym) ?? 0) + 1);
    const largest = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([code, n]) => `${code} (${n} ulic)`);
    throw new StreetImportError(
      `Plik nie zawiera ulic miejscowości o kodzie SYM ${sym}. Sprawdź kod (--sym) — w pliku są m.in.: ${largest.join(', ')}.`,
    );
  }
  const stanNa =
    mine
      .map((s) => s.stanNa)
      .filter((d): d is string => !!d)
      .sort()
      .at(-1) ?? null;
  return db.transaction().execute(async (tx) => {
    const before = new Set(
      (await tx.selectFrom('street').select('sym_ul').where('sym', '=', sym).execute()).map((r) => r.sym_ul as string),
    );
    const removed = await tx
      .deleteFrom('street')
      .where('sym', '=', sym)
      .where(
        'sym_ul',
        'not in',
        mine.map((s) => s.symUl),
      )
      .executeTakeFirst();
    for (let i = 0; i < mine.length; i += 1000) {
      await tx
        .insertInto('street')
        .values(
          mine.slice(i, i + 1000).map((s) => {
            const name = streetDisplayName(s.cecha, s.nazwa1, s.nazwa2);
            return {
              sym: s.sym,
              sym_ul: s.symUl,
              terc: `${s.woj}${s.pow}${s.gmi}${s.rodzGmi}`,
              cecha: s.cecha,
              nazwa_1: s.nazwa1,
              nazwa_2: s.nazwa2,
              name,
              search_name: searchKey(s.nazwa1),
              search_full: searchKey(s.nazwa2 ? `${s.nazwa2} ${s.nazwa1}` : s.nazwa1),
              stan_na: s.stanNa,
              imported_at: sql`now()`,
            };
          }),
        )
        .onConflict((oc) =>
          oc.columns(['sym', 'sym_ul']).doUpdateSet((eb) => ({
            terc: eb.ref('excluded.terc'),
            cecha: eb.ref('excluded.cecha'),
            nazwa_1: eb.ref('excluded.nazwa_1'),
            nazwa_2: eb.ref('excluded.nazwa_2'),
            name: eb.ref('excluded.name'),
            search_name: eb.ref('excluded.search_name'),
            search_full: eb.ref('excluded.search_full'),
            stan_na: eb.ref('excluded.stan_na'),
            imported_at: eb.ref('excluded.imported_at'),
          })),
        )
        .execute();
    }
    const added = mine.filter((s) => !before.has(s.symUl)).length;
    return { sym, imported: mine.length, added, updated: mine.length - added, removed: Number(removed.numDeletedRows), stanNa };
  });
}

/** Reads, checks and imports a ULIC file (XML or CSV) for one locality. */
export async function importStreetsFile(db: CentralDb, path: string, sym: string = LODZ_SYM): Promise<StreetImportResult> {
  if (!/^\d{7}$/.test(sym))
    throw new StreetImportError(`Kod SYM "${sym}" jest nieprawidłowy — to 7 cyfr identyfikatora miejscowości z SIMC (Łódź: ${LODZ_SYM}).`);
  return importStreets(db, parseTerytUlic(await readTerytFile(path)), sym);
}

// A street kind typed before the name ("ul. piotrk", "al kosc"): not part of the name's search key, but
// streets of that kind come first.
const KIND_WORDS: Record<string, string> = {
  ul: 'ul.',
  ulica: 'ul.',
  al: 'al.',
  aleja: 'al.',
  aleje: 'al.',
  pl: 'pl.',
  plac: 'pl.',
  os: 'os.',
  osiedle: 'os.',
  rondo: 'rondo',
  skwer: 'skwer',
  bulw: 'bulw.',
  bulwar: 'bulw.',
  park: 'park',
  rynek: 'rynek',
};

/**
 * Streets whose name starts with the query (main name first: "piotrk" → ul. Piotrkowska), then whose
 * words start with it ("tadeusza" → al. Tadeusza Kościuszki), then which contain it ("ydza"); case- and
 * diacritics-insensitive ("zeromskiego" finds ul. Stefana Żeromskiego), in Polish alphabetical order.
 */
export async function searchStreets(db: CentralDb, query: string, limit = 20, options: { sym?: string } = {}): Promise<StreetMatch[]> {
  const [first = '', ...rest] = searchKey(query).split(' ');
  const kind = rest.length > 0 ? KIND_WORDS[first] : undefined;
  const key = kind ? rest.join(' ') : searchKey(query);
  if (!key) return [];
  const like = key.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rank = sql<number>`case when search_name like ${`${like}%`} then 0 when search_full like ${`${like}%`} or search_full like ${`% ${like}%`} then 1 else 2 end`;
  let q = db
    .selectFrom('street')
    .select(['sym', 'sym_ul', 'name', 'cecha', 'nazwa_1', 'nazwa_2'])
    .where((eb) =>
      eb.or([
        eb('search_name', 'like', `${like}%`),
        eb('search_full', 'like', `${like}%`),
        eb('search_full', 'like', `% ${like}%`),
        // Inside words only from three letters on: "l" would match half the city.
        ...(key.length >= 3 ? [eb('search_full', 'like', `%${like}%`)] : []),
      ]),
    )
    .orderBy(rank)
    .orderBy(sql`cecha = ${kind ?? ''}`, 'desc')
    .orderBy(sql`nazwa_1 collate "pl-x-icu"`)
    .orderBy(sql`name collate "pl-x-icu"`)
    .limit(Math.max(1, Math.min(limit, 200)));
  if (options.sym) q = q.where('sym', '=', options.sym);
  const rows = await q.execute();
  return rows.map((r) => ({ sym: r.sym, symUl: r.sym_ul, name: r.name, cecha: r.cecha, nazwa1: r.nazwa_1, nazwa2: r.nazwa_2 }));
}
