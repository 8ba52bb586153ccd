// Property-based fuzz of every route the hub publishes in its own OpenAPI document (/openapi.json):
// random and hostile bodies (built from the route's schema with poisoned leaves, random JSON, broken
// text), query strings, path segments and headers, sent over real HTTP anonymously, with live sessions
// and (for the web form) a portal's key. For every request: no 5xx, an answer in time, and a refused
// request (4xx) leaves every table as it was — except the append-only logs in LOG_TABLES.
// Reproduce a failure with the seed fast-check prints: FUZZ_SEED=<seed> npx vitest run test/server/route-fuzz.test.ts
// (the printed seed is FUZZ_SEED + the route's index). FUZZ_RUNS=<n> runs longer, FUZZ_LOG=1 shows the hub's
// error log (a 5xx's stack), FUZZ_TRACE=1 prints every answer (to see which routes the fuzz gets past validation).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commandSchemas } from '../../src-shared/ticket';
import { startTestHub } from '../support/db';
import { categories, groups, PASSWORD, seedCity, units } from '../support/city';
import { portalKey } from '../support/portal';
import { potholeCall, TestWorkstation } from '../support/sync-client';

/** The run's seed; each route gets its own (SEED + its index), so one route's failure replays alone (-t '<route>'). */
const SEED = Number(process.env.FUZZ_SEED ?? 20261211);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
/** A request not answered by then counts as a hang. Generous: a login runs scrypt on a busy 2-core machine. */
const ANSWER_WITHIN_MS = 10_000;

/**
 * Tables a refused request legitimately writes (append-only logs), left out of the "no row changed" check.
 * Every other table in the public schema is checked.
 */
const LOG_TABLES: Record<string, string> = {
  login_failure: 'the login throttle counts every refused login here by design (migration 2026-12-02-10)',
  audit_log: 'append-only audit log: every refused login is recorded (login.failed, login.installationMismatch)',
};

// ---- the hub and its OpenAPI document (needed to name the tests, so read before collection) ----

// FUZZ_LOG=1 shows the hub's own log (the stack of a 5xx).
const hub = await startTestHub(process.env.FUZZ_LOG ? { logger: { level: 'error' } } : {});
afterAll(() => hub.close());

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
}
interface Operation {
  parameters?: { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: Record<string, string[]>[];
}
interface Route {
  method: string;
  path: string;
  op: Operation;
}

const openapi = (await (await fetch(`${hub.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
const routes: Route[] = Object.entries(openapi.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
);

// ---- what the fuzz knows of the seeded hub: sessions, a portal key, a ticket with a file ----

interface Session {
  login: string;
  userId: string;
  token: string;
  installation?: { id: string; key: string };
  relogin(): Promise<void>;
}

const fx = {
  sessions: [] as Session[],
  portalKey: '',
  userIds: [] as string[],
  ticketNumbers: [] as string[],
  fileIds: [] as string[],
  installationIds: [] as string[],
  installationKeys: [] as string[],
};
let tables: string[] = [];

beforeAll(async () => {
  const users = await seedCity(hub.database.db);
  fx.userIds = Object.values(users).map((u) => u.id);
  for (const login of ['operator', 'koord-zdit', 'real-zdit', 'nadzor-zdit', 'supernadzor']) {
    const ws = await new TestWorkstation(hub.url).login(login, PASSWORD);
    const session: Session = {
      login,
      userId: ws.userId,
      token: ws.token,
      installation: { id: ws.clientId, key: ws.installationKey },
      relogin: async () => {
        await ws.login(login, PASSWORD);
        session.token = ws.token;
      },
    };
    fx.sessions.push(session);
  }
  // A session opened without an installation (an API client, not a workstation).
  const bare: Session = {
    login: 'operator2',
    userId: users.operator2!.id,
    token: '',
    relogin: async () => {
      const res = await fetch(`${hub.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'operator2', password: PASSWORD }),
      });
      bare.token = ((await res.json()) as { token: string }).token;
    },
  };
  await bare.relogin();
  fx.sessions.push(bare);
  fx.installationIds = fx.sessions.flatMap((s) => (s.installation ? [s.installation.id] : []));
  fx.installationKeys = fx.sessions.flatMap((s) => (s.installation ? [s.installation.key] : []));
  fx.portalKey = await portalKey(hub.database.db, 'fuzz-portal');

  // One ticket with a file, so ticket and file routes are reached with ids that exist.
  const op = await new TestWorkstation(hub.url, fx.sessions[0]!.installation).login('operator', PASSWORD);
  fx.sessions[0]!.token = op.token;
  await op.lease(5);
  const fileId = randomUUID();
  await op.request('/files', {
    clientId: op.clientId,
    id: fileId,
    name: 'dziura.jpg',
    contentBase64: Buffer.from('zdjęcie').toString('base64'),
  });
  const [number, ...spare] = op.takeNumbers(5);
  const pushed = await op.push([
    op.mutation(potholeCall({ attachments: [{ id: fileId, name: 'dziura.jpg' }] }), { newTicketNumbers: [number!] }),
  ]);
  expect(pushed.results.map((r) => r.status)).toEqual(['applied']);
  fx.ticketNumbers = [number!, ...spare];
  fx.fileIds = [fileId];

  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(hub.database.db);
  tables = rows.map((r) => r.name).filter((t) => !(t in LOG_TABLES));
  expect(tables).toEqual(expect.arrayContaining(['ticket', 'ticket_event', 'session', 'attachment', 'sync_client']));
}, 120_000);

