import { useState } from 'react';

/**
 * The per-field errors of a form. `showErrors` puts the errors found before sending by their fields and
 * moves focus to the first, so that a keyboard or screen-reader user lands on what to fix; it returns
 * true when there was any (the form then stops there).
 */
export function useFieldErrors(fieldIds: Readonly<Record<string, string>>) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const showErrors = (errors: Record<string, string>): boolean => {
    setFieldErrors(errors);
    const first = Object.keys(errors)[0];
    if (first === undefined) return false;
    const id = fieldIds[first];
    if (id) document.getElementById(id)?.focus();
    return true;
  };
  return { fieldErrors, setFieldErrors, showErrors };
}
