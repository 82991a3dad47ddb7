import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { PAUSED_STATES } from '@motcua/domain/workflow/states';
import type { Database, NotificationsTable } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type NotificationRow = Selectable<NotificationsTable>;

export interface NewNotification {
  provinceCode: string;
  /** Derived from the job id (and the recipient): the same key twice inserts one row. */
  key: string;
  userId: string;
  kind: string;
  applicationId: string | null;
  titleVi: string;
  titleEn: string;
  body: Record<string, unknown>;
  createdAt: Date;
}

const COLUMNS = [
  'id',
  'kind',
  'application_id',
  'title_vi',
  'title_en',
  'body',
  'created_at',
  'read_at',
] as const;

/** All SQL of the inbox and of the reminder and digest jobs. */
export const notificationsRepository = {
  /** Returns how many were new: a re-run job finds its rows already there. */
  async insert(db: Db, notices: readonly NewNotification[]): Promise<number> {
    if (notices.length === 0) return 0;
    const rows = await db
      .insertInto('notifications')
      .values(
        notices.map((n) => ({
          province_code: n.provinceCode,
          key: n.key,
          user_id: n.userId,
          kind: n.kind,
          application_id: n.applicationId,
          title_vi: n.titleVi,
          title_en: n.titleEn,
          body: JSON.stringify(n.body),
          created_at: n.createdAt,
        })),
      )
      .onConflict((oc) => oc.columns(['province_code', 'key']).doNothing())
      .returning('id')
      .execute();
    return rows.length;
  },

  // A user's notices may come from several provinces (a national leader): selected by user, not by shard.
  async listForUser(db: Db, userId: string, limit: number) {
    return db
      .selectFrom('notifications')
      .select(COLUMNS)
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  async unreadCount(db: Db, userId: string): Promise<number> {
    const row = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** False when the notice is not this user's (or does not exist); marking twice keeps the first time. */
  async markRead(db: Db, userId: string, id: string, now: Date): Promise<boolean> {
    const row = await db
      .updateTable('notifications')
      .set({ read_at: sql<Date>`coalesce(read_at, ${now})` })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  },

  async application(db: Db, provinceCode: string, id: string) {
    return db
      .selectFrom('applications')
      .select(['id', 'code', 'state', 'due_at', 'assignee_id', 'processed_at'])
      .where('province_code', '=', provinceCode)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /**
   * Open files of a unit past their appointment: the deciding unit's, or the receiving unit's before transfer.
   * Not finished (terminal), not decided (processed_at: processing ended, DVCQG counts it then), not paused.
   */
  async overdue(db: Db, provinceCode: string, unitId: string, now: Date) {
    return db
      .selectFrom('applications')
      .select(['id', 'code', 'due_at'])
      .where('province_code', '=', provinceCode)
      .where((eb) =>
        eb.or([
          eb('deciding_unit_id', '=', unitId),
          eb.and([eb('deciding_unit_id', 'is', null), eb('receiving_unit_id', '=', unitId)]),
        ]),
      )
      .where('finished_at', 'is', null)
      .where('processed_at', 'is', null)
      .where('state', 'not in', PAUSED_STATES)
      .where('due_at', '<', now)
      .orderBy('due_at')
      .orderBy('code')
      .execute();
  },

  /** Units answerable for at least one open file (deciding, or receiving before transfer). */
  async responsibleUnits(db: Db) {
    return db
      .selectFrom('applications')
      .select(['province_code', sql<string>`coalesce(deciding_unit_id, receiving_unit_id)`.as('unit_id')])
      .where('finished_at', 'is', null)
      .distinct()
      .execute();
  },

  /** Of these users, the active ones with a work e-mail (users is a small reference table). */
  async withEmail(db: Db, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', userIds)
      .where('active', '=', true)
      .where('email', 'is not', null)
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  /** A notice and where to e-mail it: the recipient's current address (null once removed or deactivated). */
  async mailOf(db: Db, provinceCode: string, key: string) {
    return db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['n.kind', 'n.application_id', 'n.title_vi', 'n.title_en', 'n.body', 'u.email', 'u.active'])
      .where('n.province_code', '=', provinceCode)
      .where('n.key', '=', key)
      .executeTakeFirst();
  },

  /** Active users' leader grants (user_roles is a small reference table). */
  async leaderGrants(db: Db) {
    return db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select(['user_roles.user_id as userId', 'user_roles.unit_id as unitId'])
      .where('user_roles.role', '=', 'leader')
      .where('users.active', '=', true)
      .execute();
  },
};
