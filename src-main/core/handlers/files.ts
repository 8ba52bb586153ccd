// Attachments: stored here at once (sent with the action that uses them), read from here or the hub.
import { DesktopApiError } from '../../../src-shared/api/desktop';
import type { Ticket } from '../../../src-shared/ticket';
import { readFile, storeFile } from '../files';
import type { CoreContext, HandlerSlice } from './context';

export function fileHandlers(ctx: Pick<CoreContext, 'hubUrl' | 'store' | 'signedIn'>): HandlerSlice<'files.store' | 'files.read'> {
  const { db } = ctx.store;
  return {
    'files.store': (file) => {
      ctx.signedIn.require();
      return storeFile(db, file);
    },
    'files.read': async ({ ticket, id }) => {
      const v = ctx.signedIn.require();
      // Only an attachment the ticket lists: the id alone must not open another ticket's file.
      const row = await db.selectFrom('ticket').select('data').where('number', '=', ticket).executeTakeFirst();
      const listed = row && (JSON.parse(row.data) as Ticket).attachments.some((a) => a.id === id);
      if (!listed)
        throw new DesktopApiError({ code: 'invalidInput', field: 'id', message: `Zgłoszenie ${ticket} nie ma takiego załącznika.` });
      return readFile(db, ctx.hubUrl, v.session.token, ticket, id);
    },
  };
}
