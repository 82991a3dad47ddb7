import { isAdministrativeKind, type UnitKind } from '../units/units.ts';
import { roleAllows, roleReach, type Permission, type Role } from './roles.ts';

export interface Grant {
  role: Role;
  unitId: string;
}

/** One step of the path from the root of the unit tree down to a unit (root first, the unit itself last). */
export interface PathStep {
  id: string;
  kind: UnitKind;
}

/**
 * Whether a grant reaches the last unit of `path`.
 * `unit` reach: the granted unit and the organisations nested in it, without crossing into another
 * administrative unit. `subtree` reach: everything below the granted unit.
 */
export function grantReaches(grant: Grant, path: readonly PathStep[]): boolean {
  const at = path.findIndex((step) => step.id === grant.unitId);
  if (at < 0) return false;
  if (roleReach(grant.role) === 'subtree') return true;
  return path.slice(at + 1).every((step) => !isAdministrativeKind(step.kind));
}

export function can(grants: readonly Grant[], permission: Permission, path: readonly PathStep[]): boolean {
  return grants.some((grant) => roleAllows(grant.role, permission) && grantReaches(grant, path));
}

/** Whether the user holds the permission anywhere (for routes whose target is chosen later, e.g. a list). */
export function canAnywhere(grants: readonly Grant[], permission: Permission): boolean {
  return grants.some((grant) => roleAllows(grant.role, permission));
}
