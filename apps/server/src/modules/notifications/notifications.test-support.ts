import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { createJobRunner } from '../../jobs/runner.ts';
import { recordingLogger } from '../../jobs/jobs.test-support.ts';
import type { TestApp } from '../../../test/app.ts';
import { notificationJobHandlers } from './notification-jobs.ts';
import type { StaffMailDeps } from './staff-mail.ts';

/** Test fixtures for the notifications tests (not a test file itself: no `.test.ts`). */
export const PROVINCE = '68';

/** An instant given in Vietnam time: `vn('2026-11-30', '17:00')`. */
export const vn = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);

export interface AppRow {
  state?: string;
  dueAt?: Date | null;
  assigneeId?: string | null;
  receivingUnitId: string;
  decidingUnitId?: string | null;
  processedAt?: Date | null;
  finishedAt?: Date | null;
}

let sequence = 0;

/** Inserts an application row directly (the workflow is tested elsewhere); returns its id and code. */
export async function insertApplication(db: Kysely<Database>, row: AppRow) {
  sequence += 1;
  const id = randomUUID();
  const code = `24871-261127-${String(sequence).padStart(4, '0')}`;
  await db
    .insertInto('applications')
    .values({
      province_code: PROVINCE,
      id,
      code,
      lookup_key: `key${sequence}`,
      procedure_code: '1.001193',
      legal_regime: 'decree_118_2025',
      receiving_unit_id: row.receivingUnitId,
      deciding_unit_id: row.decidingUnitId ?? null,
      assignee_id: row.assigneeId ?? null,
      channel: 1,
      state: row.state ?? 'processing',
      portal_status: 4,
      applicant: JSON.stringify({ kind: 'person', fullName: 'Nguyễn Văn An' }),
      documents: '[]',
      due_at: row.dueAt ?? null,
      processed_at: row.processedAt ?? null,
      finished_at: row.finishedAt ?? null,
    })
    .execute();
  return { id, code };
}

export async function userId(db: Kysely<Database>, username: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function noticesOf(db: Kysely<Database>, user: string) {
  return db
    .selectFrom('notifications')
    .select(['key', 'kind', 'application_id', 'title_vi', 'title_en', 'body', 'created_at'])
    .where('user_id', '=', user)
    .orderBy('created_at')
    .orderBy('key')
    .execute();
}

/**
 * A runner with this module's handlers, on `db` (the app's store or a second pool), with a settable clock;
 * `mail` turns on the e-mail copies of notices.
 */
export function notificationRunner(
  t: TestApp,
  options: { db?: Kysely<Database>; workerId?: string; mail?: StaffMailDeps } = {},
) {
  let now = new Date(0);
  const runner = createJobRunner({
    db: options.db ?? t.app.store.db,
    workerId: options.workerId ?? 'test-runner',
    clock: () => now,
    logger: recordingLogger().logger,
    handlers: notificationJobHandlers({
      db: options.db ?? t.app.store.db,
      currentCalendar: t.app.services.calendar.current,
      units: t.app.services.units,
      ...options.mail,
    }),
  });
  return {
    runner,
    /** Sets the clock and runs every due job; returns how many ran. */
    runAt: async (at: Date): Promise<number> => {
      now = at;
      let total = 0;
      for (let ran = await runner.runOnce(); ran > 0; ran = await runner.runOnce()) total += ran;
      return total;
    },
  };
}

export async function clearNotifications(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('notifications').execute();
  await db.deleteFrom('jobs').execute();
}
