// The administration contract (I§2–I§5, P§7, P§33–P§35): one map of operations. The hub registers a route
// `POST /admin/<name>` for each and checks who may call it; the desktop core forwards `admin.<name>` to it; the
// screens validate their forms with the same schemas, so the three never drift apart.
import { z } from 'zod';
import { extraDaySchema } from '../calendar/config';
import { categorySchema, storableString } from '../ticket/model';
import { Role } from './hub';

const required = (what: string, max: number) => storableString().trim().min(1, `Podaj ${what}.`).max(max, `Najwyżej ${max} znaków.`);
/** Optional text; an empty one means none (no transform here: the schemas also describe the hub's answers). */
const optionalText = (max: number) => storableString().trim().max(max, `Najwyżej ${max} znaków.`).optional();

/** Ids of units, groups and categories: short, readable, stable (they are kept in tickets' history). */
export const configIdSchema = storableString()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'Identyfikator: małe litery bez polskich znaków, cyfry i myślniki (do 60), np. „zdit-drogi”.');

/** A group's symbol in the app (I§5): what the unit's configuration table names it by. */
export const groupSymbolSchema = storableString()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._/-]{0,29}$/u, 'Symbol grupy: do 30 liter, cyfr, kropek, ukośników i myślników, bez spacji.');

export const loginSchema = storableString()
  .trim()
  .regex(/^[\p{L}\p{N}._@-]{2,100}$/u, 'Login: 2–100 liter, cyfr, kropek, myślników lub @, bez spacji.');

export const emailSchema = storableString()
  .trim()
  .max(200)
  .pipe(z.email('To nie jest poprawny adres e-mail (np. anna.nowak@uml.lodz.pl).'));

export const AdminUnit = z.object({
  id: configIdSchema,
  name: required('nazwę jednostki', 200),
  kind: z.enum(['department', 'agency']),
  /** P§13.1 / P§15: works in the app, or gets its tickets outside it. */
  worksInApp: z.boolean(),
  /** P§15: where tickets are sent when the unit handles them outside the app (e-mail or postal address). */
  address: optionalText(300),
});
export type AdminUnit = z.infer<typeof AdminUnit>;

export const AdminGroup = z.object({
  id: configIdSchema,
  symbol: groupSymbolSchema,
  name: required('nazwę grupy', 200),
  unitId: configIdSchema,
  kind: z.enum(['coordinator', 'realizer']),
});
export type AdminGroup = z.infer<typeof AdminGroup>;

