import { text } from '@motcua/domain/errors';
import type { FileStore } from './file-store.ts';
import { pageCount } from './page-count.ts';
import { checkUpload, UPLOAD_FIELDS, type UploadCheck, type UploadInput } from './upload-check.ts';

export type AcceptedUpload = Extract<UploadCheck, { ok: true }> & {
  sha256: string;
  size: number;
  pages: number;
};

/**
 * The one way an upload enters the store: checked first (name, size, sniffed type, active content, a page
 * tree that can be read), stored only when accepted. A refused upload is therefore never written anywhere,
 * not even to a temporary file.
 */
export async function acceptUpload(
  store: FileStore,
  input: UploadInput,
  maxBytes?: number,
): Promise<AcceptedUpload | Extract<UploadCheck, { ok: false }>> {
  const inspected = await inspectUpload(input, maxBytes);
  return inspected.ok ? storeInspected(store, input, inspected) : inspected;
}

export type InspectedUpload = Extract<UploadCheck, { ok: true }> & { pages: number };

/** Every check of {@link acceptUpload}, writing nothing: several files are all checked before any is kept. */
export async function inspectUpload(
  input: UploadInput,
  maxBytes?: number,
): Promise<InspectedUpload | Extract<UploadCheck, { ok: false }>> {
  const check = await checkUpload(input, maxBytes);
  if (!check.ok) return check;
  const pages = await pageCount(input.bytes, check.mediaType);
  if (pages === undefined)
    return {
      ok: false,
      field: UPLOAD_FIELDS.file,
      detail: text('Không đọc được cấu trúc tệp PDF', 'The PDF structure cannot be read'),
    };
  return { ...check, pages };
}

/** Stores an upload that passed {@link inspectUpload}. */
export async function storeInspected(
  store: FileStore,
  input: UploadInput,
  inspected: InspectedUpload,
): Promise<AcceptedUpload> {
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  return { ...inspected, ...(await store.put(bytes)) };
}
