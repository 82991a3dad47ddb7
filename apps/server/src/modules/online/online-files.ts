import { text } from '@motcua/domain/errors';
import type { FieldError } from '@motcua/domain/online/fields';
import type { UploadSlot } from '@motcua/domain/online/online';
import type { ApplicationRow } from '../applications/applications.repository.ts';
import {
  inspectUpload,
  storeInspected,
  type AcceptedUpload,
  type InspectedUpload,
} from '../files/accept-upload.ts';
import type { FileStore } from '../files/file-store.ts';
import type { UploadInput } from '../files/upload-check.ts';
import type { DocumentRow } from '../records/records.repository.ts';

interface Checked {
  slot: number;
  input: UploadInput;
  inspected: InspectedUpload;
}

/**
 * Every file of a filing checked before any is kept (type from the bytes, size, active content): one bad
 * file refuses the whole filing and nothing is written. Problems are named by slot, in the citizen's words.
 */
export async function checkFiles(
  files: readonly (UploadInput | undefined)[],
  slots: readonly Pick<UploadSlot, 'name'>[],
  maxBytes: number,
  errors: FieldError[],
): Promise<Checked[]> {
  const checked: Checked[] = [];
  for (const [i, input] of files.entries()) {
    if (!input) continue;
    const result = await inspectUpload(input, maxBytes);
    const name = slots[i]?.name ?? `Giấy tờ ${i + 1}`;
    if (result.ok) checked.push({ slot: i + 1, input, inspected: result });
    else
      errors.push({
        field: `doc_${i + 1}`,
        detail: text(`${name}: ${result.detail.vi}`, `${name}: ${result.detail.en}`),
      });
  }
  return checked;
}

export async function keepFiles(store: FileStore, checked: readonly Checked[]) {
  const kept: (AcceptedUpload & { slot: number })[] = [];
  for (const c of checked)
    kept.push({ ...(await storeInspected(store, c.input, c.inspected)), slot: c.slot });
  return kept;
}

/** The uploads as digitized components of the file, numbered from `first` in upload order. */
export function documentRows(
  row: Pick<ApplicationRow, 'province_code' | 'id'>,
  kept: readonly AcceptedUpload[],
  first: number,
  at: Date,
): DocumentRow[] {
  return kept.map((k, i) => ({
    province_code: row.province_code,
    application_id: row.id,
    position: first + i,
    sha256: k.sha256,
    file_name: k.displayName,
    pages: k.pages,
    digitized_at: at,
    // Uploaded by the citizen: no officer digitized it.
    digitized_by: null,
    reused_from_application_id: null,
    reused_from_code: null,
    reuse_source: null,
  }));
}
