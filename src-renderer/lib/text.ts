// Polish text helpers for screens: collation for lists, diacritics-insensitive matching for search.
import { polishCollator, searchKey } from '../../src-shared/text';

/** Sorts Polish words the Polish way (ą after a, ł after l, ż last). */
export const plCollator = polishCollator;

export const byPolish =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    plCollator.compare(key(a), key(b));

/** Lower case without diacritics: "Śmieci" → "smieci", "Łódź" → "lodz" (punctuation becomes spaces). */
export const fold = searchKey;

export const words = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * How well a typed word matches a word of the text: 3 the same, 2 a prefix, 1 the same stem
 * (Polish endings differ: "latarnia" ~ "latarnie", "dziura" ~ "dziury"), 0 no match.
 */
export function wordMatch(typed: string, word: string): number {
  if (word === typed) return 3;
  if (word.startsWith(typed)) return 2;
  if (typed.length >= 5) {
    const stem = typed.slice(0, Math.max(4, typed.length - 2));
    if (word.startsWith(stem)) return 1;
  }
  return 0;
}

/** The score of a text for a query: every typed word must match some word; 0 when one does not. */
export function matchScore(query: string, haystack: string[]): number {
  const typed = words(query);
  if (typed.length === 0) return 1;
  const targets = haystack.flatMap(words);
  let score = 0;
  for (const t of typed) {
    const best = Math.max(0, ...targets.map((w) => wordMatch(t, w)));
    if (best === 0) return 0;
    score += best;
  }
  return score;
}
