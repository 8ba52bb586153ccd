// Statistics and the monitoring dashboard: computed by the hub over every ticket, so only online. Their files
// (XLSX, CSV, the record of deleted tickets) are built here from the same figures the screen shows.
import type { z } from 'zod';
import { DesktopApiError } from '../../../src-shared/api/desktop';
import { dashboardSchema, deletedRecordSchema, monthStatsSchema, periodStatsSchema, type Period } from '../../../src-shared/ticket';
import { hubRequest, HubRequestError } from '../hub-client';
import { deletedRecordWorkbook, statsCsv, statsWorkbook } from '../stats-workbook';
import type { CoreContext, HandlerSlice } from './context';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function statisticsHandlers(
  ctx: Pick<CoreContext, 'hubUrl' | 'signedIn'>,
): HandlerSlice<'stats.month' | 'stats.period' | 'stats.dashboard' | 'stats.export'> {
  async function ask<S extends z.ZodType>(path: string, schema: S, forbidden = 'Statystyki są dla nadzorców i supernadzorcy.') {
    const v = ctx.signedIn.require();
    try {
      return await hubRequest(ctx.hubUrl, path, schema, { token: v.session.token, timeoutMs: 60_000 });
    } catch (err) {
      if (err instanceof HubRequestError && err.status === 403) throw new DesktopApiError({ code: 'forbidden', message: forbidden });
      if (err instanceof HubRequestError)
        throw new DesktopApiError({
          code: 'unavailable',
          message: 'Statystyki liczy centrala, a jest teraz nieosiągalna — spróbuj ponownie, gdy połączenie wróci.',
        });
      throw err;
    }
  }
  const query = (p: Period) => `from=${p.from}&to=${p.to}`;
  return {
    'stats.month': ({ month }) => ask(`/stats/${month}`, monthStatsSchema),
    'stats.period': (period) => ask(`/stats/period?${query(period)}`, periodStatsSchema),
    'stats.dashboard': () => ask('/stats/dashboard', dashboardSchema),
    'stats.export': async ({ period, file }) => {
      const stem = `${period.from}_${period.to}`;
      if (file === 'deletedRecord') {
        const record = await ask(
          `/stats/deleted?${query(period)}`,
          deletedRecordSchema,
          'Rejestr usuniętych zgłoszeń prowadzi supernadzorca (P§28).',
        );
        const bytes = await deletedRecordWorkbook(record);
        return { name: `usuniete-zgloszenia_${stem}.xlsx`, mediaType: XLSX, base64: bytes.toString('base64') };
      }
      const stats = await ask(`/stats/period?${query(period)}`, periodStatsSchema);
      if (file === 'csv')
        return { name: `statystyki_${stem}.csv`, mediaType: 'text/csv', base64: Buffer.from(statsCsv(stats), 'utf8').toString('base64') };
      return { name: `statystyki_${stem}.xlsx`, mediaType: XLSX, base64: (await statsWorkbook(stats)).toString('base64') };
    },
  };
}
