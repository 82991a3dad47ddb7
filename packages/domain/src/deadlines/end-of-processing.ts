import { formatVnInstant, toEpochMs, type Instant } from '../calendar/dates.ts';

/** Events that can end processing, with the portal code where there is one (vn-rules.md §1.3). */
export type ProcessingEventKind =
  | 'processed' // 9 Đã xử lý xong
  | 'returned' // 10 Đã trả kết quả
  | 'stopped' // 8 Dừng xử lý
  | 'refused' // Từ chối
  | 'withdrawn' // 7 Công dân yêu cầu rút hồ sơ
  | 'supplement_requested'
  | 'supplement_received';

export interface ProcessingEvent {
  kind: ProcessingEventKind;
  at: Instant;
}

export interface EndOfProcessing {
  at: string;
  basis: ProcessingEventKind;
}

// vn-rules.md §1.6 (VERIFIED-2nd [S22]): Đã xử lý xong > Đã trả kết quả > Dừng / Từ chối (and withdrawal).
const PRIORITY: readonly (readonly ProcessingEventKind[])[] = [
  ['processed'],
  ['returned'],
  ['stopped', 'refused', 'withdrawn'],
];

/**
 * When processing ended, by the DVCQG rule: the earliest event of the highest-priority kind present; with
 * no end event and exactly one supplement request the applicant never answered, the request time. Undefined
 * while the file is still open (events with unreadable times are ignored).
 */
export function endOfProcessing(events: readonly ProcessingEvent[]): EndOfProcessing | undefined {
  const timed = events
    .map((event) => ({ kind: event.kind, ms: toEpochMs(event.at) }))
    .filter((event) => !Number.isNaN(event.ms))
    .sort((a, b) => a.ms - b.ms);
  for (const group of PRIORITY) {
    const first = timed.find((event) => group.includes(event.kind));
    if (first) return { at: formatVnInstant(first.ms), basis: first.kind };
  }
  const requests = timed.filter((event) => event.kind === 'supplement_requested');
  const only = requests[0];
  if (requests.length === 1 && only) {
    const answered = timed.some((event) => event.kind === 'supplement_received' && event.ms >= only.ms);
    if (!answered) return { at: formatVnInstant(only.ms), basis: 'supplement_requested' };
  }
  return undefined;
}
