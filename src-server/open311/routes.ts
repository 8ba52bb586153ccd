// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) under /open311/v2, in XML and JSON: the category
// dictionary as services, a category's minimum information (P§34.1.1) as its attributes, reports posted by
// registered client applications (a portal key as api_key) becoming web tickets awaiting pickup (P§4.2, P§5.1,
// P§9), and the public status of any ticket; plus FixMyStreet's servicerequestupdates. Ticket ids are written
// `2026-012345` (a slash does not survive URLs). Errors are the standard's: 400 / 403 / 404 with code and
// description, never the hub's own error shape.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findInputProblem } from '../../src-shared/text';
import { lookup, type Category, type Ticket } from '../../src-shared/ticket';
import type { CentralDb } from '../db/connect';
import { cachedDirectory } from '../directory';
import { acceptWebForm, WEB_FORM_LIMITS } from '../intake';
import { authenticatePortal, type Portal } from '../portals';
import { contentType, errorBody, listBody, objectBody, type Format, type Value } from './format';
import { calendarOf, numberOf, publicId, publicTicket, publicUpdates, type PublicTicket } from './public-view';

export const OPEN311_BASE = '/open311/v2';
const MAX_DESCRIPTION = 4000;
const MAX_RANGE_DAYS = 90;
const MAX_LIST = 1000;
/** Form bodies as the standard posts them; bigger is not a report. */
const MAX_BODY = 64 * 1024;

class Open311Error extends Error {
  constructor(
    readonly code: 400 | 403 | 404 | 429,
    message: string,
  ) {
    super(message);
  }
}

/** A request's parameters: query and (for POST) a form or JSON body, as flat strings. */
function paramsOf(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const source of [req.query, req.body]) {
    if (!source || typeof source !== 'object' || Array.isArray(source)) continue;
    for (const [k, v] of Object.entries(source as Record<string, unknown>))
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}

