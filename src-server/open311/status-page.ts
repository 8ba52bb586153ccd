// The public status page (as cities' 19115 pages): anyone with a ticket number reads its public status and
// public history — no personal data, no internal notes (public-view.ts decides what is public).
import type { FastifyInstance } from 'fastify';
import { formatWarsawDateTime } from '../../src-shared/format';
import type { Ticket } from '../../src-shared/ticket';
import type { CentralDb } from '../db/connect';
import { cachedDirectory } from '../directory';
import { calendarOf, numberOf, publicTicket, publicUpdates } from './public-view';

const escapeHtml = (text: string) =>
  text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[ch]!);

const page = (title: string, body: string) => `<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Usterka, Urząd Miasta Łodzi</title>
<style>body{font-family:system-ui,sans-serif;max-width:720px;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.5rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem}dt{color:#555}
ol{padding-left:1.2rem}li{margin:.3rem 0}form{margin:1.5rem 0}input{font-size:1rem;padding:.4rem}button{font-size:1rem;padding:.4rem .8rem}</style>
</head><body>${body}
<form action="/status" method="get"><label>Numer zgłoszenia <input name="numer" placeholder="2026/012345" required></label> <button>Sprawdź</button></form>
</body></html>`;

export function registerStatusPage(app: FastifyInstance, db: CentralDb): void {
  app.get(
    '/status',
    { config: { public: true }, schema: { summary: 'Public status page of a ticket by its number (?numer=2026/012345)', hide: true } },
    async (req, reply) => {
      const asked = String((req.query as { numer?: unknown }).numer ?? '')
        .trim()
        .slice(0, 40);
      reply.type('text/html; charset=utf-8');
      if (!asked)
        return page('Stan zgłoszenia', '<h1>Stan zgłoszenia</h1><p>Wpisz numer zgłoszenia, który podał Ci operator lub formularz.</p>');
      const number = numberOf(asked);
      const row = number
        ? await db.selectFrom('ticket').select(['data', 'updated_at', 'status']).where('number', '=', number).executeTakeFirst()
        : undefined;
      if (!row || row.status === 'deleted') {
        reply.code(404);
        return page('Nie ma takiego zgłoszenia', `<h1>Nie ma zgłoszenia ${escapeHtml(asked)}</h1><p>Sprawdź numer (np. 2026/012345).</p>`);
      }
      const [directory, calendar, updates] = await Promise.all([
        cachedDirectory(db),
        calendarOf(db),
        publicUpdates(db, { numbers: [number!], limit: 200 }),
      ]);
      const t = publicTicket(row.data as Ticket, directory, calendar, new Date(row.updated_at).toISOString());
      const when = (iso: string | null) => (iso ? formatWarsawDateTime(iso) : '—');
      return page(
        `Zgłoszenie ${number}`,
        `<h1>Zgłoszenie ${escapeHtml(number!)}</h1>
<p><strong>${escapeHtml(t.statusText)}</strong></p>
<dl><dt>Kategoria</dt><dd>${escapeHtml(t.serviceName ?? '—')}</dd><dt>Miejsce</dt><dd>${escapeHtml(t.address ?? '—')}</dd>
<dt>Przyjęte</dt><dd>${when(t.requestedAt)}</dd><dt>Termin realizacji</dt><dd>${t.open ? when(t.expectedAt) : 'zakończone'}</dd></dl>
<h2>Historia</h2><ol>${updates.map((u) => `<li>${when(u.at)} — ${escapeHtml(u.text)}</li>`).join('')}</ol>`,
      );
    },
  );
}
