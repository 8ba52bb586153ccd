// Administration: every `admin.<name>` request goes to the hub's `/admin/<name>` with the user's session (the
// hub decides who may), and its refusal comes back with its message and field for the form. Never offline:
// the city's configuration is one, kept at the hub.
import { adminOperations, type AdminOperationName, type AdminRequestName } from '../../../src-shared/api/admin';
import { DesktopApiError, type ApiErrorBody } from '../../../src-shared/api/desktop';
import { hubRequest, HubRequestError } from '../hub-client';
import type { CoreContext, HandlerSlice } from './context';

export function adminHandlers(ctx: Pick<CoreContext, 'hubUrl' | 'signedIn' | 'requestSync'>): HandlerSlice<AdminRequestName> {
  const forward = (name: AdminOperationName) => async (args: unknown) => {
    const token = ctx.signedIn.require().session.token;
    if (!token)
      throw new DesktopApiError({
        code: 'unavailable',
        message: 'Administracja działa tylko z połączeniem z centralą — zaloguj się ponownie.',
      });
    const op = adminOperations[name];
    try {
      const result = await hubRequest(ctx.hubUrl, `/admin/${name}`, op.result, { body: args, token, timeoutMs: 120_000 });
      // This workstation picks up its own change at once (the hub's version moved).
      if (op.access !== 'read') void ctx.requestSync();
      return result;
    } catch (err) {
      throw new DesktopApiError(adminFailure(err));
    }
  };
  return Object.fromEntries(
    (Object.keys(adminOperations) as AdminOperationName[]).map((name) => [`admin.${name}`, forward(name)]),
  ) as unknown as HandlerSlice<AdminRequestName>;
}

function adminFailure(err: unknown): ApiErrorBody {
  if (!(err instanceof HubRequestError)) return { code: 'internal', message: 'Nie udało się wykonać czynności administracyjnej.' };
  if (err.status === 'unreachable' || err.status >= 500)
    return {
      code: 'unavailable',
      message: `Centrala jest nieosiągalna lub zgłosiła błąd — nic nie zmieniono, spróbuj ponownie (${err.message}).`,
    };
  if (err.status === 401) return { code: 'forbidden', message: 'Sesja w centrali wygasła — zaloguj się ponownie.' };
  if (err.status === 403) return { code: 'forbidden', message: err.body?.message ?? 'Brak uprawnień.' };
  if (err.status === 413)
    return { code: 'invalidInput', field: 'file', message: 'Plik jest za duży — tabela konfiguracyjna ma najwyżej 1 MB.' };
  return { code: 'invalidInput', message: err.body?.message ?? err.message, ...(err.body?.field ? { field: err.body.field } : {}) };
}
