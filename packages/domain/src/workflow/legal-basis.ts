import type { LegalRegime } from '../deadlines/apology.ts';
import type { AnyAction } from './transitions.ts';

/**
 * The decree and circular of each regime (vn-rules.md §0, §1.5). Article numbers are left out: the stored
 * sources do not give them for 118/2025 (UNCERTAIN), and a wrong article is worse than none.
 */
const REGIMES = {
  decree_61_2018: {
    decree: 'Nghị định 61/2018/NĐ-CP',
    circular: 'Thông tư 01/2018/TT-VPCP',
    controlSheet: 'Mẫu 05',
  },
  decree_118_2025: {
    decree: 'Nghị định 118/2025/NĐ-CP',
    circular: 'Thông tư 03/2025/TT-VPCP',
    controlSheet: 'Mẫu 06',
  },
} as const;

/** The form an action produces, the same number in both circulars (the control sheet aside). */
const FORMS: Partial<Record<AnyAction, string>> = {
  receive: 'Mẫu 01',
  request_pre_receipt_supplement: 'Mẫu 02',
  refuse_intake: 'Mẫu 03',
  issue_apology: 'Mẫu 04',
};

/** Hand-overs between bodies, written on the control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ). */
const HAND_OVERS: ReadonlySet<AnyAction> = new Set<AnyAction>([
  'transfer',
  'assign',
  'reassign',
  'send_inter_agency',
  'inter_agency_returned',
  'submit_for_approval',
  'send_back',
  'approve',
  'return_result',
]);

/** The legal basis recorded with an event; a remark has none. */
export function legalBasisOf(action: AnyAction, regime: LegalRegime): string | null {
  if (action === 'add_note') return null;
  const r = REGIMES[regime];
  const form = FORMS[action];
  if (form) return `${r.decree}; ${r.circular}, ${form}`;
  // TT 03/2025 added a notice of stopping (Mẫu 05); TT 01/2018 had none.
  if (action === 'stop' && regime === 'decree_118_2025') return `${r.decree}; ${r.circular}, Mẫu 05`;
  if (HAND_OVERS.has(action)) return `${r.decree}; ${r.circular}, ${r.controlSheet}`;
  return r.decree;
}
