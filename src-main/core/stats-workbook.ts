// The statistics as files (P§24, P§27.3): the figures the screen shows, as an XLSX with one sheet per
// breakdown (numbers as numbers, dates as dates) or a semicolon CSV (Polish spreadsheets); and the record
// of deleted tickets. Times go in as Warsaw wall clock: a spreadsheet has no time zones.
import ExcelJS from 'exceljs';
import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from '../../src-shared/calendar';
import {
  breakdownKeyLabels,
  breakdownLabels,
  breakdowns,
  figureColumns,
  type DeletedRecord,
  type FiguresRow,
  type PeriodStats,
} from '../../src-shared/ticket';

/** A day `YYYY-MM-DD` as a spreadsheet date. */
const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);
/** A moment as the Warsaw wall clock a spreadsheet shows. */
function wallClock(iso: string): Date {
  const w = new TZDate(Date.parse(iso), TIME_ZONE);
  return new Date(Date.UTC(w.getFullYear(), w.getMonth(), w.getDate(), w.getHours(), w.getMinutes(), w.getSeconds()));
}

const figureCells = (r: FiguresRow) => figureColumns.map((c) => r[c.key]);

function addTable(book: ExcelJS.Workbook, name: string, header: string[], rows: unknown[][], formats: Record<number, string> = {}) {
  const sheet = book.addWorksheet(name);
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((col, i) => {
    col.width = i === 0 ? 40 : Math.max(12, Math.min(30, header[i]!.length + 2));
    if (formats[i + 1]) col.numFmt = formats[i + 1];
  });
  return sheet;
}

export async function statsWorkbook(stats: PeriodStats): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet('Podsumowanie');
  summary.addRow(['Statystyki zgłoszeń']).font = { bold: true };
  summary.addRow(['Od', day(stats.from)]);
  summary.addRow(['Do', day(stats.to)]);
  summary.addRow(['Stan na', wallClock(stats.at)]);
  summary.addRow(['Zakres', stats.scope === 'city' ? 'całe miasto' : 'jednostki nadzorowane']);
  summary.addRow([]);
  figureColumns.forEach((c) => summary.addRow([c.label, stats.total[c.key]]));
  summary.getCell('B2').numFmt = 'dd.mm.yyyy';
  summary.getCell('B3').numFmt = 'dd.mm.yyyy';
  summary.getCell('B4').numFmt = 'dd.mm.yyyy hh:mm';
  summary.getColumn(1).width = 42;
  summary.getColumn(2).width = 18;
  const header = (b: (typeof breakdowns)[number]) => [breakdownKeyLabels[b], ...figureColumns.map((c) => c.label)];
  for (const b of breakdowns) {
    addTable(
      book,
      breakdownLabels[b],
      header(b),
      stats.breakdowns[b].map((r) => [r.label, ...figureCells(r)]),
    );
  }
  addTable(
    book,
    'Awarie',
    ['Początek', 'Koniec', 'Stanowiska', 'Przyjęte zgłoszenia'],
    stats.outages.map((o) => [wallClock(o.startedAt), o.endedAt ? wallClock(o.endedAt) : null, o.workstations, o.taken]),
    { 1: 'dd.mm.yyyy hh:mm', 2: 'dd.mm.yyyy hh:mm' },
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csvCell = (v: unknown) => {
  const text = v === null || v === undefined ? '' : typeof v === 'number' ? String(v).replace('.', ',') : String(v);
  return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (lines: unknown[][]) => '\uFEFF' + lines.map((l) => l.map(csvCell).join(';')).join('\r\n') + '\r\n';

/** The same figures as one semicolon CSV: a section column, then the breakdown's row. */
export function statsCsv(stats: PeriodStats): string {
  return csv([
    ['Zestawienie', 'Pozycja', ...figureColumns.map((c) => c.label)],
    ['Razem', `${stats.from} – ${stats.to}`, ...figureCells(stats.total)],
    ...breakdowns.flatMap((b) => stats.breakdowns[b].map((r) => [breakdownLabels[b], r.label, ...figureCells(r)])),
  ]);
}

const RECORD_HEADER = [
  'Numer',
  'Przyjęte',
  'Usunięte',
  'Powód usunięcia',
  'Status przed usunięciem',
  'Jednostka',
  'Kategoria',
  'Kanał',
  'Ulica',
  'Zakończone',
  'Podjęte w terminie',
  'Zrealizowane w terminie',
];
const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'tak' : 'nie');

/** P§27.3: the record of deleted tickets, kept outside the app. */
export async function deletedRecordWorkbook(record: DeletedRecord): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  addTable(
    book,
    'Usunięte zgłoszenia',
    RECORD_HEADER,
    record.rows.map((r) => [
      r.number,
      wallClock(r.receivedAt),
      wallClock(r.deletedAt),
      r.reason,
      r.status,
      r.unit,
      r.category,
      r.channel,
      r.street,
      r.finishedAt ? wallClock(r.finishedAt) : null,
      yesNo(r.reactionOnTime),
      yesNo(r.realizationOnTime),
    ]),
    { 2: 'dd.mm.yyyy hh:mm', 3: 'dd.mm.yyyy hh:mm', 10: 'dd.mm.yyyy hh:mm' },
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
