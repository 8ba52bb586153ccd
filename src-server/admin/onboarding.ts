// Onboarding a unit from the ordinance's configuration table (I§5, Załącznik do Instrukcji; P§34–P§35): the
// unit's name, then rows of Imię i nazwisko, Adres poczty elektronicznej, Nazwa komórki wewnętrznej, Symbol
// grupy w aplikacji, Grupa uprawnień (nadzorca / koordynator / realizator), as XLSX or CSV. Read into a plan
// — what is added, changed and removed, every problem with its row and column — compared with the unit as it
// is; nothing is written here. The same format comes out of the export, so a unit's head edits last month's file.
import ExcelJS from 'exceljs';
import type { AdminUnit, ImportPreview, ImportProblem, StructureOperation } from '../../src-shared/api/admin';
import { emailSchema, groupSymbolSchema } from '../../src-shared/api/admin';
import { idSlug, searchKey } from '../../src-shared/text';
import type { CentralDb } from '../db/connect';
import { loadGroups, loadUnits } from './config-store';
import { isStructural } from './structure';
import { isScriptsTable, planScripts } from './scripts-table';

export const UNIT_LABEL = 'nazwa komórki organizacyjnej Urzędu Miasta Łodzi/miejskiej jednostki organizacyjnej:';
export const COLUMNS = [
  { key: 'name', header: 'Imię i nazwisko' },
  { key: 'email', header: 'Adres poczty elektronicznej' },
  { key: 'cell', header: 'Nazwa komórki wewnętrznej' },
  { key: 'symbol', header: 'Symbol grupy w aplikacji' },
  { key: 'permission', header: 'Grupa uprawnień w aplikacji (nadzorca, koordynator, realizator)' },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

const PERMISSIONS = { nadzorca: 'supervisor', koordynator: 'coordinator', realizator: 'realizer' } as const;
/** More rows than any unit has: the rest of such a file is not read. */
const MAX_ROWS = 5_000;

interface Sheet {
  /** Cell texts by row (1-based numbers as the spreadsheet shows them). */
  rows: { number: number; cells: string[] }[];
  problems: ImportProblem[];
}

interface TableRow {
  row: number;
  name: string;
  email: string;
  cell: string;
  symbol: string;
  permission: keyof typeof PERMISSIONS;
}

const columnLetter = (index: number) => String.fromCharCode(65 + index);

/** XLSX (a zip: "PK") or CSV text; anything else is refused with one message. */
export async function readSheet(fileName: string, bytes: Buffer): Promise<Sheet> {
  if (bytes.length === 0) return { rows: [], problems: [{ message: 'Plik jest pusty.' }] };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
  if (/\.xlsx?$/i.test(fileName) || bytes.includes(0))
    return {
      rows: [],
      problems: [{ message: `Plik „${fileName}” nie jest arkuszem XLSX ani plikiem CSV — zapisz tabelę jako .xlsx lub .csv.` }],
    };
  return readCsv(bytes);
}

async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as never);
  } catch {
    return { rows: [], problems: [{ message: 'Pliku nie da się odczytać jako arkusza XLSX (uszkodzony lub innego rodzaju).' }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], problems: [{ message: 'Arkusz nie ma żadnej karty.' }] };
  const problems: ImportProblem[] = [];
  const rows: Sheet['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > MAX_ROWS) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const at = { row: number, column: columnLetter(col - 1) };
      const value = cell.value as unknown;
      if (cell.isMerged && cell.master !== cell) {
        problems.push({ ...at, message: 'Scalone komórki — rozdziel je i wpisz wartość w każdej komórce.' });
        return;
      }
      if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
        problems.push({ ...at, message: 'Komórka zawiera formułę — wpisz w nią samą wartość.' });
        return;
      }
      cells[col - 1] = cellText(value);
    });
    rows.push({ number, cells: Array.from(cells, (c) => c ?? '') });
  });
  if (sheet.rowCount > MAX_ROWS) problems.push({ message: `Arkusz ma ponad ${MAX_ROWS} wierszy — to nie jest tabela jednej jednostki.` });
  return { rows, problems };
}

