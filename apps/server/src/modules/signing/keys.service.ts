import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import type { Kysely } from 'kysely';
import { fail, text } from '@motcua/domain/errors';
import { canAnywhere } from '@motcua/domain/permissions/access';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { byActor, type Actor } from '../actor.ts';
import type { FileStore } from '../files/file-store.ts';
import { acceptUpload } from '../files/accept-upload.ts';
import { filesRepository } from '../files/files.repository.ts';
import type { UploadInput } from '../files/upload-check.ts';
import type { SigningMaterial } from '../signatures/cms-signer.ts';
import { Pkcs12Error, readPkcs12 } from '../signatures/pkcs12.ts';
import type { UnitsService } from '../units/units.service.ts';
import { keysRepository as repo } from './keys.repository.ts';
import type { TrustedRoot } from './verification.ts';

const MAX_PKCS12_BYTES = 64 * 1024;
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export interface KeyUpload {
  unitId: string;
  ownerKind: 'person' | 'organisation';
  userId?: string | undefined;
  pkcs12: UploadInput;
  password: string;
  image?: UploadInput | undefined;
}

const PKCS12_MESSAGES: Record<Pkcs12Error['code'], [string, string, string]> = {
  'bad-password': [
    '/body/password',
    'Sai mật khẩu (mã PIN) của tệp khóa',
    'Wrong password (PIN) for the key file',
  ],
  malformed: [
    '/body/file',
    'Tệp không phải PKCS#12 (.p12/.pfx) hợp lệ',
    'Not a valid PKCS#12 (.p12/.pfx) file',
  ],
  'no-key': ['/body/file', 'Tệp PKCS#12 không chứa khóa bí mật', 'The PKCS#12 file holds no private key'],
  'no-certificate': [
    '/body/file',
    'Tệp PKCS#12 không chứa chứng thư số',
    'The PKCS#12 file holds no certificate',
  ],
  'key-mismatch': [
    '/body/file',
    'Khóa bí mật không khớp với chứng thư số',
    'The private key does not match the certificate',
  ],
  unsupported: [
    '/body/file',
    'Thuật toán của tệp PKCS#12 chưa được hỗ trợ',
    'The PKCS#12 algorithms are not supported',
  ],
};

/** A PKCS#12 problem as a 422 naming the field the person should fix. */
export function pkcs12Failure(error: unknown, passwordField = '/body/password'): never {
  if (error instanceof Pkcs12Error) {
    const [field, vi, en] = PKCS12_MESSAGES[error.code];
    fail({
      kind: 'Invalid',
      field: error.code === 'bad-password' ? passwordField : field,
      detail: text(vi, en),
    });
  }
  throw error;
}

export async function openKey(
  pkcs12: Uint8Array,
  password: string,
  field?: string,
): Promise<SigningMaterial> {
  try {
    const bundle = await readPkcs12(pkcs12, password);
    return { key: bundle.key, certificate: bundle.certificate, chain: bundle.chain };
  } catch (error) {
    return pkcs12Failure(error, field);
  }
}

