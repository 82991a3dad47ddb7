import { useMemo } from 'react';
import { useUser } from '../app/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export interface UnitOption {
  id: string;
  name: string;
}

/** The roles that read the desk's queue and its reports. */
const READERS = new Set(['receptionist', 'specialist', 'leader', 'ioc_operator']);

/** The units where the signed-in user reads the queue and its reports, each once. */
export function useReaderUnits(): UnitOption[] {
  const user = useUser();
  return useMemo(() => {
    const seen = new Map<string, string>();
    for (const grant of user.roles) if (READERS.has(grant.role)) seen.set(grant.unitId, grant.unitName);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [user.roles]);
}

/**
 * A choice of unit when there are several. With only one, nothing — or, given `lineClassName`,
 * a read-only line naming it.
 */
export function UnitSelect({
  id,
  units,
  value,
  onChange,
  lineClassName,
}: {
  id: string;
  units: UnitOption[];
  value: string;
  onChange: (unitId: string) => void;
  lineClassName?: string;
}) {
  const { t } = useI18n();
  if (units.length > 1) {
    return (
      <div className="field">
        <label htmlFor={id}>{t('queue.unit')}</label>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (lineClassName === undefined) return null;
  return (
    <p className={lineClassName}>
      <span className="label">{t('queue.unit')}:</span> {units[0]?.name ?? '–'}
    </p>
  );
}
