// A queue's rows in windows of WINDOW, fetched from the core as the list scrolls to them and fetched
// again when tickets change (a pull, a command): every ticket of a queue is reachable without a cap.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueName, QueueQuery, QueueRow } from '../../../src-shared/api/desktop';
import { desktop } from '../../api/desktop-client';
import { errorText } from '../../hooks/use-desktop';

export const WINDOW = 100;

export interface QueueRows {
  /** Tickets counted so far (the core counts a horizon past each window asked for). */
  total?: number;
  /** There are more than `total`: scrolling on counts further. */
  more: boolean;
  row(index: number): QueueRow | undefined;
  /** Makes sure the windows covering these indexes are loaded. */
  want(from: number, to: number): void;
  error?: string;
  /** Bumps whenever loaded rows change (for memoised consumers). */
  version: number;
  reload(): void;
}

export function useQueueRows(queue: QueueName, query: QueueQuery, active: boolean): QueueRows {
  const windows = useRef(new Map<number, QueueRow[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  // Each window's answer says how far the core counted from it; the list is as long as the farthest count.
  const counted = useRef(new Map<number, { total: number; more: boolean }>());
  const [total, setTotal] = useState<number>();
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  const key = JSON.stringify([queue, query]);
  const argsRef = useRef({ queue, query });
  argsRef.current = { queue, query };

  const fetchWindow = useCallback(async (w: number) => {
    const gen = generation.current;
    loading.current.add(w);
    try {
      const page = await desktop.call('tickets.queue', { ...argsRef.current, limit: WINDOW, offset: w * WINDOW });
      if (gen !== generation.current) return;
      windows.current.set(w, page.rows);
      counted.current.set(w, { total: page.total, more: page.more });
      const farthest = [...counted.current.values()].reduce((a, b) => (b.total > a.total ? b : a));
      setTotal(farthest.total);
      setMore(farthest.more);
      setError(undefined);
      setVersion((v) => v + 1);
    } catch (err) {
      if (gen === generation.current) setError(errorText(err));
    } finally {
      loading.current.delete(w);
    }
  }, []);

  /** Everything loaded is fetched again (the first window at least), keeping what is shown until the answers come. */
  const refresh = useCallback(() => {
    generation.current++;
    loading.current.clear();
    const loaded = [...windows.current.keys()];
    for (const w of loaded.length ? loaded : [0]) void fetchWindow(w);
  }, [fetchWindow]);

  useEffect(() => {
    if (!active) return;
    windows.current.clear();
    counted.current.clear();
    setTotal(undefined);
    refresh();
  }, [key, active, refresh]);

  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 100);
    };
    const off = [desktop.on('tickets.changed', soon), desktop.on('replay.finished', soon)];
    return () => {
      clearTimeout(timer);
      off.forEach((f) => f());
    };
  }, [active, refresh]);

  const want = useCallback(
    (from: number, to: number) => {
      for (let w = Math.floor(Math.max(0, from) / WINDOW); w <= Math.floor(Math.max(0, to) / WINDOW); w++) {
        if (!windows.current.has(w) && !loading.current.has(w)) void fetchWindow(w);
      }
    },
    [fetchWindow],
  );
  const row = useCallback((index: number) => windows.current.get(Math.floor(index / WINDOW))?.[index % WINDOW], []);
  return { total, more, row, want, error, version, reload: refresh };
}
