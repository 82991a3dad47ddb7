import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isAdministrativeKind, type UnitKind } from '@motcua/domain/units/units';
import type { Database } from '../../db/schema.ts';
import { createDemoRootCa, issueSigningCertificate, type Identity } from '../signatures/demo-pki.ts';
import { writePkcs12 } from '../signatures/pkcs12.ts';
import { keysRepository } from './keys.repository.ts';

export interface DemoSigning {
  /** The PIN of every demo key: printed once on the console, like the demo passwords. */
  pin: string;
  holders: { subject: string; kind: 'person' | 'organisation' }[];
}

/** "Xã Đinh Văn Lâm Hà" → "Ủy ban nhân dân xã Đinh Văn Lâm Hà": the body that signs and seals. */
export const committeeName = (unitName: string) =>
  `Ủy ban nhân dân ${unitName.charAt(0).toLocaleLowerCase('vi')}${unitName.slice(1)}`;

/**
 * On a demo's first start: a throw-away root CA (trusted, marked demo), a personal key for each demo leader and
 * an organisation key for each administrative unit a leader signs for. Does nothing once a demo root exists.
 * Production never runs this: keys there come from a licensed CA through the administrator.
 */
export async function seedDemoSigning(
  db: Kysely<Database>,
  fixedPin?: string,
  now = new Date(),
): Promise<DemoSigning | undefined> {
  const existing = await db
    .selectFrom('trusted_roots')
    .select('id')
    .where('demo', '=', true)
    .executeTakeFirst();
  if (existing) return undefined;
  const leaders = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('units', 'units.id', 'user_roles.unit_id')
    .select([
      'users.id as userId',
      'users.full_name as fullName',
      'units.id as unitId',
      'units.name as unitName',
      'units.kind as kind',
      'units.province_code as provinceCode',
    ])
    .where('users.is_demo', '=', true)
    .where('user_roles.role', '=', 'leader')
    .execute();
  if (leaders.length === 0) return undefined;
  const pin = fixedPin ?? String(randomInt(100_000, 1_000_000));
  const ca = await createDemoRootCa(undefined, now);
  await keysRepository.addRoot(db, {
    certificate: Buffer.from(ca.certificate.rawData),
    subject: ca.certificate.subject,
    notAfter: ca.certificate.notAfter,
    demo: true,
  });
  const holders: DemoSigning['holders'] = [];
  const store = async (
    identity: Identity,
    owner: { kind: 'person' | 'organisation'; unitId: string; userId: string | null; provinceCode: string },
  ) => {
    const pkcs12 = await writePkcs12(identity, [ca.certificatePem], pin);
    await db.transaction().execute((trx) =>
      keysRepository.replace(trx, {
        provinceCode: owner.provinceCode,
        ownerKind: owner.kind,
        unitId: owner.unitId,
        userId: owner.userId,
        pkcs12: Buffer.from(pkcs12),
        certificate: Buffer.from(identity.certificate.rawData),
        subject: identity.certificate.subject,
        notAfter: identity.certificate.notAfter,
        imageSha256: null,
        createdBy: null,
      }),
    );
    holders.push({ subject: identity.certificate.subject, kind: owner.kind });
  };
  const sealed = new Set<string>();
  for (const leader of leaders) {
    if (!isAdministrativeKind(leader.kind as UnitKind)) continue;
    const organisation = committeeName(leader.unitName);
    const subject = { organisation, province: 'Lâm Đồng' };
    await store(await issueSigningCertificate(ca, { commonName: leader.fullName, ...subject }, now), {
      kind: 'person',
      unitId: leader.unitId,
      userId: leader.userId,
      provinceCode: leader.provinceCode,
    });
    if (sealed.has(leader.unitId)) continue;
    sealed.add(leader.unitId);
    await store(await issueSigningCertificate(ca, { commonName: organisation, ...subject }, now), {
      kind: 'organisation',
      unitId: leader.unitId,
      userId: null,
      provinceCode: leader.provinceCode,
    });
  }
  return { pin, holders };
}
