// Listens to the hub's poke stream (server-sent events) and asks for a sync at each poke.
import { hubFetch } from './hub-trust';
export interface PokeListener {
  readonly running: boolean;
  stop(): void;
}

export function startPokeListener(
  hubUrl: string,
  token: string,
  onPoke: () => void,
  log: (msg: string, err?: unknown) => void,
): PokeListener {
  const abort = new AbortController();
  const state = { running: true };
  void (async () => {
    try {
      const res = await hubFetch(new URL('/sync/poke', hubUrl), { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
      if (!res.ok || !res.body) return;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (value.includes('event: poke')) onPoke();
      }
    } catch (err) {
      if (!abort.signal.aborted) log('poke stream closed', err instanceof Error ? err.message : err);
    } finally {
      // The next successful sync cycle opens a new stream.
      state.running = false;
    }
  })();
  return {
    get running() {
      return state.running;
    },
    stop() {
      state.running = false;
      abort.abort();
    },
  };
}
