import { useState, type FormEvent } from 'react';
import { describeError, messagesByField, type ErrorDescription } from '../../app/problem.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { SubmitCancel } from '../../ui/form-buttons.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFieldErrors } from '../../ui/use-field-errors.ts';
import { applicationBase, postAndReload, type ApplicationRecords } from './types.ts';

const FIELD_IDS = {
  kind: 'draft-kind',
  symbol: 'draft-symbol',
  title: 'draft-title',
  body: 'draft-body',
  recipients: 'draft-recipients',
} as const;

/** Same rule as the contract's DocumentSymbol (ký hiệu văn bản, Decree 30/2020). */
const SYMBOL = /^[A-ZĐ0-9][A-ZĐ0-9.-]{0,29}$/;

/** Paragraphs are separated by blank lines; single line breaks stay inside a paragraph. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** The specialist's draft of the result (a decision, a certificate…), numbered only when sealed. */
export function ResultDraftForm({
  applicationId,
  onDone,
  onCancel,
}: {
  applicationId: string;
  onDone: (records: ApplicationRecords) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState({
    kind: 'QUYẾT ĐỊNH',
    symbol: 'QĐ-UBND',
    title: '',
    body: '',
    recipients: '',
  });
  const { fieldErrors, setFieldErrors, showErrors } = useFieldErrors(FIELD_IDS);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const validate = () => {
    const errors: Record<string, string> = {};
    if (values.kind.trim().length < 2) errors['kind'] = t('records.draft.kindRequired');
    if (!SYMBOL.test(values.symbol.trim())) errors['symbol'] = t('records.draft.symbolInvalid');
    if (values.title.trim().length < 5) errors['title'] = t('records.draft.titleRequired');
    if (paragraphs(values.body).length === 0) errors['body'] = t('records.draft.bodyRequired');
    return errors;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (showErrors(validate())) return;
    const recipients = lines(values.recipients);
    setBusy(true);
    try {
      onDone(
        await postAndReload(applicationId, `${applicationBase(applicationId)}/results`, {
          kind: values.kind.trim(),
          title: values.title.trim(),
          body: paragraphs(values.body),
          symbol: values.symbol.trim(),
          ...(recipients.length > 0 ? { recipients } : {}),
        }),
      );
    } catch (caught) {
      const described = describeError(caught, t);
      setError(described);
      setFieldErrors(messagesByField(described.fields));
      setBusy(false);
    }
  };

  return (
    <form className="form card" noValidate aria-labelledby="draft-heading" onSubmit={(e) => void submit(e)}>
      <h4 id="draft-heading">{t('records.draft.title')}</h4>
      <ErrorSummary error={error} fieldErrors={fieldErrors} fieldIds={FIELD_IDS} />
      <div className="form--grid">
        <TextField
          id={FIELD_IDS.kind}
          label={t('records.draft.kind')}
          error={fieldErrors['kind']}
          value={values.kind}
          onChange={set('kind')}
        />
        <TextField
          id={FIELD_IDS.symbol}
          label={t('records.draft.symbol')}
          hint={t('records.draft.symbolHint')}
          error={fieldErrors['symbol']}
          spellCheck={false}
          value={values.symbol}
          onChange={set('symbol')}
        />
      </div>
      <TextField
        id={FIELD_IDS.title}
        label={t('records.draft.subject')}
        error={fieldErrors['title']}
        value={values.title}
        onChange={set('title')}
      />
      <TextField
        id={FIELD_IDS.body}
        label={t('records.draft.body')}
        hint={t('records.draft.bodyHint')}
        error={fieldErrors['body']}
        rows={8}
        value={values.body}
        onChange={set('body')}
      />
      <TextField
        id={FIELD_IDS.recipients}
        label={t('records.draft.recipients')}
        hint={t('records.draft.recipientsHint')}
        error={fieldErrors['recipients']}
        rows={3}
        value={values.recipients}
        onChange={set('recipients')}
      />
      <SubmitCancel busy={busy} submitLabel={t('records.draft.submit')} onCancel={onCancel} />
    </form>
  );
}
