import type { Kysely } from 'kysely';
import type { Notification, NotificationBody, NotificationKind } from '@motcua/contracts/notifications';
import { fail } from '@motcua/domain/errors';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { notificationsRepository as repo } from './notifications.repository.ts';

const DEFAULT_LIMIT = 50;

type Listed = Awaited<ReturnType<typeof repo.listForUser>>[number];

const toNotification = (row: Listed): Notification => ({
  id: row.id,
  kind: row.kind as NotificationKind,
  applicationId: row.application_id,
  titleVi: row.title_vi,
  titleEn: row.title_en,
  body: row.body as NotificationBody,
  createdAt: row.created_at.toISOString(),
  readAt: row.read_at?.toISOString() ?? null,
});

/** The signed-in user's inbox: only their own notices, whatever their roles. */
export function createNotificationsService(deps: { db: Kysely<Database>; clock?: () => Date }) {
  const { db } = deps;
  const now = deps.clock ?? (() => new Date());

  async function list(actor: Actor, query: { limit?: number | undefined }) {
    const [rows, unread] = await Promise.all([
      repo.listForUser(db, actor.userId, query.limit ?? DEFAULT_LIMIT),
      repo.unreadCount(db, actor.userId),
    ]);
    return { items: rows.map(toNotification), unread };
  }

  async function markRead(actor: Actor, id: string): Promise<void> {
    // Another user's notice is reported as missing, not forbidden: its existence is not theirs to learn.
    if (!(await repo.markRead(db, actor.userId, id, now())))
      fail({ kind: 'NotFound', entity: 'notification', id });
  }

  return { list, markRead };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
