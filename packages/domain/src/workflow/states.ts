/**
 * Internal states of an application (hồ sơ) and the status code each one reports to the National Public
 * Service Portal (DVCQG field TrangThaiHoSo, vn-rules.md §1.3). The portal has 10 codes; the one-stop desk
 * needs finer steps, so several internal states share a code.
 */
export const STATES = [
  'submitted', // online, not yet checked by the desk
  'pre_receipt_supplement', // online, the desk asked for more documents before receiving (Mẫu 02)
  'refused_at_intake', // Mẫu 03
  'received', // at the receiving unit, slip issued
  'transferred', // at the deciding department, waiting to be assigned
  'processing', // assigned to a specialist
  'supplement_requested', // waiting for the applicant during processing (clock paused)
  'awaiting_payment', // waiting for fees or financial obligations
  'inter_agency', // sent to another agency or level (liên thông), waiting for its part
  'awaiting_approval', // draft result with the leader
  'result_ready', // decided, result at the desk
  'returned', // result handed over (counter, post or online)
  'refused', // not eligible after appraisal: written notice with reasons
  'stopped', // processing stopped
  'withdrawn', // the applicant withdrew
] as const;
export type State = (typeof STATES)[number];

export type PortalStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export const PORTAL_STATUS = {
  submitted: 1, // Mới đăng ký
  pre_receipt_supplement: 5, // Yêu cầu bổ sung giấy tờ
  refused_at_intake: 3, // Không được tiếp nhận
  received: 2, // Được tiếp nhận
  transferred: 4, // Đang xử lý
  processing: 4,
  supplement_requested: 5,
  awaiting_payment: 6, // Yêu cầu thực hiện nghĩa vụ tài chính
  inter_agency: 4,
  awaiting_approval: 4,
  result_ready: 9, // Đã xử lý xong
  returned: 10, // Đã trả kết quả
  // A refusal after appraisal ends processing with a written notice; the portal has no own code for it.
  // Mapped to 8 (Dừng xử lý) — UNCERTAIN (vn-rules.md §1.3 lists no code for it), kept in one place.
  refused: 8,
  stopped: 8, // Dừng xử lý
  withdrawn: 7, // Công dân yêu cầu rút hồ sơ
} as const satisfies Record<State, PortalStatus>;

export const PORTAL_STATUS_NAMES: Record<PortalStatus, { vi: string; en: string }> = {
  1: { vi: 'Mới đăng ký', en: 'Submitted' },
  2: { vi: 'Được tiếp nhận', en: 'Received' },
  3: { vi: 'Không được tiếp nhận', en: 'Not accepted' },
  4: { vi: 'Đang xử lý', en: 'In progress' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Documents requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn by the applicant' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Processed' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

export const TERMINAL_STATES = [
  'refused_at_intake',
  'returned',
  'refused',
  'stopped',
  'withdrawn',
] as const satisfies readonly State[];

/** States whose deadline clock is stopped: the applicant, not the administration, has the next move. */
export const PAUSED_STATES = [
  'pre_receipt_supplement',
  'supplement_requested',
] as const satisfies readonly State[];

export function isTerminal(state: State): boolean {
  return (TERMINAL_STATES as readonly State[]).includes(state);
}
