import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainFailure } from '@motcua/domain/errors';
import { indexTree } from '@motcua/domain/units/tree';
import { ACTIONS, NOTES } from '@motcua/domain/workflow/transitions';
import { ACTION_LABELS } from './action-labels.ts';
import {
  toApologyData,
  toControlSheetData,
  toRefusalData,
  toSupplementData,
  userIdsOf,
} from './forms-source.ts';
import type { ReceiptSlipSource } from './receipt-data.ts';

const units = [
  { id: 'province', name: 'Tỉnh Lâm Đồng', kind: 'province', parentId: null },
  { id: 'commune', name: 'Xã Đinh Văn Lâm Hà', kind: 'commune', parentId: 'province' },
  {
    id: 'pasc',
    name: 'Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà',
    kind: 'pasc',
    parentId: 'commune',
  },
  { id: 'culture', name: 'Phòng Văn hóa - Xã hội', kind: 'department', parentId: 'commune' },
] as const;
const names = new Map([
  ['desk', 'Hoàng Thị Mai'],
  ['leader', 'Lê Văn Hùng'],
  ['specialist', 'Phạm Thị Thu'],
]);
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 27, 2, minutes));

type EventIn = [action: string, actor: string, unit: string, payload?: Record<string, unknown>];
/** A source as the service gives it, for a file received at the centre and decided by the department. */
function source(events: EventIn[], regime = 'decree_118_2025'): ReceiptSlipSource {
  return {
    application: {
      code: '000.00.24871-261127-0042',
      legal_regime: regime,
      procedure_code: '1.001193',
      receiving_unit_id: 'pasc',
      deciding_unit_id: 'culture',
      applicant: { fullName: 'Nguyễn Thị Lan', phone: '0912345678', address: 'Thôn 1' },
      received_at: at(0),
      due_at: at(4000),
      created_at: at(0),
    },
    events: events.map(([action, actor_id, actor_unit_id, payload = {}], i) => ({
      seq: i + 1,
      at: at(i * 10),
      action,
      from_state: null,
      to_state: 'processing',
      actor_id,
      actor_unit_id,
      payload,
    })),
    units: { units, tree: indexTree(units) },
    procedure: { name: 'Đăng ký khai sinh' },
    officerName: null,
  } as unknown as ReceiptSlipSource;
}
const conflict = (run: () => unknown) =>
  assert.throws(run, (e: unknown) => e instanceof DomainFailure && e.error.kind === 'Conflict');

