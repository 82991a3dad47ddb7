import type { Unit } from '@motcua/contracts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { UnitNode } from './tree.ts';

interface TreeProps {
  nodes: readonly UnitNode[];
  /** Every unit in reach (any date), to name predecessors and successors not valid on the chosen date. */
  names: ReadonlyMap<string, string>;
  label: string;
  /** Open every branch (while filtering); otherwise only the top level is open. */
  expanded: boolean;
}

function UnitDetails({ unit, names }: { unit: Unit; names: ReadonlyMap<string, string> }) {
  const { t, lang } = useI18n();
  const nameList = (ids: readonly string[]) =>
    ids.map((id) => names.get(id) ?? t('units.outOfReach')).join(', ');
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
        <span>
          {t('units.validity', {
            from: unit.validFrom ? formatDate(unit.validFrom) : t('units.validFromUnknown'),
            to: unit.validTo ? formatDate(unit.validTo) : t('units.validToOpen'),
          })}
        </span>
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
        <details className="unit__children" open={expanded || depth === 0}>
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
