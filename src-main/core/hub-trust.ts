// Which certificates the workstation trusts for the hub: the public authorities Node knows, plus the city's
// own authority when the configuration names one (caFile). Electron's fuses refuse NODE_EXTRA_CA_CERTS, so the
// trust is given to every request to the hub here, not through the environment.
import { rootCertificates } from 'node:tls';
import { Agent } from 'undici';

let dispatcher: Agent | undefined;

/** Trusts the authorities in this PEM text besides the public ones, for every later request to the hub (none: public only). */
export function trustHubAuthorities(caPem: string | undefined): void {
  void dispatcher?.close();
  dispatcher = caPem ? new Agent({ connect: { ca: [...rootCertificates, caPem] } }) : undefined;
}

/** `fetch` for requests to the hub, with the configured trust. */
export function hubFetch(url: URL, init: RequestInit = {}): Promise<Response> {
  // Node's fetch takes an undici dispatcher beside the standard options.
  return fetch(url, dispatcher ? ({ ...init, dispatcher } as RequestInit) : init);
}
