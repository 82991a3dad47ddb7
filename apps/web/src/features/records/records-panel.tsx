import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DocumentRow } from './document-row.tsx';
import { ResultDraftForm } from './result-draft-form.tsx';
import { ResultItem } from './result-item.tsx';
import { ReuseList } from './reuse-list.tsx';
import { applicationBase, problemText, type ApplicationRecords } from './types.ts';
import './records.css';

/** The application's digital record: scans of what was submitted, and the e-results (Decree 45/2020). */
export function RecordsPanel({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const [records, setRecords] = useState<ApplicationRecords | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const found = await api.get<ApplicationRecords>(`${applicationBase(applicationId)}/records`, signal);
        if (!signal?.aborted) setRecords(found);
      } catch (error) {
        if (!signal?.aborted) setLoadError(problemText(error, t));
      }
    },
    [applicationId, t],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  return (
    <>
      <section aria-labelledby="records-heading" className="records">
        <h2 id="records-heading">{t('records.title')}</h2>
        {loadError ? <p className="field__error">{loadError}</p> : null}
        {!records && !loadError ? (
          <p className="loading" role="status">
            {t('records.loading')}
          </p>
        ) : null}
        {records ? <DigitizedDocuments records={records} onChange={setRecords} /> : null}
      </section>
      {records ? <ResultsSection records={records} onChange={setRecords} /> : null}
    </>
  );
}

function DigitizedDocuments({
  records,
  onChange,
}: {
  records: ApplicationRecords;
  onChange: (records: ApplicationRecords) => void;
}) {
  const { t } = useI18n();
  const { components, can } = records;
  const done = components.filter((c) => c.digitized).length;
  return (
    <div className="card">
      <p className="records__summary">
        {t('records.summary', { done, total: components.length })}
        {can.digitize ? <span className="muted"> {t('records.acceptHint')}</span> : null}
      </p>
      {components.length === 0 ? (
        <p className="muted">{t('file.noDocuments')}</p>
      ) : (
        <ul className="record-list" aria-label={t('records.listLabel')}>
          {components.map((c) => (
            <DocumentRow
              key={c.position}
              applicationId={records.applicationId}
              component={c}
              canDigitize={can.digitize}
              onChange={onChange}
            />
          ))}
        </ul>
      )}
      {can.digitize && components.length > 0 ? (
        <ReuseList applicationId={records.applicationId} components={components} onChange={onChange} />
      ) : null}
    </div>
  );
}

function ResultsSection({
  records,
  onChange,
}: {
  records: ApplicationRecords;
  onChange: (records: ApplicationRecords) => void;
}) {
  const { t } = useI18n();
  const [drafting, setDrafting] = useState(false);
  const { results, can, applicationId } = records;
  return (
    <section aria-labelledby="results-heading" className="records">
      <h2 id="results-heading">{t('records.results')}</h2>
      <div className="card">
        {results.length === 0 ? (
          <p className="muted">{t('records.noResults')}</p>
        ) : (
          <ul className="record-list" aria-label={t('records.resultsLabel')}>
            {results.map((r) => (
              <ResultItem key={r.n} applicationId={applicationId} result={r} can={can} onChange={onChange} />
            ))}
          </ul>
        )}
        {can.draft && !drafting ? (
          <p>
            <button type="button" className="button button--secondary" onClick={() => setDrafting(true)}>
              {t('records.draft.open')}
            </button>
          </p>
        ) : null}
        {drafting ? (
          <ResultDraftForm
            applicationId={applicationId}
            onCancel={() => setDrafting(false)}
            onDone={(next) => {
              onChange(next);
              setDrafting(false);
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
