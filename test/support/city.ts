// A small city on a hub's database for tests: ZDiT and WGK with coordinator and realizer groups,
// categories incl. snow, and a user for every role (all with the same password).
import { randomUUID } from 'node:crypto';
import type { CentralDb } from '../../src-server/db/connect';
import { hashPassword } from '../../src-server/auth/passwords';
import { saveDirectory, setMemberships } from '../../src-server/directory';
import type { Category, Group, Role, Unit } from '../../src-shared/ticket';

export const PASSWORD = 'haslo-testowe-1';

export const units: Unit[] = [
  { id: 'zdit', name: 'Zarząd Dróg i Transportu', kind: 'agency', worksInApp: true },
  { id: 'wgk', name: 'Wydział Gospodarki Komunalnej', kind: 'department', worksInApp: true },
];
export const groups: Group[] = [
  { id: 'zdit-k', symbol: 'ZDIT-K', name: 'Koordynatorzy ZDiT', unitId: 'zdit', kind: 'coordinator' },
  { id: 'zdit-r', symbol: 'ZDIT-R', name: 'Realizatorzy ZDiT', unitId: 'zdit', kind: 'realizer' },
  { id: 'wgk-k', symbol: 'WGK-K', name: 'Koordynatorzy WGK', unitId: 'wgk', kind: 'coordinator' },
  { id: 'wgk-r', symbol: 'WGK-R', name: 'Realizatorzy WGK', unitId: 'wgk', kind: 'realizer' },
];
export const categories: Category[] = [
  {
    id: 'roads',
    name: 'Drogi i chodniki',
    kind: 'interventional',
    defaultCoordinatorGroupId: 'zdit-k',
    template: [{ id: 'size', label: 'Wielkość ubytku', required: true }],
  },
  { id: 'waste', name: 'Odpady', kind: 'interventional', defaultCoordinatorGroupId: 'wgk-k' },
  { id: 'snow', name: 'Śnieg i lód', kind: 'interventional', refuseAs: 'snowIce' },
];

export interface CityUser {
  id: string;
  login: string;
  roles: Role[];
}

const PEOPLE: { login: string; roles: Role[]; groups?: string[]; units?: string[] }[] = [
  { login: 'operator', roles: ['operator'] },
  { login: 'operator2', roles: ['operator'] },
  { login: 'koord-zdit', roles: ['coordinator'], groups: ['zdit-k'] },
  { login: 'real-zdit', roles: ['realizer'], groups: ['zdit-r'] },
  { login: 'koord-wgk', roles: ['coordinator'], groups: ['wgk-k'] },
  { login: 'real-wgk', roles: ['realizer'], groups: ['wgk-r'] },
  { login: 'nadzor-zdit', roles: ['supervisor'], units: ['zdit'] },
  { login: 'supernadzor', roles: ['superSupervisor'] },
];

export async function seedCity(db: CentralDb): Promise<Record<string, CityUser>> {
  await saveDirectory(db, { units, groups, categories });
  const password_hash = await hashPassword(PASSWORD);
  const users: Record<string, CityUser> = {};
  for (const p of PEOPLE) {
    const id = randomUUID();
    await db.insertInto('app_user').values({ id, login: p.login, display_name: p.login, password_hash, roles: p.roles }).execute();
    await setMemberships(db, id, p.groups ?? [], p.units ?? []);
    users[p.login] = { id, login: p.login, roles: p.roles };
  }
  return users;
}
