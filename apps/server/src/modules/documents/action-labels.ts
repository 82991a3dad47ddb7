import type { Action, Note } from '@motcua/domain/workflow/transitions';

/** What each step of the workflow is called on printed documents (the "Kết quả" column of the control sheet). */
export const ACTION_LABELS: Record<Action | Note, string> = {
  receive: 'Tiếp nhận hồ sơ',
  request_pre_receipt_supplement: 'Yêu cầu bổ sung, hoàn thiện hồ sơ trước khi tiếp nhận',
  pre_receipt_supplement_received: 'Đã nhận hồ sơ bổ sung, hoàn thiện',
  refuse_intake: 'Từ chối tiếp nhận hồ sơ',
  transfer: 'Chuyển hồ sơ đến cơ quan giải quyết',
  assign: 'Phân công xử lý',
  reassign: 'Phân công lại người xử lý',
  request_supplement: 'Yêu cầu bổ sung hồ sơ (tạm dừng tính thời gian)',
  supplement_received: 'Đã nhận hồ sơ bổ sung',
  request_payment: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  payment_received: 'Đã thực hiện nghĩa vụ tài chính',
  send_inter_agency: 'Chuyển liên thông',
  inter_agency_returned: 'Nhận lại hồ sơ liên thông',
  submit_for_approval: 'Trình lãnh đạo phê duyệt',
  send_back: 'Trả lại để xử lý tiếp',
  approve: 'Phê duyệt, đã có kết quả giải quyết',
  refuse: 'Từ chối giải quyết, có văn bản nêu rõ lý do',
  stop: 'Dừng giải quyết hồ sơ',
  withdraw: 'Công dân yêu cầu rút hồ sơ',
  return_result: 'Đã trả kết quả',
  issue_apology: 'Xin lỗi và hẹn lại ngày trả kết quả',
  add_note: 'Ghi chú',
};

/** Work on the file's documents and results, recorded as events that do not change its state. */
const DOCUMENT_LABELS: Record<string, string> = {
  digitize_document: 'Số hóa thành phần hồ sơ',
  reuse_document: 'Sử dụng lại giấy tờ đã số hóa',
  draft_result: 'Dự thảo kết quả giải quyết',
  digitize_result: 'Số hóa kết quả giải quyết (bản giấy)',
  sign_result: 'Lãnh đạo ký số kết quả, cấp số văn bản',
  seal_result: 'Ký số của cơ quan (đóng dấu số) trên kết quả',
};

/** The label of an action as stored on an event; an unknown one is printed as stored. */
export const actionLabel = (action: string): string =>
  action in ACTION_LABELS ? ACTION_LABELS[action as Action | Note] : (DOCUMENT_LABELS[action] ?? action);
