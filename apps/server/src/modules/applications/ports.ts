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
}
