// Deleting tickets (P§27.2, P§28): an unfinished ticket only as a duplicate, a test or abuse; a finished one
// once its retention is over, with any stated reason.
import { describe, expect, it } from 'vitest';
import { unfinishedDeletionReasons } from '../../src-shared/ticket';
import { actors, expectRefused, ticketIn } from './ticket-fixtures';

const { superSupervisor } = actors;

describe('deletion guard', () => {
  it('P§28 an unfinished ticket is deleted only for a reason of the short list (duplicate, test, abuse)', () => {
    const { world, number } = ticketIn('inProgress');
    const refusal = expectRefused(
      world.run(number, { type: 'delete', reason: 'Nie podoba mi się' }, superSupervisor),
      'invalidInput',
      'reason',
    );
    expect(refusal.message).toContain('Duplikat, Zgłoszenie testowe, Nadużycie');
    for (const reason of Object.values(unfinishedDeletionReasons)) {
      const fresh = ticketIn('forwarded');
      fresh.world.ok(fresh.number, { type: 'delete', reason }, superSupervisor);
      expect(fresh.world.get(fresh.number)).toMatchObject({ status: 'deleted', deleted: { reason } });
    }
  });

  it('P§27.2 a finished ticket is deleted with the reason the super-supervisor states (retention over)', () => {
    const { world, number } = ticketIn('resolved');
    world.ok(number, { type: 'delete', reason: 'Upłynął okres przechowywania danych osobowych (P§27.1, P§27.2)' }, superSupervisor);
    expect(world.get(number).status).toBe('deleted');
  });
});
