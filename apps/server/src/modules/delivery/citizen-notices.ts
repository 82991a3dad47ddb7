import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { jobId, jobsRepository, type NewJob } from '../../jobs/jobs.repository.ts';
import type { JobHandler } from '../../jobs/runner.ts';
import { applicationsRepository, type ApplicationRow } from '../applications/applications.repository.ts';
import type { ProcedureLookup } from '../applications/ports.ts';
import { lookupUrl } from '../documents/receipt-slip.ts';
import type { UnitsService } from '../units/units.service.ts';
import type { Channel } from './channels.ts';
import { renderCitizenMessage, type CitizenEvent, type CitizenEventData } from './citizen-texts.ts';
import { deliverMessage } from './deliver.ts';
import { databaseDeliveryLog } from './delivery-log.ts';

export const CITIZEN_NOTIFY = 'citizen.notify';

/** What the job carries: the event's own facts; the recipient and the file's names are read when it runs. */
export interface CitizenNotifyPayload {
  applicationId: string;
  event: CitizenEvent;
  channel: 'email' | 'sms';
  lang: 'vi' | 'en';
  facts: {
    reason?: string;
    items?: string[];
    newAppointmentAt?: string;
    returnChannel?: 'counter' | 'post' | 'online';
    trackingNumber?: string;
  };
}
export interface DeliveryJobs {
  'citizen.notify': CitizenNotifyPayload;
}

