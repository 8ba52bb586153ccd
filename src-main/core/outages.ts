// Outage periods seen on this workstation (P§29): recorded locally as they start and end, uploaded
// to the hub when it answers again, so supervisors see who worked offline and when.
import { z } from 'zod';
import { hubRequest } from './hub-client';
import type { LocalDb } from './store';

export async function recordOutageStart(db: LocalDb, startedAt: string, declaredBy: 'auto' | 'user'): Promise<void> {
  await db
    .insertInto('outage_period')
    .values({ started_at: startedAt, declared_by: declaredBy })
    .onConflict((oc) => oc.column('started_at').doNothing())
    .execute();
}

export async function recordOutageEnd(db: LocalDb, endedAt: string): Promise<void> {
  await db.updateTable('outage_period').set({ ended_at: endedAt, uploaded: 0 }).where('ended_at', 'is', null).execute();
}

export async function uploadOutages(db: LocalDb, hubUrl: string, clientId: string, token: string): Promise<void> {
  const rows = await db.selectFrom('outage_period').selectAll().where('uploaded', '=', 0).where('ended_at', 'is not', null).execute();
  if (rows.length === 0) return;
  await hubRequest(hubUrl, '/sync/outages', z.object({ recorded: z.number() }), {
    token,
    body: { clientId, periods: rows.map((r) => ({ startedAt: r.started_at, endedAt: r.ended_at, declaredBy: r.declared_by })) },
  });
  await db
    .updateTable('outage_period')
    .set({ uploaded: 1 })
    .where(
      'started_at',
      'in',
      rows.map((r) => r.started_at),
    )
    .execute();
}
