import { describe, expect, it } from 'vitest';
import { retentionCutoff, retentionEnds } from '../../src-shared/ticket';

describe('personal-data retention', () => {
  it('P§27.1 keeps personal data 6 months not counting the month of registration (Warsaw months)', () => {
    // Registered in April (Warsaw): May…October count, the data goes on 1 November, 00:00 Warsaw (CET).
    expect(retentionEnds('2026-04-15T08:00:00.000Z').toISOString()).toBe('2026-10-31T23:00:00.000Z');
    // 30 April 22:00 Warsaw is still April.
    expect(retentionEnds('2026-04-30T20:00:00.000Z').toISOString()).toBe('2026-10-31T23:00:00.000Z');
    // 1 May 00:30 Warsaw is May, though still 30 April in UTC: one month more.
    expect(retentionEnds('2026-04-30T22:30:00.000Z').toISOString()).toBe('2026-11-30T23:00:00.000Z');
    // Registered in December: January…June count, the data goes on 1 July, 00:00 Warsaw (CEST).
    expect(retentionEnds('2026-12-31T12:00:00.000Z').toISOString()).toBe('2027-06-30T22:00:00.000Z');
  });

  it('P§27.1 the query cutoff agrees with the per-ticket end, on both sides of a month boundary', () => {
    for (const registeredAt of [
      '2026-04-30T20:00:00.000Z',
      '2026-04-30T22:30:00.000Z',
      '2026-01-01T00:00:00.000Z',
      '2026-07-15T10:00:00.000Z',
    ]) {
      const ends = retentionEnds(registeredAt);
      for (const now of [new Date(ends.getTime() - 1), ends, new Date(ends.getTime() + 86_400_000)]) {
        expect(new Date(registeredAt) < retentionCutoff(now), `${registeredAt} at ${now.toISOString()}`).toBe(ends <= now);
      }
    }
  });
});
