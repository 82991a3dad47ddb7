import type { Notification } from '@motcua/contracts/notifications';
import { useState } from 'react';
import { Link, applicationPath } from '../../app/router.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Page } from '../../ui/page.tsx';
import { describeError } from '../../app/problem.ts';
import { markRead, useInbox } from './inbox-store.ts';

function Item({ notice, onRead }: { notice: Notification; onRead: (id: string) => void }) {
  const { t, lang } = useI18n();
  const titleId = `notice-${notice.id}`;
  const files = notice.body.applications ?? [];
  return (
    <li className={`card inbox__item${notice.readAt ? '' : ' inbox__item--unread'}`}>
      <h2 id={titleId} className="inbox__title">
        {lang === 'vi' ? notice.titleVi : notice.titleEn}
      </h2>
      <p className="inbox__meta">
        {formatDateTime(notice.createdAt)} · {notice.readAt ? t('inbox.read') : t('inbox.unreadMark')}
      </p>
      {notice.applicationId ? (
        <p>
          <Link to={applicationPath(notice.applicationId)}>
            {t('inbox.openFile', { code: notice.body.code ?? '' })}
          </Link>
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul className="inbox__files" aria-label={t('inbox.overdueFiles')}>
          {files.map((file) => (
            <li key={file.id}>
              <Link to={applicationPath(file.id)}>{file.code}</Link> –{' '}
              {t('inbox.dueAt', { at: formatDateTime(file.dueAt) })}
            </li>
          ))}
        </ul>
      ) : null}
      {notice.readAt ? null : (
        <button
          type="button"
          className="button button--secondary"
          aria-describedby={titleId}
          onClick={() => onRead(notice.id)}
        >
          {t('inbox.markRead')}
        </button>
      )}
    </li>
  );
}

/** The user's notifications, newest first: deadline reminders and overdue digests. */
export function InboxPage() {
  const { t } = useI18n();
  const inbox = useInbox();
  const [error, setError] = useState<unknown>(null);
  const read = (id: string) => {
    setError(null);
    markRead(id).catch(setError);
  };
  const failure = error ?? inbox.error;
  return (
    <Page title={t('inbox.title')} intro={t('inbox.intro')}>
      {failure ? <ErrorSummary error={describeError(failure, t)} /> : null}
      {!inbox.loaded ? (
        <p role="status">{t('app.loading')}</p>
      ) : (
        <>
          <p role="status">{t('inbox.count', { unread: inbox.unread })}</p>
          {inbox.items.length === 0 ? (
            <p>{t('inbox.empty')}</p>
          ) : (
            <ul className="inbox">
              {inbox.items.map((notice) => (
                <Item key={notice.id} notice={notice} onRead={read} />
              ))}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
