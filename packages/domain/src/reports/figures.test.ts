import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fileFactsArbitrary } from './figures.test-support.ts';
import { countFigures, fileFigures, type FileFacts, type FileFigure } from './figures.ts';
import { addCounts, emptySummaryCounts, percent, summaryProblems, summaryRates } from './summary.ts';

const vn = (local: string) => `${local.replace(' ', 'T')}:00+07:00`;
// Quý IV năm 2024, reported on 15 January 2025.
const Q4 = { from: vn('2024-10-01 00:00'), to: vn('2025-01-01 00:00') };
const NOW = vn('2025-01-15 09:00');

const base: FileFacts = {
  state: 'returned',
  channel: 1,
  receivedAt: vn('2024-11-04 08:00'),
  dueAt: vn('2024-11-08 17:00'),
  processedAt: vn('2024-11-08 10:00'),
  finishedAt: vn('2024-11-08 15:00'),
  returnedAt: vn('2024-11-08 15:00'),
  returnChannel: 'counter',
  updatedAt: vn('2024-11-08 15:00'),
  supplementRequests: 0,
  countsLate: false,
  documents: 2,
  documentsScanned: 2,
  documentsReused: 0,
  resultDigitized: true,
  disliked: false,
};

const figures = (patch: Partial<FileFacts>, now = NOW, period = Q4) =>
  [...fileFigures({ ...base, ...patch }, period, now)].sort();
const sorted = (...f: FileFigure[]) => [...f].sort();

test('a file received and resolved on the due day in the period', () => {
  assert.deepEqual(
    figures({}),
    sorted(
      'received',
      'new',
      'new_counter',
      'resolved',
      'on_time',
      'records_digitized',
      'result_ready',
      'result_digitized',
      'digitized',
    ),
  );
});

test('early = a day before the appointment day; late = after the appointment instant', () => {
  assert.ok(figures({ processedAt: vn('2024-11-07 16:00') }).includes('early'));
  assert.ok(figures({ processedAt: vn('2024-11-08 17:00') }).includes('on_time'));
  assert.ok(figures({ processedAt: vn('2024-11-08 17:01') }).includes('late'));
  // No result ready: the return (finished_at) ends processing.
  assert.ok(figures({ processedAt: null, finishedAt: vn('2024-11-11 08:00') }).includes('late'));
});

test('a second supplement request or an apology makes a file late however it ends', () => {
  assert.ok(figures({ supplementRequests: 2 }).includes('late'));
  assert.ok(figures({ supplementRequests: 1 }).includes('on_time'));
  assert.ok(figures({ countsLate: true, processedAt: vn('2024-11-05 08:00') }).includes('late'));
});

test('without a time limit a resolved file is on time', () => {
  assert.ok(
    figures({ dueAt: null, processedAt: vn('2025-06-01 08:00'), finishedAt: null }, vn('2025-07-01 08:00'), {
      from: vn('2025-06-01 00:00'),
      to: vn('2025-07-01 00:00'),
    }).includes('on_time'),
  );
});

test('carried over: received before the period, not ended before it', () => {
  const carried = figures({ receivedAt: vn('2024-09-25 10:00') });
  assert.ok(carried.includes('carried') && carried.includes('resolved'));
  assert.ok(!carried.includes('new') && !carried.includes('digitized'), 'digitization counts new files');
  assert.deepEqual(
    figures({ receivedAt: vn('2024-09-25 10:00'), processedAt: vn('2024-09-30 16:00') }),
    [],
    'ended in Q3: not in Q4',
  );
  assert.deepEqual(figures({ receivedAt: vn('2025-01-02 08:00') }), [], 'received after the period');
  assert.deepEqual(figures({ receivedAt: null, state: 'refused_at_intake' }), [], 'never received');
});

test('period boundaries are half-open at Vietnam midnight', () => {
  assert.ok(figures({ receivedAt: vn('2024-10-01 00:00') }).includes('new'));
  assert.ok(figures({ receivedAt: vn('2024-09-30 23:59') }).includes('carried'));
  const endsAtMidnight = figures({
    receivedAt: vn('2024-12-30 08:00'),
    dueAt: vn('2025-01-03 17:00'),
    processedAt: vn('2025-01-01 00:00'),
  });
  assert.ok(endsAtMidnight.includes('in_progress'), 'ended at 00:00 of the next period');
});

test('in progress at the end of the period: within time or overdue', () => {
  const open = { processedAt: null, finishedAt: null, returnedAt: null, state: 'processing' as const };
  assert.ok(figures({ ...open, dueAt: vn('2025-01-20 17:00') }).includes('within_time'));
  assert.ok(figures({ ...open, dueAt: vn('2024-12-31 17:00') }).includes('overdue'), 'due before the end');
  // Ended after the period: counted in progress as of its end.
  assert.ok(
    figures({ dueAt: vn('2025-01-03 17:00'), processedAt: vn('2025-01-02 08:00') }).includes('within_time'),
  );
  assert.ok(figures({ ...open, supplementRequests: 2, dueAt: vn('2025-03-01 17:00') }).includes('overdue'));
});

