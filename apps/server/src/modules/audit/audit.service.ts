import type { Kysely } from 'kysely';
import { fail } from '@motcua/domain/errors';
import { can } from '@motcua/domain/permissions/access';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import type { UnitsService } from '../units/units.service.ts';
import { listAudit, verifyAudit } from './audit.repository.ts';

export function createAuditService(deps: { db: Kysely<Database>; units: UnitsService }) {
  const { db, units } = deps;

  /** Provinces whose audit trail the actor may read: those whose province unit they reach with audit.read. */
  async function readableProvinces(actor: Actor): Promise<Set<string>> {
    const { units: all, tree } = await units.loadTree();
    const reach = all.filter((u) => can(actor.grants, 'audit.read', tree.pathTo(u.id) ?? []));
    return new Set(reach.map((u) => u.provinceCode));
  }

  async function list(
    actor: Actor,
    query: { provinceCode?: string | undefined; limit?: number | undefined; beforeSeq?: number | undefined },
  ) {
    const provinces = await readableProvinces(actor);
    const provinceCode = query.provinceCode ?? actor.provinceCode;
    if (!provinces.has(provinceCode)) fail({ kind: 'Forbidden', permission: 'audit.read' });
    const items = await listAudit(db, {
      provinceCode,
      limit: query.limit ?? 100,
      ...(query.beforeSeq ? { beforeSeq: query.beforeSeq } : {}),
    });
    return { items: items.map(({ prevHash: _prev, ...rest }) => rest) };
  }

  async function verify(actor: Actor) {
    const provinces = await readableProvinces(actor);
    // The whole chain is verified (a break anywhere matters); only a system administrator sees every province.
    if (!provinces.has('00')) fail({ kind: 'Forbidden', permission: 'audit.read' });
    const result = await verifyAudit(db);
    return {
      ok: result.ok,
      checked: result.checked,
      ...(result.error
        ? {
            firstBroken: {
              provinceCode: result.error.provinceCode,
              seq: 'seq' in result.error ? result.error.seq : result.error.foundSeq,
              kind: result.error.kind,
            },
          }
        : {}),
    };
  }

  return { list, verify };
}

export type AuditService = ReturnType<typeof createAuditService>;
