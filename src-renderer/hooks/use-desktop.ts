// Reading from the desktop API in screens: a request's result kept fresh when tickets change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestArgs, RequestName, RequestResult } from '../../src-shared/api/desktop';
import { desktop } from '../api/desktop-client';

export interface Loaded<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload(): void;
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Calls `name` with `args` (skipped while `args` is null) and again whenever the core says tickets
 * changed, so queues and open tickets follow commands and pulls.
 */
export function useDesktopQuery<N extends RequestName>(
  name: N,
  args: RequestArgs<N> | null,
  opts: { refreshOnChange?: boolean } = {},
): Loaded<RequestResult<N>> {
  const [state, setState] = useState<{ data?: RequestResult<N>; error?: string; loading: boolean }>({ loading: args !== null });
  const key = args === null ? null : JSON.stringify(args);
  const seq = useRef(0);
  const argsRef = useRef(args);
  argsRef.current = args;

  const run = useCallback(() => {
    const current = argsRef.current;
    if (current === null) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    desktop.call(name, current).then(
      (data) => mine === seq.current && setState({ data, loading: false }),
      (err: unknown) => mine === seq.current && setState({ error: errorText(err), loading: false }),
    );
  }, [name]);

  useEffect(() => {
    if (key === null) {
      seq.current++;
      setState({ loading: false });
      return;
    }
    run();
  }, [key, run]);

  const refresh = opts.refreshOnChange ?? true;
  useEffect(() => {
    if (!refresh || key === null) return;
    // A configuration change (an extra day off, a renamed group) changes deadlines and names shown too.
    const off = [desktop.on('tickets.changed', () => run()), desktop.on('config.changed', () => run())];
    return () => off.forEach((f) => f());
  }, [refresh, key, run]);

  return { ...state, reload: run };
}
