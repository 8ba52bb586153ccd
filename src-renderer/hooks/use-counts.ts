import { useEffect, useRef, useState } from 'react';
import { desktop } from '../api/desktop-client';
import type { NavItem } from '../screens/navigation';

/** How many tickets wait in each view's queue, refreshed when tickets change. */
export function useCounts(items: NavItem[]): Record<string, number> {
  const [counts, setCounts] = useState<Record<string, number>>({});
  const key = items.map((i) => i.countOf ?? '').join(',');
  const itemsRef = useRef(items);
  itemsRef.current = items;
  useEffect(() => {
    const counted = itemsRef.current.filter((i) => i.countOf);
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function load() {
      const entries = await Promise.all(
        counted.map(async (item) => {
          try {
            const total =
              item.countOf === 'toResolve'
                ? (await desktop.call('outbox.toResolve', {})).length
                : (await desktop.call('tickets.queue', { queue: item.countOf!, limit: 1 })).total;
            return [item.id, total] as const;
          } catch {
            return [item.id, -1] as const;
          }
        }),
      );
      if (live) setCounts(Object.fromEntries(entries.filter(([, n]) => n >= 0)));
    }
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 250);
    };
    void load();
    const off = [desktop.on('tickets.changed', soon), desktop.on('replay.finished', soon)];
    return () => {
      live = false;
      clearTimeout(timer);
      off.forEach((f) => f());
    };
  }, [key]);
  return counts;
}
