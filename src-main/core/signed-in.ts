// Who works at this workstation now, and what follows from it for every request: the rules run with
// their permissions, the city's directory and the working calendar from their configuration.
import { DesktopApiError } from '../../src-shared/api/desktop';
import { createWorkingCalendar, type ExtraDay, type WorkingCalendar } from '../../src-shared/calendar';
import { makeDirectory, type Directory } from '../../src-shared/ticket';
import { knownSessions, lastSession, proveAction, type Session } from './session';
import type { SecretBox } from './secrets';
import type { LocalStore } from './store';
import type { RulesContext } from './tickets';

export interface View {
  session: Session;
  rules: RulesContext;
  directory: Directory;
  calendar: WorkingCalendar;
}

export interface SignedIn {
  readonly view: View | undefined;
  /** The view, or the refusal a screen shows when nobody is signed in. */
  require(): View;
  /** Works as this session from now on. */
  use(session: Session): void;
  /** Re-reads the earlier users of this workstation, whose pending actions the rules must still re-apply. */
  rereadEarlierUsers(): Promise<void>;
  signOut(): void;
  /** The hub refused the token: keep working locally, sync waits for a new login. */
  expireToken(): void;
  /** When the configuration was last fetched from the hub (0: fetch at the next sync). */
  configFetchedAt: number;
}

/** Resumes the last user's session, if any (unlocked offline until the hub confirms it). */
export async function createSignedIn(store: LocalStore, secrets: SecretBox): Promise<SignedIn> {
  let earlierUsers: Session[] = await knownSessions(store.db, secrets);
  let view: View | undefined;

  function makeView(session: Session): View {
    const directory = makeDirectory(session.config.directory as Parameters<typeof makeDirectory>[0]);
    const actors = new Map([...earlierUsers, session].map((s) => [s.config.actor.userId, s.config.actor]));
    return {
      session,
      directory,
      calendar: createWorkingCalendar({ extraDays: session.config.extraDays as ExtraDay[] }),
      rules: {
        actor: session.config.actor,
        decide: { directory, snowIceReferral: session.config.snowIceReferral },
        actorOf: (id) => actors.get(id),
        prove: session.grant ? (mutation) => proveAction(session.grant!, store.installationId, mutation) : undefined,
      },
    };
  }

  const previous = await lastSession(store.db, secrets);
  if (previous) view = makeView(previous);

  return {
    get view() {
      return view;
    },
    require() {
      if (!view) throw new DesktopApiError({ code: 'forbidden', message: 'Zaloguj się, aby pracować ze zgłoszeniami.' });
      return view;
    },
    use(session) {
      view = makeView(session);
    },
    async rereadEarlierUsers() {
      earlierUsers = await knownSessions(store.db, secrets);
    },
    signOut() {
      view = undefined;
    },
    expireToken() {
      if (view) view = { ...view, session: { ...view.session, token: '' } };
    },
    configFetchedAt: 0,
  };
}
