// Open311 GeoReport v2 on the hub (real PostgreSQL), read as the standard's clients read it: XML parsed with
// fast-xml-parser, JSON checked field by field against the standard; errors in its shape; a report becomes a web
// ticket awaiting pickup with its source document; the public status never carries personal data.
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import type { Ticket } from '../../src-shared/ticket';
import { startTestHub } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { portalKey } from '../support/portal';
import { TestWorkstation } from '../support/sync-client';

let hub: RunningHub;
let apiKey: string;
const base = () => `${hub.url}/open311/v2`;
const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'request', 'attribute', 'error', 'request_update'].includes(name),
});

beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
  apiKey = await portalKey(hub.database.db, 'aplikacja-mobilna');
});
afterAll(() => hub?.close());

const get = (path: string) => fetch(`${base()}/${path}`);
const post = (path: string, form: Record<string, string>) =>
  fetch(`${base()}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
const report = (extra: Record<string, string> = {}) => ({
  api_key: apiKey,
  service_code: 'roads',
  lat: '51.7592',
  long: '19.4560',
  address_string: 'ul. Piotrkowska 104, Łódź',
  description: 'Głęboka dziura przy przejściu dla pieszych.',
  'attribute[size]': 'ok. 40 cm',
  ...extra,
});

describe('Open311 GeoReport v2', () => {
  it('lists the category dictionary as services, in XML and JSON alike; snow and ice (refused, P§5.2) is not offered', async () => {
    const json = await (await get('services.json')).json();
    const parsed = xml.parse(await (await get('services.xml')).text());
    const codes = json.map((s: { service_code: string }) => s.service_code);
    expect(codes).toEqual(['roads', 'waste']);
    expect(parsed.services.service.map((s: { service_code: string }) => s.service_code)).toEqual(codes);
    expect(json[0]).toMatchObject({ service_name: 'Drogi i chodniki', metadata: true, type: 'realtime', group: 'interwencyjne' });
    expect(parsed.services.service[0]).toMatchObject({ service_name: 'Drogi i chodniki', metadata: 'true', type: 'realtime' });
  });

  it('P§34.1.1 describes a category by its minimum information: attributes with datatype, required flag and order', async () => {
    const json = await (await get('services/roads.json')).json();
    expect(json).toEqual({
      service_code: 'roads',
      attributes: [
        {
          variable: true,
          code: 'size',
          datatype: 'string',
          required: true,
          datatype_description: null,
          order: 1,
          description: 'Wielkość ubytku',
        },
      ],
    });
    const parsed = xml.parse(await (await get('services/roads.xml')).text());
    expect(parsed.service_definition.attributes.attribute[0]).toMatchObject({ code: 'size', required: 'true', order: '1' });
    const unknown = await get('services/nie-ma.xml');
    expect(unknown.status).toBe(404);
    expect(xml.parse(await unknown.text()).errors.error[0]).toMatchObject({ code: '404' });
  });

  it('P§4.2 P§5.1 P§9.4 a report becomes a web ticket awaiting pickup with its source document; contact data only with consent (P§26)', async () => {
    const res = await post('requests.json', report({ email: 'jan@example.com', first_name: 'Jan', last_name: 'Kowal', consent: 'true' }));
    expect(res.status).toBe(200);
    const [created] = await res.json();
    expect(created.service_request_id).toMatch(/^\d{4}-\d{6}$/);
    const number = created.service_request_id.replace('-', '/');
    const row = await hub.database.db.selectFrom('ticket').select('data').where('number', '=', number).executeTakeFirstOrThrow();
    const ticket = row.data as Ticket;
    expect(ticket).toMatchObject({
      status: 'awaitingPickup',
      channel: 'web',
      categoryId: 'roads',
      reporter: { email: 'jan@example.com', consent: true },
    });
    expect(ticket.attachments).toEqual([expect.objectContaining({ source: true })]);

    const op = await new TestWorkstation(hub.url).login('operator', PASSWORD);
    const file = await fetch(`${hub.url}/tickets/${encodeURIComponent(number)}/files/${ticket.attachments[0]!.id}`, {
      headers: { authorization: `Bearer ${op.token}` },
    });
    const text = Buffer.from((await file.json()).contentBase64, 'base64').toString('utf8');
    expect(text).toContain('Open311');
    expect(text).toContain('Wielkość ubytku: ok. 40 cm');

    const noConsent = await post('requests.xml', report({ email: 'jan@example.com' }));
    expect(noConsent.status).toBe(400);
    expect(xml.parse(await noConsent.text()).errors.error[0].description).toContain('consent');
  });

  it('refuses bad reports with the standard errors and saves nothing', async () => {
    const before = await hub.database.db
      .selectFrom('ticket')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ ...report(), api_key: 'zly-klucz' }, 403, /api_key/],
      [report({ service_code: 'nie-ma' }), 404, /service_code/],
      [report({ service_code: 'snow' }), 404, /service_code/],
      [{ ...report(), lat: '', long: '', address_string: '' }, 400, /location/],
      [report({ lat: '951', long: '19' }), 400, /lat and long/],
      [report({ description: 'x'.repeat(4001) }), 400, /4000/],
      [report({ 'attribute[size]': '' }), 400, /attribute\[size\]/],
      [report({ media_url: 'javascript:alert(1)' }), 400, /media_url/],
      [report({ description: 'a\u0000b' }), 400, /cannot be stored/],
    ];
    for (const [form, status, message] of cases) {
      const res = await post('requests.json', form);
      expect(res.status, JSON.stringify(form).slice(0, 80)).toBe(status);
      const [error] = await res.json();
      expect(error.code).toBe(status);
      expect(error.description).toMatch(message);
    }
    const malformed = await fetch(`${base()}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"api_key":',
    });
    expect(malformed.status).toBe(400);
    const after = await hub.database.db
      .selectFrom('ticket')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect((await get('services.html')).status).toBe(404);
  });

  it('P§18.1 tells anyone the public status of a ticket by its id — expected = the realization deadline — and never the reporter', async () => {
    const [created] = await (await post('requests.json', report({ phone: '600 700 800', consent: 'true' }))).json();
    const one = await (await get(`requests/${created.service_request_id}.json`)).json();
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({
      service_request_id: created.service_request_id,
      status: 'open',
      service_code: 'roads',
      address: 'ul. Piotrkowska 104, Łódź',
    });
    expect(Date.parse(one[0].expected_datetime)).toBeGreaterThan(Date.parse(one[0].requested_datetime));
    const all = JSON.stringify(await (await get(`requests.json?service_request_id=${created.service_request_id},2026-999999`)).json());
    expect(all).not.toContain('600 700 800');
    expect(all).not.toContain('Głęboka dziura');
    const parsed = xml.parse(await (await get(`requests/${created.service_request_id}.xml`)).text());
    expect(parsed.service_requests.request[0].status).toBe('open');
    expect((await get('requests/2026-999999.json')).status).toBe(404);
    expect((await get('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-12-31T00:00:00Z')).status).toBe(400);
    const listed = await (await get(`requests.json?service_code=roads&status=open`)).json();
    expect(listed.map((r: { service_request_id: string }) => r.service_request_id)).toContain(created.service_request_id);
  });

  it("FixMyStreet's servicerequestupdates follows a ticket's public history", async () => {
    const [created] = await (await post('requests.json', report())).json();
    const updates = await (await get('servicerequestupdates.json')).json();
    const mine = updates.filter((u: { service_request_id: string }) => u.service_request_id === created.service_request_id);
    expect(mine).toEqual([
      expect.objectContaining({ status: 'OPEN', description: 'Zgłoszenie przyjęte przez Internet.', update_id: expect.any(String) }),
    ]);
    const parsed = xml.parse(await (await get('servicerequestupdates.xml')).text());
    expect(parsed.service_request_updates.request_update.length).toBe(updates.length);
  });

  it('discovery names the endpoint and its formats', async () => {
    const json = await (await get('discovery.json')).json();
    expect(json.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['text/xml', 'application/json'],
    });
    expect(xml.parse(await (await get('discovery.xml')).text()).discovery.endpoints.endpoint.formats.format).toEqual([
      'text/xml',
      'application/json',
    ]);
  });

  it('the public status page tells anyone with the number its state and history, without personal data', async () => {
    const [created] = await (await post('requests.json', report({ email: 'ala@example.com', consent: 'true' }))).json();
    const number = created.service_request_id.replace('-', '/');
    const res = await fetch(`${hub.url}/status?numer=${encodeURIComponent(number)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`Zgłoszenie ${number}`);
    expect(html).toContain('Zgłoszenie przyjęte przez Internet.');
    expect(html).not.toContain('ala@example.com');
    expect(html).not.toContain('Głęboka dziura');
    expect((await fetch(`${hub.url}/status?numer=%3Cscript%3E`)).status).toBe(404);
    expect(await (await fetch(`${hub.url}/status?numer=%3Cscript%3E`)).text()).not.toContain('<script>');
  });
});
