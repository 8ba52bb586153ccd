// The "to resolve" inbox: actions the hub refused, retried (corrected) or discarded by the user.
import type { Command } from '../../../src-shared/ticket';
import { discardRefused, listToResolve, retryRefused } from '../to-resolve';
import type { CoreContext, HandlerSlice } from './context';

export function outboxHandlers(
  ctx: Pick<CoreContext, 'store' | 'signedIn' | 'runCommand'>,
): HandlerSlice<'outbox.toResolve' | 'outbox.retry' | 'outbox.discard'> {
  const { db } = ctx.store;
  return {
    'outbox.toResolve': async () => listToResolve(db, ctx.signedIn.require().directory),
    'outbox.retry': async ({ mutationId, command }) => retryRefused(db, mutationId, command as Command | undefined, ctx.runCommand),
    'outbox.discard': async ({ mutationId }) => {
      await discardRefused(db, mutationId);
      return null;
    },
  };
}