/** A checksum of every row of every checked table, by table. */
async function tableSums(): Promise<Map<string, string>> {
  const query = tables
    .map((t) => `select '${t}' as t, (select md5(string_agg(x::text, ',' order by x::text)) from public."${t}" x) as sum`)
    .join(' union all ');
  const { rows } = await sql<{ t: string; sum: string | null }>`${sql.raw(query)}`.execute(hub.database.db);
  return new Map(rows.map((r) => [r.t, r.sum ?? 'empty']));
}

// ---- hostile values: labelled, so a counterexample prints short; made only when a request is built ----

/** Text put into a JSON body as it is (numbers JSON.stringify cannot write, deep nesting, prototype keys). */
class RawJson {
  constructor(readonly text: string) {}
}

class Leaf {
  constructor(
    readonly label: string,
    readonly make: () => unknown,
    /** For an Authorization header: the session whose token it carries. */
    readonly session?: Session,
  ) {}
  [fc.toStringMethod](): string {
    return `‹${this.label}›`;
  }
}
const leaf = (label: string, value: unknown) => new Leaf(label, () => value);

/** What the request being built is sent with: its session, and the hub's last mutation id per workstation. */
const current = { session: undefined as Session | undefined, lastMutationIds: new Map<string, number>(), issued: 0 };

/** Values that fit the request's own session, so requests get past "not your workstation" and "gap" often. */
const own = {
  installation: new Leaf("the session's installation", () => current.session?.installation?.id ?? '00000000-0000-0000-0000-000000000000'),
  user: new Leaf("the session's user", () => current.session?.userId ?? 'nobody'),
  nextMutationId: new Leaf('the next mutation id', () => {
    const id = current.session?.installation?.id;
    return (id ? (current.lastMutationIds.get(id) ?? 0) : 0) + 1 + current.issued++;
  }),
};
const raw = (label: string, text: string | (() => string)) => new Leaf(label, () => new RawJson(typeof text === 'string' ? text : text()));

const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + 'null' + '}'.repeat(n);

