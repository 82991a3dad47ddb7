import { test } from 'node:test';
import assert from 'node:assert/strict';
import { legalBasisOf } from './legal-basis.ts';
import { ACTIONS, NOTES } from './transitions.ts';

test('each regime cites its own decree and circular', () => {
  assert.equal(
    legalBasisOf('receive', 'decree_61_2018'),
    'Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP, Mẫu 01',
  );
  assert.equal(
    legalBasisOf('receive', 'decree_118_2025'),
    'Nghị định 118/2025/NĐ-CP; Thông tư 03/2025/TT-VPCP, Mẫu 01',
  );
  assert.equal(
    legalBasisOf('issue_apology', 'decree_118_2025'),
    'Nghị định 118/2025/NĐ-CP; Thông tư 03/2025/TT-VPCP, Mẫu 04',
  );
});

test('hand-overs cite the control sheet of the regime; stopping has a form only since TT 03/2025', () => {
  assert.match(legalBasisOf('transfer', 'decree_61_2018')!, /Mẫu 05$/);
  assert.match(legalBasisOf('transfer', 'decree_118_2025')!, /Mẫu 06$/);
  assert.equal(legalBasisOf('stop', 'decree_61_2018'), 'Nghị định 61/2018/NĐ-CP');
  assert.match(legalBasisOf('stop', 'decree_118_2025')!, /Thông tư 03\/2025\/TT-VPCP, Mẫu 05$/);
});

test('every step has a basis under both regimes; a remark has none', () => {
  for (const regime of ['decree_61_2018', 'decree_118_2025'] as const) {
    for (const action of ACTIONS) assert.ok(legalBasisOf(action, regime), `${action} (${regime})`);
    assert.equal(legalBasisOf('add_note', regime), null);
    assert.ok(legalBasisOf(NOTES[0], regime));
  }
});