export function registerOpen311(app: FastifyInstance, db: CentralDb, now: () => Date): void {
  // The standard posts reports as HTML forms.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: MAX_BODY }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const perKey = app.createRateLimit({
    max: WEB_FORM_LIMITS.perPortal,
    timeWindow: WEB_FORM_LIMITS.windowMs,
    keyGenerator: (req) => `open311:${clients.get(req)?.id}`,
  });
  const clients = new WeakMap<FastifyRequest, Portal>();

  const route = (
    method: 'GET' | 'POST',
    path: string,
    summary: string,
    handle: (req: FastifyRequest, format: Format, params: Record<string, string>) => Promise<string>,
  ) =>
    app.route({
      method,
      url: `${OPEN311_BASE}/${path}`,
      bodyLimit: MAX_BODY,
      // Public (Open311 clients carry no session); input is checked here so that errors keep the standard's form.
      config: { public: true, checksItsOwnInput: true },
      schema: { summary: `Open311 GeoReport v2: ${summary}`, tags: ['open311'] },
      handler: async (req: FastifyRequest, reply: FastifyReply) => {
        const format = (req.params as { format?: string }).format;
        if (format !== 'json' && format !== 'xml')
          return reply
            .code(404)
            .type(contentType('json'))
            .send(errorBody('json', 404, 'Use the .json or .xml form of this path.'));
        try {
          const problem = findInputProblem([req.query, req.body, req.params], 8);
          if (problem)
            throw new Open311Error(
              400,
              `Parameter ${problem.field || '?'} holds text that cannot be stored (NUL, broken Unicode) or nests too deep.`,
            );
          const body = await handle(req, format, paramsOf(req));
          return reply.code(200).type(contentType(format)).send(body);
        } catch (err) {
          if (!(err instanceof Open311Error)) throw err;
          return reply
            .code(err.code)
            .type(contentType(format))
            .send(errorBody(format, err.code, err.message));
        }
      },
    });

  route('GET', 'discovery.:format', 'the endpoints and formats of this server', async (req, format) =>
    objectBody(format, 'discovery', {
      changeset: '2026-12-03T00:00:00Z',
      contact: 'Urząd Miasta Łodzi — Wydział Zarządzania Kontaktami z Mieszkańcami',
      key_service: 'Klucz api_key wydaje administrator centrali (npm run admin -- portal add <nazwa>).',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${req.protocol}://${req.host}${OPEN311_BASE}`,
          changeset: '2026-12-03T00:00:00Z',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    }),
  );

  route('GET', 'services.:format', 'the category dictionary (P§7)', async (_req, format) => {
    const directory = await cachedDirectory(db);
    return listBody(format, 'services', 'service', Object.values(directory.categories).filter(offered).map(serviceOf));
  });

  route('GET', 'services/:code.:format', "a category's minimum information as attributes (P§34.1.1)", async (req, format) => {
    const category = offeredCategory(await cachedDirectory(db), (req.params as { code: string }).code);
    return objectBody(format, 'service_definition', {
      service_code: category.id,
      attributes: (category.template ?? []).map((q, i) => ({
        variable: true,
        code: q.id,
        datatype: 'string',
        required: q.required,
        datatype_description: q.hint ?? null,
        order: i + 1,
        description: q.label,
      })),
    });
  });

  route('POST', 'requests.:format', 'report a problem: it becomes a web ticket awaiting pickup (P§4.2, P§5.1)', async (req, format, p) => {
    const client = await authenticatePortal(db, p.api_key);
    if (!client) throw new Open311Error(403, 'api_key is missing, unknown or revoked; the hub administrator issues keys.');
    clients.set(req, client);
    const limit = await perKey(req);
    if (!limit.isAllowed && limit.isExceeded)
      throw new Open311Error(429, `Too many requests for this api_key: at most ${limit.max} a minute.`);
    const directory = await cachedDirectory(db);
    if (!p.service_code) throw new Open311Error(400, 'service_code is required (GET services lists them).');
    const category = offeredCategory(directory, p.service_code);
    const lat = p.lat?.trim() ? Number(p.lat) : undefined;
    const long = p.long?.trim() ? Number(p.long) : undefined;
    const hasPoint = lat !== undefined || long !== undefined;
    if (hasPoint && !(Number.isFinite(lat) && Number.isFinite(long) && Math.abs(lat!) <= 90 && Math.abs(long!) <= 180))
      throw new Open311Error(400, 'lat and long must both be given as decimal degrees (WGS84).');
    const address = (p.address_string ?? '').trim() || (p.address_id ?? '').trim();
    if (!hasPoint && !address) throw new Open311Error(400, 'A location is required: lat and long, address_string or address_id.');
    const description = (p.description ?? '').trim();
    if (description.length > MAX_DESCRIPTION) throw new Open311Error(400, `description may have at most ${MAX_DESCRIPTION} characters.`);
    const mediaUrl = (p.media_url ?? '').trim();
    if (mediaUrl && !/^https?:\/\/\S{1,1000}$/.test(mediaUrl)) throw new Open311Error(400, 'media_url must be an http(s) URL.');
    const answers = (category.template ?? []).map((q) => ({ q, value: (p[`attribute[${q.id}]`] ?? '').trim() }));
    const missing = answers.find((a) => a.q.required && !a.value);
    if (missing) throw new Open311Error(400, `attribute[${missing.q.id}] is required: ${missing.q.label}`);
    const name = [p.first_name, p.last_name]
      .map((s) => (s ?? '').trim())
      .filter(Boolean)
      .join(' ');
    const contact = { name: name || undefined, email: (p.email ?? '').trim() || undefined, phone: (p.phone ?? '').trim() || undefined };
    const consent = /^(true|1|yes|tak)$/i.test(p.consent ?? '');
    // P§26: personal data only with the reporter's consent — never kept "just in case".
    if ((contact.name || contact.email || contact.phone) && !consent)
      throw new Open311Error(
        400,
        'Contact fields (first_name, last_name, email, phone) need consent=true: personal data only with consent (P§26).',
      );
    const at = now();
    const outcome = await acceptWebForm(
      db,
      {
        categoryId: category.id,
        description: description || `Zgłoszenie: ${category.name}`,
        location: { address: address || `${lat}, ${long}`, ...(hasPoint ? { lat, lon: long } : {}) },
        reporter: consent
          ? { wantsAnswer: Boolean(contact.email || contact.phone), consent: true, ...contact }
          : { wantsAnswer: false, consent: false },
        attachments: [],
        receivedAt: at.toISOString(),
      },
      {
        portal: client.name,
        at,
        log: req.log,
        sourceLines: [
          'Przesłane przez Open311 GeoReport v2.',
          ...answers.filter((a) => a.value).map((a) => `${a.q.label}: ${a.value}`),
          ...(mediaUrl ? [`Zdjęcie: ${mediaUrl}`] : []),
        ],
      },
    );
    if (!outcome.ok) throw new Open311Error(400, outcome.message);
    return listBody(format, 'service_requests', 'request', [
      {
        service_request_id: publicId(outcome.number),
        service_notice: 'Zgłoszenie przyjęte; operator przekaże je właściwej jednostce.',
        account_id: null,
      },
    ]);
  });

  route('GET', 'requests.:format', 'the public status of tickets (by ids, or by category, dates and status)', async (_req, format, p) => {
    let q = db
      .selectFrom('ticket')
      .select(['number', 'data', 'updated_at'])
      .where('status', '!=', 'deleted')
      .orderBy('received_at', 'desc')
      .limit(MAX_LIST);
    if (p.service_request_id) {
      const numbers = p.service_request_id
        .split(',')
        .slice(0, MAX_LIST)
        .map((id) => numberOf(id.trim()) ?? '-');
      q = q.where('number', 'in', numbers);
    } else {
      const end = p.end_date ? dateParam(p.end_date, 'end_date') : now();
      const start = p.start_date ? dateParam(p.start_date, 'start_date') : new Date(end.getTime() - MAX_RANGE_DAYS * 86_400_000);
      if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * 86_400_000 || end < start)
        throw new Open311Error(400, `start_date … end_date may span at most ${MAX_RANGE_DAYS} days.`);
      q = q.where('received_at', '>=', start).where('received_at', '<=', end);
      if (p.service_code) q = q.where('category_id', 'in', p.service_code.split(',').slice(0, 100));
      if (p.status === 'open') q = q.where('status', 'not in', ['resolved', 'closed']);
      else if (p.status === 'closed') q = q.where('status', 'in', ['resolved', 'closed']);
      else if (p.status) throw new Open311Error(400, 'status is open or closed.');
    }
    const [rows, directory, calendar] = await Promise.all([q.execute(), cachedDirectory(db), calendarOf(db)]);
    const views = rows.map((r) => publicTicket(r.data as Ticket, directory, calendar, new Date(r.updated_at).toISOString()));
    return listBody(format, 'service_requests', 'request', views.map(requestOf));
  });

  route('GET', 'requests/:id.:format', 'the public status of one ticket', async (req, format) => {
    const number = numberOf((req.params as { id: string }).id);
    const row = number
      ? await db.selectFrom('ticket').select(['data', 'updated_at', 'status']).where('number', '=', number).executeTakeFirst()
      : undefined;
    if (!row || row.status === 'deleted')
      throw new Open311Error(404, `No service request ${(req.params as { id: string }).id} (ids look like 2026-012345).`);
    const [directory, calendar] = await Promise.all([cachedDirectory(db), calendarOf(db)]);
    return listBody(format, 'service_requests', 'request', [
      requestOf(publicTicket(row.data as Ticket, directory, calendar, new Date(row.updated_at).toISOString())),
    ]);
  });

  route('GET', 'servicerequestupdates.:format', "FixMyStreet's extension: public status changes in a period", async (_req, format, p) => {
    const end = p.end_date ? dateParam(p.end_date, 'end_date') : now();
    const start = p.start_date ? dateParam(p.start_date, 'start_date') : new Date(end.getTime() - 86_400_000);
    if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * 86_400_000 || end < start)
      throw new Open311Error(400, `start_date … end_date may span at most ${MAX_RANGE_DAYS} days.`);
    const updates = await publicUpdates(db, { from: start, to: end, limit: MAX_LIST });
    return listBody(
      format,
      'service_request_updates',
      'request_update',
      updates.map((u) => ({
        update_id: u.updateId,
        service_request_id: u.id,
        status: u.status,
        updated_datetime: u.at,
        description: u.text,
        media_url: null,
      })),
    );
  });
}

