import { useRef, useState, type ChangeEvent } from 'react';
import { api } from '../../app/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { RowError } from './row-error.tsx';
import { applicationBase, problemText, type ApplicationRecords, type DocumentComponent } from './types.ts';

/** What the desk scans: the formats the server accepts (it judges the type from the bytes anyway). */
export const SCAN_ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff';

/** One submitted document: its digitization status, the scan, and an upload control for the desk. */
export function DocumentRow({
  applicationId,
  component,
  canDigitize,
  onChange,
}: {
  applicationId: string;
  component: DocumentComponent;
  canDigitize: boolean;
  onChange: (records: ApplicationRecords) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const { position, file, reused } = component;
  const url = `${applicationBase(applicationId)}/documents/${position}/file`;
  const inputId = `scan-${position}`;
  const errorId = `scan-${position}-error`;
  const nameId = `scan-${position}-name`;

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    const form = new FormData();
    form.append('file', chosen);
    setBusy(true);
    setError(null);
    try {
      onChange(await api.postForm<ApplicationRecords>(url, form));
    } catch (caught) {
      setError(problemText(caught, t));
    } finally {
      setBusy(false);
      // The same file can be chosen again after a fix (a change event needs a new value).
      if (input.current) input.current.value = '';
    }
  };

  return (
    <li className="record-row" aria-busy={busy}>
      <div className="record-row__main">
        <p className="record-row__name" id={nameId}>
          {position}. {component.name}
          <span className="muted">
            {' '}
            – {t('records.copyLine', { copy: t(`copy.${component.copyType}`), quantity: component.quantity })}
          </span>
        </p>
        <p className="record-row__status">
          {reused ? (
            <span className="badge badge--reused">{t('records.reusedFrom', { code: reused.code })}</span>
          ) : null}
          {component.digitized && file ? (
            <span className="badge badge--done">{t('records.digitized', { pages: file.pages })}</span>
          ) : (
            <span className="badge badge--todo">{t('records.notDigitized')}</span>
          )}
          {file ? (
            <span className="muted record-row__meta">
              {t('records.fileMeta', { name: file.fileName, at: formatDateTime(file.digitizedAt) })}
            </span>
          ) : null}
        </p>
      </div>
      <div className="record-row__tools">
        {file ? (
          <a href={url} target="_blank" rel="noopener" aria-describedby={nameId}>
            {t('records.openScan')}
          </a>
        ) : null}
        {canDigitize ? (
          <div className="record-row__upload">
            <label htmlFor={inputId}>
              {file ? t('records.replaceScan') : t('records.uploadScan')}
              <span className="visually-hidden">: {component.name}</span>
            </label>
            <input
              ref={input}
              id={inputId}
              type="file"
              accept={SCAN_ACCEPT}
              disabled={busy}
              aria-describedby={error ? errorId : undefined}
              aria-invalid={error ? true : undefined}
              onChange={(e) => void upload(e)}
            />
            {busy ? (
              <p className="muted" role="status">
                {t('records.uploading')}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <RowError id={errorId} error={error} />
    </li>
  );
}
