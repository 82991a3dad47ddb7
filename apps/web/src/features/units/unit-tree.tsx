import type { Unit } from '@motcua/contracts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { UnitNode } from './tree.ts';

/** Branches open by default in a large tree: the country and provinces; districts open on demand. */
const OPEN_KINDS: ReadonlySet<Unit['kind']> = new Set(['country', 'province']);

interface TreeProps {
  nodes: readonly UnitNode[];
  /** Every unit in reach (any date), to name predecessors and successors not valid on the chosen date. */
  names: ReadonlyMap<string, string>;
  label: string;
  /** Open every branch (a small tree, or while filtering). */
  expanded: boolean;
}

/** "Hiệu lực: 28/10/1987 – 30/06/2025", "Hiệu lực từ 01/07/2025"…; nothing for a unit with no known bounds. */
function validityText(unit: Unit, t: Translate): string | null {
  const { validFrom, validTo } = unit;
  if (validFrom && validTo)
    return t('units.validity', { from: formatDate(validFrom), to: formatDate(validTo) });
  if (validFrom) return t('units.validFrom', { date: formatDate(validFrom) });
  if (validTo) return t('units.validTo', { date: formatDate(validTo) });
  return null;
}

function UnitDetails({ unit, names }: { unit: Unit; names: ReadonlyMap<string, string> }) {
  const { t, lang } = useI18n();
  const nameList = (ids: readonly string[]) => {
    const known = ids.flatMap((id) => names.get(id) ?? []);
    const unknown = ids.length - known.length;
    if (unknown === 1) known.push(t('units.outOfReach'));
    if (unknown > 1) known.push(t('units.outOfReachMany', { count: unknown }));
    return known.join(', ');
  };
  const validity = validityText(unit, t);
  return (
    <div className="unit__body">
      <p className="unit__title">
        <span className="unit__name" lang="vi">
          {unit.name}
        </span>
        <span className={`badge badge--${unit.kind}`}>{t(`kind.${unit.kind}`)}</span>
      </p>
      {lang === 'en' && unit.nameEn ? (
        <p className="unit__name-en" lang="en">
          {unit.nameEn}
        </p>
      ) : null}
      <p className="unit__meta">
        <span>{unit.code ? t('units.code', { code: unit.code }) : t('units.noCode')}</span>
        {validity ? <span>{validity}</span> : null}
      </p>
      {unit.predecessorIds.length > 0 ? (
        <p className="unit__lineage">{t('units.formedFrom', { names: nameList(unit.predecessorIds) })}</p>
      ) : null}
      {unit.successorIds.length > 0 ? (
        <p className="unit__lineage">{t('units.mergedInto', { names: nameList(unit.successorIds) })}</p>
      ) : null}
    </div>
  );
}

function UnitItem({
  node,
  names,
  depth,
  expanded,
}: {
  node: UnitNode;
  names: ReadonlyMap<string, string>;
  depth: number;
  expanded: boolean;
}) {
  const { t } = useI18n();
  const { unit, children } = node;
  return (
    <li className="unit">
      <UnitDetails unit={unit} names={names} />
      {children.length > 0 ? (
        <details className="unit__children" open={expanded || depth === 0 || OPEN_KINDS.has(unit.kind)}>
          <summary>
            {t('units.children', { count: children.length })}
            <span className="visually-hidden" lang="vi">
              {' '}
              – {unit.name}
            </span>
          </summary>
          <ul className="unit-tree">
            {children.map((child) => (
              <UnitItem
                key={child.unit.id}
                node={child}
                names={names}
                depth={depth + 1}
                expanded={expanded}
              />
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

export function UnitTree({ nodes, names, label, expanded }: TreeProps) {
  return (
    <ul className="unit-tree unit-tree--root" aria-label={label}>
      {nodes.map((node) => (
        <UnitItem key={node.unit.id} node={node} names={names} depth={0} expanded={expanded} />
      ))}
    </ul>
  );
}
