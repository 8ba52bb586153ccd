// The street dictionary on the workstation (P§12.1): copied from the hub at most daily, searched when the hub
// cannot be asked, so a call taken during an outage still gets the street's proper name and TERYT id.
import { streetListSchema } from '../../src-shared/api/sync';
import { polishCollator, searchKey } from '../../src-shared/text';
import { hubRequest } from './hub-client';
import type { LocalDb } from './store';

const REFRESH_MS = 24 * 3600_000;
const FETCHED_AT = 'streets.fetchedAt';

/** Refreshes the copy when it is missing or a day old; the hub's answer replaces it whole. */
export async function refreshStreetCopy(db: LocalDb, hubUrl: string, token: string, now: number): Promise<void> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', FETCHED_AT).executeTakeFirst();
  if (row && now - Number(row.value) < REFRESH_MS) return;
  const streets = await hubRequest(hubUrl, '/streets/all', streetListSchema, { token, timeoutMs: 60_000 });
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('street_copy').execute();
    for (let i = 0; i < streets.length; i += 500)
      await tx
        .insertInto('street_copy')
        .values(streets.slice(i, i + 500))
        .execute();
    await tx
      .insertInto('setting')
      .values({ key: FETCHED_AT, value: String(now) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(now) }))
      .execute();
  });
}

/** Streets whose name or any of its words starts with the typed text ("piotrk", "kosciuszki"), in Polish order. */
export async function searchStreetCopy(db: LocalDb, text: string, limit = 20): Promise<{ id: string; name: string }[]> {
  // Folded text holds letters, digits and spaces only: nothing LIKE would read as a wildcard.
  const key = searchKey(text);
  if (!key) return [];
  const rows = await db
    .selectFrom('street_copy')
    .select(['id', 'name'])
    .where((eb) => eb.or([eb('key', 'like', `${key}%`), eb('key', 'like', `% ${key}%`)]))
    .limit(limit)
    .execute();
  return rows.sort((a, b) => polishCollator.compare(a.name, b.name));
}
