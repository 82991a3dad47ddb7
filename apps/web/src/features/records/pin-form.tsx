import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { Field } from '../../ui/field.tsx';
import { SubmitCancel } from '../../ui/form-buttons.tsx';

/**
 * Asks for the PIN of a PKCS#12 key just before one signature. The PIN goes with that request only: it is
 * never kept in state after the answer, nor offered to the browser's password manager.
 */
export function PinForm({
  id,
  title,
  label,
  submitLabel,
  error,
  busy,
  onSubmit,
  onCancel,
}: {
  id: string;
  title: string;
  label: string;
  submitLabel: string;
  error: string | null;
  busy: boolean;
  onSubmit: (pin: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [missing, setMissing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pin === '') {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    setMissing(false);
    const done = await onSubmit(pin);
    setPin('');
    if (!done) inputRef.current?.focus();
  };

  const message = missing ? t('records.pinRequired') : (error ?? undefined);
  return (
    <form className="form pin-form" noValidate aria-label={title} onSubmit={(e) => void submit(e)}>
      <Field id={id} label={label} hint={t('records.pinHint')} error={message}>
        {(control) => (
          <input
            {...control}
            ref={inputRef}
            type="password"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        )}
      </Field>
      <SubmitCancel busy={busy} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
