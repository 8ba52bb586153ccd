// A real city's first start (I§4.1): the first administrator, with a one-time password printed once that must
// be changed at the first login. Only on a hub without users, so it can never take over a running city.
import { sql } from 'kysely';
import type { CentralDb } from '../db/connect';
import { hashOneTimePassword, oneTimePassword } from '../auth/passwords';
import { audit } from '../auth/sessions';

export const FIRST_ADMIN_LOGIN = 'admin';

/** Creates the first administrator; undefined (nothing done) when the hub already has users. */
export async function createFirstAdmin(db: CentralDb, login = FIRST_ADMIN_LOGIN): Promise<{ login: string; password: string } | undefined> {
  const password = oneTimePassword();
  const passwordHash = await hashOneTimePassword(password);
  return db.transaction().execute(async (tx) => {
    // Serialises two first starts racing on one empty database.
    await sql`lock table app_user in exclusive mode`.execute(tx);
    const any = await tx.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
    if (any) return undefined;
    await tx
      .insertInto('app_user')
      .values({ login, display_name: 'Administrator', roles: ['admin'], password_hash: passwordHash, must_change_password: true })
      .execute();
    await audit(tx, 'system', 'user.firstAdmin', { login });
    return { login, password };
  });
}

export const firstAdminText = (admin: { login: string; password: string }) =>
  [
    'Pierwszy administrator centrali / first administrator:',
    `  login: ${admin.login}`,
    `  hasło jednorazowe / one-time password: ${admin.password}`,
    'Hasło jest pokazane tylko teraz; przy pierwszym logowaniu trzeba je zmienić (it must be changed at the first login).',
  ].join('\n');