const HOSTILE_LEAVES: Leaf[] = [
  leaf('NUL', '\u0000'),
  leaf('text with NUL', 'Piotrkowska\u0000104'),
  leaf('lone high surrogate', '\ud800'),
  leaf('lone low surrogate', 'x\udfffy'),
  leaf('empty string', ''),
  leaf('blanks', ' \t\n '),
  new Leaf('string of 100k', () => 'x'.repeat(100_000)),
  new Leaf('string of 300k', () => 'ż'.repeat(300_000)),
  new Leaf('string of 3M', () => 'x'.repeat(3_000_000)),
  new Leaf('emoji ×2000', () => '👩‍👩‍👧‍👦'.repeat(2000)),
  leaf('bidi and zero-width', '\u202e\u200b\ufeff'),
  leaf('SQL', "'; drop table ticket; --"),
  leaf('path traversal', '../../../../etc/passwd'),
  leaf('bad percent', '%zz%'),
  leaf('-1', -1),
  leaf('0', 0),
  raw('-0', '-0'),
  leaf('0.5', 0.5),
  leaf('1e308', 1e308),
  leaf('-1e308', -1e308),
  leaf('2^53+2', 2 ** 53 + 2),
  leaf('-2^63', -(2 ** 63)),
  leaf('5e-324', 5e-324),
  raw('1e999 (Infinity)', '1e999'),
  raw('-1e999', '-1e999'),
  raw('30-digit integer', '123456789012345678901234567890'),
  leaf('"NaN"', 'NaN'),
  leaf('"Infinity"', 'Infinity'),
  leaf('"1"', '1'),
  leaf('true', true),
  leaf('null', null),
  leaf('[]', []),
  leaf('{}', {}),
  leaf('[[1]]', [[1]]),
  leaf('{"a":1}', { a: 1 }),
  raw('array nested 3000 deep', () => deepArray(3000)),
  raw('object nested 5000 deep', () => deepObject(5000)),
  raw('__proto__ object', '{"__proto__":{"polluted":true}}'),
  raw('constructor.prototype', '{"constructor":{"prototype":{"polluted":true}}}'),
  leaf('nil uuid', '00000000-0000-0000-0000-000000000000'),
  leaf('max uuid', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
  leaf('year 0 date', '0000-01-01T00:00:00Z'),
  leaf('far-future date', '9999-12-31T23:59:59.999Z'),
  leaf('extended-year date', '+275760-09-13T00:00:00.000Z'),
  leaf('Feb 30', '2026-02-30T10:00:00Z'),
  leaf('ticket 0000/000000', '0000/000000'),
  leaf('ticket 9999/999999', '9999/999999'),
];
const hostileLeaf = fc.constantFrom(...HOSTILE_LEAVES);

/** Extra keys a hostile object may carry. */
const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  '',
  '\u0000',
  '\ud800',
  'k'.repeat(1000),
  'toString',
  'hasOwnProperty',
);

