// Text matching the way a Polish user types: case- and diacritics-insensitive ("smieci" finds
// "Śmieci", "lodz" finds "Łódź"), with runs of spaces and punctuation folded.

/** The search key of a text: lower case, no diacritics (ł → l), words separated by single spaces. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** An id made of a name (units, groups, categories, script questions): "Wydział Ochrony Środowiska" → "wydzial-ochrony-srodowiska". */
export function idSlug(text: string, max: number): string {
  return searchKey(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max);
}

/** Polish alphabetical order for lists shown to users. */
export const polishCollator = new Intl.Collator('pl', { sensitivity: 'base', numeric: true });

// ---------- text a database can store ----------

/** NUL (PostgreSQL cannot store it) or a UTF-16 surrogate without its pair (not text at all). */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

/** Deeper than any request or command of this app; deeper input is refused before anything recurses into it. */
export const MAX_INPUT_DEPTH = 24;

export interface InputProblem {
  /** Dotted path of the offending value (`command.subject`, `parts.0.scope`); empty for the whole input. */
  field: string;
  problem: 'unstorableText' | 'tooDeep';
}

/**
 * The first value in a parsed JSON input that cannot be stored or that nests too deeply. Iterative, so
 * hostile nesting cannot overflow the stack; keys are checked like values.
 */
export function findInputProblem(input: unknown, maxDepth = MAX_INPUT_DEPTH): InputProblem | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (!isStorableText(value)) return { field: path.join('.'), problem: 'unstorableText' };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= maxDepth) return { field: path.join('.'), problem: 'tooDeep' };
    for (const [key, child] of Object.entries(value)) {
      if (!isStorableText(key)) return { field: path.join('.'), problem: 'unstorableText' };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}

/** In Polish, for the people who typed or pasted it. */
export function inputProblemMessage({ field, problem }: InputProblem, label = field): string {
  const where = label ? `Pole „${label}”` : 'Dane';
  return problem === 'unstorableText'
    ? `${where} zawiera niedozwolony znak (np. znak pusty NUL albo uszkodzony znak Unicode, zwykle z wklejonego tekstu). Usuń go i zapisz ponownie.`
    : `${where}: dane są zagnieżdżone zbyt głęboko (najwyżej ${MAX_INPUT_DEPTH} poziomów).`;
}

/** A copy that can be stored whatever came in: unstorable characters become U+FFFD, nesting is cut at `maxDepth`. */
export function storableCopy(value: unknown, maxDepth = MAX_INPUT_DEPTH): unknown {
  if (typeof value === 'string') return value.replace(new RegExp(UNSTORABLE.source, 'g'), '\uFFFD');
  if (typeof value !== 'object' || value === null) return value;
  if (maxDepth <= 0) return null;
  if (Array.isArray(value)) return value.map((v) => storableCopy(v, maxDepth - 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableCopy(k, 0) as string, storableCopy(v, maxDepth - 1)]));
}
