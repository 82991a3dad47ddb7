import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

export const NOTIFICATION_KINDS = ['deadline.reminder', 'overdue.digest'] as const;
export const NotificationKind = Type.Enum(NOTIFICATION_KINDS);
export type NotificationKind = Static<typeof NotificationKind>;

export const OverdueFile = Type.Object({ id: Uuid, code: Type.String(), dueAt: IsoDateTime });
export type OverdueFile = Static<typeof OverdueFile>;

/** Details shown under the title: the appointment of a reminder, the overdue files of a digest. */
export const NotificationBody = Type.Object({
  code: Type.Optional(Type.String()),
  dueAt: Type.Optional(IsoDateTime),
  when: Type.Optional(Type.Enum(['before', 'at'])),
  unitId: Type.Optional(Uuid),
  date: Type.Optional(IsoDate),
  applications: Type.Optional(Type.Array(OverdueFile)),
});
export type NotificationBody = Static<typeof NotificationBody>;

export const Notification = Type.Object({
  id: Uuid,
  kind: NotificationKind,
  applicationId: Type.Union([Uuid, Type.Null()]),
  titleVi: Type.String(),
  titleEn: Type.String(),
  body: NotificationBody,
  createdAt: IsoDateTime,
  readAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type Notification = Static<typeof Notification>;

export const NotificationList = Type.Object({
  items: Type.Array(Notification),
  /** All unread notifications of the user, not only those in `items`. */
  unread: Type.Integer({ minimum: 0 }),
});
export type NotificationList = Static<typeof NotificationList>;

export const NotificationListQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
  { additionalProperties: false },
);
export type NotificationListQuery = Static<typeof NotificationListQuery>;
