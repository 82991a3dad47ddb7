import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail, text } from '@motcua/domain/errors';
import type { UploadInput } from './upload-check.ts';

export interface UploadParts {
  files: Record<string, UploadInput>;
  fields: Record<string, string>;
}

/** Registers multipart parsing in one plugin scope; limits bound memory before any check runs. */
export async function useMultipart(
  app: FastifyInstance,
  maxBytes: number,
  counts: { files: number; fields: number } = { files: 3, fields: 20 },
): Promise<void> {
  await app.register(multipart, {
    // Keep "../../etc/passwd" as sent, so the name check refuses it instead of busboy quietly cutting it down.
    preservePath: true,
    limits: {
      fileSize: maxBytes,
      files: counts.files,
      fields: counts.fields,
      fieldSize: 10_000,
      parts: counts.files + counts.fields + 5,
      headerPairs: 200,
    },
  });
}

const unsupported = () => Object.assign(new Error('multipart/form-data expected'), { statusCode: 415 });

/**
 * The parts of a multipart request, read whole: at most the registered limits (a file over the size limit
 * ends the request with 413). Unknown file parts are refused; nothing is written anywhere here.
 */
export async function readParts(request: FastifyRequest, fileNames: readonly string[]): Promise<UploadParts> {
  if (!request.isMultipart()) throw unsupported();
  const parts: UploadParts = { files: {}, fields: {} };
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      // A browser sends an empty part for a file input left empty: that is no file, not a bad one.
      if (part.filename === '') {
        const empty = await part.toBuffer();
        if (empty.length === 0) continue;
      }
      if (!fileNames.includes(part.fieldname) || parts.files[part.fieldname]) {
        part.file.resume();
        fail({
          kind: 'Invalid',
          field: `/body/${part.fieldname.slice(0, 40)}`,
          detail: text('Phần tệp không được chờ đợi', 'Unexpected file part'),
        });
      }
      parts.files[part.fieldname] = {
        bytes: await part.toBuffer(),
        declaredType: part.mimetype,
        fileName: part.filename,
      };
    } else if (typeof part.value === 'string') {
      parts.fields[part.fieldname] = part.value;
    }
  }
  return parts;
}

/** The one file a route needs, or a 422 naming it. */
export function requiredFile(parts: UploadParts, name = 'file'): UploadInput {
  const file = parts.files[name];
  if (!file)
    fail({
      kind: 'Invalid',
      field: `/body/${name}`,
      detail: text('Chưa chọn tệp để tải lên', 'No file was sent'),
    });
  return file;
}

/** A text part, NFC and trimmed, of `min`–`max` characters, or a 422 naming it. */
export function textField(parts: UploadParts, name: string, min: number, max: number): string {
  const value = (parts.fields[name] ?? '').normalize('NFC').trim();
  if (value.length < min || value.length > max)
    fail({
      kind: 'Invalid',
      field: `/body/${name}`,
      detail: text(`Cần từ ${min} đến ${max} ký tự`, `Between ${min} and ${max} characters`),
    });
  return value;
}
