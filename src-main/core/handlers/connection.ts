// The connection banner's requests: its state, a check on demand, and the outage the user declares (P§29).
import type { CoreContext, HandlerSlice } from './context';

export function connectionHandlers(
  ctx: Pick<CoreContext, 'connection' | 'requestSync'>,
): HandlerSlice<'connection.get' | 'connection.check' | 'connection.declareOutage' | 'connection.endOutage'> {
  const { connection } = ctx;
  return {
    'connection.get': () => connection.state,
    'connection.check': async () => {
      await ctx.requestSync();
      return connection.state;
    },
    'connection.declareOutage': async () => {
      await connection.declareOutage();
      return connection.state;
    },
    'connection.endOutage': async () => {
      connection.endDeclaredOutage();
      await ctx.requestSync();
      return connection.state;
    },
  };
}