const offered = (c: Category) => !c.retired && c.refuseAs !== 'snowIce';

function offeredCategory(directory: Awaited<ReturnType<typeof cachedDirectory>>, code: string): Category {
  const category = lookup(directory.categories, code);
  if (!category || !offered(category))
    throw new Open311Error(404, `service_code ${code} is not a service of this city (GET services lists them).`);
  return category;
}

function serviceOf(c: Category): Record<string, Value> {
  return {
    service_code: c.id,
    service_name: c.name,
    description: c.subcategories?.length ? c.subcategories.map((s) => s.name).join('; ') : c.name,
    metadata: (c.template ?? []).length > 0,
    type: 'realtime',
    keywords: (c.keywords ?? []).join(','),
    group: c.kind === 'interventional' ? 'interwencyjne' : c.kind === 'informational' ? 'informacyjne' : 'zapytania',
  };
}

function requestOf(t: PublicTicket): Record<string, Value> {
  return {
    service_request_id: t.id,
    status: t.open ? 'open' : 'closed',
    status_notes: t.statusText,
    service_name: t.serviceName,
    service_code: t.serviceCode,
    description: t.subject,
    agency_responsible: t.agency,
    service_notice: null,
    requested_datetime: t.requestedAt,
    updated_datetime: t.updatedAt,
    expected_datetime: t.expectedAt,
    address: t.address,
    address_id: t.addressId,
    zipcode: null,
    lat: t.lat,
    long: t.long,
    media_url: null,
  };
}

function dateParam(value: string, name: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new Open311Error(400, `${name} must be a W3C date-time, e.g. 2026-12-01T00:00:00+01:00.`);
  return at;
}
