import type { PathStep } from '../permissions/access.ts';
import type { UnitKind } from './units.ts';

export interface TreeNode {
  id: string;
  parentId: string | null;
  kind: UnitKind;
}

/** Index of a unit tree: the path from the root to any unit, for permission checks. */
export function indexTree(nodes: readonly TreeNode[]) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const cache = new Map<string, PathStep[]>();

  function pathTo(id: string): PathStep[] | undefined {
    const cached = cache.get(id);
    if (cached) return cached;
    const steps: PathStep[] = [];
    const seen = new Set<string>();
    let current = byId.get(id);
    while (current) {
      if (seen.has(current.id)) return undefined; // a cycle: treat the unit as unreachable
      seen.add(current.id);
      steps.unshift({ id: current.id, kind: current.kind });
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    if (steps.length === 0) return undefined;
    cache.set(id, steps);
    return steps;
  }

  function isAncestorOrSelf(ancestorId: string, id: string): boolean {
    return pathTo(id)?.some((step) => step.id === ancestorId) ?? false;
  }

  return { get: (id: string) => byId.get(id), pathTo, isAncestorOrSelf };
}