function cellText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; hyperlink?: string };
    if (v.richText)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    // A mailto link shows its text (the address).
    if (typeof v.text === 'string') return v.text.trim();
    if (typeof v.text === 'object' && v.text) return cellText(v.text);
  }
  return '';
}

/** CSV as Excel writes it in Poland (";"), or with commas or tabs; quotes as RFC 4180. */
function readCsv(bytes: Buffer): Sheet {
  let text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) text = new TextDecoder('windows-1250').decode(bytes);
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  const rows: Sheet['rows'] = [];
  const problems: ImportProblem[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  const endRow = () => {
    cells.push(cell.trim());
    if (cells.some((c) => c)) rows.push({ number: line, cells });
    cells.forEach((c, i) => {
      if (/^=/.test(c))
        problems.push({ row: line, column: columnLetter(i), message: 'Komórka zawiera formułę — wpisz w nią samą wartość.' });
    });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length && line <= MAX_ROWS; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
    } else cell += ch;
  }
  if (cell || cells.length) endRow();
  return { rows, problems };
}

/** The table in the sheet: the unit's name and the people's rows, with what is wrong in them. */
export function readTable(sheet: Sheet): { unitName: string | null; rows: TableRow[]; problems: ImportProblem[] } {
  const problems = [...sheet.problems];
  const headerIndex = sheet.rows.findIndex((r) => searchKey(r.cells[0] ?? '').startsWith('imie i nazwisko'));
  if (headerIndex < 0) {
    if (!problems.length)
      problems.push({
        message: `Nie znaleziono wiersza nagłówków tabeli (${COLUMNS.map((c) => `„${c.header}”`).join(', ')}) — użyj wzoru tabeli.`,
      });
    return { unitName: null, rows: [], problems };
  }
  const header = sheet.rows[headerIndex]!;
  const position = {} as Record<ColumnKey, number>;
  for (const column of COLUMNS) {
    const key = searchKey(column.header).split(' ').slice(0, 3).join(' ');
    const index = header.cells.findIndex((c) => searchKey(c).startsWith(key));
    if (index < 0) problems.push({ row: header.number, message: `Brak kolumny „${column.header}” w wierszu nagłówków.` });
    position[column.key] = index;
  }
  // The unit's name: beside its label, or in the first filled row under it.
  let unitName: string | null = null;
  const before = sheet.rows.slice(0, headerIndex);
  const labelAt = before.findIndex((r) => searchKey(r.cells[0] ?? '').startsWith('nazwa komorki organizacyjnej'));
  if (labelAt >= 0) {
    unitName = before[labelAt]!.cells.slice(1).find((c) => c && !/^\.+$/.test(c)) ?? null;
    unitName ??= before.slice(labelAt + 1).find((r) => r.cells[0] && !/^\.+$/.test(r.cells[0]))?.cells[0] ?? null;
  }
  if (!unitName)
    problems.push({ message: 'Brak nazwy jednostki nad tabelą (wiersz „nazwa komórki organizacyjnej…:” i nazwa obok lub pod nim).' });
  if (problems.some((p) => p.message.startsWith('Brak kolumny'))) return { unitName, rows: [], problems };

  const rows: TableRow[] = [];
  const emails = new Map<string, number>();
  for (const r of sheet.rows.slice(headerIndex + 1)) {
    const get = (key: ColumnKey) => (r.cells[position[key]] ?? '').trim();
    const at = (key: ColumnKey) => ({ row: r.number, column: columnLetter(position[key]) });
    const [name, email, cell, symbol, permissionText] = COLUMNS.map((c) => get(c.key));
    if (![name, email, cell, symbol, permissionText].some(Boolean)) continue;
    const rowProblems: ImportProblem[] = [];
    if (!name) rowProblems.push({ ...at('name'), message: 'Puste imię i nazwisko — wpisz je.' });
    if (!emailSchema.safeParse(email).success)
      rowProblems.push({ ...at('email'), message: email ? `„${email}” nie jest adresem e-mail.` : 'Brak adresu e-mail — wpisz go.' });
    const permission = searchKey(permissionText ?? '') as keyof typeof PERMISSIONS;
    if (!Object.hasOwn(PERMISSIONS, permission))
      rowProblems.push({
        ...at('permission'),
        message: `„${permissionText}” nie jest grupą uprawnień — wpisz nadzorca, koordynator albo realizator.`,
      });
    else if (permission !== 'nadzorca' && !groupSymbolSchema.safeParse(symbol).success)
      rowProblems.push({
        ...at('symbol'),
        message: symbol
          ? `Symbol „${symbol}”: do 30 liter i cyfr, bez spacji.`
          : 'Brak symbolu grupy — koordynator i realizator należą do grupy.',
      });
    const emailKey = email!.toLowerCase();
    const key = `${emailKey}|${symbol?.toLowerCase()}|${permission}`;
    if (email && emails.has(key))
      rowProblems.push({ ...at('email'), message: `Ten sam wpis (${email}) już w wierszu ${emails.get(key)} — usuń powtórzenie.` });
    emails.set(key, r.number);
    problems.push(...rowProblems);
    if (!rowProblems.length) rows.push({ row: r.number, name: name!, email: email!, cell: cell!, symbol: symbol!, permission });
  }
  if (!rows.length && !problems.length) problems.push({ message: 'Tabela nie ma żadnej osoby — wpisz wiersze pod nagłówkami.' });
  return { unitName, rows, problems };
}

