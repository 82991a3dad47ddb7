import { toEpochMs, vnDateOf, type Instant } from '../calendar/dates.ts';
import { PAUSED_STATES, type State } from '../workflow/states.ts';

/**
 * The statistics of administrative-procedure files for a period (vn-rules.md §1.6–1.7, the columns of the
 * provinces' TTHC statistics tables, §2.2): which figures one file counts in. The SQL of the report engine
 * computes the same sets; this is the definition it is tested against. Pure.
 *
 * Period membership "tiếp nhận, xử lý trong kỳ": a file counts when it was received before the end of the
 * period and its processing had not ended before the period began. Processing ends when the result is ready
 * (Đã xử lý xong) or, without one, when the file was returned, refused, stopped or withdrawn (§1.6 priority).
 */

/** The figures per file, in report order. */
export const FILE_FIGURES = [
  'received', // Tổng số hồ sơ nhận giải quyết
  'carried', // Kỳ trước chuyển qua
  'new', // Mới tiếp nhận
  'new_counter', // … trực tiếp
  'new_online', // … trực tuyến
  'new_postal', // … qua bưu chính công ích
  'resolved', // Đã giải quyết
  'early', // Trước hạn
  'on_time', // Đúng hạn
  'late', // Trễ hạn
  'refused', // of the resolved: refused after appraisal
  'stopped', // … processing stopped
  'withdrawn', // … withdrawn by the applicant
  'in_progress', // Đang giải quyết
  'within_time', // Trong hạn
  'overdue', // Quá hạn
  'records_digitized', // new files whose every submitted document is scanned
  'records_reused', // new files with at least one document taken from an earlier file (766 indicator 4.3)
  'result_ready', // new files whose result is ready (Đã xử lý xong), whenever
  'result_digitized', // … of them, with an electronic or scanned result (766 indicator 4.1)
  'digitized', // 766 indicator 4.2: records digitized, and the result too when there is one
  'postal_returned', // results returned by post in the period
  'disliked', // files of the period rated "Không hài lòng" or with a feedback item (766 indicator 5.4)
] as const;
export type FileFigure = (typeof FILE_FIGURES)[number];

/** What the report needs to know of one file (columns of the `applications` projection and joins). */
export interface FileFacts {
  state: State;
  channel: 1 | 2 | 3;
  receivedAt: Instant | null;
  dueAt: Instant | null;
  processedAt: Instant | null;
  finishedAt: Instant | null;
  returnedAt: Instant | null;
  returnChannel: 'counter' | 'post' | 'online' | null;
  /** When the current state began (the projection's updated_at). */
  updatedAt: Instant;
  supplementRequests: number;
  countsLate: boolean;
  /** Documents listed on the file, and how many of them have a scan. */
  documents: number;
  documentsScanned: number;
  /** Documents taken from an earlier file of the same applicant instead of asking again. */
  documentsReused: number;
  /** A signed, sealed or scanned result with its file exists. */
  resultDigitized: boolean;
  /** Rated "Không hài lòng" (now), or a feedback item the citizen did not withdraw. */
  disliked: boolean;
}

export interface PeriodBounds {
  from: Instant;
  to: Instant;
}

const ms = (at: Instant | null) => (at === null ? Number.NaN : toEpochMs(at));

/** Late by the DVCQG rules: a second supplement request or an apology, or the end after the appointment. */
function endsLate(file: FileFacts, end: number): boolean {
  return file.countsLate || file.supplementRequests > 1 || (file.dueAt !== null && end > ms(file.dueAt));
}

/**
 * The figures a file counts in for the period, `now` being the time the report is made (a current period is
 * reported as of now). Files never received (online filings the desk has not accepted, refusals at the
 * counter) count in none.
 */
export function fileFigures(file: FileFacts, period: PeriodBounds, now: Instant): Set<FileFigure> {
  const out = new Set<FileFigure>();
  const from = toEpochMs(period.from);
  const to = toEpochMs(period.to);
  const received = ms(file.receivedAt);
  if (!(received < to)) return out;
  const returned = ms(file.returnedAt);
  if (file.returnChannel === 'post' && returned >= from && returned < to) out.add('postal_returned');
  const ended = ms(file.processedAt ?? file.finishedAt);
  if (ended < from) return out;
  out.add('received');
  if (file.disliked) out.add('disliked');
  if (received < from) out.add('carried');
  else {
    out.add('new');
    out.add(file.channel === 1 ? 'new_counter' : file.channel === 2 ? 'new_online' : 'new_postal');
    const records = file.documents > 0 && file.documentsScanned >= file.documents;
    const result = file.processedAt !== null && file.resultDigitized;
    if (records) out.add('records_digitized');
    if (file.documentsReused > 0) out.add('records_reused');
    if (file.processedAt !== null) out.add('result_ready');
    if (result) out.add('result_digitized');
    if (records && (file.processedAt === null || result)) out.add('digitized');
  }
  if (ended < to) {
    out.add('resolved');
    if (endsLate(file, ended)) out.add('late');
    else if (file.dueAt !== null && vnDateOf(ended) < vnDateOf(ms(file.dueAt))) out.add('early');
    else out.add('on_time');
    if (
      file.processedAt === null &&
      (file.state === 'refused' || file.state === 'stopped' || file.state === 'withdrawn')
    )
      out.add(file.state);
    return out;
  }
  out.add('in_progress');
  const reference = Math.min(to, toEpochMs(now));
  const pausedNow = Number.isNaN(ended) && (PAUSED_STATES as readonly State[]).includes(file.state);
  const since = ms(file.updatedAt);
  const at = pausedNow && since < reference ? since : reference;
  out.add(endsLate(file, at) ? 'overdue' : 'within_time');
  return out;
}

export type FigureCounts = Record<FileFigure, number>;

export const emptyFigureCounts = (): FigureCounts =>
  Object.fromEntries(FILE_FIGURES.map((f) => [f, 0])) as FigureCounts;

/** Counts the figures of many files. */
export function countFigures(files: Iterable<FileFacts>, period: PeriodBounds, now: Instant): FigureCounts {
  const counts = emptyFigureCounts();
  for (const file of files) for (const figure of fileFigures(file, period, now)) counts[figure] += 1;
  return counts;
}
