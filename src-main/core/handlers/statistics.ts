// The month's statistics: computed by the hub over every ticket, so only online.
import { DesktopApiError } from '../../../src-shared/api/desktop';
import { monthStatsSchema } from '../../../src-shared/ticket';
import { hubRequest, HubRequestError } from '../hub-client';
import type { CoreContext, HandlerSlice } from './context';

export function statisticsHandlers(ctx: Pick<CoreContext, 'hubUrl' | 'signedIn'>): HandlerSlice<'stats.month'> {
  return {
    'stats.month': async ({ month }) => {
      const v = ctx.signedIn.require();
      try {
        return await hubRequest(ctx.hubUrl, `/stats/${month}`, monthStatsSchema, { token: v.session.token, timeoutMs: 60_000 });
      } catch (err) {
        if (err instanceof HubRequestError && err.status === 403)
          throw new DesktopApiError({ code: 'forbidden', message: 'Statystyki są dla nadzorców i supernadzorcy.' });
        if (err instanceof HubRequestError)
          throw new DesktopApiError({
            code: 'unavailable',
            message: 'Statystyki liczy centrala, a jest teraz nieosiągalna — spróbuj ponownie, gdy połączenie wróci.',
          });
        throw err;
      }
    },
  };
}