const slug = (text: string) => idSlug(text, 40) || 'x';

/** Compares the table with the unit as it is now: the operations to apply and the same in words. */
export async function planImport(db: CentralDb, fileName: string, bytes: Buffer): Promise<ImportPreview> {
  const sheet = await readSheet(fileName, bytes);
  if (isScriptsTable(sheet)) return planScripts(db, sheet);
  const table = readTable(sheet);
  const preview: ImportPreview = {
    unitName: table.unitName,
    rows: table.rows.length,
    problems: table.problems,
    added: [],
    changed: [],
    removed: [],
    needsApproval: false,
    operations: [],
  };
  if (!table.unitName) return preview;
  const [units, groups, users] = await Promise.all([
    loadUnits(db),
    loadGroups(db),
    db
      .selectFrom('app_user')
      .select(['id', 'login', 'email', 'display_name', 'roles'])
      .select((eb) => [
        eb
          .selectFrom('group_member')
          .select((e) => e.fn.agg<string[]>('array_agg', ['group_id']).as('g'))
          .whereRef('user_id', '=', 'app_user.id')
          .as('group_ids'),
        eb
          .selectFrom('unit_supervisor')
          .select((e) => e.fn.agg<string[]>('array_agg', ['unit_id']).as('u'))
          .whereRef('user_id', '=', 'app_user.id')
          .as('unit_ids'),
      ])
      .execute(),
  ]);
  const ops: StructureOperation[] = [];

  let unit: AdminUnit | undefined = units.find((u) => searchKey(u.name) === searchKey(table.unitName!));
  if (!unit) {
    let id = slug(table.unitName);
    for (let n = 2; units.some((u) => u.id === id); n++) id = `${slug(table.unitName)}-${n}`;
    const kind = /^(zarzad|miejsk|osrodek|centrum)/.test(searchKey(table.unitName)) ? 'agency' : 'department';
    unit = { id, name: table.unitName, kind, worksInApp: true, address: undefined };
    ops.push({ op: 'saveUnit', unit });
    preview.added.push(`Jednostka „${unit.name}” (pracuje w aplikacji)`);
  } else if (!unit.worksInApp) {
    ops.push({ op: 'saveUnit', unit: { ...unit, worksInApp: true } });
    preview.changed.push(`Jednostka „${unit.name}”: zaczyna pracować w aplikacji`);
  }
  const unitId = unit.id;

  // Groups: one per symbol of a coordinator or realizer row.
  const wanted = new Map<string, { symbol: string; name: string; kind: 'coordinator' | 'realizer'; row: number }>();
  for (const r of table.rows) {
    if (r.permission === 'nadzorca') continue;
    const kind = PERMISSIONS[r.permission] as 'coordinator' | 'realizer';
    const key = r.symbol.toLowerCase();
    const seen = wanted.get(key);
    if (seen && seen.kind !== kind)
      preview.problems.push({
        row: r.row,
        column: 'E',
        message: `Grupa ${r.symbol} jest w wierszu ${seen.row} grupą ${seen.kind === 'coordinator' ? 'koordynatorów' : 'realizatorów'} — grupa ma jeden rodzaj; nadaj inny symbol.`,
      });
    else if (!seen) wanted.set(key, { symbol: r.symbol, name: r.cell || r.symbol, kind, row: r.row });
  }
  const groupIdOf = new Map<string, string>();
  for (const [key, g] of wanted) {
    const existing = groups.find((x) => x.symbol.toLowerCase() === key);
    if (existing && existing.unitId !== unitId) {
      preview.problems.push({
        row: g.row,
        column: 'D',
        message: `Symbol ${g.symbol} ma już grupa innej jednostki („${units.find((u) => u.id === existing.unitId)?.name ?? existing.unitId}”) — nadaj inny symbol.`,
      });
      continue;
    }
    const group = {
      id: existing?.id ?? `${unitId}-${slug(g.symbol)}`.slice(0, 60),
      symbol: existing?.symbol ?? g.symbol,
      name: g.name,
      unitId,
      kind: g.kind,
    };
    groupIdOf.set(key, group.id);
    const kindWord = g.kind === 'coordinator' ? 'koordynatorów' : 'realizatorów';
    if (!existing) {
      ops.push({ op: 'saveGroup', group });
      preview.added.push(`Grupa ${group.symbol} — ${group.name} (${kindWord})`);
    } else if (existing.name !== group.name || existing.kind !== group.kind) {
      ops.push({ op: 'saveGroup', group });
      preview.changed.push(`Grupa ${group.symbol}: ${existing.name} → ${group.name} (${kindWord})`);
    }
  }
  for (const g of groups.filter((x) => x.unitId === unitId && !wanted.has(x.symbol.toLowerCase()))) {
    if (g.openTickets > 0)
      preview.problems.push({
        message: `Grupy ${g.symbol} nie ma w tabeli, ale ma ${g.openTickets} otwartych zgłoszeń — przekaż je innej grupie albo zostaw grupę w tabeli.`,
      });
    ops.push({ op: 'removeGroup', id: g.id });
    preview.removed.push(`Grupa ${g.symbol} — ${g.name}`);
  }

  // People, by e-mail.
  const people = new Map<string, { name: string; email: string; roles: Set<string>; groupIds: Set<string> }>();
  for (const r of table.rows) {
    const key = r.email.toLowerCase();
    const person = people.get(key) ?? { name: r.name, email: r.email, roles: new Set(), groupIds: new Set() };
    person.roles.add(PERMISSIONS[r.permission]);
    const groupId = groupIdOf.get(r.symbol.toLowerCase());
    if (r.permission !== 'nadzorca' && groupId) person.groupIds.add(groupId);
    people.set(key, person);
  }
  const unitGroupIds = new Set([...groups.filter((g) => g.unitId === unitId).map((g) => g.id), ...groupIdOf.values()]);
  const logins = new Set(users.map((u) => u.login.toLowerCase()));
  for (const [key, p] of people) {
    const user = users.find((u) => u.email?.toLowerCase() === key);
    const roles = [...p.roles].sort() as ('supervisor' | 'coordinator' | 'realizer')[];
    const groupIds = [...p.groupIds].sort();
    const describe = `${p.name} <${p.email}>: ${roles.map((r) => ROLE_WORDS[r]).join(', ')}${groupIds.length ? ` (${groupIds.map((id) => symbolOf(id, groups, wanted)).join(', ')})` : ''}`;
    if (!user) {
      let login = slug(p.email.split('@')[0]!).replace(/-/g, '.');
      for (let n = 2; logins.has(login); n++) login = `${slug(p.email.split('@')[0]!).replace(/-/g, '.')}${n}`;
      logins.add(login);
      ops.push({ op: 'savePerson', person: { login, displayName: p.name, email: p.email, roles, groupIds, unitIds: [unitId] } });
      preview.added.push(`${describe} — nowe konto ${login}`);
      continue;
    }
    const currentGroups = (user.group_ids ?? []).filter((g: string) => unitGroupIds.has(g)).sort();
    const supervises = (user.unit_ids ?? []).includes(unitId);
    const same =
      user.display_name === p.name &&
      JSON.stringify(currentGroups) === JSON.stringify(groupIds) &&
      supervises === roles.includes('supervisor') &&
      roles.every((r) => user.roles.includes(r));
    if (same) continue;
    ops.push({
      op: 'savePerson',
      person: { login: user.login, displayName: p.name, email: user.email!, roles, groupIds, unitIds: [unitId] },
    });
    preview.changed.push(describe);
  }
  for (const user of users) {
    if (people.has(user.email?.toLowerCase() ?? '')) continue;
    const inUnit = (user.group_ids ?? []).some((g: string) => unitGroupIds.has(g)) || (user.unit_ids ?? []).includes(unitId);
    if (!inUnit) continue;
    ops.push({ op: 'removePerson', userId: user.id, unitId });
    preview.removed.push(
      `${user.display_name} <${user.email ?? user.login}>: nie ma jej/go w tabeli — traci grupy i nadzór w tej jednostce`,
    );
  }
  preview.operations = ops;
  preview.needsApproval = ops.some(isStructural);
  return preview;
}

