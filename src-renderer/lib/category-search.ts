// Category search while the operator types (P§7, P§8): diacritics-insensitive, on the category's
// name, its subcategories' names and its keywords; each subcategory is its own choice. What this city's
// operators chose for the same words before (CategoryUsage, from the tickets) lifts a choice above names that
// merely match as well.
import type { CategoryUsage } from '../../src-shared/api/desktop';
import type { CategoryEntry } from '../state/config-store';
import { matchScore, plCollator, words } from './text';

export interface CategoryChoice {
  /** `categoryId` or `categoryId/subcategoryId`. */
  key: string;
  categoryId: string;
  subcategoryId?: string;
  label: string;
  /** What else matched, shown under the label. */
  hint?: string;
}

/** Retired categories are not offered: tickets keep them, new calls do not get them (P§7). */
export function categoryChoices(categories: CategoryEntry[]): CategoryChoice[] {
  return categories
    .filter((category) => !category.retired)
    .flatMap((category) => [
      { key: category.id, categoryId: category.id, label: category.name, hint: category.keywords?.join(', ') },
      ...(category.subcategories ?? []).map((sub) => ({
        key: `${category.id}/${sub.id}`,
        categoryId: category.id,
        subcategoryId: sub.id,
        label: `${category.name} › ${sub.name}`,
        hint: category.keywords?.join(', '),
      })),
    ]);
}

/** How much what operators chose weighs against a name match (a full-word match of one word scores 3 × 3). */
const HABIT_WEIGHT = 6;
/** A choice that does not match by name is offered when at least this share of such calls got it. */
const HABIT_ALONE = 0.3;

/** For each choice, the share of earlier tickets with the typed words that got it (0–1), averaged over the words. */
function habits(usage: CategoryUsage | undefined, query: string): Map<string, number> {
  const shares = new Map<string, number>();
  // Stems as category-usage.ts counts them (the first 5 letters); words shorter than 3 say too little.
  const stems = words(query)
    .filter((w) => w.length >= 3)
    .map((w) => w.slice(0, 5));
  const known = stems.filter((stem) => usage?.words[stem]);
  for (const stem of known) {
    const counts = usage!.words[stem]!;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    for (const [choice, n] of Object.entries(counts)) shares.set(choice, (shares.get(choice) ?? 0) + n / total / known.length);
  }
  return shares;
}

/** The choices matching the typed text, best first, then in Polish order. */
export function searchCategories(categories: CategoryEntry[], query: string, limit = 30, usage?: CategoryUsage): CategoryChoice[] {
  const learned = habits(usage, query);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const scored = categoryChoices(categories).map((choice) => {
    const category = byId.get(choice.categoryId)!;
    const sub = category.subcategories?.find((s) => s.id === choice.subcategoryId);
    // The choice's own name counts most, then keywords; a category also matches through its subcategories' names.
    const own = matchScore(query, [sub ? sub.name : category.name]) * 3;
    const named = matchScore(query, [category.name, sub?.name ?? '']) * 2;
    const keywords = matchScore(query, [category.name, sub?.name ?? '', ...(category.keywords ?? [])]);
    const throughSubs = sub ? 0 : matchScore(query, [category.name, ...(category.subcategories ?? []).map((s) => s.name)]);
    const byName = Math.max(own, named, keywords, throughSubs);
    const habit = learned.get(choice.key) ?? 0;
    return { choice, score: byName > 0 || habit >= HABIT_ALONE ? byName + HABIT_WEIGHT * habit : 0 };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || plCollator.compare(a.choice.label, b.choice.label))
    .slice(0, limit)
    .map((s) => s.choice);
}
