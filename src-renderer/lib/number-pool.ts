// The super-supervisor's alert when the year's ticket numbers run low (the hub sends the pool in the configuration).
import type { WorkstationConfig } from '../../src-shared/api/desktop';

type Pool = NonNullable<WorkstationConfig['numberPool']>;

const count = (n: number) => n.toLocaleString('pl-PL');

/** "Zostało tylko 49 999 numerów…" in correct Polish; undefined while the pool is not low. */
export function numberPoolAlertText(pool: Pool | undefined): { severity: 'warning' | 'error'; text: string } | undefined {
  if (!pool?.low) return undefined;
  const after =
    'Gdy się skończą, nie będzie można rejestrować nowych zgłoszeń (także z formularza WWW) — powiadom administratora centrali.';
  if (pool.remaining === 0) {
    return {
      severity: 'error',
      text: `Skończyły się numery zgłoszeń na rok ${pool.year} — nowych zgłoszeń nie można zarejestrować. Powiadom administratora centrali.`,
    };
  }
  const n = pool.remaining;
  const tens = n % 100;
  const few = n % 10 >= 2 && n % 10 <= 4 && (tens < 12 || tens > 14);
  const left =
    n === 1
      ? 'Został tylko 1 numer zgłoszenia'
      : few
        ? `Zostały tylko ${count(n)} numery zgłoszeń`
        : `Zostało tylko ${count(n)} numerów zgłoszeń`;
  return { severity: n < 5_000 ? 'error' : 'warning', text: `${left} na rok ${pool.year} (z ${count(999_999)}). ${after}` };
}
