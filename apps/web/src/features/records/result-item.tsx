import { useState } from 'react';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PinForm } from './pin-form.tsx';
import {
  applicationBase,
  postAndReload,
  problemText,
  type ApplicationRecords,
  type ResultSummary,
} from './types.ts';

type Step = 'sign' | 'seal';

/** One result document: status, preview, and the leader's signature or the desk's seal when due. */
export function ResultItem({
  applicationId,
  result,
  can,
  onChange,
}: {
  applicationId: string;
  result: ResultSummary;
  can: ApplicationRecords['can'];
  onChange: (records: ApplicationRecords) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `${applicationBase(applicationId)}/results/${result.n}`;
  const next: Step | null =
    result.status === 'draft' && can.sign ? 'sign' : result.status === 'signed' && can.seal ? 'seal' : null;
  const titleId = `result-${result.n}-title`;

  const submit = async (step: Step, password: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      onChange(await postAndReload(applicationId, `${base}/${step}`, { password }));
      setOpen(null);
      return true;
    } catch (caught) {
      setError(problemText(caught, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="record-row">
      <div className="record-row__main">
        <p className="record-row__name" id={titleId}>
          <span className="code">{result.resultCode}</span> – {result.kind}
          {result.numberSymbol ? ` ${t('records.numberSymbol', { symbol: result.numberSymbol })}` : ''}
        </p>
        <p>{result.title}</p>
        <p className="record-row__status">
          <span className={`badge badge--result-${result.status}`}>
            {t(`records.status.${result.status}`)}
          </span>
          {result.pages ? <span className="muted">{t('records.pages', { pages: result.pages })}</span> : null}
          {result.signedAt ? (
            <span className="muted">{t('records.signedAt', { at: formatDateTime(result.signedAt) })}</span>
          ) : null}
          {result.sealedAt ? (
            <span className="muted">{t('records.sealedAt', { at: formatDateTime(result.sealedAt) })}</span>
          ) : null}
        </p>
      </div>
      <div className="record-row__tools">
        <a href={`${base}/file`} target="_blank" rel="noopener" aria-describedby={titleId}>
          {result.status === 'draft' ? t('records.previewDraft') : t('records.openResult')}
        </a>
        {next ? (
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={open === next}
            aria-controls={open === next ? `result-${result.n}-pin-form` : undefined}
            onClick={() => {
              setError(null);
              setOpen(open === next ? null : next);
            }}
          >
            {next === 'sign' ? t('records.sign') : t('records.seal')}
          </button>
        ) : null}
      </div>
      {open ? (
        <div id={`result-${result.n}-pin-form`} className="record-row__form">
          <PinForm
            id={`result-${result.n}-pin`}
            title={open === 'sign' ? t('records.sign') : t('records.seal')}
            label={open === 'sign' ? t('records.signPin') : t('records.sealPin')}
            submitLabel={open === 'sign' ? t('records.signConfirm') : t('records.sealConfirm')}
            error={error}
            busy={busy}
            onSubmit={(pin) => submit(open, pin)}
            onCancel={() => setOpen(null)}
          />
        </div>
      ) : null}
    </li>
  );
}