export const AdminUser = z.object({
  id: z.uuid(),
  login: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(Role),
  groupIds: z.array(z.string()),
  unitIds: z.array(z.string()),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  /** Failed logins of the last throttle window (unlock clears them). */
  recentFailures: z.number().int(),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const UserInput = z.object({
  /** Absent for a new user. */
  id: z.uuid().optional(),
  login: loginSchema,
  displayName: required('imię i nazwisko', 200),
  email: emailSchema.optional().or(z.literal('').transform(() => undefined)),
  roles: z.array(Role).max(6),
  groupIds: z.array(configIdSchema).max(100),
  unitIds: z.array(configIdSchema).max(100),
});
export type UserInput = z.input<typeof UserInput>;

/** One question of a category's call script (P§8.1.1, P§34.1.1). */
export const ScriptQuestion = z.object({
  id: storableString().trim().min(1).max(60),
  label: required('treść pytania', 300),
  required: z.boolean(),
  hint: optionalText(300),
});

/** A category as the admin keeps it; `retired` ones stay for history but are not offered at intake. */
export const AdminCategory = categorySchema.extend({
  id: configIdSchema,
  name: required('nazwę kategorii', 200),
  template: z.array(ScriptQuestion).max(30, 'Najwyżej 30 pytań w skrypcie.').optional(),
});
export type AdminCategory = z.infer<typeof AdminCategory>;

export const AdminSettings = z.object({
  /** P§5.2: how operators send callers about snow and ice (e.g. a phone number). */
  snowIceReferral: optionalText(300),
});
export type AdminSettings = z.infer<typeof AdminSettings>;

export const ExtraDayInput = extraDaySchema.extend({
  reference: required('zarządzenie, które ustanowiło ten dzień', 300),
  note: optionalText(300),
});

/** What one structure change does, in words for the people who agree to it (I§5.5). */
export const StructureOperation = z.discriminatedUnion('op', [
  z.object({ op: z.literal('saveUnit'), unit: AdminUnit }),
  z.object({ op: z.literal('saveGroup'), group: AdminGroup }),
  z.object({ op: z.literal('removeGroup'), id: configIdSchema }),
  /** A person of an imported table: matched by e-mail, added or updated. */
  z.object({
    op: z.literal('savePerson'),
    person: z.object({
      login: loginSchema,
      displayName: z.string(),
      email: z.string(),
      roles: z.array(Role),
      groupIds: z.array(z.string()),
      unitIds: z.array(z.string()),
    }),
  }),
  /** A category's call script from the minimum-information table (P§34.1.1): not a structure change. */
  z.object({ op: z.literal('saveScript'), categoryId: configIdSchema, template: z.array(ScriptQuestion) }),
  /** A person who left the unit (P§35 "removed"): their groups and supervision in the unit end. */
  z.object({ op: z.literal('removePerson'), userId: z.uuid(), unitId: configIdSchema }),
]);
export type StructureOperation = z.infer<typeof StructureOperation>;

export const StructureChange = z.object({
  id: z.number().int(),
  title: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'applied']),
  operations: z.array(StructureOperation),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type StructureChange = z.infer<typeof StructureChange>;

/** A configuration change is carried out at once, or (group structure, I§5.5) waits for the super-supervisor. */
export const ChangeOutcome = z.object({
  applied: z.boolean(),
  change: StructureChange.optional(),
  /** One-time passwords of the accounts it created: shown once to the admin, who hands them over. */
  passwords: z.array(z.object({ login: z.string(), password: z.string() })).optional(),
});
export type ChangeOutcome = z.infer<typeof ChangeOutcome>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const AdminOverview = z.object({
  units: z.array(AdminUnit),
  groups: z.array(AdminGroup.extend({ openTickets: z.number().int() })),
  users: z.array(AdminUser),
  categories: z.array(AdminCategory),
  extraDays: z.array(extraDaySchema),
  settings: AdminSettings,
  changes: z.array(StructureChange),
  /** Bumped by every configuration change; workstations refetch their configuration when it moves. */
  configVersion: z.number().int(),
});
export type AdminOverview = z.infer<typeof AdminOverview>;

/** One problem of an imported file, where it is and what to fix. */
export const ImportProblem = z.object({ row: z.number().int().optional(), column: z.string().optional(), message: z.string() });
export type ImportProblem = z.infer<typeof ImportProblem>;

/** Largest configuration file read: a unit's table is a few kB; more is not a configuration table. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

export const ImportFile = z.object({
  fileName: storableString().trim().min(1).max(200),
  contentBase64: z
    .string()
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'Plik jest za duży: tabela konfiguracyjna jednostki ma najwyżej 1 MB.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Zawartość pliku nie jest poprawnym kodowaniem base64.'),
});

export const ImportPreview = z.object({
  unitName: z.string().nullable(),
  /** People read from the file. */
  rows: z.number().int(),
  problems: z.array(ImportProblem),
  /** What applying would do, each in words: added, changed, removed (P§35, I§5.4). */
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
  /** Group structure changes in it need the super-supervisor's agreement first (I§5.5). */
  needsApproval: z.boolean(),
  operations: z.array(StructureOperation),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

const FileResult = z.object({ fileName: z.string(), contentBase64: z.string() });
const Ok = z.object({ ok: z.literal(true) });
const byId = z.object({ id: z.uuid() });

/**
 * Who may call an operation: `read` the admin and the super-supervisor (read-only), `write` the admin,
 * `approve` the super-supervisor (agreement to structure changes, I§5.5).
 */
export type AdminAccess = 'read' | 'write' | 'approve';

export const adminOperations = {
  overview: { access: 'read', args: z.object({}).strict(), result: AdminOverview },
  saveUnit: { access: 'write', args: AdminUnit, result: ChangeOutcome },
  saveGroup: { access: 'write', args: AdminGroup, result: ChangeOutcome },
  removeGroup: { access: 'write', args: z.object({ id: configIdSchema }), result: ChangeOutcome },
  saveUser: { access: 'write', args: UserInput, result: z.object({ user: AdminUser, oneTimePassword: z.string().optional() }) },
  resetPassword: { access: 'write', args: byId, result: z.object({ oneTimePassword: z.string() }) },
  unlockUser: { access: 'write', args: byId, result: z.object({ cleared: z.number().int() }) },
  setUserDisabled: { access: 'write', args: byId.extend({ disabled: z.boolean() }), result: Ok },
  saveCategory: { access: 'write', args: AdminCategory, result: Ok },
  /** Moves a category one place up or down in the dictionary. */
  moveCategory: { access: 'write', args: z.object({ id: configIdSchema, by: z.union([z.literal(-1), z.literal(1)]) }), result: Ok },
  saveExtraDay: { access: 'write', args: ExtraDayInput, result: Ok },
  removeExtraDay: { access: 'write', args: z.object({ date: z.iso.date() }), result: Ok },
  saveSettings: { access: 'write', args: AdminSettings, result: Ok },
  decideChange: {
    access: 'approve',
    args: z.object({ id: z.number().int().positive(), decision: z.enum(['approved', 'rejected']), note: optionalText(500) }),
    result: StructureChange,
  },
  applyChange: { access: 'write', args: z.object({ id: z.number().int().positive() }), result: ChangeOutcome },
  audit: {
    access: 'read',
    args: z.object({
      action: storableString().max(100).optional(),
      actor: storableString().max(100).optional(),
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
      /** Entries older than this id (the next page). */
      before: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    result: z.object({ entries: z.array(AuditEntry) }),
  },
  importPreview: { access: 'write', args: ImportFile, result: ImportPreview },
  /** Applies a previewed file (personnel at once) or submits it for agreement (structure changes). */
  importSubmit: { access: 'write', args: ImportFile, result: ChangeOutcome },
  exportUnit: { access: 'read', args: z.object({ unitId: configIdSchema }), result: FileResult },
  importTemplate: { access: 'read', args: z.object({}).strict(), result: FileResult },
  /** Every category's call script as the P§34.1.1 table (also the template of that table). */
  exportScripts: { access: 'read', args: z.object({}).strict(), result: FileResult },
} as const satisfies Record<string, { access: AdminAccess; args: z.ZodType; result: z.ZodType }>;

export type AdminOperationName = keyof typeof adminOperations;
export type AdminArgs<N extends AdminOperationName> = z.input<(typeof adminOperations)[N]['args']>;
export type AdminResult<N extends AdminOperationName> = z.output<(typeof adminOperations)[N]['result']>;

export const mayCallAdmin = (access: AdminAccess, roles: readonly string[]): boolean =>
  access === 'read'
    ? roles.includes('admin') || roles.includes('superSupervisor')
    : access === 'write'
      ? roles.includes('admin')
      : roles.includes('superSupervisor');

/** The same operations as the desktop API names them (`admin.<name>`): the core forwards each to the hub. */
type AdminRequests = {
  [N in AdminOperationName as `admin.${N}`]: { args: (typeof adminOperations)[N]['args']; result: (typeof adminOperations)[N]['result'] };
};
export const adminRequests = Object.fromEntries(
  Object.entries(adminOperations).map(([name, op]) => [`admin.${name}`, { args: op.args, result: op.result }]),
) as AdminRequests;
export type AdminRequestName = keyof AdminRequests;