describe('forms: from events to words', () => {
  test('every action and note has a Vietnamese label', () => {
    for (const action of [...ACTIONS, ...NOTES]) assert.ok(ACTION_LABELS[action]?.length, action);
  });

  test('Mẫu 02 takes the latest request, during processing or before receipt', () => {
    const s = source([
      ['request_pre_receipt_supplement', 'desk', 'pasc', { reason: 'Thiếu tờ khai' }],
      ['receive', 'desk', 'pasc'],
      [
        'request_supplement',
        'specialist',
        'culture',
        {
          reason: 'Giấy chứng sinh không rõ',
          documents: [{ name: 'Giấy chứng sinh', copyType: 'certified_copy', quantity: 1 }],
        },
      ],
    ]);
    const data = toSupplementData(s, names);
    assert.equal(data.reason, 'Giấy chứng sinh không rõ');
    assert.deepEqual(data.documents, [{ name: 'Giấy chứng sinh', copyType: 'certified_copy', quantity: 1 }]);
    assert.equal(data.officerName, 'Phạm Thị Thu');
    assert.equal(data.issuer.unitName, 'Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà');
    assert.equal(data.applicant.phone, '0912345678');
    assert.equal(data.procedureName, 'Đăng ký khai sinh');
    assert.deepEqual(data.issuedAt, at(20));
    const early = toSupplementData(
      source([['request_pre_receipt_supplement', 'desk', 'pasc', { reason: 'Thiếu' }]]),
      names,
    );
    assert.deepEqual(early.documents, []);
    assert.equal(early.officerName, 'Hoàng Thị Mai');
  });

  test('a form whose event has not happened is a conflict', () => {
    const received = source([['receive', 'desk', 'pasc']]);
    conflict(() => toSupplementData(received, names));
    conflict(() => toRefusalData(received, names));
    conflict(() => toApologyData(received, names));
    conflict(() => toApologyData(source([['issue_apology', 'leader', 'culture', { reason: 'x' }]]), names));
  });

  test('Mẫu 03 carries the reason and the officer who refused', () => {
    const data = toRefusalData(
      source([['refuse_intake', 'desk', 'pasc', { reason: 'Không thuộc thẩm quyền' }]]),
      names,
    );
    assert.equal(data.reason, 'Không thuộc thẩm quyền');
    assert.equal(data.officerName, 'Hoàng Thị Mai');
  });

  test('Mẫu 04 is issued by the deciding unit, under the regime of the file', () => {
    const s = source(
      [
        ['receive', 'desk', 'pasc'],
        [
          'issue_apology',
          'leader',
          'culture',
          {
            reason: 'Cần xác minh',
            newAppointmentAt: '2026-12-04T09:00:00.000Z',
            previousDueAt: '2026-11-30T09:00:00.000Z',
          },
        ],
      ],
      'decree_61_2018',
    );
    const data = toApologyData(s, names);
    assert.equal(data.regime, 'decree_61_2018');
    assert.equal(data.decidingUnitName, 'Phòng Văn hóa - Xã hội');
    assert.equal(data.issuer.authority, 'UBND XÃ ĐINH VĂN LÂM HÀ');
    assert.equal(data.receivingUnitName, 'Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà');
    assert.deepEqual(data.newAppointmentAt, new Date('2026-12-04T09:00:00Z'));
    assert.deepEqual(data.previousDueAt, new Date('2026-11-30T09:00:00Z'));
    assert.equal(data.officerName, 'Lê Văn Hùng');
  });

  test('the control sheet has a row per event, with who handed over and who received', () => {
    const s = source([
      ['receive', 'desk', 'pasc'],
      ['transfer', 'desk', 'pasc', { decidingUnitId: 'culture' }],
      ['assign', 'leader', 'culture', { assigneeId: 'specialist' }],
      [
        'request_supplement',
        'specialist',
        'culture',
        { reason: 'Thiếu giấy chứng sinh', countsAsLate: true },
      ],
      ['supplement_received', 'desk', 'pasc', { dueAt: '2026-12-01T09:00:00.000Z' }],
    ]);
    assert.deepEqual(userIdsOf(s).sort(), ['desk', 'leader', 'specialist']);
    const { rows } = toControlSheetData(s, names);
    assert.deepEqual(
      rows.map((r) => [r.unitName, r.giver, r.receiver, r.result]),
      [
        ['Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà', 'Hoàng Thị Mai', null, 'Tiếp nhận hồ sơ'],
        [
          'Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà',
          'Hoàng Thị Mai',
          'Phòng Văn hóa - Xã hội',
          ACTION_LABELS.transfer,
        ],
        ['Phòng Văn hóa - Xã hội', 'Lê Văn Hùng', 'Phạm Thị Thu', 'Phân công xử lý'],
        ['Phòng Văn hóa - Xã hội', 'Phạm Thị Thu', null, ACTION_LABELS.request_supplement],
        [
          'Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà',
          'Hoàng Thị Mai',
          null,
          ACTION_LABELS.supplement_received,
        ],
      ],
    );
    assert.equal(rows[3]!.note, 'Thiếu giấy chứng sinh; Tính là hồ sơ trễ hạn');
    assert.equal(rows[4]!.note, 'Hẹn trả kết quả: 16 giờ 00 phút, ngày 01/12/2026');
    assert.deepEqual(
      rows.map((r) => r.at),
      [0, 10, 20, 30, 40].map(at),
    );
  });
});
