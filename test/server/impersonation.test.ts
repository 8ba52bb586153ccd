// Shared workstations on a real PostgreSQL: an action of user X reaches the hub only with X's own session
// or signed with the offline grant the hub issued at X's login on that workstation, taken while the grant
// was in force (before logout, password change, disabling, expiry).
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import { endUserSessions } from '../../src-server/auth/sessions';
import type { LoginResponse } from '../../src-shared/api/hub';
import { mutationProofText, type Mutation } from '../../src-shared/api/sync';
import type { Ticket } from '../../src-shared/ticket';
import { startTestHub } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { potholeCall, TestWorkstation } from '../support/sync-client';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
});
afterAll(() => hub?.close());

type Grant = NonNullable<LoginResponse['offlineGrant']>;

/** Logs `login` in on the workstation (its session becomes the workstation's) and returns the grant issued. */
async function signIn(ws: TestWorkstation, login: string): Promise<Grant> {
  const res = await ws.request<LoginResponse>('/auth/login', {
    login,
    password: PASSWORD,
    installationId: ws.clientId,
    installationKey: ws.installationKey,
  });
  ws.token = res.token;
  ws.userId = res.user.id;
  expect(res.offlineGrant).toBeDefined();
  return res.offlineGrant!;
}

async function signOut(ws: TestWorkstation): Promise<void> {
  const res = await fetch(`${hub.url}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${ws.token}` } });
  expect(res.status).toBe(204);
}

/** Signs a mutation as the desktop does with the grant's key. */
function signed(ws: TestWorkstation, m: Mutation, grant: Grant): Mutation {
  const mac = createHmac('sha256', Buffer.from(grant.key, 'base64url')).update(mutationProofText(ws.clientId, m)).digest('base64url');
  return { ...m, proof: `${grant.id}.${mac}` };
}

async function aTicket(): Promise<string> {
  const op = await new TestWorkstation(hub.url).login('operator', PASSWORD);
  await op.lease(1);
  const [number] = op.takeNumbers(1);
  expect((await op.push([op.mutation(potholeCall(), { newTicketNumbers: [number!] })])).results[0]!.status).toBe('applied');
  return number!;
}

const status = async (number: string) =>
  ((await hub.database.db.selectFrom('ticket').select('data').where('number', '=', number).executeTakeFirstOrThrow()).data as Ticket)
    .status;

describe('actions of other users pushed from a shared workstation', () => {
  it('a realizer signed in after the super-supervisor on the same PC cannot push a deletion as the super-supervisor, unsigned or with a forged proof', async () => {
    const number = await aTicket();
    const pc = new TestWorkstation(hub.url);
    const superGrant = await signIn(pc, 'supernadzor');
    const superId = pc.userId;
    await signOut(pc);
    await signIn(pc, 'real-zdit');

    const deletion = () => pc.mutation({ type: 'delete', reason: 'Zgłoszenie testowe' }, { ticket: number, actorId: superId });
    const unsigned = await pc.push([deletion()]);
    expect(unsigned.results[0]).toMatchObject({
      status: 'refused',
      refusal: { code: 'forbidden', message: expect.stringContaining('nie ma dowodu') },
    });
    const forged = await pc.push([{ ...deletion(), proof: `${superGrant.id}.${'A'.repeat(43)}` }]);
    expect(forged.results[0]).toMatchObject({ status: 'refused', refusal: { code: 'forbidden' } });
    // Signed with the real key, but dated after the logout that revoked the grant.
    const afterLogout = await pc.push([signed(pc, deletion(), superGrant)]);
    expect(afterLogout.results[0]).toMatchObject({ status: 'refused', refusal: { code: 'forbidden' } });
    expect(await status(number)).not.toBe('deleted');
  });

  it("P§29 P§31 a user's actions recorded while signed in reach the hub under the next user's session, in that user's name", async () => {
    const number = await aTicket();
    const pc = new TestWorkstation(hub.url);
    const grant = await signIn(pc, 'supernadzor');
    const superId = pc.userId;
    // Recorded during an outage while the super-supervisor was signed in, then the shift changed.
    const deletion = signed(
      pc,
      pc.mutation({ type: 'delete', reason: 'Duplikat' }, { ticket: number, actorId: superId, outage: true }),
      grant,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await signOut(pc);
    await signIn(pc, 'real-zdit');
    const pushed = await pc.push([deletion]);
    expect(pushed.results[0]!.status).toBe('applied');
    expect(await status(number)).toBe('deleted');
    const event = await hub.database.db
      .selectFrom('ticket_event')
      .select(['actor_id', 'outage'])
      .where('ticket', '=', number)
      .where('type', '=', 'deleted')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_id: superId, outage: true });
  });

  it('a grant is bound to its workstation and ends with a password change or disabling: actions taken before stay valid, later ones are refused', async () => {
    const [first, second] = [await aTicket(), await aTicket()];
    const pc = new TestWorkstation(hub.url);
    const grant = await signIn(pc, 'supernadzor');
    const superId = pc.userId;
    const now = Date.now();
    const before = signed(
      pc,
      pc.mutation({ type: 'delete', reason: 'Duplikat' }, { ticket: first, actorId: superId, at: new Date(now).toISOString() }),
      grant,
    );
    const after = signed(
      pc,
      pc.mutation(
        { type: 'delete', reason: 'Zgłoszenie testowe' },
        { ticket: second, actorId: superId, at: new Date(now + 5000).toISOString() },
      ),
      grant,
    );
    await endUserSessions(hub.database.db, superId, new Date(now + 2000));

    // The same proof carried by another workstation is refused: the grant names this one.
    const elsewhere = await new TestWorkstation(hub.url).login('real-zdit', PASSWORD);
    const moved = await elsewhere.push([
      { ...elsewhere.mutation({ type: 'delete', reason: 'x' }, { ticket: first, actorId: superId }), proof: before.proof },
    ]);
    expect(moved.results[0]).toMatchObject({ status: 'refused', refusal: { code: 'forbidden' } });

    await signIn(pc, 'real-zdit');
    const pushed = await pc.push([before, after]);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'refused']);
    expect([await status(first), await status(second)]).toEqual(['deleted', 'registered']);
  });
});
