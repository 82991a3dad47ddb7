/**
 * The application code (mã số hồ sơ). Circular 01/2018/TT-VPCP art. 19: `<identity code of the receiving
 * body>-YYMMDD-XXXX`, XXXX the sequence of files received by that body that day. Circular 03/2025 re-issued
 * the rules; whether the format changed is UNCERTAIN (vn-rules.md §2.1), so the format is a template.
 * Electronic results: `<application code>-KQ<n>` (Decree 45/2020 art. 14(3)).
 */
export const DEFAULT_CODE_TEMPLATE = '{unit}-{yymmdd}-{seq4}';

export interface CodeParts {
  unitCode: string;
  /** The receipt date in Vietnam time, `YYYY-MM-DD`. */
  date: string;
  seq: number;
}

export function formatApplicationCode(parts: CodeParts, template = DEFAULT_CODE_TEMPLATE): string {
  const [year, month, day] = parts.date.split('-');
  if (!year || !month || !day) throw new Error(`not a date: ${parts.date}`);
  const width = Number(/\{seq(\d)\}/.exec(template)?.[1] ?? 4);
  if (parts.seq < 1 || parts.seq >= 10 ** width)
    throw new RangeError(`sequence ${parts.seq} does not fit ${width} digits`);
  return template
    .replace('{unit}', parts.unitCode)
    .replace('{yymmdd}', `${year.slice(2)}${month}${day}`)
    .replace('{yyyymmdd}', `${year}${month}${day}`)
    .replace(/\{seq\d\}/, String(parts.seq).padStart(width, '0'));
}

/** The shape of an identity code as the circular describes it, e.g. `000.00.12.H38` (segment classes UNCERTAIN). */
export const IDENTITY_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$/;

export const APPLICATION_CODE = /^(?<unit>[0-9A-Z.]{1,40})-(?<yymmdd>\d{6})-(?<seq>\d{4,6})$/;

export function parseApplicationCode(
  code: string,
): { unitCode: string; yymmdd: string; seq: number } | undefined {
  const match = APPLICATION_CODE.exec(code.trim().toUpperCase());
  if (!match?.groups) return undefined;
  return { unitCode: match.groups.unit!, yymmdd: match.groups.yymmdd!, seq: Number(match.groups.seq) };
}

export function resultCode(applicationCode: string, ordinal: number): string {
  if (!Number.isInteger(ordinal) || ordinal < 1) throw new RangeError('a result ordinal starts at 1');
  return `${applicationCode}-KQ${ordinal}`;
}

/**
 * The lookup key printed on the slip: codes are sequential and guessable, the key is not. Crockford's base-32
 * alphabet (no I, L, O, U) is easy to read aloud and to type. The caller supplies random bytes (no I/O here).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function lookupKeyFrom(randomBytes: Uint8Array, length = 6): string {
  if (randomBytes.length < length) throw new RangeError('not enough random bytes');
  return Array.from(randomBytes.slice(0, length), (b) => ALPHABET[b % 32]).join('');
}

export function normaliseLookupKey(key: string): string {
  return key.trim().toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}
