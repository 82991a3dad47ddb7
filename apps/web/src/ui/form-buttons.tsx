import { useI18n } from '../i18n/i18n.tsx';

/** A form's submit button, which reads “working” while the request runs, and its cancel button. */
export function SubmitCancel({
  busy,
  submitLabel,
  onCancel,
}: {
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('file.working') : submitLabel}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('file.cancel')}
      </button>
    </div>
  );
}
