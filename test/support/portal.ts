// The web form as a city portal posts it: with a portal key the admin issued (POST /intake/web-form).
import type { CentralDb } from '../../src-server/db/connect';
import { addPortal } from '../../src-server/portals';

let portals = 0;

/** Adds a portal (a fresh name each call) and returns its key, as `npm run admin -- portal add` prints it. */
export async function portalKey(db: CentralDb, name = `portal-${process.pid}-${++portals}`): Promise<string> {
  return (await addPortal(db, name)).key;
}

/** Posts a web form with the portal's key (none: without the header). */
export function postWebForm(hubUrl: string, key: string | undefined, body: object): Promise<Response> {
  return fetch(`${hubUrl}/intake/web-form`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
}
