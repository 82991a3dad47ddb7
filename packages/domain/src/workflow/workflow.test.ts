import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decide, type ApplicationFacts } from './decide.ts';
import { PORTAL_STATUS, STATES, TERMINAL_STATES, isTerminal, type State } from './states.ts';
import { ACTIONS, ACTION_ROLES, TRANSITIONS, allowedActions, nextState, type Action } from './transitions.ts';

const facts = (state: State, supplementRequests = 0, preReceiptSupplements = 0): ApplicationFacts => ({
  state,
  supplementRequests,
  preReceiptSupplements,
});

test('every action is used by some state, and has roles', () => {
  const used = new Set(STATES.flatMap((s) => allowedActions(s)));
  for (const action of ACTIONS) {
    assert.ok(used.has(action), `${action} is never allowed`);
    assert.ok(ACTION_ROLES[action].length > 0);
  }
});

test('terminal states allow nothing; every other state allows something', () => {
  for (const state of STATES) assert.equal(allowedActions(state).length === 0, isTerminal(state), state);
});

test('every state reaches a terminal state', () => {
  for (const start of STATES) {
    const seen = new Set<State>([start]);
    const queue: State[] = [start];
    let finished = false;
    while (queue.length) {
      const state = queue.shift()!;
      if (isTerminal(state)) finished = true;
      for (const target of Object.values<State>(TRANSITIONS[state])) {
        if (seen.has(target)) continue;
        seen.add(target);
        queue.push(target);
      }
    }
    assert.ok(finished, `${start} cannot finish`);
  }
});

test('every state maps to one of the portal codes 1–10; results ready are 9 and returned are 10', () => {
  for (const state of STATES) assert.ok(PORTAL_STATUS[state] >= 1 && PORTAL_STATUS[state] <= 10);
  assert.equal(PORTAL_STATUS.result_ready, 9);
  assert.equal(PORTAL_STATUS.returned, 10);
  assert.equal(PORTAL_STATUS.submitted, 1);
  assert.equal(PORTAL_STATUS.received, 2);
});

test('the happy path at the counter: receive → transfer → assign → draft → approve → return', () => {
  let state: State = 'submitted';
  const steps: [Action, object][] = [
    ['receive', {}],
    ['transfer', { decidingUnitId: 'd' }],
    ['assign', { assigneeId: 'u' }],
    ['submit_for_approval', {}],
    ['approve', {}],
    ['return_result', { channel: 'counter' }],
  ];
  for (const [action, extra] of steps) {
    const result = decide(facts(state), { action, ...extra });
    assert.ok(result.ok, `${action} from ${state}`);
    state = result.decision.to;
  }
  assert.equal(state, 'returned');
});

test('an illegal transition names the allowed actions', () => {
  const result = decide(facts('received'), { action: 'approve' });
  assert.deepEqual(result, {
    ok: false,
    error: {
      kind: 'TransitionNotAllowed',
      from: 'received',
      action: 'approve',
      allowed: ['transfer', 'withdraw', 'stop'],
    },
  });
});

test('refusals, supplements, stops and withdrawals need a reason', () => {
  for (const [state, action] of [
    ['submitted', 'refuse_intake'],
    ['processing', 'request_supplement'],
    ['processing', 'refuse'],
    ['processing', 'stop'],
    ['awaiting_approval', 'send_back'],
    ['received', 'withdraw'],
  ] as [State, Action][]) {
    const result = decide(facts(state), { action, reason: '  ' });
    assert.equal(result.ok, false, `${action}`);
    if (!result.ok) assert.equal(result.error.kind === 'Invalid' && result.error.field, '/body/reason');
  }
});

test('a second supplement request needs an approver and counts the file late', () => {
  const first = decide(facts('processing', 0), { action: 'request_supplement', reason: 'Thiếu giấy tờ' });
  assert.ok(first.ok && !first.decision.countsAsLate);
  const unapproved = decide(facts('processing', 1), { action: 'request_supplement', reason: 'Thiếu tiếp' });
  assert.ok(
    !unapproved.ok && unapproved.error.kind === 'Invalid' && unapproved.error.field === '/body/approverId',
  );
  const approved = decide(facts('processing', 1), {
    action: 'request_supplement',
    reason: 'Thiếu tiếp',
    approverId: 'leader',
  });
  assert.ok(approved.ok && approved.decision.countsAsLate);
});

test('guidance before receipt is given once only', () => {
  assert.ok(
    decide(facts('submitted', 0, 0), { action: 'request_pre_receipt_supplement', reason: 'Thiếu tờ khai' })
      .ok,
  );
  const again = decide(facts('submitted', 0, 1), {
    action: 'request_pre_receipt_supplement',
    reason: 'Thiếu nữa',
  });
  assert.ok(!again.ok && again.error.kind === 'Conflict');
});

test('a postal return needs the tracking number', () => {
  assert.ok(!decide(facts('result_ready'), { action: 'return_result', channel: 'post' }).ok);
  assert.ok(
    decide(facts('result_ready'), {
      action: 'return_result',
      channel: 'post',
      trackingNumber: 'EB123456789VN',
    }).ok,
  );
});

test('property: decide agrees with the table, and never moves out of a terminal state', () => {
  fc.assert(
    fc.property(fc.constantFrom(...STATES), fc.constantFrom(...ACTIONS), (state, action) => {
      const result = decide(facts(state, 0, 0), {
        action,
        reason: 'lý do',
        approverId: 'l',
        assigneeId: 'a',
        decidingUnitId: 'd',
        channel: 'counter',
        agency: 'Sở Tư pháp',
      });
      assert.equal(result.ok, nextState(state, action) !== undefined);
      if ((TERMINAL_STATES as readonly State[]).includes(state)) assert.equal(result.ok, false);
    }),
  );
});
