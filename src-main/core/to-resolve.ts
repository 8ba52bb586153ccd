// The "to resolve" inbox: actions the hub refused, each with the hub's reason. The user corrects and
// retries one (it is recorded again as a new action) or discards it after confirming — none vanishes silently.
import type { ExecuteResult, ToResolveItem } from '../../src-shared/api/desktop';
import { commandLabels, type Command, type CommandType, type Directory } from '../../src-shared/ticket';
import type { LocalDb } from './store';
import { Refused } from './tickets';

export async function listToResolve(db: LocalDb, _directory: Directory): Promise<ToResolveItem[]> {
  const rows = await db.selectFrom('to_resolve').selectAll().orderBy('mutation_id').execute();
  return rows.map((r) => {
    const args = JSON.parse(r.args) as { command: Command; newTicketNumbers?: string[] };
    const label = commandLabels[args.command.type as CommandType] ?? args.command.type;
    const about = r.ticket ?? args.newTicketNumbers?.[0];
    return {
      mutationId: r.mutation_id,
      at: r.at,
      ticket: r.ticket,
      summary: about ? `${label} — ${about}` : label,
      command: args.command as Record<string, unknown>,
      refusal: JSON.parse(r.refusal),
    };
  });
}

/**
 * Records the action again (corrected if given); the refused one leaves the inbox in the same
 * transaction, so a double click or a crash cannot record it twice.
 */
export async function retryRefused(
  db: LocalDb,
  mutationId: number,
  corrected: Command | undefined,
  run: (ticket: string | undefined, command: Command, alsoOnSuccess: (tx: LocalDb) => Promise<void>) => Promise<ExecuteResult>,
): Promise<ExecuteResult> {
  const row = await db.selectFrom('to_resolve').selectAll().where('mutation_id', '=', mutationId).executeTakeFirst();
  if (!row) return { ok: false, refusal: { code: 'notFound', message: 'Tej pozycji nie ma już na liście do wyjaśnienia.' } };
  const args = JSON.parse(row.args) as { command: Command };
  return run(row.ticket ?? undefined, corrected ?? args.command, async (tx) => {
    const gone = await tx.deleteFrom('to_resolve').where('mutation_id', '=', mutationId).executeTakeFirst();
    // Already retried by a concurrent call: undo this one.
    if (Number(gone.numDeletedRows) === 0) throw new Refused({ code: 'notFound', message: 'Ta pozycja została już ponowiona.' });
  });
}

export async function discardRefused(db: LocalDb, mutationId: number): Promise<void> {
  await db.deleteFrom('to_resolve').where('mutation_id', '=', mutationId).execute();
}
