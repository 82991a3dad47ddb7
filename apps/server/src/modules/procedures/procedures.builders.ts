import type { ProcedureCreateBody } from '@motcua/contracts/procedures';

/** Test builder: a valid new procedure (code 9.9xxxxx, outside the national ranges), overridable field by field. */
let counter = 0;
export function aProcedure(overrides: Partial<ProcedureCreateBody> = {}): ProcedureCreateBody {
  counter += 1;
  return {
    code: `9.9${String(counter).padStart(5, '0')}`,
    name: `Thủ tục thử nghiệm số ${counter}`,
    field: 'Thử nghiệm',
    levels: ['commune'],
    timeAmount: 3,
    timeUnit: 'working_days',
    timeText: '3 ngày làm việc',
    feeAmount: 0,
    feeText: 'Miễn phí',
    documents: [{ name: 'Tờ khai', copyType: 'original', quantity: 1, note: null }],
    onlineLevel: 'partial',
    channels: ['counter', 'online'],
    legalBasis: 'QĐ thử nghiệm',
    source: 'test builder',
    ...overrides,
  };
}
