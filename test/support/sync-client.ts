// A minimal workstation for hub tests: logs in, leases numbers, pushes and pulls over real HTTP.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Mutation, PullResponse, PushResponse } from '../../src-shared/api/sync';
import { formatTicketNumber, PROTOCOL_VERSION } from '../../src-shared/api/sync';
import type { Command } from '../../src-shared/ticket';

export class TestWorkstation {
  readonly clientId: string;
  readonly installationKey: string;
  token = '';
  userId = '';
  nextMutationId = 1;
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
    const res = await this.request<{ token: string; user: { id: string } }>('/auth/login', { login, password, installationId: this.clientId, installationKey: this.installationKey });
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

  mutation(command: Command, opts: { ticket?: string; newTicketNumbers?: string[]; at?: string; outage?: boolean; actorId?: string } = {}): Mutation {
    return {
      mutationId: this.nextMutationId++,
      name: 'ticket',
      args: { ticket: opts.ticket, command: command as Mutation['args']['command'], newTicketNumbers: opts.newTicketNumbers },
      at: opts.at ?? new Date().toISOString(),
      actorId: opts.actorId ?? this.userId,
      outage: opts.outage ?? false,
      protocolVersion: PROTOCOL_VERSION,
    };
  }

  push(mutations: Mutation[], expectStatus = 200): Promise<PushResponse> {
    return this.request('/sync/push', { clientId: this.clientId, sentAt: new Date().toISOString(), mutations }, expectStatus);
  }

  async pullAll(cursor: string | null = null): Promise<{ changes: PullResponse['changes']; cursor: string; lastMutationId: number }> {
    const changes: PullResponse['changes'] = [];
    let page: PullResponse;
    do {
      page = await this.request<PullResponse>('/sync/pull', { clientId: this.clientId, cursor, limit: 500 });
      changes.push(...page.changes);
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
