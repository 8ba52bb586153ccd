// Starting and stopping a whole hub: database (external or embedded), schema, HTTP server.
import type { FastifyInstance } from 'fastify';
import type { LoggerOptions } from 'pino';
import { centralMigrations } from '../migrations/central';
import { prepareSchema } from '../migrations/runner';
import { backfillTicketFigures } from './stats/figures';
import { buildHub } from './app';
import { connectDatabase, type Database } from './db/connect';
import { startPokeHub } from './sync/poke';
import { scheduleRetention } from './retention';
import { mailboxConfigFrom, pollMailbox } from './mail/mailbox';
import { pollOutgoing, type SmtpConfig } from './mail/outgoing';

export interface RunningHub {
  url: string;
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

export interface StartHubOptions {
  /** PostgreSQL to use; without it the hub starts its own in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  host?: string;
  port?: number;
  /** Migrate an older schema on start (the embedded default); otherwise refuse and say how. */
  autoMigrate?: boolean;
  logger?: LoggerOptions | false;
  log?: (msg: string) => void;
  /** Erase personal data past retention (P§27.1) at start and then this often; off when absent. */
  retentionEveryMs?: number;
  /** The department's mailbox to read (P§3.2), `imaps://user:password@host/INBOX?processed=…`; not read when absent. */
  mailboxUrl?: string;
  mailboxEveryMs?: number;
  /** The city's SMTP server for e-mails out (P§14, P§15, P§16.3); e-mails wait unsent when absent. */
  smtp?: SmtpConfig;
  smtpEveryMs?: number;
  /** How often open poke streams are checked against their sessions (default: every 5 s). */
  pokeSessionCheckMs?: number;
  /** The folder of the workstations' update feed (see updates.ts). */
  updatesDir?: string;
}

export async function startHub(opts: StartHubOptions): Promise<RunningHub> {
  const database = await connectDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, log: opts.log });
  try {
    const applied = await prepareSchema(database.db, centralMigrations, {
      label: 'central (PostgreSQL)',
      autoMigrate: opts.autoMigrate ?? !opts.databaseUrl,
      upgradeHint: 'Run `npm run admin -- migrate` with the same DATABASE_URL, then start the hub again.',
    });
    if (applied.length) opts.log?.(`Applied migrations: ${applied.join(', ')}`);
    // The statistics' rows of tickets written before ticket_stat existed (only right after that upgrade).
    if (applied.includes('2026-12-03-14-ticket-stats')) await backfillTicketFigures(database.db);
    const pokes = await startPokeHub(database.connectionString, (msg, err) => opts.log?.(`${msg}: ${String(err)}`), {
      sessionCheckMs: opts.pokeSessionCheckMs,
    });
    const app = await buildHub({ db: database.db, logger: opts.logger, pokes, updatesDir: opts.updatesDir });
    app.addHook('onClose', () => pokes.close());
    let stopRetention: (() => void) | undefined;
    app.addHook('onClose', async () => stopRetention?.());
    const url = await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
    if (opts.retentionEveryMs) stopRetention = scheduleRetention(database.db, opts.retentionEveryMs, (m) => (opts.log ?? console.error)(m));
    if (opts.mailboxUrl) {
      const stopMailbox = pollMailbox(database.db, mailboxConfigFrom(opts.mailboxUrl), opts.mailboxEveryMs ?? 60_000, app.log);
      app.addHook('onClose', async () => stopMailbox());
    }
    if (opts.smtp) {
      const stopSending = pollOutgoing(database.db, opts.smtp, opts.smtpEveryMs ?? 5_000, app.log);
      app.addHook('onClose', async () => stopSending());
    }
    return {
      url: url.replace('localhost', '127.0.0.1'),
      app,
      database,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
