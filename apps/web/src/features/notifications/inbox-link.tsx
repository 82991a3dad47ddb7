import { useEffect } from 'react';
import { Link, ROUTES } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { clearInbox, useInbox } from './inbox-store.ts';

const POLL_MS = 60_000;

/** "Thông báo (n)" in the header: the unread count, refreshed every minute. */
export function InboxLink() {
  const { t } = useI18n();
  const { unread } = useInbox(POLL_MS);
  useEffect(() => clearInbox, []);
  return (
    <Link to={ROUTES.inbox} className="button button--header">
      {t('inbox.link', { count: unread })}
    </Link>
  );
}
