import type { FileStore } from './file-store.ts';
import { checkUpload, type UploadCheck, type UploadInput } from './upload-check.ts';

export type AcceptedUpload = Extract<UploadCheck, { ok: true }> & { sha256: string; size: number };

/**
 * The one way an upload enters the store: checked first, stored only when accepted. A refused upload is
 * therefore never written anywhere, not even to a temporary file.
 */
export async function acceptUpload(
  store: FileStore,
  input: UploadInput,
  maxBytes?: number,
): Promise<AcceptedUpload | Extract<UploadCheck, { ok: false }>> {
  const check = await checkUpload(input, maxBytes);
  if (!check.ok) return check;
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  return { ...check, ...(await store.put(bytes)) };
}
