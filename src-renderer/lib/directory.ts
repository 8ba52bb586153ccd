// Names of the directory's entries for screens (categories, groups, units).
import { lookup, type Directory, type Group } from '../../src-shared/ticket';

export function categoryLabel(directory: Directory, categoryId: string | null | undefined, subcategoryId?: string | null): string {
  const category = lookup(directory.categories, categoryId);
  if (!category) return categoryId ? categoryId : 'bez kategorii';
  const sub = category.subcategories?.find((s) => s.id === subcategoryId);
  return sub ? `${category.name} › ${sub.name}` : category.name;
}

export function groupLabel(directory: Directory, group: Group | string | null | undefined): string {
  const g = typeof group === 'string' ? lookup(directory.groups, group) : group;
  if (!g) return typeof group === 'string' ? group : '—';
  const unit = lookup(directory.units, g.unitId);
  return `${g.symbol} — ${g.name}${unit ? ` (${unit.name})` : ''}`;
}

export const unitOfGroup = (directory: Directory, groupId: string | null | undefined) =>
  lookup(directory.units, lookup(directory.groups, groupId)?.unitId);
