import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IdParams, Problem } from '@motcua/contracts/common';
import { CitizenFile, Filed, OnlineFormBody, OnlineFormView } from '@motcua/contracts/online';
import { fail } from '@motcua/domain/errors';
import { APPLICANT_FIELDS } from '@motcua/domain/online/applicant';
import { requireActor, requireCitizen } from '../../http/access.ts';
import { readParts, useMultipart, type UploadParts } from '../files/multipart.ts';
import { binaryResponse, sendFile } from '../records/records.routes.ts';
import type { OnlineForms } from './online-forms.ts';
import type { CitizenViews } from './online-views.ts';
import { SupplementErrors } from './online-supplement.ts';
import { FilingErrors, type OnlineService, type SubmitInput } from './online.service.ts';

const problems = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  413: Problem,
  422: Problem,
};
export const MAX_UPLOADS = 10;
const DOC_FIELDS = Array.from({ length: MAX_UPLOADS }, (_, i) => `doc_${i + 1}`);
const CodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9]\\.[0-9]{6}$' }) });

/** The parts of a filing, as both the portal's HTML form and an API client send them. */
export function filingOf(parts: UploadParts): SubmitInput {
  const prefixed = (prefix: string) =>
    Object.fromEntries(
      Object.entries(parts.fields)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
  const files = DOC_FIELDS.map((name) => parts.files[name]);
  while (files.length && files[files.length - 1] === undefined) files.pop();
  return {
    procedureCode: parts.fields.procedureCode ?? '',
    receivingUnitId: parts.fields.receivingUnitId ?? '',
    returnChannel: parts.fields.returnChannel ?? '',
    applicant: prefixed('applicant.'),
    values: prefixed('field.'),
    files,
  };
}

export const filesOf = (parts: UploadParts) => DOC_FIELDS.map((name) => parts.files[name]);

/** The API answers a filing's first problem (the portal page shows them all). */
export function firstProblem(error: unknown): never {
  if (error instanceof FilingErrors || error instanceof SupplementErrors) {
    const first = error.errors[0]!;
    fail({ kind: 'Invalid', field: `/body/${first.field}`, detail: first.detail });
  }
  throw error;
}

export function formView(form: Awaited<ReturnType<OnlineService['form']>>) {
  return {
    procedureCode: form.procedure.code,
    procedureName: form.procedure.name,
    onlineLevel: form.procedure.onlineLevel as 'partial' | 'full',
    applicantFields: APPLICANT_FIELDS,
    fields: form.fields,
    uploads: form.uploads,
    source: form.source,
    returnChannels: form.returnChannels,
    units: form.units,
  };
}

const citizenRef = (request: FastifyRequest) => ({
  id: requireCitizen(request).citizen.id,
  requestId: request.id,
});

export function onlineRoutes(
  online: OnlineService,
  forms: OnlineForms,
  views: CitizenViews,
  maxUploadBytes: number,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    await useMultipart(app, maxUploadBytes, { files: MAX_UPLOADS, fields: 60 });

    app.get(
      '/api/procedures/:code/online-form',
      {
        config: { access: 'public' },
        schema: {
          tags: ['online'],
          summary:
            'Biểu mẫu nộp trực tuyến của thủ tục: trường thông tin, giấy tờ tải lên, nơi nộp, cách nhận kết quả',
          params: CodeParams,
          response: { 200: OnlineFormView, ...problems },
        },
      },
      async (request) => formView(await online.form(request.params.code)),
    );

    app.put(
      '/api/procedures/:code/online-form',
      {
        config: { access: { permission: 'procedures.manage' } },
        schema: {
          tags: ['online'],
          summary: 'Sửa biểu mẫu nộp trực tuyến (trường thông tin là dữ liệu của thủ tục)',
          params: CodeParams,
          body: OnlineFormBody,
          response: { 200: OnlineFormView, ...problems },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await online.form(request.params.code);
        await forms.save(request.params.code, request.body, actor.userId, new Date());
        return formView(await online.form(request.params.code));
      },
    );

    app.post(
      '/api/citizen/applications',
      {
        config: { access: 'citizen' },
        schema: {
          tags: ['citizen'],
          summary: 'Nộp hồ sơ trực tuyến: trạng thái 1 (Mới đăng ký)',
          consumes: ['multipart/form-data'],
          description:
            'multipart/form-data: procedureCode, receivingUnitId, returnChannel, applicant.<key>, field.<key>, files doc_1…doc_10 in the order of the form’s uploads (PDF, JPEG or PNG; type judged from the bytes).',
          response: { 201: Filed, ...problems },
        },
      },
      async (request, reply) => {
        const parts = await readParts(request, DOC_FIELDS);
        const filed = await online.submit(citizenRef(request), filingOf(parts)).catch(firstProblem);
        return reply.code(201).send(filed);
      },
    );

    app.get(
      '/api/citizen/applications/:id',
      {
        config: { access: 'citizen' },
        schema: {
          tags: ['citizen'],
          summary: 'Một hồ sơ của tôi: trạng thái, việc cần làm, giấy tờ, kết quả, đánh giá',
          params: IdParams,
          response: { 200: CitizenFile, ...problems },
        },
      },
      async (request) => views.detail(requireCitizen(request).citizen.id, request.params.id),
    );

    app.post(
      '/api/citizen/applications/:id/supplement',
      {
        config: { access: 'citizen' },
        schema: {
          tags: ['citizen'],
          summary: 'Bổ sung hồ sơ trực tuyến (mã hồ sơ giữ nguyên)',
          params: IdParams,
          consumes: ['multipart/form-data'],
          description:
            'multipart/form-data: version, note (optional), files doc_1… in the order of the documents asked for.',
          response: { 200: Type.Object({ id: Type.String(), code: Type.String() }), ...problems },
        },
      },
      async (request) => {
        const parts = await readParts(request, DOC_FIELDS);
        return online
          .supplement(citizenRef(request), request.params.id, {
            version: Number(parts.fields.version),
            files: filesOf(parts),
            ...(parts.fields.note ? { note: parts.fields.note } : {}),
          })
          .catch(firstProblem);
      },
    );

    // The citizen's own uploads and signed results (another's file: 404, as if it did not exist).
    const NumberedParams = Type.Object({
      id: Type.String({ format: 'uuid' }),
      n: Type.Integer({ minimum: 1, maximum: 100 }),
    });
    const downloads = [
      {
        what: 'documents',
        read: views.document,
        summary: 'Tải giấy tờ tôi đã nộp',
        file: 'The uploaded document',
      },
      {
        what: 'results',
        read: views.result,
        summary: 'Tải kết quả điện tử đã ký số của hồ sơ của tôi',
        file: 'The signed result (PDF)',
      },
    ];
    for (const { what, read, summary, file } of downloads)
      app.get(
        `/api/citizen/applications/:id/${what}/:n`,
        {
          config: { access: 'citizen' },
          schema: { tags: ['citizen'], summary, params: NumberedParams, response: binaryResponse(file) },
        },
        async (request, reply) =>
          sendFile(
            reply,
            await read(requireCitizen(request).citizen.id, request.params.id, request.params.n),
          ),
      );
  };
}
