import { text, type DomainError } from '../errors.ts';
import type { State } from './states.ts';
import { allowedActions, nextState, type Action } from './transitions.ts';

export type ReturnChannel = 'counter' | 'post' | 'online';

/** What the rules need to know about an application to judge the next action. */
export interface ApplicationFacts {
  state: State;
  supplementRequests: number;
  preReceiptSupplements: number;
}

export interface Command {
  action: Action;
  reason?: string | undefined;
  /** A leader who approved a second supplement request. */
  approverId?: string | undefined;
  assigneeId?: string | undefined;
  decidingUnitId?: string | undefined;
  channel?: ReturnChannel | undefined;
  trackingNumber?: string | undefined;
  agency?: string | undefined;
}

export interface Decision {
  from: State;
  to: State;
  action: Action;
  /** The portal counts a file with more than one supplement request as late (vn-rules.md §1.4 B). */
  countsAsLate: boolean;
}

const NEEDS_REASON: readonly Action[] = [
  'refuse_intake',
  'request_pre_receipt_supplement',
  'request_supplement',
  'refuse',
  'stop',
  'send_back',
  'withdraw',
];

const missing = (field: string, vi: string, en: string): DomainError => ({
  kind: 'Invalid',
  field: `/body/${field}`,
  detail: text(vi, en),
});

/** Judges a command against the transition table and the legal guards; pure. */
export function decide(
  facts: ApplicationFacts,
  command: Command,
): { ok: true; decision: Decision } | { ok: false; error: DomainError } {
  const to = nextState(facts.state, command.action);
  if (!to) {
    return {
      ok: false,
      error: {
        kind: 'TransitionNotAllowed',
        from: facts.state,
        action: command.action,
        allowed: allowedActions(facts.state),
      },
    };
  }
  const error = guard(facts, command);
  if (error) return { ok: false, error };
  const countsAsLate = command.action === 'request_supplement' && facts.supplementRequests >= 1;
  return { ok: true, decision: { from: facts.state, to, action: command.action, countsAsLate } };
}

function guard(facts: ApplicationFacts, command: Command): DomainError | undefined {
  if (NEEDS_REASON.includes(command.action) && !command.reason?.trim()) {
    return missing('reason', 'Cần nêu rõ lý do', 'A reason is required');
  }
  switch (command.action) {
    case 'request_pre_receipt_supplement':
      // Decree 61/2018 art. 19 (and 118/2025): guidance to complete a file is given once, in writing.
      return facts.preReceiptSupplements >= 1
        ? {
            kind: 'Conflict',
            entity: 'application',
            field: '/body/action',
            detail: text(
              'Chỉ được hướng dẫn bổ sung một lần trước khi tiếp nhận',
              'Guidance before receipt is given only once',
            ),
          }
        : undefined;
    case 'request_supplement':
      // A second request is possible in practice (specialised laws allow clarification) but needs a leader's
      // approval and counts the file late on the national portal (vn-rules.md §1.4 B).
      return facts.supplementRequests >= 1 && !command.approverId
        ? missing(
            'approverId',
            'Yêu cầu bổ sung lần thứ hai cần lãnh đạo phê duyệt',
            'A second supplement request needs a leader’s approval',
          )
        : undefined;
    case 'assign':
    case 'reassign':
      return command.assigneeId
        ? undefined
        : missing('assigneeId', 'Chọn cán bộ xử lý', 'Choose the specialist');
    case 'transfer':
      return command.decidingUnitId
        ? undefined
        : missing('decidingUnitId', 'Chọn phòng, ban giải quyết', 'Choose the deciding department');
    case 'send_inter_agency':
      return command.agency?.trim()
        ? undefined
        : missing('agency', 'Nêu cơ quan phối hợp', 'Name the other agency');
    case 'return_result':
      if (!command.channel)
        return missing('channel', 'Chọn hình thức trả kết quả', 'Choose how the result is returned');
      return command.channel === 'post' && !command.trackingNumber?.trim()
        ? missing(
            'trackingNumber',
            'Trả qua bưu chính cần số hiệu bưu gửi',
            'A postal return needs the tracking number',
          )
        : undefined;
    default:
      return undefined;
  }
}
