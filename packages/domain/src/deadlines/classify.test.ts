import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, type ClassifyInput } from './classify.ts';
import { endOfProcessing, type ProcessingEvent } from './end-of-processing.ts';

const vn = (local: string) => `${local.replace(' ', 'T')}:00+07:00`;
const appointmentAt = vn('2025-03-10 17:00');

function status(finished: string | undefined, reference: string, extra: Partial<ClassifyInput> = {}) {
  return classify({
    appointmentAt,
    finishedAt: finished === undefined ? undefined : vn(finished),
    referenceAt: vn(reference),
    supplementRequests: 0,
    ...extra,
  }).status;
}

const CASES: Array<[string, string | undefined, string, string, Partial<ClassifyInput>?]> = [
  ['finished 16:59 on the due day', '2025-03-10 16:59', '2025-03-31 23:59', 'on_time'],
  ['finished exactly at the appointment', '2025-03-10 17:00', '2025-03-31 23:59', 'on_time'],
  ['finished 17:01 on the due day', '2025-03-10 17:01', '2025-03-31 23:59', 'late'],
  ['finished the next morning', '2025-03-11 08:00', '2025-03-31 23:59', 'late'],
  ['finished the morning of the due day', '2025-03-10 08:00', '2025-03-31 23:59', 'on_time'],
  ['finished the working day before', '2025-03-07 10:00', '2025-03-31 23:59', 'early'],
  ['finished at 00:00 of the due day', '2025-03-10 00:00', '2025-03-31 23:59', 'on_time'],
  ['finished at 23:59 the day before', '2025-03-09 23:59', '2025-03-31 23:59', 'early'],
  [
    'early by instant: the morning of the due day',
    '2025-03-10 08:00',
    '2025-03-31 23:59',
    'early',
    { earlyRule: 'earlier_instant' },
  ],
  [
    'early by instant: exactly at the appointment is on time',
    '2025-03-10 17:00',
    '2025-03-31 23:59',
    'on_time',
    { earlyRule: 'earlier_instant' },
  ],
  [
    'no early bucket (766 lumps them)',
    '2025-03-07 10:00',
    '2025-03-31 23:59',
    'on_time',
    { earlyRule: 'never' },
  ],
  [
    'one supplement request changes nothing',
    '2025-03-07 10:00',
    '2025-03-31 23:59',
    'early',
    { supplementRequests: 1 },
  ],
  [
    'a second supplement request makes a finished file late',
    '2025-03-07 10:00',
    '2025-03-31 23:59',
    'late',
    { supplementRequests: 2 },
  ],
  ['open, reference before the appointment', undefined, '2025-03-10 16:00', 'within_time'],
  ['open, reference exactly at the appointment', undefined, '2025-03-10 17:00', 'within_time'],
  ['open, reference one minute after', undefined, '2025-03-10 17:01', 'overdue'],
  [
    'open with a second supplement request',
    undefined,
    '2025-03-05 10:00',
    'overdue',
    { supplementRequests: 2 },
  ],
  [
    'finished after the reference date is open as of that date',
    '2025-03-12 10:00',
    '2025-03-11 10:00',
    'overdue',
  ],
  [
    'finished after the reference date, still in time then',
    '2025-03-12 10:00',
    '2025-03-09 10:00',
    'within_time',
  ],
];

for (const [label, finished, reference, expected, extra] of CASES) {
  test(`classify: ${label} → ${expected}`, () => {
    assert.equal(status(finished, reference, extra), expected);
  });
}

test('classify says why a file is late', () => {
  const base = { appointmentAt, referenceAt: vn('2025-03-31 23:59') };
  assert.equal(
    classify({ ...base, finishedAt: vn('2025-03-11 08:00'), supplementRequests: 0 }).reason,
    'after_appointment',
  );
  assert.equal(
    classify({ ...base, finishedAt: vn('2025-03-05 08:00'), supplementRequests: 2 }).reason,
    'second_supplement',
  );
});

const t = (day: number, hour = 10) =>
  vn(`2025-03-${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:00`);
const ev = (kind: ProcessingEvent['kind'], at: string): ProcessingEvent => ({ kind, at });

test('end of processing: "processed" (9) wins over "returned" (10), even when returned is earlier', () => {
  assert.deepEqual(endOfProcessing([ev('returned', t(6)), ev('processed', t(7))]), {
    at: t(7),
    basis: 'processed',
  });
});

test('end of processing: "returned" wins over stop or refusal', () => {
  assert.deepEqual(endOfProcessing([ev('stopped', t(4)), ev('returned', t(6))]), {
    at: t(6),
    basis: 'returned',
  });
});

test('end of processing: stop, refusal and withdrawal rank together; the earliest counts', () => {
  assert.deepEqual(endOfProcessing([ev('refused', t(5)), ev('withdrawn', t(4))]), {
    at: t(4),
    basis: 'withdrawn',
  });
  assert.deepEqual(endOfProcessing([ev('stopped', t(3))]), { at: t(3), basis: 'stopped' });
});

test('end of processing: the first "processed" counts when there are two', () => {
  assert.deepEqual(endOfProcessing([ev('processed', t(8)), ev('processed', t(5))]), {
    at: t(5),
    basis: 'processed',
  });
});

test('end of processing: a single supplement request never answered ends at the request time', () => {
  assert.deepEqual(endOfProcessing([ev('supplement_requested', t(4))]), {
    at: t(4),
    basis: 'supplement_requested',
  });
});

test('end of processing: an answered supplement request does not end it', () => {
  assert.equal(
    endOfProcessing([ev('supplement_requested', t(4)), ev('supplement_received', t(5))]),
    undefined,
  );
});

test('end of processing: with two requests the single-request rule does not apply', () => {
  assert.equal(
    endOfProcessing([ev('supplement_requested', t(3)), ev('supplement_requested', t(4))]),
    undefined,
  );
});

test('end of processing: an end event wins over an unanswered request', () => {
  assert.deepEqual(endOfProcessing([ev('supplement_requested', t(4)), ev('stopped', t(9))]), {
    at: t(9),
    basis: 'stopped',
  });
});

test('end of processing: no events, still open', () => {
  assert.equal(endOfProcessing([]), undefined);
});
