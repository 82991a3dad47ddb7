import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ApplicationRow } from './applications.repository.ts';
import type {
  ApologyCommand,
  ApologyFacts,
  LegalRegime,
  decideApology,
} from '@motcua/domain/deadlines/apology';

/** What the application service needs from the catalog and the calendar (wired in app.ts). */
export type TimeUnit = 'working_days' | 'days' | 'working_hours';

export interface ProcedureInfo {
  code: string;
  version: number | null;
  name: string;
  time: { amount: number; unit: TimeUnit } | null;
  cutoffHour: number | null;
}

export interface ProcedureLookup {
  find(code: string): Promise<ProcedureInfo | undefined>;
}

export interface Deadlines {
  /** The appointment (ngày hẹn trả) for a file received at `receivedAt`; null when the procedure has no time limit. */
  dueAt(receivedAt: Date, procedure: ProcedureInfo): Promise<Date | null>;
  /** The appointment moved by the working time spent waiting for the applicant between `from` and `to`. */
  extendByPause(dueAt: Date, from: Date, to: Date): Promise<Date>;
  /** The end of an inter-agency step given `days` working days from `from`. */
  stepDue(from: Date, days: number): Promise<Date>;
  /** Judges an apology with a new appointment under the file's legal regime (domain decideApology). */
  apology(
    facts: ApologyFacts,
    command: ApologyCommand,
    now: Date,
    regime: LegalRegime,
  ): Promise<ReturnType<typeof decideApology>>;
  /** The latest moment to issue the apology for this appointment, or null when none can be computed. */
  apologyLatest(dueAt: Date, regime: LegalRegime): Promise<Date | null>;
}

/** Called in the transaction that sets or moves a file's appointment or assignee (reminders are scheduled here). */
export type DeadlineHook = (
  trx: Transaction<Database>,
  app: { provinceCode: string; id: string; dueAt: Date | null; assigneeId: string | null },
) => Promise<void>;

/** A step just written (intake or action), with the file as it is now; called inside the step's transaction. */
export type StepHook = (
  trx: Transaction<Database>,
  step: {
    action: string;
    row: ApplicationRow;
    payload: Record<string, unknown>;
    at: Date;
  },
) => Promise<void>;