function withKey(obj: object, key: string, value: unknown): object {
  const copy = { ...obj };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** The JSON text of a generated value: leaves made, raw text inserted, own "__proto__" keys kept. */
function toJson(value: unknown): string {
  if (value instanceof Leaf) return toJson(value.make());
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

// ---- values from a route's JSON schema ----

const TICKET_NUMBER = /\\d\{4\}\\\/\\d\{6\}/;

/** Values of the seeded hub a field of this name may take, so requests get past "not found" now and then. */
function hints(name: string, schema: Schema): string[] {
  if (schema.pattern && TICKET_NUMBER.test(schema.pattern)) return fx.ticketNumbers;
  switch (name) {
    case 'clientId':
    case 'installationId':
      return fx.installationIds;
    case 'installationKey':
      return fx.installationKeys;
    case 'actorId':
    case 'userId':
    case 'realizerUserId':
      return fx.userIds;
    case 'login':
      return fx.sessions.map((s) => s.login);
    case 'password':
      return [PASSWORD];
    case 'id':
      return [...fx.fileIds, ...fx.installationIds];
    case 'categoryId':
      return categories.map((c) => c.id);
    case 'unitId':
      return units.map((u) => u.id);
    case 'groupId':
    case 'coordinatorGroupId':
    case 'realizerGroupId':
      return groups.map((g) => g.id);
    case 'month':
      return [new Date().toISOString().slice(0, 7), '2026-01'];
    default:
      return [];
  }
}

const nearNow = fc.integer({ min: -30 * 60_000, max: 5 * 60_000 }).map((ms) => new Date(Date.now() + ms).toISOString());
const anyDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function stringArbitrary(schema: Schema, name: string): fc.Arbitrary<unknown> {
  const self = name === 'clientId' || name === 'installationId' ? own.installation : name === 'actorId' ? own.user : undefined;
  const plain = plainString(schema, name);
  return self ? fc.oneof({ weight: 3, arbitrary: fc.constant(self) }, { weight: 2, arbitrary: plain }) : plain;
}

function plainString(schema: Schema, name: string): fc.Arbitrary<string> {
  let base: fc.Arbitrary<string>;
  if (schema.format === 'uuid') base = fc.uuid();
  else if (schema.format === 'date-time') base = fc.oneof({ weight: 3, arbitrary: nearNow }, { weight: 1, arbitrary: anyDate });
  else if (schema.pattern) {
    try {
      base = fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      base = fc.string({ maxLength: 30 });
    }
  } else {
    const min = schema.minLength ?? 0;
    base = fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, Math.min(schema.maxLength ?? 40, 40)) });
  }
  if (name === 'contentBase64') base = fc.base64String({ maxLength: 200 });
  const known = hints(name, schema);
  return known.length ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: base }) : base;
}

function numberArbitrary(schema: Schema, name: string, integer: boolean): fc.Arbitrary<unknown> {
  const exMin = schema.exclusiveMinimum;
  const exMax = schema.exclusiveMaximum;
  let min = typeof exMin === 'number' ? exMin : (schema.minimum ?? -1e9);
  let max = typeof exMax === 'number' ? exMax : (schema.maximum ?? 1e9);
  if (integer) {
    if (exMin !== undefined && exMin !== false) min += 1;
    if (exMax !== undefined && exMax !== false) max -= 1;
    const whole = fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) });
    const small = fc.integer({ min: Math.max(min, 1), max: Math.max(min, 6) });
    // Mutation ids the hub expects next (and a few it does not); counts that fit the lease cap, versions the hub speaks.
    if (name === 'mutationId')
      return fc.oneof(
        { weight: 4, arbitrary: fc.constant(own.nextMutationId) },
        { weight: 2, arbitrary: small },
        { weight: 1, arbitrary: whole },
      );
    return name === 'count' || name === 'protocolVersion' ? fc.oneof({ weight: 3, arbitrary: small }, whole) : whole;
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema allows (hostile: false), or the same with hostile leaves, extra keys and missing required ones. */
function fromSchema(schema: Schema, name: string, hostile: boolean, depth = 0): fc.Arbitrary<unknown> {
  const plain = plainFromSchema(schema, name, hostile, depth);
  return hostile ? fc.oneof({ weight: 12, arbitrary: plain }, { weight: 1, arbitrary: hostileLeaf }) : plain;
}

