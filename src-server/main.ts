// `npm run hub`: the central hub alone. DATABASE_URL picks the PostgreSQL; without it the hub runs
// its own in USTERKA_DATA_DIR (default .data/hub). HUB_PORT / HUB_HOST choose where it listens;
// USTERKA_UPDATES_DIR names the folder of the workstations' update feed it serves at /updates/;
// USTERKA_SEED_DEMO=1 fills an empty hub with the demo data (what `npm start` does); without it an empty hub
// gets its first administrator (printed once, see first-admin.ts).
import { resolve } from 'node:path';
import { SchemaError } from '../migrations/runner';
import { startHub } from './hub';
import { demoLoginsText, seedDemoIfEmpty } from './admin/demo';
import { createFirstAdmin, firstAdminText } from './admin/first-admin';

try {
  const hub = await startHub({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: resolve(process.env.USTERKA_DATA_DIR ?? '.data/hub'),
    host: process.env.HUB_HOST ?? '127.0.0.1',
    port: Number(process.env.HUB_PORT ?? 4780),
    log: (m) => console.error(m),
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    retentionEveryMs: 60 * 60_000,
    // P§3.2: the department's mailbox, read every minute (USTERKA_IMAP_EVERY_S to change).
    mailboxUrl: process.env.USTERKA_IMAP_URL || undefined,
    mailboxEveryMs: Number(process.env.USTERKA_IMAP_EVERY_S || 60) * 1000,
    // E-mails out through the city's mail server (smtps://user:password@host), from USTERKA_MAIL_FROM.
    smtp: process.env.USTERKA_SMTP_URL
      ? { url: process.env.USTERKA_SMTP_URL, from: process.env.USTERKA_MAIL_FROM || 'Usterka <usterka@localhost>' }
      : undefined,
    updatesDir: process.env.USTERKA_UPDATES_DIR ? resolve(process.env.USTERKA_UPDATES_DIR) : undefined,
  });
  if (process.env.USTERKA_SEED_DEMO === '1') {
    if (await seedDemoIfEmpty(hub.database.db)) console.error(demoLoginsText());
  } else {
    // A real city's first start: the first administrator, whose one-time password is shown only now.
    const admin = await createFirstAdmin(hub.database.db);
    if (admin) console.error(firstAdminText(admin));
  }
  console.error(`Usterka hub listening on ${hub.url} (OpenAPI: ${hub.url}/openapi.json)`);
  const stop = async () => {
    await hub.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  console.error(err instanceof SchemaError ? err.message : err);
  process.exit(1);
}
