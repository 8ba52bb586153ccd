// A minimal workstation for hub tests: logs in, leases numbers, pushes and pulls over real HTTP.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Mutation, PullResponse, PullResponseV1, PushResponse, TicketRow } from '../../src-shared/api/sync';
import { formatTicketNumber, PROTOCOL_VERSION, PULL_PAGE_TYPE, readPullPage } from '../../src-shared/api/sync';
import type { Command, Ticket } from '../../src-shared/ticket';
import type { CentralDb } from '../../src-server/db/connect';

/** A pulled change, whatever the protocol version: the ticket read back from its text (and its row, from 2 on). */
export type PulledChange = { kind: 'ticket'; ticket: Ticket; row?: TicketRow; text?: string } | { kind: 'tombstone'; number: string };

export class TestWorkstation {
  readonly clientId: string;
  readonly installationKey: string;
  token = '';
  userId = '';
  nextMutationId = 1;
  /** The sync protocol this workstation speaks; 1 plays a workstation not yet upgraded. */
  protocolVersion = PROTOCOL_VERSION;
  private numbers: string[] = [];

  /** A new workstation, or (given its id and key) an existing one, e.g. a desktop core's. */
  constructor(
    readonly hubUrl: string,
    installation: { id: string; key: string } = { id: randomUUID(), key: randomBytes(32).toString('base64url') },
  ) {
    this.clientId = installation.id;
    this.installationKey = installation.key;
  }

  async request<T>(path: string, body: unknown, expectStatus = 200): Promise<T> {
    const res = await fetch(`${this.hubUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (res.status !== expectStatus) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
    return json as T;
  }

  async login(login: string, password: string): Promise<this> {
    const res = await this.request<{ token: string; user: { id: string } }>('/auth/login', {
      login,
      password,
      installationId: this.clientId,
      installationKey: this.installationKey,
    });
    this.token = res.token;
    this.userId = res.user.id;
    return this;
  }

  async lease(count = 50): Promise<void> {
    const l = await this.request<{ year: number; first: number; last: number }>('/sync/lease', { clientId: this.clientId, count });
    for (let n = l.first; n <= l.last; n++) this.numbers.push(formatTicketNumber(l.year, n));
  }

  takeNumbers(count: number): string[] {
    if (this.numbers.length < count) throw new Error('lease more numbers first');
    return this.numbers.splice(0, count);
  }

  mutation(
    command: Command,
    opts: { ticket?: string; newTicketNumbers?: string[]; at?: string; outage?: boolean; actorId?: string } = {},
  ): Mutation {
    return {
      mutationId: this.nextMutationId++,
      name: 'ticket',
      args: { ticket: opts.ticket, command: command as Mutation['args']['command'], newTicketNumbers: opts.newTicketNumbers },
      at: opts.at ?? new Date().toISOString(),
      actorId: opts.actorId ?? this.userId,
      outage: opts.outage ?? false,
      protocolVersion: this.protocolVersion,
    };
  }

  push(mutations: Mutation[], expectStatus = 200): Promise<PushResponse> {
    return this.request('/sync/push', { clientId: this.clientId, sentAt: new Date().toISOString(), mutations }, expectStatus);
  }

  /** One pull page as this workstation's protocol version receives it. */
  async pullPage(cursor: string | null, limit = 500): Promise<PullResponse | PullResponseV1> {
    if (this.protocolVersion === 1) return this.request<PullResponseV1>('/sync/pull', { clientId: this.clientId, cursor, limit });
    const res = await fetch(`${this.hubUrl}/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ clientId: this.clientId, cursor, limit, protocolVersion: this.protocolVersion }),
    });
    if (res.status !== 200) throw new Error(`/sync/pull: HTTP ${res.status} ${await res.text()}`);
    if (!res.headers.get('content-type')?.startsWith(PULL_PAGE_TYPE))
      throw new Error(`/sync/pull answered ${res.headers.get('content-type')}, not ${PULL_PAGE_TYPE}`);
    return readPullPage(await res.text());
  }

  async pullAll(cursor: string | null = null): Promise<{ changes: PulledChange[]; cursor: string; lastMutationId: number }> {
    const changes: PulledChange[] = [];
    let page: PullResponse | PullResponseV1;
    do {
      page = await this.pullPage(cursor);
      for (const c of page.changes) {
        if (c.kind === 'tombstone') changes.push(c);
        else changes.push('text' in c ? { kind: 'ticket', ticket: JSON.parse(c.text) as Ticket, row: c.row, text: c.text } : c);
      }
      cursor = page.cursor;
    } while (page.more);
    return { changes, cursor: cursor!, lastMutationId: page.lastMutationId };
  }
}

/** A phone registration of a pothole on Piotrkowska with a caller who wants an answer. */
export function potholeCall(overrides: Record<string, unknown> = {}): Command {
  return {
    type: 'registerTicket',
    channel: 'phone',
    categoryId: 'roads',
    subject: 'Dziura w jezdni',
    description: 'Głęboka dziura przy przejściu dla pieszych.',
    templateAnswers: { size: 'ok. 40 cm' },
    location: { address: 'ul. Piotrkowska 104, Łódź' },
    reporter: { wantsAnswer: true, consent: true, name: 'Jan Mieszkaniec', phone: '600 700 800' },
    ...overrides,
  } as Command;
}

/**
 * Makes a test workstation one that has been in service (signed in, never pulled) since `iso`, so it may push
 * actions dated from then on: the hub refuses actions older than a workstation's last sync or first login.
 */
export async function inServiceSince(db: CentralDb, clientId: string, iso: string): Promise<void> {
  await db
    .updateTable('session')
    .set({ created_at: new Date(iso) })
    .where('installation_id', '=', clientId)
    .execute();
}
