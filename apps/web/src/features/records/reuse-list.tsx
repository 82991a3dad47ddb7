import { useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  applicationBase,
  postAndReload,
  problemText,
  type ApplicationRecords,
  type DocumentComponent,
  type ReusableItem,
} from './types.ts';
import { RowError } from './row-error.tsx';

/**
 * Papers the citizen already gave (earlier files, earlier e-results) that stand in for a document of this file,
 * so the desk does not ask for them again (Decree 45/2020 art. 15).
 */
export function ReuseList({
  applicationId,
  components,
  onChange,
}: {
  applicationId: string;
  components: DocumentComponent[];
  onChange: (records: ApplicationRecords) => void;
}) {
  const { t } = useI18n();
  const [items, setItems] = useState<ReusableItem[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.get<{ items: ReusableItem[] }>(`${applicationBase(applicationId)}/reusable`, controller.signal).then(
      (list) => {
        if (!controller.signal.aborted) setItems(list.items);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoadError(problemText(error, t));
      },
    );
    return () => controller.abort();
  }, [applicationId, t]);

  // A paper already reused for the document it stands for is no longer offered.
  const offered = items?.filter(
    (item) => !components.some((c) => c.reused?.code === item.code && c.position === item.suggestedPosition),
  );

  return (
    <section className="records-reuse" aria-labelledby="records-reuse">
      <h3 id="records-reuse">{t('records.reuseTitle')}</h3>
      {loadError ? <p className="field__error">{loadError}</p> : null}
      {items && items.length === 0 ? <p className="muted">{t('records.reuseNone')}</p> : null}
      {offered && offered.length === 0 && items && items.length > 0 ? (
        <p className="muted">{t('records.reuseAllUsed')}</p>
      ) : null}
      {offered && offered.length > 0 ? (
        <ul className="record-list">
          {offered.map((item, i) => (
            <ReuseItem
              key={`${item.source}-${item.code}-${item.position ?? 0}`}
              index={i}
              item={item}
              applicationId={applicationId}
              components={components}
              onChange={onChange}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ReuseItem({
  index,
  item,
  applicationId,
  components,
  onChange,
}: {
  index: number;
  item: ReusableItem;
  applicationId: string;
  components: DocumentComponent[];
  onChange: (records: ApplicationRecords) => void;
}) {
  const { t } = useI18n();
  const [target, setTarget] = useState(String(item.suggestedPosition ?? ''));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectId = `reuse-${index}-target`;
  const errorId = `reuse-${index}-error`;

  const reuse = async () => {
    if (!target) {
      setError(t('records.reusePickRequired'));
      document.getElementById(selectId)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = {
        source: item.source,
        code: item.code,
        ...(item.position ? { position: item.position } : {}),
      };
      onChange(
        await postAndReload(
          applicationId,
          `${applicationBase(applicationId)}/documents/${target}/reuse`,
          body,
        ),
      );
    } catch (caught) {
      setError(problemText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="record-row">
      <div className="record-row__main">
        <p className="record-row__name">{item.name}</p>
        <p className="muted record-row__meta">
          {t(`records.source.${item.source}`, { code: item.code })} ·{' '}
          {t('records.fileMeta', { name: item.fileName, at: formatDateTime(item.at) })} ·{' '}
          {t('records.pages', { pages: item.pages })}
        </p>
      </div>
      <div className="record-row__tools">
        <div className="field">
          <label htmlFor={selectId}>{t('records.reuseFor')}</label>
          <select
            id={selectId}
            value={target}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">{t('file.choose')}</option>
            {components.map((c) => (
              <option key={c.position} value={c.position}>
                {c.position}. {c.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void reuse()}
        >
          {t('records.reuse')}
          <span className="visually-hidden">: {item.name}</span>
        </button>
      </div>
      <RowError id={errorId} error={error} />
    </li>
  );
}
