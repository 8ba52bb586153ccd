import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type DesktopHandlers } from '../../src-shared/api/dispatch';
import { createDesktopClient } from '../../src-shared/api/client';
import { DesktopApiError, desktopRequests } from '../../src-shared/api/desktop';

const user = { id: 'u1', login: 'anna', displayName: 'Anna', roles: ['operator'] };
function handlers(overrides: Partial<DesktopHandlers> = {}): DesktopHandlers {
  const state = { state: 'online' as const, since: '2026-11-30T09:00:00.000Z', hubUrl: 'http://127.0.0.1:1', pendingActions: 0 };
  const unused = Object.fromEntries(
    Object.keys(desktopRequests).map((name) => [name, () => Promise.reject(new Error(`${name} is not used in this test`))]),
  ) as unknown as DesktopHandlers;
  return {
    ...unused,
    'app.info': () => ({ version: '0.1.0', shell: 'preview', installationId: '9d1c0a5e-7c0e-4f7e-9d2a-6f1f6f0f0f0f' }),
    'connection.get': () => state,
    'connection.check': () => state,
    'session.login': () => user,
    'session.current': () => null,
    'session.logout': () => null,
    ...overrides,
  };
}

describe('desktop API dispatch (main side)', () => {
  it('validates arguments before the handler runs and names the bad field', async () => {
    const login = vi.fn(() => user);
    const dispatch = createDispatcher(handlers({ 'session.login': login }), () => {});
    const res = await dispatch('session.login', { login: 'anna', password: '' });
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalidInput', field: 'password' }) });
    expect(login).not.toHaveBeenCalled();
    expect(await dispatch('app.info', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
  });

  it('refuses unknown request names, including prototype keys', async () => {
    const dispatch = createDispatcher(handlers(), () => {});
    for (const name of ['nope', 'toString', '__proto__', 42]) {
      expect(await dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'unknownRequest' } });
    }
  });

  it('turns a handler failure into an error envelope and logs the unexpected ones', async () => {
    const logged = vi.fn();
    const dispatch = createDispatcher(
      handlers({
        'session.login': () => {
          throw new DesktopApiError({ code: 'forbidden', message: 'Nieprawidłowy login lub hasło.' });
        },
        'session.current': () => {
          throw new Error('disk on fire');
        },
      }),
      logged,
    );
    expect(await dispatch('session.login', { login: 'a', password: 'b' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Nieprawidłowy login lub hasło.' },
    });
    expect(await dispatch('session.current', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('the client over any transport returns results and throws DesktopApiError for errors', async () => {
    const dispatch = createDispatcher(handlers(), () => {});
    const client = createDesktopClient({ invoke: dispatch, subscribe: () => () => {} });
    expect(await client.call('session.login', { login: 'anna', password: 'x' })).toEqual(user);
    await expect(client.call('session.login', { login: '', password: 'x' })).rejects.toBeInstanceOf(DesktopApiError);
  });
});
