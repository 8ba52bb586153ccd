// The signed-in user of this workstation and their hub session.
import { DesktopApiError, type SessionUser } from '../../src-shared/api/desktop';
import { LoginResponse } from '../../src-shared/api/hub';
import { formatWarsawTime } from '../../src-shared/format';
import { hubRequest, HubRequestError } from './hub-client';

export interface Session {
  user: SessionUser;
  token: string;
  expiresAt: string;
}

export async function loginAtHub(hubUrl: string, login: string, password: string, installationId: string): Promise<Session> {
  try {
    const res = await hubRequest(hubUrl, '/auth/login', LoginResponse, { body: { login, password, installationId } });
    return { user: res.user, token: res.token, expiresAt: res.expiresAt };
  } catch (err) {
    throw new DesktopApiError(loginFailure(err));
  }
}

function loginFailure(err: unknown): DesktopApiError['body'] {
  if (!(err instanceof HubRequestError)) return { code: 'internal', message: 'Nie udało się zalogować.' };
  if (err.status === 'unreachable') {
    return { code: 'unavailable', message: 'Centrala jest nieosiągalna, a na tym stanowisku nie można jeszcze zalogować się bez niej.' };
  }
  if (err.status === 429) {
    const until = (err.body as { retryAfter?: string } | undefined)?.retryAfter;
    return {
      code: 'forbidden',
      message: `Zbyt wiele nieudanych prób logowania. Konto jest zablokowane${until ? ` do ${formatWarsawTime(until)}` : ' na kilka minut'}.`,
    };
  }
  if (err.status === 401) return { code: 'forbidden', message: 'Nieprawidłowy login lub hasło.' };
  return { code: 'unavailable', message: `Centrala nie przyjęła logowania (${err.message}).` };
}
