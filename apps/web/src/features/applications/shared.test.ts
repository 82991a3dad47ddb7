import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Translate } from '../../i18n/i18n.tsx';
import { vi } from '../../i18n/vi.ts';
import { actionLabel, newUuid, stateLabel, timeLimitText, urgency } from './shared.ts';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const t: Translate = (key, params) =>
  vi[key].replace(/\{(\w+)\}/g, (match, name: string) => String(params?.[name] ?? match));

void test('amber within a day of the due time, red past it, nothing once finished', () => {
  const now = Date.parse('2025-08-01T03:00:00Z');
  assert.equal(urgency('2025-08-01T02:59:00Z', 'processing', now), 'overdue');
  assert.equal(urgency('2025-08-02T02:00:00Z', 'processing', now), 'soon');
  assert.equal(urgency('2025-08-05T02:00:00Z', 'processing', now), null);
  assert.equal(urgency('2025-07-01T02:00:00Z', 'returned', now), null);
  assert.equal(urgency(null, 'received', now), null);
});

void test('a bare number from the catalog gets its unit', () => {
  assert.equal(
    timeLimitText(t, { timeText: '1', timeAmount: 1, timeUnit: 'working_days' }),
    '1 ngày làm việc',
  );
  assert.equal(
    timeLimitText(t, { timeText: '5 ngày làm việc', timeAmount: 5, timeUnit: 'working_days' }),
    '5 ngày làm việc',
  );
  assert.equal(timeLimitText(t, { timeText: '3', timeAmount: 3, timeUnit: null }), '3');
});

void test('states and actions are named; unknown ones pass through', () => {
  assert.equal(stateLabel(t, 'awaiting_approval'), 'Chờ phê duyệt');
  assert.equal(stateLabel(t, null), '–');
  assert.equal(actionLabel(t, 'return_result'), 'Trả kết quả');
  assert.equal(actionLabel(t, 'add_note'), 'Ghi chú');
  assert.equal(actionLabel(t, 'issue_apology'), 'Xin lỗi, hẹn lại ngày trả');
  assert.equal(actionLabel(t, 'some_future_action'), 'some_future_action');
});

void test('idempotency keys are UUIDs', () => {
  assert.match(newUuid(), UUID_PATTERN);
  assert.notEqual(newUuid(), newUuid());
});
