// `npm run admin -- <command>`: the hub's administration from a terminal. Uses DATABASE_URL, else the
// embedded PostgreSQL in USTERKA_DATA_DIR (default .data/hub), the same one `npm start` uses.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { centralMigrations } from '../../migrations/central';
import { prepareSchema, SchemaError } from '../../migrations/runner';
import { Role, ROLES, type UserRole } from '../../src-shared/api/hub';
import { hashPassword } from '../auth/passwords';
import { audit, endUserSessions } from '../auth/sessions';
import { clearLoginFailures } from '../auth/throttle';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem, type PasswordProblemCode } from '../../src-shared/passwords';
import { connectDatabase, type CentralDb, type Database } from '../db/connect';
import { setMemberships } from '../directory';
import { loadExtraDays } from '../calendar-store';
import { calendarCommand } from './calendar-command';
import { createFirstAdmin, firstAdminText } from './first-admin';
import { demoLoginsText, seedDemo } from './demo';
import { importStreetsFile, LODZ_SYM, StreetImportError } from './streets';
import { expireOverduePersonalData } from '../retention';
import { addPortal, listPortals, PortalError, revokePortal } from '../portals';
import { backfillTicketFigures } from '../stats/figures';

const USAGE = `Usage: npm run admin -- <command>

  migrate                                   bring the central schema to this version
  init                                      a real city's first start: migrate and create the first
                                            administrator ("admin") with a one-time password, printed
                                            once and changed at the first login (only on a hub without users)
  user add <login> --name "<full name>" --roles <r1,r2> [--email <e-mail>] [--groups <symbols>] [--units <ids>]
                                            (the password is read from standard input)
  user set-roles <login> --roles <r1,r2> [--groups <symbols>] [--units <ids>]
                                            (--groups: coordinator / realizer group symbols;
                                             --units: units a supervisor oversees)
  user set-password <login>                 (the password is read from standard input; ends the user's sessions)
  user disable <login>                      (ends the user's sessions)
  user unlock <login>                       clear the login's recent failed logins (and their delay)
                                            Passwords: ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, not the login
                                            nor containing it, not a common password
  calendar deadline --from <ISO 8601 with offset> --working-days <n>
  calendar is-working-time --at <ISO 8601>
  calendar month <YYYY-MM>
  seed-demo [--force]                       fill an empty hub with the demo city; --force adds it to a hub
                                            that has users but no tickets
  streets import <file> [--sym <SYM>]       import the GUS TERYT ULIC street register (XML or CSV) for one
                                            locality (default ${LODZ_SYM}, Łódź), replacing its streets
  retention                                 erase personal data past its retention period now (P§27.1;
                                            every running hub also does it each hour)
  portal add <name>                         let a city portal post web forms: prints its key once
                                            (the portal sends it as "Authorization: Bearer <key>")
  portal list                               the portals, with when each was added or revoked
  portal revoke <name>                      refuse that portal's key from now on

Roles: ${ROLES.join(', ')}`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'calendar') {
    return calendarCommand(rest, { loadExtraDays: configuredExtraDays, out: (l) => console.log(l), err: (l) => console.error(l) });
  }
  const database = await openDatabase(command === 'migrate' || command === 'init');
  try {
    switch (command) {
      case 'migrate':
        return 0;
      case 'init': {
        if (rest.length) throw new UsageError(`init takes no options, got "${rest.join(' ')}".`);
        const admin = await createFirstAdmin(database.db);
        if (!admin) {
          console.log('Centrala ma już użytkowników — nic nie zmieniono (The hub already has users; nothing changed).');
          return 1;
        }
        console.log(firstAdminText(admin));
        return 0;
      }
      case 'user':
        return await userCommand(database, rest);
      case 'seed-demo':
        return await seedDemoCommand(database, rest);
      case 'streets':
        return await streetsCommand(database, rest);
      case 'portal':
        return await portalCommand(database, rest);
      case 'retention': {
        if (rest.length) throw new UsageError(`retention takes no options, got "${rest.join(' ')}".`);
        const erased = await expireOverduePersonalData(database.db, new Date());
        console.log(`Personal data erased from ${erased} ticket(s) past the retention period (P§27.1).`);
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } finally {
    await database.close();
  }
}

const dataDir = resolve(process.env.USTERKA_DATA_DIR ?? '.data/hub');

/** The central configuration's extra days when a hub database exists; none (the statutory calendar) otherwise. */
async function configuredExtraDays() {
  if (!process.env.DATABASE_URL && !existsSync(join(dataDir, 'postgres', 'PG_VERSION'))) return [];
  const database = await openDatabase(false);
  try {
    return await loadExtraDays(database.db);
  } finally {
    await database.close();
  }
}

async function openDatabase(migrate: boolean): Promise<Database> {
  const database = await connectDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir });
  try {
    const applied = await prepareSchema(database.db, centralMigrations, {
      label: 'central (PostgreSQL)',
      autoMigrate: migrate,
      upgradeHint: 'Run `npm run admin -- migrate` first.',
    });
    if (migrate) console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is already current.');
    // The statistics' rows of the tickets written before ticket_stat existed (P§24, P§27.3).
    if (applied.includes('2026-12-03-14-ticket-stats')) console.log(`Statistics rows filled: ${await backfillTicketFigures(database.db)}`);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

async function userCommand({ db }: Database, args: string[]): Promise<number> {
  const [action, login, ...rest] = args;
  if (!action || !login)
    throw new UsageError('Name the action and the login, e.g. `user add anowak --name "Anna Nowak" --roles operator`.');
  const flags = parseFlags(rest);
  const exists = await db.selectFrom('app_user').select('id').where('login', '=', login).executeTakeFirst();
  if (action !== 'add' && !exists) throw new UsageError(`There is no user "${login}".`);
  switch (action) {
    case 'add': {
      if (exists) throw new UsageError(`User "${login}" already exists; use set-roles or set-password.`);
      if (!flags.name) throw new UsageError('Give the full name: --name "Anna Nowak".');
      const roles = parseRoles(flags.roles);
      const passwordHash = await hashPassword(await readPassword(login));
      const { groupIds, unitIds } = await parseMemberships(db, flags);
      const user = await db
        .insertInto('app_user')
        .values({ login, display_name: flags.name, email: flags.email ?? null, password_hash: passwordHash, roles })
        .returning('id')
        .executeTakeFirstOrThrow();
      await setMemberships(db, user.id, groupIds, unitIds);
      await audit(db, 'admin-cli', 'user.add', { login, roles, groupIds, unitIds });
      console.log(`Added ${login} (${roles.join(', ')}).`);
      return 0;
    }
    case 'set-roles': {
      const roles = parseRoles(flags.roles);
      const { groupIds, unitIds } = await parseMemberships(db, flags);
      await db.updateTable('app_user').set({ roles }).where('login', '=', login).execute();
      await setMemberships(db, exists!.id, groupIds, unitIds);
      await audit(db, 'admin-cli', 'user.setRoles', { login, roles, groupIds, unitIds });
      console.log(`${login}: roles ${roles.join(', ')}.`);
      return 0;
    }
    case 'set-password': {
      const passwordHash = await hashPassword(await readPassword(login));
      // A changed password ends every session (and offline grant) of the user: whoever knew the old one is out.
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', exists!.id).execute();
        await endUserSessions(tx, exists!.id, new Date());
        await clearLoginFailures(tx, login);
        await audit(tx, 'admin-cli', 'user.setPassword', { login });
      });
      console.log(`${login}: password changed, sessions ended.`);
      return 0;
    }
    case 'disable': {
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('app_user').set({ disabled: true }).where('id', '=', exists!.id).execute();
        await endUserSessions(tx, exists!.id, new Date());
        await audit(tx, 'admin-cli', 'user.disable', { login });
      });
      console.log(`${login}: disabled, sessions ended.`);
      return 0;
    }
    case 'unlock': {
      if (rest.length) throw new UsageError(`user unlock takes no options, got "${rest.join(' ')}".`);
      const cleared = await clearLoginFailures(db, login);
      await audit(db, 'admin-cli', 'user.unlock', { login, cleared });
      console.log(`${login}: unlocked (${cleared} recent failed login(s) cleared).`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown user action "${action}".`);
  }
}

async function seedDemoCommand({ db }: Database, args: string[]): Promise<number> {
  const force = args.includes('--force');
  if (args.some((a) => a !== '--force'))
    throw new UsageError(`Unknown option for seed-demo: ${args.filter((a) => a !== '--force').join(' ')}.`);
  const users = await db.selectFrom('app_user').select('id').limit(1).execute();
  if (users.length > 0 && !force) {
    console.log(
      'Centrala ma już użytkowników — nie dodano danych demonstracyjnych. Aby dodać miasto demonstracyjne mimo to, użyj --force.',
    );
    return 0;
  }
  const tickets = await db
    .selectFrom('ticket')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  if (Number(tickets.count) > 0) {
    console.log(
      `W centrali są już zgłoszenia (${tickets.count}) — dane demonstracyjne dodaje się tylko do centrali bez zgłoszeń. Nic nie zmieniono.`,
    );
    return 1;
  }
  const summary = await seedDemo(db);
  console.log(
    `Dodano miasto demonstracyjne: ${summary.tickets} zgłoszeń (${summary.events} zdarzeń), ${summary.streets} ulic, ${summary.users} kont — w ${(summary.ms / 1000).toFixed(1)} s.`,
  );
  console.log(demoLoginsText());
  return 0;
}

async function streetsCommand({ db }: Database, args: string[]): Promise<number> {
  const [action, file, ...rest] = args;
  if (action !== 'import' || !file) throw new UsageError('Give the file: `streets import ULIC_Urzedowy_2026-01-01.xml [--sym 0958503]`.');
  const sym = parseFlags(rest).sym ?? LODZ_SYM;
  try {
    const result = await importStreetsFile(db, file, sym);
    await audit(db, 'admin-cli', 'streets.import', { file, ...result });
    console.log(
      `Zaimportowano ${result.imported} ulic miejscowości ${result.sym}${result.stanNa ? ` (stan na ${result.stanNa})` : ''}: ` +
        `nowe ${result.added}, zaktualizowane ${result.updated}, usunięte ${result.removed}.`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof StreetImportError)) throw err;
    console.error(`Nie zaimportowano ulic: ${err.message}`);
    return 1;
  }
}

async function portalCommand({ db }: Database, args: string[]): Promise<number> {
  const [action, name, ...extra] = args;
  if (extra.length) throw new UsageError(`Quote a portal name with spaces: portal ${action} "${[name, ...extra].join(' ')}".`);
  switch (action) {
    case 'add': {
      if (!name) throw new UsageError('Name the portal: `portal add uml-portal`.');
      try {
        const { portal, key } = await addPortal(db, name);
        await audit(db, 'admin-cli', 'portal.add', { name: portal.name, id: portal.id });
        console.log(
          `Added portal ${portal.name}. Its key (shown only now; give it to the portal, which sends it as "Authorization: Bearer <key>"):`,
        );
        console.log(key);
        return 0;
      } catch (err) {
        if (!(err instanceof PortalError)) throw err;
        console.error(err.message);
        return 1;
      }
    }
    case 'list': {
      if (name) throw new UsageError('portal list takes no name.');
      const portals = await listPortals(db);
      if (portals.length === 0) console.log('No portals; add one with `portal add <name>`.');
      for (const p of portals)
        console.log(`${p.name}\tadded ${p.createdAt.toISOString()}\t${p.revokedAt ? `revoked ${p.revokedAt.toISOString()}` : 'active'}`);
      return 0;
    }
    case 'revoke': {
      if (!name) throw new UsageError('Name the portal: `portal revoke uml-portal`.');
      if (!(await revokePortal(db, name, new Date()))) {
        console.error(`There is no active portal "${name}" (see \`portal list\`).`);
        return 1;
      }
      await audit(db, 'admin-cli', 'portal.revoke', { name });
      console.log(`${name}: key revoked; its web forms are refused from now on.`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown portal action "${action ?? ''}"; use add, list or revoke.`);
  }
}

function parseFlags(args: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i];
    const value = args[i + 1];
    if (!key?.startsWith('--') || value === undefined) throw new UsageError(`Expected "--flag value", got "${args.slice(i).join(' ')}".`);
    flags[key.slice(2)] = value;
  }
  return flags;
}

/** Group symbols (I§5) and unit ids from the flags, checked against the configuration. */
async function parseMemberships(db: CentralDb, flags: Record<string, string>): Promise<{ groupIds: string[]; unitIds: string[] }> {
  const symbols = (flags.groups ?? '')
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  const unitIds = (flags.units ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  const groups = symbols.length ? await db.selectFrom('work_group').select(['id', 'symbol']).where('symbol', 'in', symbols).execute() : [];
  const unknownGroup = symbols.find((s) => !groups.some((g) => g.symbol === s));
  if (unknownGroup) throw new UsageError(`There is no group with the symbol "${unknownGroup}".`);
  const units = unitIds.length ? await db.selectFrom('unit').select('id').where('id', 'in', unitIds).execute() : [];
  const unknownUnit = unitIds.find((u) => !units.some((x) => x.id === u));
  if (unknownUnit) throw new UsageError(`There is no unit "${unknownUnit}".`);
  return { groupIds: groups.map((g) => g.id), unitIds };
}

function parseRoles(value: string | undefined): UserRole[] {
  if (!value) throw new UsageError(`Give the roles: --roles ${ROLES.slice(0, 2).join(',')}`);
  return value.split(',').map((r) => {
    const parsed = Role.safeParse(r.trim());
    if (!parsed.success) throw new UsageError(`Unknown role "${r}". Roles: ${ROLES.join(', ')}.`);
    return parsed.data;
  });
}

const PASSWORD_PROBLEMS: Record<PasswordProblemCode, string> = {
  tooShort: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
  tooLong: `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`,
  containsLogin: 'The password must not be the login or contain it.',
  common: 'The password is on the list of common passwords (or is one with digits or signs added); choose another.',
};

/** The new password for `login` from standard input, checked against the password rules. */
async function readPassword(login: string): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  const problem = passwordProblem(line, login);
  if (problem) throw new UsageError(PASSWORD_PROBLEMS[problem.code]);
  return line;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
    else console.error(err instanceof SchemaError ? err.message : err);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
