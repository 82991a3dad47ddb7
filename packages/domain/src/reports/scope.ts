import { isAdministrativeKind, type UnitKind } from '../units/units.ts';

/**
 * Which units' files a report counts, and under which line each one is shown. Pure.
 * - `below`: the units under the chosen one too (a district with its communes).
 * - `history`: across a reorganisation, the units the chosen ones were formed from (vn-data.md §1.3: the 16
 *   communes and towns of Lâm Hà became 6 communes on 01/07/2025), shown under their successor, so a new
 *   commune's figures continue the old ones'.
 * Organisations inside a unit (its one-stop department, its service centre) are shown under that unit.
 */
export interface ScopeUnit {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  predecessorIds: readonly string[];
  successorIds: readonly string[];
}

export type ReportLevel = 'province' | 'district' | 'commune' | 'other';

export interface ReportScope {
  /** Every unit whose received files count. */
  unitIds: string[];
  /** Unit id → id of the line it is shown under (a direct child of the chosen unit, or the unit itself). */
  lineOf: Map<string, string>;
}

export function reportScope(
  units: readonly ScopeUnit[],
  rootId: string,
  options: { below: boolean; history: boolean },
): ReportScope {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string, string[]>();
  for (const u of units)
    if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);

  const chosen = new Set<string>();
  const add = (id: string) => {
    if (chosen.has(id) || !byId.has(id)) return;
    chosen.add(id);
    const below = children.get(id) ?? [];
    const kind = byId.get(id)!.kind;
    // Without `below`, a unit still counts the organisations inside it (its desk receives its files).
    for (const child of below)
      if (options.below || !isAdministrativeKind(byId.get(child)!.kind) || !isAdministrativeKind(kind))
        add(child);
    if (options.history) for (const p of byId.get(id)!.predecessorIds) add(p);
  };
  add(rootId);

  const lineOf = new Map<string, string>();
  for (const id of chosen) lineOf.set(id, lineFor(id, rootId, byId, chosen, options.history));
  return { unitIds: [...chosen], lineOf };
}

function lineFor(
  id: string,
  rootId: string,
  byId: Map<string, ScopeUnit>,
  chosen: Set<string>,
  history: boolean,
): string {
  let current = id;
  const seen = new Set<string>();
  for (;;) {
    if (current === rootId || seen.has(current)) return current;
    seen.add(current);
    const unit = byId.get(current)!;
    const successor = history ? unit.successorIds.find((s) => chosen.has(s)) : undefined;
    if (successor !== undefined) {
      current = successor;
      continue;
    }
    const parent = unit.parentId;
    if (parent === null || !chosen.has(parent)) return current;
    if (parent === rootId) return isAdministrativeKind(unit.kind) ? current : rootId;
    current = parent;
  }
}

/** The level a unit's files are handled at: its own, or for an organisation the unit it belongs to. */
export function levelOf(units: ReadonlyMap<string, ScopeUnit>, id: string): ReportLevel {
  let unit = units.get(id);
  while (unit && !isAdministrativeKind(unit.kind))
    unit = unit.parentId === null ? undefined : units.get(unit.parentId);
  switch (unit?.kind) {
    case 'province':
      return 'province';
    case 'district':
      return 'district';
    case 'commune':
    case 'ward':
    case 'town':
    case 'special_zone':
      return 'commune';
    default:
      return 'other';
  }
}
