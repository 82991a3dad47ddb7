import type {
  DigitizationReport as DigitizationReportSchema,
  ReusableItem as ReusableItemSchema,
} from '@motcua/contracts/records';
import type {
  OutgoingDocument,
  SignedShareReport as SignedShareReportSchema,
} from '@motcua/contracts/signing';
import type { Static } from 'typebox';
import type { ApplicationRecords } from '@motcua/contracts/records';
import { ApiError, api } from '../../app/api.ts';
import type { Translate } from '../../i18n/i18n.tsx';

export type { ApplicationRecords, DocumentComponent, ResultSummary } from '@motcua/contracts/records';
export type { OutgoingDocument };
export type ReusableItem = Static<typeof ReusableItemSchema>;
export type DigitizationReport = Static<typeof DigitizationReportSchema>;
export type SignedShareReport = Static<typeof SignedShareReportSchema>;

/** `/api/applications/:id` — every records URL hangs below it. */
export function applicationBase(applicationId: string): string {
  return `/api/applications/${encodeURIComponent(applicationId)}`;
}

/**
 * POSTs a change and returns the records after it: some endpoints answer with the records themselves, others
 * (the results ones) only with {ok: true}, and then the records are read again.
 */
export async function postAndReload(
  applicationId: string,
  path: string,
  body: unknown,
): Promise<ApplicationRecords> {
  const answer = await api.post<unknown>(path, body);
  if (typeof answer === 'object' && answer !== null && 'components' in answer)
    return answer as ApplicationRecords;
  return api.get<ApplicationRecords>(`${applicationBase(applicationId)}/records`);
}

/** One line for a failed request next to the control that made it: the server's detail when it sent one. */
export function problemText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.problem) return error.problem.detail ?? error.problem.title;
  if (error instanceof ApiError && error.status !== 0) return t('error.unexpected', { status: error.status });
  return t('error.network');
}

/** A rate 0..1 as a percentage with one decimal, or a dash when nothing was counted. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '–';
  return `${(Math.round(rate * 1000) / 10).toLocaleString('vi-VN')} %`;
}
