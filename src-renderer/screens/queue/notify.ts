// Desktop notifications: the web Notification API, which the browser shows in preview mode and Electron
// turns into the system's own notification in the desktop window — the shell needs nothing more.
export function canNotify(): boolean {
  return typeof Notification !== 'undefined';
}

/** Asks once; a refusal is the user's choice and the screens keep showing everything. */
export async function askToNotify(): Promise<boolean> {
  if (!canNotify()) return false;
  if (Notification.permission === 'default') {
    try {
      await Notification.requestPermission();
    } catch {
      return false;
    }
  }
  return Notification.permission === 'granted';
}

export function notify(title: string, body: string, tag: string): void {
  if (!canNotify() || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body, tag, lang: 'pl' });
  } catch {
    // Some shells allow notifications only from a service worker; the queue on screen still shows it.
  }
}
