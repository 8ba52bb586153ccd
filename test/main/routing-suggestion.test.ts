// Where a returned or split ticket is suggested to go (P§13.2, P§20.1), on the demo city's directory.
import { describe, expect, it } from 'vitest';
import { CATEGORIES, GROUPS, UNITS } from '../../src-server/admin/demo-city';
import { makeDirectory, type Ticket } from '../../src-shared/ticket';
import { suggestedGroup } from '../../src-renderer/lib/routing-suggestion';

const directory = makeDirectory({ units: UNITS, groups: GROUPS, categories: CATEGORIES });
const coordinatorGroups = GROUPS.filter((g) => g.kind === 'coordinator');
const workstation = { directory, coordinatorGroups };
const roads = directory.categories['drogi'];

function returned(fromGroupId: string, rightAddressee?: string): Ticket {
  return {
    number: '2026/000001',
    status: 'returnedToOperator',
    categoryId: 'drogi',
    returns: [{ to: 'operator', at: '2026-12-01T10:00:00.000Z', by: 'x', fromGroupId, reason: 'nie nasze', rightAddressee }],
    links: { splitParts: [] },
  } as unknown as Ticket;
}

describe('routing suggestion', () => {
  it("P§20.1 follows the addressee the coordinator named, to the group its words point at, not the unit's first group", () => {
    expect(suggestedGroup(workstation, returned('zdit-k-drogi', 'Zarząd Zieleni Miejskiej – alejka w parku'), roads)?.id).toBe(
      'zzm-k-parki',
    );
    expect(suggestedGroup(workstation, returned('zdit-k-drogi', 'ZZM — złamany konar, drzewa'), roads)?.id).toBe('zzm-k-drzewa');
  });

  it('P§20.1 never suggests the group that returned the ticket, so Enter does not send it straight back', () => {
    expect(suggestedGroup(workstation, returned('zdit-k-drogi'), roads)).toBeUndefined();
    expect(suggestedGroup(workstation, returned('zdit-k-drogi', 'nie wiadomo komu'), roads)).toBeUndefined();
  });

  it("P§13.2 a split part goes where its scope points: 'ZDiT — oświetlenie uliczne' to the lighting coordinators", () => {
    const part = {
      number: '2026/000002',
      status: 'registered',
      categoryId: 'drogi',
      returns: [],
      links: { splitParts: [{ number: '2026/000002', scope: 'latarnia nie świeci', addressee: 'ZDiT — oświetlenie uliczne' }] },
    } as unknown as Ticket;
    expect(suggestedGroup(workstation, part, roads)?.id).toBe('zdit-k-oswietlenie');
  });
});
