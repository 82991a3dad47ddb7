import { fileTypeFromBuffer } from 'file-type';
import { text, type Text } from '@motcua/domain/errors';

/**
 * The types a dossier may carry: PDF and the usual scan formats. Decided from the bytes only; the file name
 * and the declared type are what the client claims, and a claim is checked, never trusted.
 */
export const ACCEPTED_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/tiff': 'tif',
} as const;
export type AcceptedMediaType = keyof typeof ACCEPTED_TYPES;

export const DEFAULT_MAX_UPLOAD_MB = 20;
export const MAX_NAME_LENGTH = 255;

/** Where each refusal points (multipart: the file part, its file name, its content type). */
export const UPLOAD_FIELDS = { file: '/body/file', name: '/body/file/filename', type: '/body/file/mimetype' };

export interface UploadInput {
  bytes: Uint8Array;
  /** The Content-Type the client sent for the part, if any. */
  declaredType?: string | undefined;
  /** Kept only as a label to show; never part of a path. */
  fileName: string;
}

export type UploadCheck =
  | { ok: true; mediaType: AcceptedMediaType; extension: string; displayName: string }
  | { ok: false; field: string; detail: Text };

const refuse = (field: string, detail: Text): UploadCheck => ({ ok: false, field, detail });

/**
 * C0/C1 controls, lone surrogates, and the bidirectional overrides that make "hoadon\u202Efdp.exe" display as
 * "hoadonexe.pdf". Path separators too: the name is a label, and one that looks like a path is a probe.
 */
const BAD_NAME_CHARS = /[\p{Cc}\p{Cs}\u200E\u200F\u202A-\u202E\u2066-\u2069/\\]/u;

/** The display label, or why the name is refused. Normalised to NFC so one name has one spelling. */
export function checkFileName(
  fileName: string,
): { ok: true; displayName: string } | { ok: false; detail: Text } {
  const name = fileName.normalize('NFC').trim();
  if (name === '' || name === '.' || name === '..')
    return { ok: false, detail: text('Tên tệp không được để trống', 'The file name must not be empty') };
  if ([...name].length > MAX_NAME_LENGTH)
    return {
      ok: false,
      detail: text(
        `Tên tệp dài quá ${MAX_NAME_LENGTH} ký tự`,
        `The file name is longer than ${MAX_NAME_LENGTH} characters`,
      ),
    };
  if (BAD_NAME_CHARS.test(name))
    return {
      ok: false,
      detail: text(
        'Tên tệp không được chứa ký tự điều khiển hoặc dấu phân cách thư mục (/ \\)',
        'The file name must not contain control characters or folder separators (/ \\)',
      ),
    };
  return { ok: true, displayName: name };
}

/** Other spellings clients send for the accepted types. */
const ALIASES: Record<string, AcceptedMediaType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'image/tif': 'image/tiff',
  'application/x-pdf': 'application/pdf',
};
/** Declared types that claim nothing (browsers send these for a file they do not know). */
const UNSPECIFIC = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

const isAccepted = (mime: string): mime is AcceptedMediaType => Object.hasOwn(ACCEPTED_TYPES, mime);

/**
 * PDF names that run code when the file is opened: JavaScript actions and Launch actions (which start a
 * program). Conservative on purpose: any such name anywhere in the bytes refuses the file, even inside a
 * stream where it might be harmless data; a citizen can re-scan or print to PDF. Names may hide letters as
 * #xx escapes (/J#53 is /JS), so names are decoded first. Not seen: names inside compressed object streams;
 * rendering is left to viewers that have JavaScript off.
 */
const ACTIVE_PDF_NAMES = new Set(['JS', 'JavaScript', 'Launch']);
const PDF_NAME = /\/((?:[^\s()<>[\]{}/%#]|#[0-9A-Fa-f]{2})+)/g;

export function pdfHasActiveContent(bytes: Uint8Array): boolean {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  for (const [, raw] of source.matchAll(PDF_NAME)) {
    const name = raw!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
    if (ACTIVE_PDF_NAMES.has(name)) return true;
  }
  return false;
}

const mb = (bytes: number): string => String(Number((bytes / 2 ** 20).toFixed(2)));

/**
 * Whether an upload may be kept. Checks the name, the size, then the type sniffed from the bytes, then that
 * the declared type (if any) agrees, then PDF active content. Nothing is written here: the caller stores the
 * bytes only after an `ok`.
 */
export async function checkUpload(
  { bytes, declaredType, fileName }: UploadInput,
  maxBytes: number = DEFAULT_MAX_UPLOAD_MB * 1024 * 1024,
): Promise<UploadCheck> {
  const name = checkFileName(fileName);
  if (!name.ok) return refuse(UPLOAD_FIELDS.name, name.detail);
  if (bytes.length === 0)
    return refuse(UPLOAD_FIELDS.file, text('Tệp rỗng (0 byte)', 'The file is empty (0 bytes)'));
  if (bytes.length > maxBytes)
    return refuse(
      UPLOAD_FIELDS.file,
      text(`Tệp lớn hơn ${mb(maxBytes)} MB`, `The file is larger than ${mb(maxBytes)} MB`),
    );
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed === undefined || !isAccepted(sniffed.mime))
    return refuse(
      UPLOAD_FIELDS.file,
      text(
        'Chỉ nhận tệp PDF, JPEG, PNG hoặc TIFF (kiểm tra theo nội dung tệp, không theo đuôi tên tệp)',
        'Only PDF, JPEG, PNG or TIFF files are accepted (judged by the content, not the file name)',
      ),
    );
  const mediaType = sniffed.mime;
  // Truncated: it is echoed in the message and comes from the client.
  const declared = (declaredType?.split(';')[0]!.trim().toLowerCase() ?? '').slice(0, 100);
  if (!UNSPECIFIC.has(declared) && (ALIASES[declared] ?? declared) !== mediaType)
    return refuse(
      UPLOAD_FIELDS.type,
      text(
        `Loại tệp khai báo (${declared}) không khớp với nội dung tệp (${mediaType})`,
        `The declared type (${declared}) does not match the content (${mediaType})`,
      ),
    );
  if (mediaType === 'application/pdf' && pdfHasActiveContent(bytes))
    return refuse(
      UPLOAD_FIELDS.file,
      text(
        'Tệp PDF có chứa mã JavaScript hoặc lệnh chạy chương trình nên không được nhận',
        'The PDF contains JavaScript or a program launch action and is not accepted',
      ),
    );
  return { ok: true, mediaType, extension: ACCEPTED_TYPES[mediaType], displayName: name.displayName };
}
