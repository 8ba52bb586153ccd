// Category search while the operator types (P§7, P§8): diacritics-insensitive, on the category's
// name, its subcategories' names and its keywords; each subcategory is its own choice.
import type { CategoryEntry } from '../state/config-store';
import { matchScore, plCollator } from './text';

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

/** The choices matching the typed text, best first, then in Polish order. */
export function searchCategories(categories: CategoryEntry[], query: string, limit = 30): CategoryChoice[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const scored = categoryChoices(categories).map((choice) => {
    const category = byId.get(choice.categoryId)!;
    const sub = category.subcategories?.find((s) => s.id === choice.subcategoryId);
    // The choice's own name counts most, then keywords; a category also matches through its subcategories' names.
    const own = matchScore(query, [sub ? sub.name : category.name]) * 3;
    const named = matchScore(query, [category.name, sub?.name ?? '']) * 2;
    const keywords = matchScore(query, [category.name, sub?.name ?? '', ...(category.keywords ?? [])]);
    const throughSubs = sub ? 0 : matchScore(query, [category.name, ...(category.subcategories ?? []).map((s) => s.name)]);
    return { choice, score: Math.max(own, named, keywords, throughSubs) };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || plCollator.compare(a.choice.label, b.choice.label))
    .slice(0, limit)
    .map((s) => s.choice);
}