/** Keys per unit (the seal) and per leader (the personal signature), and the roots verification trusts. */
export function createKeysService(deps: { db: Kysely<Database>; units: UnitsService; files: FileStore }) {
  const { db, units, files } = deps;

  async function upload(actor: Actor, body: KeyUpload, now = new Date()) {
    const unit = await units.authorize(actor.grants, 'signing.manage', body.unitId);
    if (body.ownerKind === 'person' && !body.userId)
      fail({
        kind: 'Invalid',
        field: '/body/userId',
        detail: text('Chọn người giữ chữ ký cá nhân', 'Choose who holds the personal key'),
      });
    if (body.pkcs12.bytes.length === 0 || body.pkcs12.bytes.length > MAX_PKCS12_BYTES)
      fail({
        kind: 'Invalid',
        field: '/body/file',
        detail: text('Tệp khóa rỗng hoặc lớn hơn 64 KB', 'The key file is empty or larger than 64 KB'),
      });
    if (body.ownerKind === 'person') {
      const user = await db
        .selectFrom('users')
        .select(['id'])
        .where('id', '=', body.userId!)
        .executeTakeFirst();
      if (!user) fail({ kind: 'NotFound', entity: 'user', id: body.userId! });
    }
    const material = await openKey(body.pkcs12.bytes, body.password);
    const certificate = new x509.X509Certificate(Buffer.from(material.certificate as Uint8Array));
    if (certificate.notAfter <= now)
      fail({
        kind: 'Invalid',
        field: '/body/file',
        detail: text('Chứng thư số đã hết hạn', 'The certificate has expired'),
      });
    let imageSha256: string | null = null;
    if (body.image) {
      const image = await acceptUpload(files, body.image, MAX_IMAGE_BYTES);
      if (!image.ok || image.mediaType !== 'image/png')
        fail({
          kind: 'Invalid',
          field: '/body/image',
          detail: text(
            'Ảnh chữ ký/con dấu phải là tệp PNG nền trong suốt (Nghị định 30/2020)',
            'The signature or seal image must be a PNG with a transparent background (Decree 30/2020)',
          ),
        });
      await filesRepository.record(db, unit.provinceCode, { ...image, pages: 1 });
      imageSha256 = image.sha256;
    }
    const created = await db.transaction().execute(async (trx) => {
      const row = await repo.replace(trx, {
        provinceCode: unit.provinceCode,
        ownerKind: body.ownerKind,
        unitId: unit.id,
        userId: body.ownerKind === 'person' ? body.userId! : null,
        pkcs12: Buffer.from(body.pkcs12.bytes),
        certificate: Buffer.from(material.certificate as Uint8Array),
        subject: certificate.subject,
        notAfter: certificate.notAfter,
        imageSha256,
        createdBy: actor.userId,
      });
      await appendAudit(trx, {
        ...byActor(actor),
        provinceCode: unit.provinceCode,
        action: 'signing_key.uploaded',
        targetType: 'signing_key',
        targetId: row.id,
        details: { ownerKind: body.ownerKind, unitId: unit.id, userId: body.userId ?? null },
      });
      return row;
    });
    return { id: created.id };
  }

  async function list(actor: Actor, unitId: string) {
    const unit = await units.authorize(actor.grants, 'signing.manage', unitId);
    const { units: all, tree } = await units.loadTree();
    const ids = all.filter((u) => tree.isAncestorOrSelf(unit.id, u.id)).map((u) => u.id);
    const rows = await repo.listForUnits(db, unit.provinceCode, ids);
    return {
      items: rows.map((r) => ({
        id: r.id,
        ownerKind: r.owner_kind,
        unitId: r.unit_id,
        userId: r.user_id,
        subject: r.subject,
        notAfter: r.not_after.toISOString(),
        hasImage: r.image_sha256 !== null,
        active: r.active,
        createdAt: r.created_at.toISOString(),
      })),
    };
  }

  /** A root certificate (PEM or DER) verification will trust. */
  async function addRoot(actor: Actor, bytes: Uint8Array) {
    if (!canAnywhere(actor.grants, 'signing.manage'))
      fail({ kind: 'Forbidden', permission: 'signing.manage' });
    let certificate: x509.X509Certificate;
    try {
      const raw = Buffer.from(bytes);
      certificate = new x509.X509Certificate(
        raw.subarray(0, 5).toString('latin1') === '-----' ? raw.toString('latin1') : raw,
      );
    } catch {
      fail({
        kind: 'Invalid',
        field: '/body/file',
        detail: text('Không đọc được chứng thư số (PEM hoặc DER)', 'Not a readable certificate (PEM or DER)'),
      });
    }
    const der = Buffer.from(certificate.rawData);
    const sha256 = await repo.addRoot(db, {
      certificate: der,
      subject: certificate.subject,
      notAfter: certificate.notAfter,
      demo: false,
    });
    return { sha256 };
  }

  async function roots() {
    const rows = await repo.roots(db);
    return {
      items: rows.map((r) => ({
        id: r.id,
        subject: r.subject,
        sha256: r.sha256,
        notAfter: r.not_after.toISOString(),
        demo: r.demo,
      })),
    };
  }

  /** The roots verification trusts; a demo one is told apart, never presented as a real CA. */
  async function trustedRoots(): Promise<TrustedRoot[]> {
    return (await repo.roots(db)).map((r) => ({
      der: new Uint8Array(r.certificate),
      sha256: r.sha256,
      demo: r.demo,
    }));
  }

  return { upload, list, addRoot, roots, trustedRoots };
}

export type KeysService = ReturnType<typeof createKeysService>;
