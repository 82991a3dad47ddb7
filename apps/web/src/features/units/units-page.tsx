import { useMemo, useState } from 'react';
import { describeError } from '../../app/problem.ts';
import { useUser } from '../../app/session.tsx';
import { formatDate, isIsoDate, todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Page } from '../../ui/page.tsx';
import { buildTree, countUnits, filterTree } from './tree.ts';
import { UnitCreateForm } from './unit-create-form.tsx';
import { UnitTree } from './unit-tree.tsx';
import { useUnitList } from './use-unit-list.ts';

/** The last day of the three-level structure (districts were abolished on 1 July 2025). */
const LAST_THREE_LEVEL_DAY = '2025-06-30';
/** A tree this small is shown fully expanded. */
const SMALL_TREE = 60;

export function UnitsPage() {
  const { t } = useI18n();
  const user = useUser();
  const today = todayIso();
  const [at, setAt] = useState(today);
  const [query, setQuery] = useState('');
  const [reloadKey, setReloadKey] = useState(0);
  const validDate = isIsoDate(at);

  const dated = useUnitList(validDate ? `/api/units?at=${at}` : null, reloadKey);
  const all = useUnitList('/api/units', reloadKey);

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const unit of [...all.items, ...dated.items]) map.set(unit.id, unit.name);
    return map;
  }, [all.items, dated.items]);
  const tree = useMemo(() => buildTree(dated.items), [dated.items]);
  const shown = useMemo(() => filterTree(tree, query), [tree, query]);
  const isAdmin = user.roles.some((grant) => grant.role === 'admin');

  const quick = [
    { date: LAST_THREE_LEVEL_DAY, label: t('units.quick.threeLevel') },
    { date: today, label: t('units.quick.today') },
  ];

  let body;
  if (!validDate) body = <p className="muted">{t('units.pickDate')}</p>;
  else if (dated.error) body = <ErrorSummary error={describeError(dated.error, t)} />;
  else if (dated.loading && dated.items.length === 0) body = null;
  else if (tree.length === 0) body = <p className="empty">{t('units.empty')}</p>;
  else if (shown.length === 0) body = <p className="empty">{t('units.noMatch')}</p>;
  else {
    body = (
      <UnitTree
        nodes={shown}
        names={names}
        label={t('units.treeLabel', { date: formatDate(at) })}
        expanded={query.trim() !== '' || countUnits(tree) <= SMALL_TREE}
      />
    );
  }

  return (
    <Page title={t('units.title')} intro={t('units.intro')}>
      <div className="toolbar card">
        <div className="field">
          <label htmlFor="units-at">{t('units.at')}</label>
          <input id="units-at" type="date" value={at} onChange={(e) => setAt(e.target.value)} />
        </div>
        <div className="field" role="group" aria-labelledby="units-quick">
          <span id="units-quick" className="label">
            {t('units.quick')}
          </span>
          <div className="button-row">
            {quick.map(({ date, label }) => (
              <button
                key={date}
                type="button"
                className="button button--secondary"
                aria-pressed={at === date}
                onClick={() => setAt(date)}
              >
                {label}
              </button>
            ))}
          </div>
        </div>
        <div className="field toolbar__filter">
          <label htmlFor="units-filter">{t('units.filter')}</label>
          <input id="units-filter" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
      </div>

      {isAdmin ? <UnitCreateForm units={all.items} onCreated={() => setReloadKey((key) => key + 1)} /> : null}

      <div className="units-status" role="status">
        {dated.loading
          ? t('units.loading')
          : validDate && !dated.error
            ? t('units.count', { count: countUnits(shown) })
            : ''}
      </div>
      {body}
    </Page>
  );
}