test('a current period is reported as of now', () => {
  const open = { processedAt: null, finishedAt: null, returnedAt: null, state: 'processing' as const };
  const dec = { from: vn('2024-12-01 00:00'), to: vn('2025-01-01 00:00') };
  const midDecember = vn('2024-12-10 09:00');
  assert.ok(figures({ ...open, dueAt: vn('2024-12-20 17:00') }, midDecember, dec).includes('within_time'));
  assert.ok(figures({ ...open, dueAt: vn('2024-12-09 17:00') }, midDecember, dec).includes('overdue'));
});

test('a file waiting for a supplement does not become overdue while it waits', () => {
  const paused = {
    processedAt: null,
    finishedAt: null,
    returnedAt: null,
    state: 'supplement_requested' as const,
    supplementRequests: 1,
    dueAt: vn('2024-12-20 17:00'),
  };
  assert.ok(figures({ ...paused, updatedAt: vn('2024-12-18 10:00') }).includes('within_time'));
  assert.ok(
    figures({ ...paused, updatedAt: vn('2024-12-23 10:00') }).includes('overdue'),
    'paused when late',
  );
});

test('refused, stopped and withdrawn files are resolved, and named', () => {
  for (const state of ['refused', 'stopped', 'withdrawn'] as const) {
    const f = figures({ state, processedAt: null, finishedAt: vn('2024-11-06 10:00') });
    assert.ok(f.includes('resolved') && f.includes(state) && f.includes('early'), state);
  }
});

test('channels and postal returns', () => {
  assert.ok(figures({ channel: 2 }).includes('new_online'));
  assert.ok(figures({ channel: 3 }).includes('new_postal'));
  assert.ok(figures({ returnChannel: 'post' }).includes('postal_returned'));
  const returnedLater = figures({
    receivedAt: vn('2024-09-02 08:00'),
    processedAt: vn('2024-09-20 08:00'),
    returnedAt: vn('2024-10-02 08:00'),
    returnChannel: 'post',
  });
  assert.deepEqual(returnedLater, ['postal_returned'], 'returned in Q4 after ending in Q3');
});

test('reuse and dislikes', () => {
  assert.ok(figures({ documentsReused: 1 }).includes('records_reused'));
  assert.ok(!figures({ documentsReused: 0 }).includes('records_reused'));
  assert.ok(
    figures({ disliked: true, receivedAt: vn('2024-09-25 10:00') }).includes('disliked'),
    'carried too',
  );
});

test('digitization: every document scanned, and the result when there is one', () => {
  assert.ok(!figures({ documentsScanned: 1 }).includes('records_digitized'));
  assert.ok(!figures({ documents: 0, documentsScanned: 0 }).includes('records_digitized'));
  const noResultFile = figures({ resultDigitized: false });
  assert.ok(noResultFile.includes('records_digitized') && !noResultFile.includes('digitized'));
  const open = figures({ processedAt: null, finishedAt: null, state: 'processing', resultDigitized: false });
  assert.ok(open.includes('digitized'), 'no result yet: the records decide');
});

test('every received file lands in exactly one bucket of each partition (property)', () => {
  const instant = fc
    .integer({ min: Date.parse('2024-08-01T00:00:00Z'), max: Date.parse('2025-02-28T00:00:00Z') })
    .map((n) => new Date(n));
  const file = fileFactsArbitrary(instant);
  fc.assert(
    fc.property(fc.array(file, { maxLength: 40 }), instant, (files, now) => {
      const counts = addCounts(emptySummaryCounts(), countFigures(files, Q4, now));
      return summaryProblems(counts).length === 0;
    }),
  );
});

test('rates are recomputed from sums, 2 decimals half up', () => {
  assert.equal(percent(299_558, 302_048), 99.18);
  assert.equal(percent(1, 3), 33.33);
  assert.equal(percent(2, 3), 66.67);
  assert.equal(percent(0, 0), null);
  const c = emptySummaryCounts();
  addCounts(c, {
    received: 302_048,
    early: 200_000,
    on_time: 99_558,
    resolved: 302_011,
    ratings: 1_300,
    ratings_satisfied: 1_100,
  });
  const rates = summaryRates(c);
  assert.equal(rates.onTimeOfReceived, 99.18);
  assert.equal(rates.satisfaction, 84.62);
  assert.equal(rates.online, null);
  addCounts(c, { timed_files: 4, timed_seconds: 4 * 86_400 * 2.5 });
  assert.equal(summaryRates(c).averageDays, 2.5);
});

test('the consistency checks name what does not add up', () => {
  const c = emptySummaryCounts();
  c.received = 3;
  c.new = 3;
  c.new_counter = 3;
  c.resolved = 2;
  c.on_time = 2;
  assert.deepEqual(summaryProblems(c), ['received = resolved + in progress']);
});
