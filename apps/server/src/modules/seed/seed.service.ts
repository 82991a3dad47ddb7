import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { hashPassword } from '../auth/password.ts';
import { LAM_DONG_LINKS, LAM_DONG_UNITS } from '../units/data/lam-dong.ts';
import { unitsRepository } from '../units/units.repository.ts';
import { usersRepository } from '../users/users.repository.ts';

/** Adds the sourced units (Lâm Đồng, Lâm Hà) that are not there yet; returns how many were added. */
export async function seedUnits(
  db: Kysely<Database>,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const existing = await unitsRepository.listAll(trx);
    const idByKey = new Map<string, string>();
    const find = (code: string | null, name: string, validFrom: string | null) =>
      existing.find((u) => (code ? u.code === code && u.validFrom === validFrom : u.name === name));
    let added = 0;
    for (const [index, unit] of LAM_DONG_UNITS.entries()) {
      const found = find(unit.code, unit.name, unit.validFrom);
      if (found) {
        idByKey.set(unit.key, found.id);
      } else {
        const parentId = unit.parent ? idByKey.get(unit.parent) : null;
        if (parentId === undefined)
          throw new Error(`seed: parent ${unit.parent} of ${unit.key} not seeded before it`);
        // Every seeded unit below the country belongs to province 68 (Lâm Đồng).
        const provinceCode = unit.kind === 'country' ? '00' : '68';
        const id = await unitsRepository.insert(trx, {
          code: unit.code,
          name: unit.name,
          nameEn: unit.nameEn ?? null,
          kind: unit.kind,
          parentId,
          provinceCode,
          validFrom: unit.validFrom,
          validTo: unit.validTo,
          source: unit.source,
        });
        idByKey.set(unit.key, id);
        added += 1;
      }
      onProgress?.(index + 1, LAM_DONG_UNITS.length);
    }
    for (const link of LAM_DONG_LINKS) {
      await unitsRepository.insertLink(trx, {
        predecessorId: idByKey.get(link.predecessor)!,
        successorId: idByKey.get(link.successor)!,
        effectiveOn: link.effectiveOn,
        basis: link.basis,
      });
    }
    if (added > 0) {
      await appendAudit(trx, {
        provinceCode: '68',
        actorId: null,
        actorUnitId: null,
        action: 'seed.units',
        targetType: 'unit',
        targetId: null,
        requestId: null,
        details: { added, source: 'apps/server/src/modules/units/data/lam-dong.ts' },
      });
    }
    return added;
  });
}

export const DEMO_USERS = [
  { username: 'quantri', fullName: 'Nguyễn Văn Quản', role: 'admin', unitKey: 'VN', homeKey: '68' },
  { username: 'vanhanh', fullName: 'Trần Thị Vân', role: 'ioc_operator', unitKey: '68', homeKey: '68' },
  {
    username: 'lanhdao',
    fullName: 'Lê Minh Đạo',
    role: 'leader',
    unitKey: '24871-2025',
    homeKey: '24871-2025',
  },
  {
    username: 'chuyenvien',
    fullName: 'Phạm Thu Hà',
    role: 'specialist',
    unitKey: '24871-2025',
    homeKey: '24871-2025',
  },
  {
    username: 'motcua',
    fullName: 'Hoàng Thị Mai',
    role: 'receptionist',
    unitKey: '24871-2025',
    homeKey: '24871-pasc',
  },
] as const;

export interface DemoCredential {
  username: string;
  password: string;
  role: string;
  unitName: string;
}

/**
 * One demo user per role (never in production). Each gets a random password unless `fixedPassword` is given
 * (tests and CI); the caller prints them once.
 */
export async function seedDemoUsers(db: Kysely<Database>, fixedPassword?: string): Promise<DemoCredential[]> {
  const units = await unitsRepository.listAll(db);
  const byKey = (key: string) => {
    const unit = LAM_DONG_UNITS.find((u) => u.key === key)!;
    return units.find((u) =>
      unit.code ? u.code === unit.code && u.validFrom === unit.validFrom : u.name === unit.name,
    )!;
  };
  const created: DemoCredential[] = [];
  for (const demo of DEMO_USERS) {
    if (await usersRepository.usernameTaken(db, demo.username)) continue;
    const password = fixedPassword ?? randomBytes(9).toString('base64url');
    const grantUnit = byKey(demo.unitKey);
    const home = byKey(demo.homeKey);
    const passwordHash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      const id = await usersRepository.insert(
        trx,
        {
          username: demo.username,
          fullName: demo.fullName,
          unitId: home.id,
          passwordHash,
          isDemo: true,
          mustChangePassword: false,
        },
        [{ role: demo.role, unitId: grantUnit.id }],
      );
      await appendAudit(trx, {
        provinceCode: home.provinceCode,
        actorId: null,
        actorUnitId: null,
        action: 'seed.demo_user',
        targetType: 'user',
        targetId: id,
        requestId: null,
        details: { username: demo.username, role: demo.role },
      });
    });
    created.push({ username: demo.username, password, role: demo.role, unitName: grantUnit.name });
  }
  return created;
}