export interface StepFacts {
  action: string;
  /** The file after the step. */
  row: Pick<
    ApplicationRow,
    | 'province_code'
    | 'id'
    | 'applicant'
    | 'due_at'
    | 'supplement_requests'
    | 'pre_receipt_supplements'
    | 'state'
  >;
  payload: Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const namesOf = (v: unknown) =>
  Array.isArray(v)
    ? v.flatMap((d) => (str((d as { name?: unknown }).name) ? [String((d as { name: string }).name)] : []))
    : [];

/** One message a step sends; `version` tells two steps of the same kind apart (it is part of the job id). */
export interface CitizenNotice {
  event: CitizenEvent;
  version: string;
  facts: CitizenNotifyPayload['facts'];
}

/** The invitation to rate: the public rating page of the file, its slip key filled in. */
export function ratingUrl(publicBaseUrl: string, code: string, key: string): string {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return `${base}/danh-gia/${encodeURIComponent(code)}?k=${encodeURIComponent(key)}`;
}

/**
 * Which messages the citizen gets for a step (vn-rules.md §1; issue 5): an online filing registered, received
 * with the appointment, refused at intake (Mẫu 03) with the reason, a supplement asked for, an apology with a
 * new date, the result ready, the result returned — and with the return, the invitation to rate (§6.1). A
 * second supplement request is a new message (its version); every other step sends its messages once.
 */
export function citizenEventOf(step: StepFacts): CitizenNotice[] {
  const { action, row, payload } = step;
  const reason = str(payload.reason) ? { reason: str(payload.reason)! } : {};
  switch (action) {
    case 'submit_online':
      return row.state === 'submitted' ? [{ event: 'submitted', version: '1', facts: {} }] : [];
    case 'receive':
    case 'pre_receipt_supplement_received':
      return row.state === 'received' ? [{ event: 'received', version: '1', facts: {} }] : [];
    case 'refuse_intake':
      return [{ event: 'refused', version: '1', facts: reason }];
    case 'request_supplement':
    case 'request_pre_receipt_supplement':
      return [
        {
          event: 'supplement_requested',
          version: String(row.supplement_requests + row.pre_receipt_supplements),
          facts: { ...reason, items: namesOf(payload.documents ?? payload.missingDocuments) },
        },
      ];
    case 'issue_apology':
      return row.due_at
        ? [
            {
              event: 'apology',
              version: row.due_at.toISOString(),
              facts: { newAppointmentAt: row.due_at.toISOString(), ...reason },
            },
          ]
        : [];
    case 'approve':
      return [{ event: 'result_ready', version: '1', facts: {} }];
    case 'return_result':
      return [
        {
          event: 'returned',
          version: '1',
          facts: {
            ...(str(payload.channel) ? { returnChannel: payload.channel as 'counter' } : {}),
            ...(str(payload.trackingNumber) ? { trackingNumber: str(payload.trackingNumber)! } : {}),
          },
        },
        { event: 'rating_invite', version: '1', facts: {} },
      ];
    default:
      return [];
  }
}

/**
 * Enqueues the citizen's messages of one step in the step's own transaction: one job per message and channel.
 * Job ids come from the application, the event and its version, so a step replayed enqueues nothing new.
 */
export async function scheduleCitizenNotices(
  trx: Transaction<Database>,
  step: StepFacts,
  channels: readonly ('email' | 'sms')[],
  at: Date,
): Promise<number> {
  const notices = citizenEventOf(step);
  if (notices.length === 0 || channels.length === 0) return 0;
  const applicant = (step.row.applicant ?? {}) as { email?: string; phone?: string };
  const jobs: NewJob<'citizen.notify', CitizenNotifyPayload>[] = [];
  for (const notice of notices)
    for (const channel of channels) {
      if (!(channel === 'email' ? applicant.email : applicant.phone)) continue;
      jobs.push({
        provinceCode: step.row.province_code,
        id: jobId(CITIZEN_NOTIFY, step.row.id, notice.event, notice.version, channel),
        kind: CITIZEN_NOTIFY,
        payload: {
          applicationId: step.row.id,
          event: notice.event,
          channel,
          lang: 'vi',
          facts: notice.facts,
        },
        runAt: at,
      });
    }
  return jobs.length ? jobsRepository.enqueueMany<DeliveryJobs>(trx, jobs) : 0;
}

/** The template's data for a file, from the row and what the job carried. */
async function dataOf(
  row: ApplicationRow,
  payload: CitizenNotifyPayload,
  deps: { procedures: ProcedureLookup; units: UnitsService; publicUrl: string },
): Promise<CitizenEventData[CitizenEvent]> {
  const { units: all } = await deps.units.loadTree();
  const applicant = row.applicant as { fullName?: string; organisationName?: string; address?: string };
  const unitName = all.find((u) => u.id === row.receiving_unit_id)?.name;
  const link = lookupUrl(deps.publicUrl, row.code, row.lookup_key);
  const common = {
    code: row.code,
    procedureName: (await deps.procedures.find(row.procedure_code))?.name ?? row.procedure_code,
    ...((applicant.organisationName ?? applicant.fullName)
      ? { applicantName: (applicant.organisationName ?? applicant.fullName)! }
      : {}),
    ...(unitName ? { unitName } : {}),
  };
  const f = payload.facts;
  switch (payload.event) {
    case 'submitted':
      return { ...common, lookupUrl: link };
    case 'received':
      return { ...common, appointmentAt: row.due_at ?? new Date(), lookupUrl: link };
    case 'refused':
      return { ...common, reason: f.reason ?? '', lookupUrl: link };
    case 'supplement_requested':
      return { ...common, items: f.items ?? [], reason: f.reason ?? '', link };
    case 'apology':
      return {
        ...common,
        newAppointmentAt: new Date(f.newAppointmentAt ?? Date.now()),
        reason: f.reason ?? '',
        lookupUrl: link,
      };
    case 'result_ready':
      return {
        ...common,
        pickup:
          row.return_channel === 'online'
            ? { method: 'online', downloadUrl: link }
            : row.return_channel === 'post'
              ? { method: 'post', ...(applicant.address ? { address: applicant.address } : {}) }
              : { method: 'counter', place: unitName ?? '' },
      };
    case 'returned':
      return {
        ...common,
        returnedAt: row.returned_at ?? new Date(),
        channel: f.returnChannel ?? (row.return_channel as 'counter' | 'post' | 'online' | null) ?? 'counter',
        ...(f.trackingNumber ? { trackingNumber: f.trackingNumber } : {}),
      };
    case 'rating_invite':
      return { ...common, ratingUrl: ratingUrl(deps.publicUrl, row.code, row.lookup_key) };
  }
}

/** The handler of citizen.notify: render, send once (the delivery log), record. */
export function citizenNotifyHandler(deps: {
  db: Kysely<Database>;
  channels: Partial<Record<'email' | 'sms', Channel>>;
  procedures: ProcedureLookup;
  units: UnitsService;
  publicUrl: string;
}): JobHandler<CitizenNotifyPayload> {
  return async (payload, ctx) => {
    const channel = deps.channels[payload.channel];
    const row = await applicationsRepository.find(deps.db, payload.applicationId);
    const applicant = (row?.applicant ?? {}) as { email?: string; phone?: string };
    const to = payload.channel === 'email' ? applicant.email : applicant.phone;
    // Configuration changed, or the contact was removed since: nothing to send, nothing to retry.
    if (!channel || !row || !to) return;
    const rendered = renderCitizenMessage(
      payload.event,
      await dataOf(row, payload, deps),
      payload.lang,
      payload.channel,
    );
    await deliverMessage(
      {
        channel,
        record: databaseDeliveryLog(deps.db, {
          provinceCode: ctx.provinceCode,
          channel: payload.channel,
          event: payload.event,
          applicationId: row.id,
          to,
          now: ctx.now,
        }),
        logger: ctx.logger,
      },
      { id: ctx.id, to, lang: payload.lang, ...rendered },
    );
  };
}
