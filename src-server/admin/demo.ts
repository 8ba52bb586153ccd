// Demo data for a first run on one machine: a login for every role, printed for the newcomer.
import type { UserRole } from '../../src-shared/api/hub';
import { hashPassword } from '../auth/passwords';
import { audit } from '../auth/sessions';
import type { CentralDb } from '../db/connect';

export const DEMO_PASSWORD = 'usterka-demo';

export const DEMO_USERS: { login: string; displayName: string; roles: UserRole[] }[] = [
  { login: 'operator', displayName: 'Anna Kowalska', roles: ['operator'] },
  { login: 'koordynator', displayName: 'Piotr Wiśniewski', roles: ['coordinator'] },
  { login: 'realizator', displayName: 'Magdalena Wójcik', roles: ['realizer'] },
  { login: 'nadzorca', displayName: 'Krzysztof Kamiński', roles: ['supervisor'] },
  { login: 'supernadzorca', displayName: 'Joanna Lewandowska', roles: ['superSupervisor'] },
  { login: 'admin', displayName: 'Tomasz Zieliński', roles: ['admin'] },
];

/** Adds the demo users if the hub has no users yet; returns whether it did. */
export async function seedDemoIfEmpty(db: CentralDb): Promise<boolean> {
  const any = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insertInto('app_user')
    .values(DEMO_USERS.map((u) => ({ login: u.login, display_name: u.displayName, roles: u.roles, password_hash: passwordHash })))
    .execute();
  await audit(db, 'demo-seed', 'user.add', { logins: DEMO_USERS.map((u) => u.login) });
  return true;
}

export function demoLoginsText(): string {
  const rows = DEMO_USERS.map((u) => `  ${u.login.padEnd(14)} ${u.displayName} (${u.roles.join(', ')})`);
  return `Demo logins (password for all: ${DEMO_PASSWORD}):\n${rows.join('\n')}`;
}
