import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Problem } from '@motcua/contracts/common';
import {
  OutgoingDocument,
  OutgoingDocumentList,
  OutgoingQuery,
  SignedShareReport,
  SigningKeyList,
  SigningKeyQuery,
  TrustedRootList,
  VerificationReport,
} from '@motcua/contracts/signing';
import { fail, text } from '@motcua/domain/errors';
import { requireActor } from '../../http/access.ts';
import { readParts, requiredFile, textField, useMultipart } from '../files/multipart.ts';
import { binaryResponse, sendFile } from '../records/records.routes.ts';
import type { KeysService } from './keys.service.ts';
import type { OutgoingService } from './outgoing.service.ts';
import type { Verification } from './verification.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const manage = { access: { permission: 'signing.manage' as const } };
const read = { access: { permission: 'applications.read' as const } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidField(fields: Record<string, string>, name: string, required: boolean): string | undefined {
  const value = fields[name]?.trim();
  if (!value && !required) return undefined;
  if (!value || !UUID.test(value))
    fail({ kind: 'Invalid', field: `/body/${name}`, detail: text('Cần một mã UUID', 'A UUID is required') });
  return value;
}

export function signingRoutes(
  keys: KeysService,
  verification: Verification,
  outgoing: OutgoingService,
  maxUploadBytes: number,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    await useMultipart(app, maxUploadBytes);
    app.post(
      '/api/documents/verify',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: 'Xác minh chữ ký số trên văn bản PDF',
          consumes: ['multipart/form-data'],
          description:
            'One part `file` (a PDF). Reports each signature: signer, organisation, time, whether the document changed after signing, whether the certificate chains to a trusted root.',
          response: { 200: VerificationReport, 413: Problem, 415: Problem, 422: Problem, 400: Problem },
        },
      },
      async (request) => verification.verify(requiredFile(await readParts(request, ['file']))),
    );

    app.post(
      '/api/signing-keys',
      {
        config: manage,
        schema: {
          tags: ['signing'],
          summary: 'Cấu hình khóa ký số PKCS#12 cho đơn vị (con dấu) hoặc lãnh đạo (chữ ký cá nhân)',
          consumes: ['multipart/form-data'],
          description:
            'Parts: `file` (.p12/.pfx), `password` (checked, never stored), `ownerKind` (person | organisation), `unitId`, `userId` (person), optional `image` (PNG: blue signature or red seal).',
          response: { 201: Type.Object({ id: Type.String() }), 413: Problem, 415: Problem, ...problems },
        },
      },
      async (request, reply) => {
        const parts = await readParts(request, ['file', 'image']);
        const ownerKind = parts.fields.ownerKind;
        if (ownerKind !== 'person' && ownerKind !== 'organisation')
          fail({
            kind: 'Invalid',
            field: '/body/ownerKind',
            detail: text('person hoặc organisation', 'person or organisation'),
          });
        const created = await keys.upload(requireActor(request), {
          unitId: uuidField(parts.fields, 'unitId', true)!,
          ownerKind,
          userId: uuidField(parts.fields, 'userId', ownerKind === 'person'),
          pkcs12: requiredFile(parts),
          password: parts.fields.password ?? '',
          image: parts.files.image,
        });
        return reply.code(201).send(created);
      },
    );

    app.get(
      '/api/signing-keys',
      {
        config: manage,
        schema: {
          tags: ['signing'],
          summary: 'Khóa ký số của đơn vị và các đơn vị trực thuộc',
          querystring: SigningKeyQuery,
          response: { 200: SigningKeyList, ...problems },
        },
      },
      async (request) => keys.list(requireActor(request), request.query.unitId),
    );

    app.get(
      '/api/trusted-roots',
      {
        config: manage,
        schema: {
          tags: ['signing'],
          summary: 'Chứng thư gốc được tin cậy khi xác minh',
          response: { 200: TrustedRootList, ...problems },
        },
      },
      async () => keys.roots(),
    );

    app.post(
      '/api/trusted-roots',
      {
        config: manage,
        schema: {
          tags: ['signing'],
          summary: 'Thêm chứng thư gốc tin cậy (PEM hoặc DER)',
          consumes: ['multipart/form-data'],
          response: { 201: Type.Object({ sha256: Type.String() }), 413: Problem, 415: Problem, ...problems },
        },
      },
      async (request, reply) => {
        const file = requiredFile(await readParts(request, ['file']));
        return reply.code(201).send(await keys.addRoot(requireActor(request), file.bytes));
      },
    );

    app.get(
      '/api/outgoing-documents',
      {
        config: read,
        schema: {
          tags: ['signing'],
          summary: 'Sổ đăng ký văn bản đi của đơn vị trong kỳ',
          querystring: OutgoingQuery,
          response: { 200: OutgoingDocumentList, ...problems },
        },
      },
      async (request) => outgoing.list(requireActor(request), request.query),
    );

    app.post(
      '/api/outgoing-documents',
      {
        config: { access: { permission: 'documents.seal' as const } },
        schema: {
          tags: ['signing'],
          summary: 'Vào sổ văn bản đi một văn bản khác (cấp số theo năm của cơ quan ban hành)',
          consumes: ['multipart/form-data'],
          description:
            'Parts: `file` (PDF), `unitId` (the issuing UBND), `kind`, `title`, `symbol` (e.g. CV-UBND). Counted as digitally signed only if the PDF carries an intact signature.',
          response: { 201: OutgoingDocument, 413: Problem, 415: Problem, ...problems },
        },
      },
      async (request, reply) => {
        const parts = await readParts(request, ['file']);
        const created = await outgoing.register(
          requireActor(request),
          {
            unitId: uuidField(parts.fields, 'unitId', true)!,
            kind: textField(parts, 'kind', 2, 60),
            title: textField(parts, 'title', 5, 300),
            symbol: textField(parts, 'symbol', 1, 30),
          },
          requiredFile(parts),
        );
        return reply.code(201).send(created);
      },
    );

    app.get(
      '/api/outgoing-documents/:id/file',
      {
        config: read,
        schema: {
          tags: ['signing'],
          summary: 'Tải văn bản đi (PDF đã ký số)',
          params: IdParams,
          response: binaryResponse('The signed PDF'),
        },
      },
      async (request, reply) =>
        sendFile(reply, await outgoing.file(requireActor(request), request.params.id)),
    );

    app.get(
      '/api/reports/signed-documents',
      {
        config: read,
        schema: {
          tags: ['reports'],
          summary: 'Tỷ lệ văn bản đi được ký số theo đơn vị, cấp và kỳ',
          querystring: OutgoingQuery,
          response: { 200: SignedShareReport, ...problems },
        },
      },
      async (request) => outgoing.signedShare(requireActor(request), request.query),
    );
  };
}
