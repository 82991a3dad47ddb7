import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citizenEventOf, ratingUrl, type StepFacts } from './citizen-notices.ts';

const row = (overrides: Partial<StepFacts['row']> = {}): StepFacts['row'] => ({
  province_code: '68',
  id: '00000000-0000-4000-8000-000000000001',
  applicant: { email: 'binh@example.vn' },
  due_at: new Date('2026-12-10T10:00:00Z'),
  supplement_requests: 0,
  pre_receipt_supplements: 0,
  state: 'received',
  ...overrides,
});
const step = (action: string, r = row(), payload: Record<string, unknown> = {}): StepFacts => ({
  action,
  row: r,
  payload,
});
const events = (s: StepFacts) => citizenEventOf(s).map((n) => `${n.event}:${n.version}`);

test('returning the result sends the return notice and the invitation to rate, each once (version 1)', () => {
  const notices = citizenEventOf(
    step('return_result', row({ state: 'returned' }), { channel: 'post', trackingNumber: ' EL1VN ' }),
  );
  assert.deepEqual(
    notices.map((n) => n.event),
    ['returned', 'rating_invite'],
  );
  assert.deepEqual(notices[0]!.facts, { returnChannel: 'post', trackingNumber: 'EL1VN' });
  assert.deepEqual(notices[1], { event: 'rating_invite', version: '1', facts: {} });
});

test('an online filing is announced while it waits for the desk; a refusal carries its reason', () => {
  assert.deepEqual(events(step('submit_online', row({ state: 'submitted' }))), ['submitted:1']);
  // Filed and received in one go (a desk acting at once) is the received notice's business, not this one.
  assert.deepEqual(events(step('submit_online', row({ state: 'received' }))), []);
  const refused = citizenEventOf(
    step('refuse_intake', row({ state: 'refused_at_intake' }), { reason: '  Không thuộc thẩm quyền ' }),
  );
  assert.deepEqual(refused, [
    { event: 'refused', version: '1', facts: { reason: 'Không thuộc thẩm quyền' } },
  ]);
  assert.deepEqual(citizenEventOf(step('refuse_intake', row(), { reason: ' ' }))[0]!.facts, {});
});

test('the other steps keep their single message and versions; internal steps send nothing', () => {
  assert.deepEqual(events(step('receive')), ['received:1']);
  assert.deepEqual(events(step('receive', row({ state: 'pre_receipt_supplement' }))), []);
  assert.deepEqual(
    events(step('request_supplement', row({ supplement_requests: 2 }), { documents: [{ name: 'Tờ khai' }] })),
    ['supplement_requested:2'],
  );
  assert.deepEqual(events(step('issue_apology')), ['apology:2026-12-10T10:00:00.000Z']);
  assert.deepEqual(events(step('issue_apology', row({ due_at: null }))), []);
  assert.deepEqual(events(step('approve')), ['result_ready:1']);
  for (const action of ['transfer', 'assign', 'add_note', 'submit_for_approval'])
    assert.deepEqual(citizenEventOf(step(action)), [], action);
});

test('the rating link carries the code and the key, escaped, under the public address', () => {
  assert.equal(
    ratingUrl('https://dichvucong.lamha.example/', '000.00.24.H32-261127-0001', 'K7Q2M9'),
    'https://dichvucong.lamha.example/danh-gia/000.00.24.H32-261127-0001?k=K7Q2M9',
  );
  assert.equal(ratingUrl('http://x', 'A B/C', 'k&1'), 'http://x/danh-gia/A%20B%2FC?k=k%261');
});
