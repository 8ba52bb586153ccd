// The protocol 2 pull page: lines the hub writes and a workstation reads without parsing ticket texts.
import { describe, expect, it } from 'vitest';
import { readPullPage, ticketLines, writePullPage, type PullEnvelope, type TicketRow } from '../../src-shared/api/sync';

const envelope: PullEnvelope = { cursor: '42', more: false, lastMutationId: 7, extraDays: [] };
const row: TicketRow = {
  number: '2026/000012',
  status: 'registered',
  unitId: null,
  coordinatorGroupId: null,
  realizerGroupId: null,
  categoryId: 'roads',
  receivedAt: '2026-03-02T09:00:00.000Z',
  forwardedAt: null,
  routedGroupIds: [],
  routedUnitIds: [],
  phone: '600 700 800',
  address: 'ul. Piotrkowska 104, Łódź',
};
const text = '{"number":"2026/000012","subject":"Dziura w jezdni \\"na zakręcie\\"","note":"linia 1\\nlinia 2"}';

describe('protocol 2 pull page', () => {
  it("carries each ticket's text exactly as stored, its row, and tombstones, in order", () => {
    const page = writePullPage(envelope, [
      ticketLines(JSON.stringify(row), text),
      JSON.stringify({ kind: 'tombstone', number: '2026/000013' }),
    ]);
    expect(readPullPage(page)).toEqual({
      ...envelope,
      changes: [
        { kind: 'ticket', row, text },
        { kind: 'tombstone', number: '2026/000013' },
      ],
    });
  });

  it('keeps a page one ticket per line even when a stored text was written with line breaks', () => {
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    const read = readPullPage(writePullPage(envelope, [ticketLines(JSON.stringify(row), pretty)]));
    expect(read.changes).toHaveLength(1);
    expect(JSON.parse((read.changes[0] as { text: string }).text)).toEqual(JSON.parse(text));
  });

  it('an empty page is just its envelope', () => {
    expect(readPullPage(writePullPage({ ...envelope, more: false }, []))).toEqual({ ...envelope, changes: [] });
  });

  it('refuses a page it cannot read, naming the line, instead of storing half of it', () => {
    const cutOff = writePullPage(envelope, [ticketLines(JSON.stringify(row), text)])
      .split('\n')
      .slice(0, 2)
      .join('\n');
    expect(() => readPullPage(cutOff)).toThrow('Line 2');
    expect(() => readPullPage(writePullPage(envelope, ['{"kind":"ticket","ticket":{}}']))).toThrow('Line 2');
    expect(() => readPullPage('{"changes":[]}')).toThrow();
  });
});