function plainFromSchema(schema: Schema, name: string, hostile: boolean, depth: number): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((s) => fromSchema(s, name, hostile, depth + 1)));
  if (schema.allOf?.[0]) return fromSchema(schema.allOf[0], name, hostile, depth + 1);
  if (schema.nullable)
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 3, arbitrary: plainFromSchema({ ...schema, nullable: false }, name, hostile, depth) },
    );
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => plainFromSchema({ ...schema, type: t }, name, hostile, depth)));
  switch (type[0]) {
    case 'null':
      return fc.constant(null);
    case 'string':
      return stringArbitrary(schema, name);
    case 'integer':
      return numberArbitrary(schema, name, true);
    case 'number':
      return numberArbitrary(schema, name, false);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const min = schema.minItems ?? 0;
      return fc.array(fromSchema(schema.items ?? {}, name, hostile, depth + 1), {
        minLength: min,
        maxLength: Math.max(min, Math.min(schema.maxItems ?? 3, 3)),
      });
    }
    case 'object':
      return objectFromSchema(schema, hostile, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectFromSchema(schema: Schema, hostile: boolean, depth: number): fc.Arbitrary<unknown> {
  let obj: fc.Arbitrary<object>;
  if (schema.properties) {
    const props = Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, fromSchema(s, k, hostile, depth + 1)]));
    const required = schema.required ?? [];
    // Hostile: now and then a required key goes missing.
    obj = hostile
      ? fc.oneof(
          { weight: 5, arbitrary: fc.record(props, { requiredKeys: required }) },
          { weight: 1, arbitrary: fc.record(props, { requiredKeys: [] }) },
        )
      : fc.record(props, { requiredKeys: required });
  } else if (typeof schema.additionalProperties === 'object') {
    obj = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fromSchema(schema.additionalProperties, 'value', hostile, depth + 1), {
      maxKeys: 3,
    });
  } else {
    obj = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
  }
  if (!hostile) return obj;
  return fc
    .tuple(obj, fc.option(fc.tuple(hostileKey, fc.oneof(fc.jsonValue({ maxDepth: 1 }), hostileLeaf)), { freq: 10 }))
    .map(([o, extra]) => (extra ? withKey(o, extra[0], extra[1]) : o));
}

/**
 * The push body's schema, with what its OpenAPI document leaves open filled in: a mutation's command is
 * only `{type}` there (each mutation is checked on its own, by the command schemas of src-shared/ticket).
 */
const COMMAND_SCHEMAS: Schema[] = Object.values(commandSchemas).map(
  (s) => z.toJSONSchema(s as z.ZodType, { unrepresentable: 'any', io: 'input' }) as Schema,
);

function bodySchema(route: Route): Schema {
  const schema = route.op.requestBody?.content['application/json']?.schema ?? {};
  if (route.path !== '/sync/push') return schema;
  const copy = structuredClone(schema);
  const args = copy.properties?.mutations?.items?.properties?.args;
  if (args?.properties?.command) args.properties.command = { anyOf: COMMAND_SCHEMAS };
  return copy;
}

// ---- one request ----

type Body = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'text'; text: Leaf } | { kind: 'bytes'; bytes: number[] };

interface FuzzRequest {
  path: string;
  query: string;
  auth: Leaf;
  contentType: string | undefined;
  body: Body;
}

const RAW_BODIES: Leaf[] = [
  leaf('empty', ''),
  leaf('blank', ' \n'),
  leaf('truncated object', '{"login":'),
  leaf('unclosed brace', '{'),
  leaf('null', 'null'),
  leaf('true', 'true'),
  leaf('[]', '[]'),
  leaf('string', '"x"'),
  leaf('1e999', '1e999'),
  leaf('two objects', '{"a":1}{"b":2}'),
  leaf('duplicate keys', '{"clientId":"a","clientId":"b"}'),
  leaf('NUL byte', '\u0000'),
  leaf('escaped lone surrogate', '{"a":"\\ud800"}'),
  leaf('escaped NUL', '{"a":"\\u0000"}'),
  leaf('BOM then object', '\ufeff{}'),
  leaf('__proto__ twice', '{"__proto__":1,"__proto__":{"x":1}}'),
  leaf('constructor.prototype', '{"constructor":{"prototype":{"isAdmin":true}}}'),
  new Leaf('array nested 4000 deep', () => deepArray(4000)),
  new Leaf('object nested 4000 deep', () => deepObject(4000)),
  new Leaf('3 MB of x', () => 'x'.repeat(3_000_000)),
  leaf('form-encoded', 'login=a&password=b'),
  leaf('XML', '<?xml version="1.0"?><a/>'),
];

