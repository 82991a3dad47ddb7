import { useEffect, useRef, useState, type FormEvent } from 'react';
import { RATING_LEVEL_NAMES } from '@motcua/domain/ratings/criteria';
import { api } from '../../app/api.ts';
import { describeError } from '../../app/problem.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Field } from '../../ui/field.tsx';
import { useReport } from '../../ui/use-report.ts';
import { problemText } from '../records/types.ts';
import type { FeedbackItem, FeedbackList, FeedbackStatus } from './types.ts';

const STATUSES: readonly FeedbackStatus[] = ['open', 'answered', 'withdrawn'];

/** The answer form under one open item: the leader writes, sends, and the list reloads. */
function AnswerForm({ item, onAnswered }: { item: FeedbackItem; onAnswered: (code: string) => void }) {
  const { t } = useI18n();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const id = `answer-${item.id}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (answer.trim() === '') {
      setError(t('ratings.answerRequired'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/feedback/${encodeURIComponent(item.id)}/answer`, { answer });
      onAnswered(item.applicationCode);
    } catch (failure) {
      setError(problemText(failure, t));
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form feedback-answer" noValidate onSubmit={(e) => void submit(e)}>
      <Field
        id={id}
        label={t('ratings.answerLabel')}
        hint={t('ratings.answerHint')}
        error={error ?? undefined}
      >
        {(control) => (
          <textarea
            {...control}
            ref={inputRef}
            rows={4}
            maxLength={4000}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
          />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('file.working') : t('ratings.answerSend')}
        </button>
      </div>
    </form>
  );
}

function statusLabel(t: Translate, status: FeedbackStatus | 'all'): string {
  return t(`ratings.status.${status}`);
}

function Item({ item, onAnswered }: { item: FeedbackItem; onAnswered: (code: string) => void }) {
  const { t, lang } = useI18n();
  return (
    <li className="feedback-item card">
      <h3>
        {t('ratings.fileCode', { code: item.applicationCode })}{' '}
        <span className={`badge feedback-status--${item.status}`}>{statusLabel(t, item.status)}</span>
      </h3>
      <p className="feedback-meta">
        {item.procedureName} · {item.unitName} · {t('ratings.sentAt', { at: formatDateTime(item.createdAt) })}
        <br />
        {t('ratings.currentLevel', { level: RATING_LEVEL_NAMES[item.level][lang] })}
      </p>
      <figure className="feedback-comment">
        <figcaption>{t('ratings.comment')}</figcaption>
        <blockquote lang="vi">{item.comment}</blockquote>
      </figure>
      {item.answer ? (
        <div className="feedback-reply">
          <p className="feedback-meta">
            {t('ratings.answeredBy', {
              name: item.answeredBy?.fullName ?? '–',
              at: formatDateTime(item.answeredAt),
            })}
          </p>
          <p>{item.answer}</p>
        </div>
      ) : null}
      {item.status === 'open' ? <AnswerForm item={item} onAnswered={onAnswered} /> : null}
    </li>
  );
}

/** The feedback items of the chosen unit and below, for its leaders: filter by status, answer the open ones. */
export function FeedbackSection({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<FeedbackStatus | 'all'>('open');
  const [version, setVersion] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const query = new URLSearchParams({ unitId, ...(status === 'all' ? {} : { status }) }).toString();
  // An answer sent: the same list, read again.
  const list = useReport<FeedbackList>(`/api/feedback?${query}`, version);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const answered = (code: string) => {
    setDone(t('ratings.answerDone', { code }));
    setVersion((v) => v + 1);
  };

  return (
    <section className="report-section feedback" aria-labelledby="ratings-feedback">
      <h2 id="ratings-feedback">{t('ratings.feedback')}</h2>
      <p>{t('ratings.feedbackIntro')}</p>
      <div className="field feedback-filter">
        <label htmlFor="feedback-status">{t('ratings.status')}</label>
        <select
          id="feedback-status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as FeedbackStatus | 'all');
            setDone(null);
          }}
        >
          {[...STATUSES, 'all' as const].map((s) => (
            <option key={s} value={s}>
              {statusLabel(t, s)}
            </option>
          ))}
        </select>
      </div>
      <p
        role="status"
        ref={doneRef}
        tabIndex={-1}
        className={done ? 'alert alert--success' : 'visually-hidden'}
      >
        {done ?? ''}
      </p>
      {list.loading ? <p className="loading">{t('app.loading')}</p> : null}
      {list.error ? <ErrorSummary error={describeError(list.error, t)} /> : null}
      {list.data && list.data.items.length === 0 ? <p className="empty">{t('ratings.noFeedback')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="feedback-list">
          {list.data.items.map((item) => (
            <Item key={item.id} item={item} onAnswered={answered} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
