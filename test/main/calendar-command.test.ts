// `npm run admin -- calendar …`, called directly with a fake list of configured extra days.
import { describe, expect, it } from 'vitest';
import { calendarCommand } from '../../src-server/admin/calendar-command';
import type { ExtraDay } from '../../src-shared/calendar';

const extraDays: ExtraDay[] = [
  { date: '2026-12-31', kind: 'dayOff', reference: 'Zarządzenie nr 5678/2026 Prezydenta Miasta Łodzi', note: 'za 26 grudnia (sobota)' },
  { date: '2026-12-12', kind: 'workingDay', reference: 'Zarządzenie nr 5679/2026 Prezydenta Miasta Łodzi' },
];

async function run(args: string[], days: ExtraDay[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  let loads = 0;
  const code = await calendarCommand(args, {
    loadExtraDays: async () => {
      loads += 1;
      return days;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err: err.join('\n'), loads };
}

describe('calendar deadline', () => {
  it('prints one line: the deadline with the Warsaw offset and seconds', async () => {
    expect(await run(['deadline', '--from', '2026-04-03T10:00:00+02:00', '--working-days', '1'])).toMatchObject({
      code: 0,
      out: ['2026-04-07T17:00:00+02:00'],
      err: '',
    });
    expect((await run(['deadline', '--working-days', '2', '--from', '2026-10-23T08:00:00Z'])).out).toEqual(['2026-10-27T17:00:00+01:00']);
    expect((await run(['deadline', '--from', '2026-04-13T16:30+0200', '--working-days', '0'])).out).toEqual(['2026-04-14T17:00:00+02:00']);
  });

  it('uses the configured extra days', async () => {
    expect((await run(['deadline', '--from', '2026-12-30T10:00:00+01:00', '--working-days', '1'])).out).toEqual([
      '2026-12-31T16:00:00+01:00',
    ]);
    expect((await run(['deadline', '--from', '2026-12-30T10:00:00+01:00', '--working-days', '1'], extraDays)).out).toEqual([
      '2027-01-04T16:00:00+01:00',
    ]);
  });

  it.each([
    [['deadline', '--working-days', '1'], /Missing --from/],
    [['deadline', '--from', '2026-04-03T10:00:00+02:00'], /Missing --working-days/],
    [['deadline', '--from', '2026-04-03T10:00:00', '--working-days', '1'], /has no UTC offset/],
    [['deadline', '--from', '03.04.2026 10:00', '--working-days', '1'], /not an ISO 8601 date and time/],
    [['deadline', '--from', '2026-02-30T10:00:00+01:00', '--working-days', '1'], /not a real date/],
    [['deadline', '--from', '2026-04-03T10:00:00+02:00', '--working-days', '-1'], /whole number from 0/],
    [['deadline', '--from', '2026-04-03T10:00:00+02:00', '--working-days', '1.5'], /whole number from 0/],
    [['deadline', '--from', '2026-04-03T10:00:00+02:00', '--working-days', 'one'], /whole number from 0/],
    [['deadline', '--from', '0226-04-03T10:00:00+02:00', '--working-days', '1'], /years 2000–2099/],
    [['deadline', '--from', '2026-04-03T10:00:00+02:00', '--days', '1'], /Unexpected "--days"/],
    [['deadline', '--from'], /--from needs a value/],
  ])('%j is refused with exit code 2 and says what to fix', async (args, message) => {
    const result = await run(args);
    expect(result).toMatchObject({ code: 2, out: [], loads: 0 });
    expect(result.err).toMatch(message);
    expect(result.err).toContain('Usage:');
  });
});

describe('calendar is-working-time', () => {
  it('prints true or false', async () => {
    expect(await run(['is-working-time', '--at', '2026-04-14T16:30:00+02:00'])).toMatchObject({ code: 0, out: ['true'] });
    expect(await run(['is-working-time', '--at', '2026-04-13T16:30:00+02:00'])).toMatchObject({ code: 0, out: ['false'] });
    expect((await run(['is-working-time', '--at', '2026-04-06T10:00:00Z'])).out).toEqual(['false']); // Easter Monday
  });

  it('reads a time without an offset as Warsaw time', async () => {
    expect((await run(['is-working-time', '--at', '2026-03-30T07:30'])).out).toEqual(['false']);
    expect((await run(['is-working-time', '--at', '2026-03-30T08:00'])).out).toEqual(['true']);
  });

  it('uses the configured extra days', async () => {
    expect((await run(['is-working-time', '--at', '2026-12-12T10:00:00+01:00'], extraDays)).out).toEqual(['true']);
    expect((await run(['is-working-time', '--at', '2026-12-31T10:00:00+01:00'], extraDays)).out).toEqual(['false']);
  });

  it('refuses a missing or unparsable --at', async () => {
    expect(await run(['is-working-time'])).toMatchObject({ code: 2, err: expect.stringMatching(/Missing --at/) });
    expect(await run(['is-working-time', '--at', 'tomorrow'])).toMatchObject({ code: 2, err: expect.stringMatching(/not an ISO 8601/) });
  });
});

describe('calendar month', () => {
  it('prints the month in Polish with days off and why', async () => {
    const { code, out } = await run(['month', '2026-12'], extraDays);
    expect(code).toBe(0);
    expect(out[0]).toBe('Grudzień 2026 (czas Europe/Warsaw)');
    expect(out).toContain('2026-12-01  wtorek        08:00–17:00');
    expect(out).toContain('2026-12-02  środa         08:00–16:00');
    expect(out).toContain('2026-12-06  niedziela     wolne        weekend');
    expect(out).toContain('2026-12-12  sobota        08:00–16:00  dzień pracujący: Zarządzenie nr 5679/2026 Prezydenta Miasta Łodzi');
    expect(out).toContain('2026-12-24  czwartek      wolne        święto: Wigilia Bożego Narodzenia');
    expect(out).toContain('2026-12-26  sobota        wolne        święto: Drugi dzień Bożego Narodzenia');
    expect(out).toContain(
      '2026-12-31  czwartek      wolne        dzień wolny: Zarządzenie nr 5678/2026 Prezydenta Miasta Łodzi (za 26 grudnia (sobota))',
    );
    expect(out.filter((line) => line.startsWith('2026-12-'))).toHaveLength(31);
    // 21 statutory working days (5 Tuesdays of 9 h, 16 days of 8 h), + 12 December, − 31 December.
    expect(out.at(-1)).toBe('Dni robocze: 21, godziny pracy: 173');
  });

  it('refuses anything but one YYYY-MM month', async () => {
    expect(await run(['month', '2026-13'])).toMatchObject({ code: 2, err: expect.stringMatching(/YYYY-MM/) });
    expect(await run(['month'])).toMatchObject({ code: 2, err: expect.stringMatching(/YYYY-MM/) });
  });
});

describe('calendar', () => {
  it('refuses an unknown or missing command with the usage', async () => {
    expect(await run(['holidays'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Unknown calendar command "holidays"[\s\S]*Usage:/),
    });
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringMatching(/Name a calendar command/) });
  });
});