const HOSTILE_BYTES: number[][] = [
  [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d], // {"a":"<invalid UTF-8>"}
  [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d], // an encoded surrogate (CESU-8)
  [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00], // UTF-16 LE with BOM
  [0x00, 0x00, 0x00],
  [0x1f, 0x8b, 0x08, 0x00], // a gzip header
];

function bodyArbitrary(route: Route): fc.Arbitrary<Body> {
  const schema = bodySchema(route);
  return fc.oneof(
    { weight: 5, arbitrary: fromSchema(schema, 'body', false).map((value): Body => ({ kind: 'json', value })) },
    { weight: 6, arbitrary: fromSchema(schema, 'body', true).map((value): Body => ({ kind: 'json', value })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value): Body => ({ kind: 'json', value })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constantFrom(...RAW_BODIES),
          fc.string({ unit: 'binary', maxLength: 50 }).map((s) => leaf('random text', s)),
        )
        .map((text): Body => ({ kind: 'text', text })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_BYTES).map((bytes): Body => ({ kind: 'bytes', bytes })) },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'none' }) },
  );
}

const CONTENT_TYPES = [
  'text/plain',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/vnd.api+json',
  'application/json, text/plain',
  ';;;',
];
const contentTypeArbitrary = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | undefined>('application/json') },
  { weight: 1, arbitrary: fc.constant<string | undefined>(undefined) },
  { weight: 2, arbitrary: fc.constantFrom<string | undefined>(...CONTENT_TYPES) },
);

/** Header values fetch can send (printable ASCII), never the hub's own secrets. */
const GARBAGE_AUTH: Leaf[] = [
  leaf('"Bearer"', 'Bearer'),
  leaf('"Bearer "', 'Bearer '),
  leaf('19-char token', `Bearer ${'a'.repeat(19)}`),
  leaf('201-char token', `Bearer ${'a'.repeat(201)}`),
  leaf('unknown token', `Bearer ${'A'.repeat(43)}`),
  leaf('Basic', 'Basic dXNlcjpwYXNz'),
  leaf('fake portal key', `Bearer usterka_portal_${'x'.repeat(43)}`),
  leaf('token of 8k', `Bearer ${'x'.repeat(8000)}`),
  leaf('header of 20k', `Bearer ${'x'.repeat(20_000)}`),
  leaf('quotes and commas', 'Bearer "a", Bearer b'),
  leaf('percent', 'Bearer %00%0d%0a'),
];

function authArbitrary(route: Route): fc.Arbitrary<Leaf> {
  const anonymous = fc.constant(leaf('anonymous', undefined));
  const garbage = fc.constantFrom(...GARBAGE_AUTH);
  const portal = fc.constant(new Leaf('portal key', () => `Bearer ${fx.portalKey}`));
  const sessionVariants = fc.tuple(
    fc.integer({ min: 0, max: fx.sessions.length - 1 }),
    fc.constantFrom('exact', 'lowercase scheme', 'no scheme', 'trailing space', 'one char more'),
  );
  const session = sessionVariants.map(([i, how]) => {
    const s = fx.sessions[i]!;
    const label = `session of ${s.login}${s.installation ? '' : ' (no installation)'}${how === 'exact' ? '' : `, ${how}`}`;
    return new Leaf(
      label,
      () => {
        const t = s.token;
        return how === 'exact'
          ? `Bearer ${t}`
          : how === 'lowercase scheme'
            ? `bearer ${t}`
            : how === 'no scheme'
              ? t
              : how === 'trailing space'
                ? `Bearer ${t} `
                : `Bearer ${t}x`;
      },
      s,
    );
  });
  const exactSession = fc.integer({ min: 0, max: fx.sessions.length - 1 }).map((i) => {
    const s = fx.sessions[i]!;
    return new Leaf(`session of ${s.login}`, () => `Bearer ${s.token}`, s);
  });
  if (route.path === '/intake/web-form') {
    return fc.oneof(
      { weight: 6, arbitrary: portal },
      { weight: 1, arbitrary: anonymous },
      { weight: 2, arbitrary: garbage },
      { weight: 1, arbitrary: exactSession },
    );
  }
  return fc.oneof(
    { weight: 8, arbitrary: exactSession },
    { weight: 1, arbitrary: session },
    { weight: 1, arbitrary: anonymous },
    { weight: 2, arbitrary: garbage },
    { weight: 1, arbitrary: portal },
  );
}

