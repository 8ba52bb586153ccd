// Signing in and out, and the signed-in user's configuration.
import { z } from 'zod';
import type { WorkstationConfig } from '../../../src-shared/api/desktop';
import { hubRequest } from '../hub-client';
import { adoptReplica } from '../replica-owner';
import { login, signOut } from '../session';
import type { CoreContext, HandlerSlice } from './context';

export function sessionHandlers(
  ctx: Pick<CoreContext, 'hubUrl' | 'store' | 'secrets' | 'now' | 'signedIn' | 'requestSync' | 'stopPokes'>,
): HandlerSlice<'session.login' | 'session.current' | 'session.logout' | 'config.get'> {
  const { store, signedIn } = ctx;
  return {
    'session.login': async ({ login: userLogin, password, newPassword }) => {
      const session = await login(
        store.db,
        ctx.secrets,
        ctx.hubUrl,
        userLogin,
        password,
        { id: store.installationId, key: store.installationKey },
        new Date(ctx.now()),
        newPassword,
      );
      await signedIn.rereadEarlierUsers();
      await adoptReplica(store.db, session.config.actor);
      signedIn.use(session);
      signedIn.configFetchedAt = session.offline ? 0 : ctx.now();
      void ctx.requestSync();
      return session.user;
    },
    'session.current': () => signedIn.view?.session.user ?? null,
    'session.logout': async () => {
      const ending = signedIn.view?.session;
      signedIn.signOut();
      ctx.stopPokes();
      await signOut(store.db);
      // Best effort: an unreachable hub lets the session expire on its own.
      if (ending?.token) await hubRequest(ctx.hubUrl, '/auth/logout', z.null(), { method: 'POST', token: ending.token }).catch(() => {});
      return null;
    },
    'config.get': () => (signedIn.view ? (signedIn.view.session.config as WorkstationConfig) : null),
  };
}
