// Saved views: a user's named filter sets per queue, kept on this workstation (local storage).
import type { QueueName, QueueQuery } from '../../../src-shared/api/desktop';

export interface SavedView {
  name: string;
  query: QueueQuery;
}

const key = (userId: string, queue: QueueName) => `usterka.queue-views.${userId}.${queue}`;

export function loadViews(userId: string, queue: QueueName): SavedView[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(key(userId, queue)) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as SavedView[]).filter((v) => typeof v?.name === 'string' && typeof v.query === 'object') : [];
  } catch {
    return [];
  }
}

/** Saves (or replaces by name) a view; returns the list in Polish order. */
export function saveView(userId: string, queue: QueueName, view: SavedView): SavedView[] {
  const views = [...loadViews(userId, queue).filter((v) => v.name !== view.name), view].sort((a, b) => a.name.localeCompare(b.name, 'pl'));
  localStorage.setItem(key(userId, queue), JSON.stringify(views));
  return views;
}

export function deleteView(userId: string, queue: QueueName, name: string): SavedView[] {
  const views = loadViews(userId, queue).filter((v) => v.name !== name);
  localStorage.setItem(key(userId, queue), JSON.stringify(views));
  return views;
}