function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

const HOSTILE_SEGMENTS = [
  '%',
  '%zz',
  '%2',
  '..',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f%2e%2e',
  '%00',
  '%ED%A0%80',
  '%F0%9F%92',
  '%C0%AF',
  '%25',
  '%2F',
  'a%20b',
  '~',
  '@',
  ';x=1',
  '*',
  '\\..\\',
  'x'.repeat(5000),
  'x'.repeat(70_000),
  '2026%2F000001%00',
  '2026/000001',
  '%E2%80%AE',
  '-1',
  '0',
  '9999-99',
  '2026-13',
  '1e999',
];

function segmentArbitrary(schema: Schema, name: string): fc.Arbitrary<string> {
  const known = hints(name, schema);
  return fc.oneof(
    { weight: 3, arbitrary: plainString(schema, name).map(encode) },
    ...(known.length ? [{ weight: 2, arbitrary: fc.constantFrom(...known).map(encode) }] : []),
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map(encode) },
  );
}

const HOSTILE_QUERIES = [
  'q=%zz',
  'q=%',
  'q=a&q=b',
  'q=',
  'q',
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  'q[]=x',
  'q[a]=b',
  'q=%00',
  'q=%ED%A0%80',
  `q=${'x'.repeat(10_000)}`,
  'q=%F0%9F%92',
  '&&&',
  '=x',
  'q=a%26b=c',
  'limit=-1&cursor=%00',
];

function queryArbitrary(route: Route): fc.Arbitrary<string> {
  const params = (route.op.parameters ?? []).filter((p) => p.in === 'query');
  const fromParams = fc
    .record(Object.fromEntries(params.map((p) => [p.name, fromSchema(p.schema, p.name, true)])), { requiredKeys: [] })
    .map((values) =>
      Object.entries(values)
        .map(
          ([k, v]) =>
            `${encode(k)}=${encode(v instanceof Leaf ? toJson(v).replace(/^"|"$/g, '') : typeof v === 'string' ? v : JSON.stringify(v))}`,
        )
        .join('&'),
    );
  return fc.oneof(
    { weight: params.length ? 4 : 1, arbitrary: fromParams },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_QUERIES) },
  );
}

function requestArbitrary(route: Route): fc.Arbitrary<FuzzRequest> {
  const pathParams = (route.op.parameters ?? []).filter((p) => p.in === 'path');
  const path = fc
    .record(Object.fromEntries(pathParams.map((p) => [p.name, segmentArbitrary(p.schema, p.name)])))
    .map((values) => route.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? ''));
  const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
  return fc.record({
    path,
    query: queryArbitrary(route),
    auth: authArbitrary(route),
    contentType: hasBody ? contentTypeArbitrary : fc.constant(undefined),
    body: hasBody ? bodyArbitrary(route) : fc.constant<Body>({ kind: 'none' }),
  });
}

interface Answer {
  status: number;
  text: string;
  ms: number;
}

