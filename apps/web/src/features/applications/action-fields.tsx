import type { Unit, UnitList } from '@motcua/contracts';
import { useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Field } from '../../ui/field.tsx';

/** Where a file may be transferred for decision: units that decide, not levels of government. */
const TRANSFER_KINDS: ReadonlySet<Unit['kind']> = new Set([
  'commune',
  'ward',
  'town',
  'special_zone',
  'department',
  'pasc',
]);

export interface Staff {
  id: string;
  fullName: string;
  roles: ('specialist' | 'leader')[];
}

function useList<T>(url: string | null, pick: (body: unknown) => T[]): T[] {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    api.get<unknown>(url, controller.signal).then(
      (body) => setItems(pick(body)),
      () => setItems([]),
    );
    return () => controller.abort();
    // `pick` is a pure mapping fixed by the caller: only the address decides when to load.
  }, [url]);
  return items;
}

export const useTransferUnits = (enabled: boolean): Unit[] =>
  useList(enabled ? `/api/units?at=${todayIso()}` : null, (body) =>
    (body as UnitList).items.filter((u) => TRANSFER_KINDS.has(u.kind)),
  );

/** The officers of the deciding department, by name (GET /api/applications/:id/assignees). */
export const useStaff = (applicationId: string, enabled: boolean): Staff[] =>
  useList(
    enabled ? `/api/applications/${encodeURIComponent(applicationId)}/assignees` : null,
    (body) => (body as { items: Staff[] }).items,
  );

/** A select of officers; the caller chooses which roles qualify. */
export function StaffSelect({
  id,
  label,
  hint,
  staff,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  staff: Staff[];
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const roleName = (r: Staff['roles'][number]) =>
    r === 'leader' ? t('file.roleLeader') : t('file.roleSpecialist');
  return (
    <Field id={id} label={label} {...(hint ? { hint } : {})} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('file.choose')}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {`${s.fullName} (${s.roles.map(roleName).join(', ')})`}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
