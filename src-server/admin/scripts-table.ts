// The minimum-information table of P§34.1.1: for each category, the information an operator must obtain on the
// phone (the call script), required or not, with a hint. Read the same way as a unit's table (a dry run with
// problems by row and column), applied at once (it is not a change of the group structure), exported back.
import ExcelJS from 'exceljs';
import type { ImportPreview, ImportProblem, StructureOperation } from '../../src-shared/api/admin';
import type { TemplateField } from '../../src-shared/ticket';
import { idSlug, searchKey } from '../../src-shared/text';
import type { CentralDb } from '../db/connect';
import { loadCategories } from './config-store';

export const SCRIPT_COLUMNS = [
  'Kategoria',
  'Informacja niezbędna do obsługi zgłoszenia',
  'Wymagana (tak/nie)',
  'Podpowiedź dla operatora',
] as const;
const MAX_QUESTIONS = 30;

interface Sheet {
  rows: { number: number; cells: string[] }[];
  problems: ImportProblem[];
}

/** A sheet whose header row starts with "Kategoria" is a minimum-information table. */
export const isScriptsTable = (sheet: Sheet) => sheet.rows.some((r) => searchKey(r.cells[0] ?? '') === 'kategoria');

const slug = (text: string) => idSlug(text, 40) || 'pytanie';

export async function planScripts(db: CentralDb, sheet: Sheet): Promise<ImportPreview> {
  const problems = [...sheet.problems];
  const preview: ImportPreview = {
    unitName: null,
    rows: 0,
    problems,
    added: [],
    changed: [],
    removed: [],
    needsApproval: false,
    operations: [],
  };
  const headerAt = sheet.rows.findIndex((r) => searchKey(r.cells[0] ?? '') === 'kategoria');
  const header = sheet.rows[headerAt]!;
  const position = SCRIPT_COLUMNS.map((title) =>
    header.cells.findIndex((c) => searchKey(c).startsWith(searchKey(title).split(' ').slice(0, 2).join(' '))),
  );
  position.slice(0, 2).forEach((at, i) => {
    if (at < 0) problems.push({ row: header.number, message: `Brak kolumny „${SCRIPT_COLUMNS[i]}” w wierszu nagłówków.` });
  });
  if (problems.length) return preview;

  const categories = await loadCategories(db);
  const byName = new Map(categories.map((c) => [searchKey(c.name), c]));
  const scripts = new Map<string, { label: string; required: boolean; hint?: string; row: number }[]>();
  let current: string | undefined;
  const letter = (i: number) => String.fromCharCode(65 + i);
  for (const r of sheet.rows.slice(headerAt + 1)) {
    const get = (i: number) => (position[i]! >= 0 ? (r.cells[position[i]!] ?? '').trim() : '');
    const [name, label, requiredText, hint] = [0, 1, 2, 3].map(get);
    if (![name, label, requiredText, hint].some(Boolean)) continue;
    const at = (i: number) => ({ row: r.number, column: letter(Math.max(0, position[i]!)) });
    // An empty category cell continues the category above (what people do instead of merging cells).
    if (name) {
      const category = byName.get(searchKey(name));
      if (!category) {
        problems.push({ ...at(0), message: `Nie ma kategorii „${name}” — wpisz nazwę ze słownika kategorii albo dodaj ją najpierw.` });
        current = undefined;
        continue;
      }
      current = category.id;
    } else if (!current) {
      problems.push({ ...at(0), message: 'Brak kategorii — wpisz ją w pierwszym wierszu jej pytań.' });
      continue;
    }
    // A category's row with nothing else: the category has no script.
    if (name && !label && !requiredText && !hint) {
      scripts.set(current, scripts.get(current) ?? []);
      continue;
    }
    if (!label) {
      problems.push({ ...at(1), message: 'Puste pytanie — wpisz, o co zapytać zgłaszającego.' });
      continue;
    }
    const required = searchKey(requiredText ?? '');
    if (required && required !== 'tak' && required !== 'nie') {
      problems.push({ ...at(2), message: `„${requiredText}” — wpisz tak albo nie.` });
      continue;
    }
    const list = scripts.get(current) ?? [];
    if (list.some((q) => searchKey(q.label) === searchKey(label)))
      problems.push({
        ...at(1),
        message: `To pytanie jest już w wierszu ${list.find((q) => searchKey(q.label) === searchKey(label))!.row} — usuń powtórzenie.`,
      });
    else if (list.length >= MAX_QUESTIONS) problems.push({ ...at(1), message: `Kategoria ma w tabeli ponad ${MAX_QUESTIONS} pytań.` });
    else list.push({ label, required: required === 'tak', ...(hint ? { hint } : {}), row: r.number });
    scripts.set(current, list);
    preview.rows++;
  }
  if (!scripts.size && !problems.length) problems.push({ message: 'Tabela nie ma żadnego pytania — wpisz wiersze pod nagłówkami.' });

  const operations: StructureOperation[] = [];
  for (const [categoryId, questions] of scripts) {
    const category = categories.find((c) => c.id === categoryId)!;
    const before = category.template ?? [];
    const taken = new Set<string>();
    const template: TemplateField[] = questions.map((q) => {
      // A question keeps its id where its wording stays: answers in tickets refer to it.
      let id = before.find((b) => searchKey(b.label) === searchKey(q.label))?.id ?? slug(q.label);
      for (let n = 2; taken.has(id); n++) id = `${slug(q.label)}-${n}`;
      taken.add(id);
      return { id, label: q.label, required: q.required, ...(q.hint ? { hint: q.hint } : {}) };
    });
    // Compared field by field: the database does not keep the order of an object's keys.
    const same = (a: TemplateField[]) => JSON.stringify(a.map((q) => [q.id, q.label, q.required, q.hint ?? '']));
    if (same(template) === same(before)) continue;
    operations.push({ op: 'saveScript', categoryId, template });
    const added = template.filter((q) => !before.some((b) => b.id === q.id)).length;
    const removed = before.filter((b) => !template.some((q) => q.id === b.id)).length;
    preview.changed.push(
      `Kategoria „${category.name}”: ${template.length} pytań, wymagane ${template.filter((q) => q.required).length}` +
        `${added ? `, nowe ${added}` : ''}${removed ? `, usunięte ${removed}` : ''}`,
    );
  }
  preview.operations = operations;
  return preview;
}

/** Every category's call script as the table (P§34.1.1), for the units to edit. */
export async function scriptsWorkbook(db: CentralDb): Promise<{ fileName: string; bytes: Buffer }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Minimalny zakres informacji');
  sheet.addRow(['Minimalny zakres informacji niezbędnych do obsługi zgłoszeń (P§34.1.1)']).font = { bold: true, size: 13 };
  sheet.addRow([]);
  sheet.addRow([...SCRIPT_COLUMNS]).font = { bold: true };
  for (const category of await loadCategories(db)) {
    if (category.retired) continue;
    const template = category.template ?? [];
    if (!template.length) sheet.addRow([category.name, '', '', '']);
    template.forEach((q, i) => sheet.addRow([i === 0 ? category.name : '', q.label, q.required ? 'tak' : 'nie', q.hint ?? '']));
  }
  sheet.columns.forEach((c, i) => (c.width = [32, 60, 18, 44][i]));
  return { fileName: 'minimalny-zakres-informacji.xlsx', bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