async function send(route: Route, req: FuzzRequest): Promise<Answer> {
  current.session = req.auth.session;
  current.issued = 0;
  const { rows } = await sql<{ id: string; last: string }>`select client_id as id, last_mutation_id as last from sync_client`.execute(
    hub.database.db,
  );
  current.lastMutationIds = new Map(rows.map((r) => [r.id, Number(r.last)]));
  const headers: Record<string, string> = {};
  const authorization = req.auth.make() as string | undefined;
  if (authorization !== undefined) headers.authorization = authorization;
  if (req.contentType) headers['content-type'] = req.contentType;
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (req.body.kind === 'json') body = toJson(req.body.value);
  else if (req.body.kind === 'text') body = String(req.body.text.make());
  else if (req.body.kind === 'bytes') body = Uint8Array.from(req.body.bytes);
  // A string body without a content type would be sent as text/plain; bytes go without one.
  if (typeof body === 'string' && !req.contentType) body = new TextEncoder().encode(body);
  const started = performance.now();
  const res = await fetch(`${hub.url}${req.path}${req.query ? `?${req.query}` : ''}`, {
    method: route.method,
    headers,
    body,
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  });
  // The poke stream stays open by design: its answer is its status and headers.
  const text = res.headers.get('content-type')?.startsWith('text/event-stream') ? (await res.body?.cancel(), '') : await res.text();
  return { status: res.status, text, ms: Math.round(performance.now() - started) };
}

function describeRequest(route: Route, req: FuzzRequest): string {
  const body =
    req.body.kind === 'json'
      ? fc.stringify(req.body.value)
      : req.body.kind === 'text'
        ? fc.stringify(req.body.text)
        : req.body.kind === 'bytes'
          ? `bytes [${req.body.bytes.join(',')}]`
          : 'none';
  const target = `${req.path}${req.query ? `?${req.query}` : ''}`;
  return `${route.method} ${target.length > 300 ? `${target.slice(0, 300)}… (${target.length} chars)` : target} [${fc.stringify(req.auth)}, content-type ${req.contentType ?? 'none'}] body ${body.length > 2000 ? `${body.slice(0, 2000)}…` : body}`;
}

// ---- the property, once per route ----

describe('every hub route, fuzzed from its OpenAPI document with hostile input', () => {
  it("the OpenAPI document lists the hub's routes (so the fuzz below is not vacuous)", () => {
    expect(routes.length).toBeGreaterThanOrEqual(16);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /auth/login', 'POST /sync/push', 'POST /intake/web-form', 'GET /tickets/{number}/files/{id}']),
    );
  });

  routes.forEach((route, index) => {
    it(`${route.method} ${route.path} answers hostile input in time, never with a 5xx, and a refusal changes no row`, async () => {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(route), async (req) => {
          const before = await tableSums();
          let answer: Answer;
          try {
            answer = await send(route, req);
          } catch (err) {
            throw new Error(
              `${route.method} ${route.path}: no HTTP answer within ${ANSWER_WITHIN_MS} ms (${String(err)}) to ${describeRequest(route, req)}`,
              { cause: err },
            );
          }
          if (process.env.FUZZ_TRACE)
            console.log(
              `TRACE ${route.method} ${route.path} ${answer.status} ${answer.ms}ms ${req.auth.label} ${answer.text.slice(0, 100).replace(/\s+/g, ' ')}`,
            );
          if (answer.status >= 500) {
            throw new Error(
              `${route.method} ${route.path}: HTTP ${answer.status} ${answer.text.slice(0, 500)} to ${describeRequest(route, req)}`,
            );
          }
          if (answer.status >= 400) {
            const after = await tableSums();
            const changed = [...after].filter(([t, sum]) => before.get(t) !== sum).map(([t]) => t);
            if (changed.length) {
              throw new Error(
                `${route.method} ${route.path}: refused with HTTP ${answer.status} ${answer.text.slice(0, 300)} but changed table(s) ${changed.join(', ')}; request ${describeRequest(route, req)}`,
              );
            }
          }
          // A successful logout ended one of the fuzz's sessions: open it again for the next runs.
          if (route.path === '/auth/logout' && answer.status === 204) await req.auth.session?.relogin();
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
    }, 120_000);
  });
});
