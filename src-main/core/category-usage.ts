// What this city's operators choose for what a call is about: from the tickets on this workstation, each word
// of a ticket's subject counted for the category (and subcategory) the ticket got. The category search ranks by
// it, so "chodnik" + Enter picks what pavement calls usually are, not the first name that happens to match.
import { sql } from 'kysely';
import type { CategoryUsage } from '../../src-shared/api/desktop';
import { searchKey } from '../../src-shared/text';
import type { LocalDb } from './store';

/** The newest tickets read: enough to learn a city's habits, quick to read on every workstation. */
export const USAGE_SAMPLE = 20_000;
/** Choices kept per word: the search shows a handful at once anyway. */
const PER_WORD = 6;

/** The stem a word is counted under (Polish endings vary: "chodnik", "chodniku", "chodniki"). */
export const usageStem = (word: string) => word.slice(0, 5);

export async function categoryUsage(db: LocalDb): Promise<CategoryUsage> {
  const rows = await sql<{ category: string; sub: string | null; subject: string | null }>`
    select category_id as category, json_extract(data, '$.subcategoryId') as sub, json_extract(data, '$.subject') as subject
      from ticket where category_id is not null order by received_at desc limit ${USAGE_SAMPLE}`.execute(db);
  const byStem = new Map<string, Map<string, number>>();
  for (const r of rows.rows) {
    const choice = r.sub ? `${r.category}/${r.sub}` : r.category;
    const stems = new Set(
      searchKey(r.subject ?? '')
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 3)
        .map(usageStem),
    );
    for (const stem of stems) {
      const counts = byStem.get(stem) ?? new Map<string, number>();
      counts.set(choice, (counts.get(choice) ?? 0) + 1);
      byStem.set(stem, counts);
    }
  }
  const words: CategoryUsage['words'] = {};
  for (const [stem, counts] of byStem) {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    // A word seen once says nothing about a habit.
    if (total < 3) continue;
    words[stem] = Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).slice(0, PER_WORD));
  }
  return { words };
}
