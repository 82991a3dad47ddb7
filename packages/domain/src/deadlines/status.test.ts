import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { deadlineStatus, pausedMs, type DeadlineFacts } from './status.ts';

const vn = (local: string) => `${local.replace(' ', 'T')}:00+07:00`;
const open: DeadlineFacts = {
  state: 'processing',
  stateSince: vn('2026-12-07 09:00'),
  dueAt: vn('2026-12-10 17:00'),
  processedAt: null,
  returnedAt: null,
  finishedAt: null,
  supplementRequests: 0,
  countsLate: false,
};

describe('deadlineStatus', () => {
  const at = (facts: Partial<DeadlineFacts>, now: string) => deadlineStatus({ ...open, ...facts }, vn(now));

  test('open: within time up to the appointment, overdue after it', () => {
    assert.equal(at({}, '2026-12-10 17:00')?.status, 'within_time');
    assert.equal(at({}, '2026-12-10 17:01')?.status, 'overdue');
  });
  test('a paused file stands still at its request: not overdue however long the applicant takes', () => {
    const paused = { state: 'supplement_requested' as const, stateSince: vn('2026-12-09 10:00') };
    assert.equal(at(paused, '2027-01-15 09:00')?.status, 'within_time');
    assert.equal(
      at({ ...paused, stateSince: vn('2026-12-11 08:00') }, '2026-12-11 09:00')?.status,
      'overdue',
    );
  });
  test('finished: Đã xử lý xong counts before the return, early on a day before the appointment day', () => {
    const processed = { state: 'returned' as const, processedAt: vn('2026-12-09 10:00') };
    assert.deepEqual(at({ ...processed, returnedAt: vn('2026-12-14 08:00') }, '2026-12-20 08:00'), {
      status: 'early',
      reason: 'by_appointment',
    });
    assert.equal(at({ processedAt: vn('2026-12-10 16:00') }, '2026-12-20 08:00')?.status, 'on_time');
    assert.equal(at({ returnedAt: vn('2026-12-11 08:00') }, '2026-12-20 08:00')?.status, 'late');
    assert.equal(
      at({ state: 'withdrawn', finishedAt: vn('2026-12-08 08:00') }, '2026-12-20 08:00')?.status,
      'early',
    );
  });
  test('a second supplement request or an apology makes a file late', () => {
    assert.deepEqual(at({ supplementRequests: 2, processedAt: vn('2026-12-08 08:00') }, '2026-12-09 08:00'), {
      status: 'late',
      reason: 'second_supplement',
    });
    assert.deepEqual(at({ countsLate: true, processedAt: vn('2026-12-08 08:00') }, '2026-12-09 08:00'), {
      status: 'late',
      reason: 'apology',
    });
  });
  test('no appointment, no status', () => {
    assert.equal(at({ dueAt: null }, '2026-12-09 08:00'), null);
  });
  test('property: exactly one of the five buckets; finished files are never within time or overdue', () => {
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const instant = fc.integer({ min: 0, max: 400 * 86_400_000 }).map((ms) => new Date(t0 + ms));
    fc.assert(
      fc.property(instant, instant, fc.option(instant), fc.nat(3), fc.boolean(), (due, now, end, n, late) => {
        const result = deadlineStatus(
          { ...open, dueAt: due, processedAt: end, supplementRequests: n, countsLate: late },
          now,
        );
        assert.ok(result);
        const finished = end !== null && end.getTime() <= now.getTime();
        assert.equal(['early', 'on_time', 'late'].includes(result.status), finished);
      }),
    );
  });
});

test('pausedMs adds up each request until its supplement, and an open one until now', () => {
  const events = [
    { action: 'receive', at: vn('2026-12-07 09:00') },
    { action: 'request_supplement', at: vn('2026-12-07 10:00') },
    { action: 'supplement_received', at: vn('2026-12-08 10:00') },
    { action: 'request_supplement', at: vn('2026-12-09 10:00') },
  ];
  assert.equal(pausedMs(events, vn('2026-12-09 12:00')), 26 * 3_600_000);
  assert.equal(pausedMs(events.slice(0, 3), vn('2026-12-20 12:00')), 24 * 3_600_000);
  assert.equal(pausedMs([], vn('2026-12-20 12:00')), 0);
});
