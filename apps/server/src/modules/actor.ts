import type { Grant } from '@motcua/domain/permissions/access';
import { isRole } from '@motcua/domain/permissions/roles';

/** Who is acting, as every service function receives it. */
export interface Actor {
  userId: string;
  username: string;
  unitId: string;
  provinceCode: string;
  grants: Grant[];
  requestId: string;
  via: 'session' | 'token' | 'cli';
  sessionHash?: string;
}

export function toGrants(rows: { role: string; unitId: string }[]): Grant[] {
  return rows.flatMap((row) => (isRole(row.role) ? [{ role: row.role, unitId: row.unitId }] : []));
}

/** Who did it, for an audit record: the actor, their unit and province, and the request. */
export function byActor(actor: Actor) {
  return {
    provinceCode: actor.provinceCode,
    actorId: actor.userId,
    actorUnitId: actor.unitId,
    requestId: actor.requestId,
  };
}
