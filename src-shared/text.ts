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

/** Polish alphabetical order for lists shown to users. */
export const polishCollator = new Intl.Collator('pl', { sensitivity: 'base', numeric: true });
