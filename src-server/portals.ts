// The portals that may post residents' web forms (P§4.2): each has its own key, shown once when the
// administrator adds it (`npm run admin -- portal add <name>`), stored only as its SHA-256 hash, and
// refused at once when the portal is revoked.
import { createHash, randomBytes } from 'node:crypto';
import type { CentralDb } from './db/connect';

export interface Portal {
  id: string;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** `usterka_portal_` and 32 random bytes, base64url: it fits an `Authorization: Bearer …` header. */
const KEY_PREFIX = 'usterka_portal_';
const KEY_PATTERN = /^usterka_portal_[A-Za-z0-9_-]{43}$/;

export class PortalError extends Error {}

const hashKey = (key: string) => createHash('sha256').update(key).digest();

/** Adds a portal; returns its key, which is not kept anywhere and cannot be shown again. */
export async function addPortal(db: CentralDb, name: string): Promise<{ portal: Portal; key: string }> {
  const clean = name.trim();
  if (!/^[\p{L}\p{N} ._-]{1,100}$/u.test(clean))
    throw new PortalError('A portal name has 1–100 letters, digits, spaces, dots, dashes or underscores.');
  const existing = await db.selectFrom('portal').select('id').where('name', '=', clean).executeTakeFirst();
  if (existing) throw new PortalError(`There is already a portal "${clean}"; revoke it or choose another name.`);
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const row = await db
    .insertInto('portal')
    .values({ name: clean, key_hash: hashKey(key) })
    .returning(['id', 'name', 'created_at', 'revoked_at'])
    .executeTakeFirstOrThrow();
  return { portal: toPortal(row), key };
}

export async function listPortals(db: CentralDb): Promise<Portal[]> {
  const rows = await db.selectFrom('portal').select(['id', 'name', 'created_at', 'revoked_at']).orderBy('name').execute();
  return rows.map(toPortal);
}

/** Revokes a portal's key at once; false when there is no such portal or it is already revoked. */
export async function revokePortal(db: CentralDb, name: string, at: Date): Promise<boolean> {
  const res = await db
    .updateTable('portal')
    .set({ revoked_at: at })
    .where('name', '=', name.trim())
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** The live portal holding this key, if any. */
export async function authenticatePortal(db: CentralDb, key: string | undefined): Promise<Portal | undefined> {
  if (!key || !KEY_PATTERN.test(key)) return undefined;
  const row = await db
    .selectFrom('portal')
    .select(['id', 'name', 'created_at', 'revoked_at'])
    .where('key_hash', '=', hashKey(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? toPortal(row) : undefined;
}

/** The key from `Authorization: Bearer <key>`. */
export function portalKeyFrom(authorization: string | undefined): string | undefined {
  return /^Bearer (\S{1,200})$/.exec(authorization ?? '')?.[1];
}

function toPortal(row: { id: string; name: string; created_at: Date; revoked_at: Date | null }): Portal {
  return { id: row.id, name: row.name, createdAt: row.created_at, revokedAt: row.revoked_at };
}