const ROLE_WORDS = { supervisor: 'nadzorca', coordinator: 'koordynator', realizer: 'realizator' } as const;
const symbolOf = (id: string, groups: { id: string; symbol: string }[], wanted: Map<string, { symbol: string }>) =>
  groups.find((g) => g.id === id)?.symbol ?? [...wanted.values()].find((w) => id.endsWith(slug(w.symbol)))?.symbol ?? id;

/** The unit's configuration as the table it came in (I§5), for its head to edit; or a blank template. */
export async function tableWorkbook(db: CentralDb, unitId?: string): Promise<{ fileName: string; bytes: Buffer }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dane konfiguracyjne');
  sheet.addRow(['Dane konfiguracyjne aplikacji Usterka']).font = { bold: true, size: 13 };
  sheet.addRow([UNIT_LABEL]);
  let unitName = '';
  const rows: string[][] = [];
  if (unitId) {
    const unit = await db.selectFrom('unit').select('name').where('id', '=', unitId).executeTakeFirst();
    if (!unit) throw new Error(`unknown unit ${unitId}`);
    unitName = unit.name;
    const members = await db
      .selectFrom('group_member as m')
      .innerJoin('work_group as g', 'g.id', 'm.group_id')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .select(['u.display_name', 'u.email', 'u.login', 'g.name', 'g.symbol', 'g.kind'])
      .where('g.unit_id', '=', unitId)
      .where('u.disabled', '=', false)
      .orderBy('g.symbol')
      .orderBy('u.display_name')
      .execute();
    const supervisors = await db
      .selectFrom('unit_supervisor as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .select(['u.display_name', 'u.email', 'u.login'])
      .where('s.unit_id', '=', unitId)
      .where('u.disabled', '=', false)
      .orderBy('u.display_name')
      .execute();
    for (const s of supervisors) rows.push([s.display_name, s.email ?? '', '', '', 'nadzorca']);
    for (const m of members)
      rows.push([m.display_name, m.email ?? '', m.name, m.symbol, m.kind === 'coordinator' ? 'koordynator' : 'realizator']);
  }
  sheet.addRow([unitName || '']);
  sheet.addRow([]);
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((c, i) => (c.width = [28, 34, 34, 18, 30][i]));
  const fileName = unitId ? `konfiguracja-${unitId}.xlsx` : 'wzor-tabeli-konfiguracyjnej.xlsx';
  return { fileName, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
