// The renderer's side of the desktop API: one typed client over any transport, so screens never
// know whether they talk to Electron's IPC or to the preview mode's loopback bridge.
import {
  DesktopApiError,
  type ApiEnvelope,
  type DesktopEvent,
  type EventName,
  type EventPayload,
  type RequestArgs,
  type RequestName,
  type RequestResult,
} from './desktop';

export interface DesktopTransport {
  invoke(name: string, args: unknown): Promise<ApiEnvelope>;
  /** Calls `listener` with every event from the main process; returns the unsubscribe function. */
  subscribe(listener: (event: DesktopEvent) => void): () => void;
}

export interface DesktopClient {
  call<N extends RequestName>(name: N, args: RequestArgs<N>): Promise<RequestResult<N>>;
  on<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void;
}

export function createDesktopClient(transport: DesktopTransport): DesktopClient {
  return {
    async call(name, args) {
      const envelope = await transport.invoke(name, args);
      if (!envelope.ok) throw new DesktopApiError(envelope.error);
      return envelope.result as never;
    },
    on(name, handler) {
      return transport.subscribe((event) => {
        if (event.name === name) handler(event.payload as never);
      });
    },
  };
}
