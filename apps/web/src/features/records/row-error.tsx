import { useI18n } from '../../i18n/i18n.tsx';

/** The error under a record row (a failed upload or reuse), announced as it appears; nothing without one. */
export function RowError({ id, error }: { id: string; error: string | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p id={id} className="field__error record-row__error" role="alert">
      <span className="visually-hidden">{t('error.prefix')} </span>
      {error}
    </p>
  );
}
