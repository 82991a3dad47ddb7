import type { ReactNode } from 'react';
import { Field } from './field.tsx';

/**
 * A short text, date or number input in a Field, tied to its label, hint and error;
 * with `rows`, a text area of that many rows instead.
 */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  type = 'text',
  rows,
  onChange,
  spellCheck,
  extra,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  value: string;
  type?: 'text' | 'date' | 'number';
  /** A multi-line text area of this many rows; `type` does not apply. */
  rows?: number;
  onChange: (value: string) => void;
  /** Off for codes and keys: a spelling checker has nothing to say about them. */
  spellCheck?: boolean;
  extra?: ReactNode;
}) {
  return (
    <Field id={id} label={label} {...(hint ? { hint } : {})} error={error}>
      {(control) => (
        <>
          {rows === undefined ? (
            <input
              {...control}
              type={type}
              autoComplete="off"
              {...(spellCheck === undefined ? {} : { spellCheck })}
              {...(type === 'number' ? { min: 1, max: 60, inputMode: 'numeric' as const } : {})}
              value={value}
              onChange={(e) => onChange(e.target.value)}
            />
          ) : (
            <textarea
              {...control}
              rows={rows}
              {...(spellCheck === undefined ? {} : { spellCheck })}
              value={value}
              onChange={(e) => onChange(e.target.value)}
            />
          )}
          {extra}
        </>
      )}
    </Field>
  );
}
