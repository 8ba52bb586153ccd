// Tells the user when work arrives without a click: a ticket new in their incoming queues, one returned
// to them, and (once a day) how many are due today. The queues themselves refresh on the core's events.
import { useEffect } from 'react';
import type { QueueName, QueueRow } from '../../../src-shared/api/desktop';
import { desktop } from '../../api/desktop-client';
import { askToNotify, notify } from './notify';

/** Which queue's newcomers are worth a notification, and how to say it. */
const WATCHED: Partial<Record<QueueName, { title: string; dueToday?: boolean }>> = {
  webPickup: { title: 'Nowy formularz WWW' },
  returnedToOperator: { title: 'Zgłoszenie zwrócone do operatora' },
  partialCompetence: { title: 'Zgłoszenie do powielenia' },
  coordinatorIncoming: { title: 'Nowe zgłoszenie', dueToday: true },
  coordinatorReturned: { title: 'Zgłoszenie zwrócone przez realizatora' },
  coordinatorTakenUp: { title: '', dueToday: true },
  realizerIncoming: { title: 'Nowe zgłoszenie do realizacji', dueToday: true },
  realizerInProgress: { title: '', dueToday: true },
};

const newestFirst = { sort: { column: 'received' as const, direction: 'desc' as const } };

export function useArrivalNotifications(queues: QueueName[]): void {
  const key = queues.join(',');
  useEffect(() => {
    const watched = key.split(',').filter((q) => WATCHED[q as QueueName]?.title) as QueueName[];
    const dueWatched = key.split(',').filter((q) => WATCHED[q as QueueName]?.dueToday) as QueueName[];
    if (watched.length === 0 && dueWatched.length === 0) return;
    let live = true;
    const known = new Map<QueueName, Set<string>>();
    const page = (queue: QueueName) => desktop.call('tickets.queue', { queue, query: newestFirst, limit: 50 }).then((p) => p.rows);

    async function check() {
      for (const queue of watched) {
        let rows: QueueRow[];
        try {
          rows = await page(queue);
        } catch {
          continue;
        }
        if (!live) return;
        const seen = known.get(queue);
        const fresh = seen ? rows.filter((r) => !seen.has(r.number)) : [];
        known.set(queue, new Set([...(seen ?? []), ...rows.map((r) => r.number)]));
        if (fresh.length === 1) notify(WATCHED[queue]!.title, `${fresh[0]!.number}: ${fresh[0]!.subject}`, `${queue}-${fresh[0]!.number}`);
        else if (fresh.length > 1)
          notify(
            `${WATCHED[queue]!.title} (${fresh.length})`,
            fresh
              .slice(0, 3)
              .map((r) => r.number)
              .join(', '),
            `${queue}-many`,
          );
      }
    }

    async function dueToday() {
      const day = new Date().toISOString().slice(0, 10);
      const marker = `usterka.notified-due.${day}`;
      if (sessionStorage.getItem(marker)) return;
      let total = 0;
      for (const queue of dueWatched) {
        try {
          total += (await desktop.call('tickets.queueCounts', { queue, query: { deadline: ['dueToday'] } })).total;
        } catch {
          // counted next time
        }
      }
      if (live && total > 0) {
        notify('Termin dziś', `${total} zgłoszeń ma dziś termin — lista „Termin dziś” w kolejce.`, `due-${day}`);
        sessionStorage.setItem(marker, '1');
      }
    }

    let timer: ReturnType<typeof setTimeout> | undefined;
    void askToNotify().then(() => Promise.all([check(), dueToday()]));
    const off = desktop.on('tickets.changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void check(), 50);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      off();
    };
  }, [key]);
}
