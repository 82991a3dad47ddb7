import type { Unit } from '@motcua/contracts';
import { isAdministrativeKind } from '@motcua/domain/units/units';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

/** Administrative units first, in code order (the national list numbers them geographically), then by name. */
export function compareUnits(a: Unit, b: Unit): number {
  const adminA = isAdministrativeKind(a.kind) ? 0 : 1;
  const adminB = isAdministrativeKind(b.kind) ? 0 : 1;
  if (adminA !== adminB) return adminA - adminB;
  if (a.code !== null && b.code !== null && a.code !== b.code) {
    return a.code.localeCompare(b.code, 'en', { numeric: true });
  }
  if (a.code !== null && b.code === null) return -1;
  if (a.code === null && b.code !== null) return 1;
  return a.name.localeCompare(b.name, 'vi');
}

/** A forest: a unit whose parent is not in the list (outside the user's reach) is a root. */
export function buildTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => compareUnits(a.unit, b.unit));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** Lower case, no diacritics, đ → d: "Đinh Văn" matches "dinh van". */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Keeps matching units with everything under them, and the ancestors of matching units. */
export function filterTree(nodes: readonly UnitNode[], query: string): UnitNode[] {
  const needle = searchKey(query.trim());
  if (needle === '') return [...nodes];
  const result: UnitNode[] = [];
  for (const node of nodes) {
    const { unit } = node;
    const haystack = searchKey([unit.name, unit.nameEn ?? '', unit.code ?? ''].join(' '));
    if (haystack.includes(needle)) {
      result.push(node);
      continue;
    }
    const children = filterTree(node.children, query);
    if (children.length > 0) result.push({ unit, children });
  }
  return result;
}

export function countUnits(nodes: readonly UnitNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countUnits(node.children), 0);
}

/** Depth-first order with depths, for indented option lists. */
export function flattenTree(nodes: readonly UnitNode[], depth = 0): { unit: Unit; depth: number }[] {
  return nodes.flatMap((node) => [{ unit: node.unit, depth }, ...flattenTree(node.children, depth + 1)]);
}
