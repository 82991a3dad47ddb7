/**
 * Masking of personal data before it is written to logs or shown on public pages
 * (Decree 13/2023/NĐ-CP on personal data protection). Citizen ID numbers have 12 digits (căn cước),
 * old ID cards 9; Vietnamese mobile numbers have 10 digits starting with 0, or +84 followed by 9 digits.
 * Everything but the last 3 digits is replaced.
 */
const ID_NUMBER = /(?<![0-9])([0-9]{9}|[0-9]{12})(?![0-9])/g;
const PHONE = /(?<![0-9+])(\+84|0)([1-9][0-9]{8})(?![0-9])/g;

function keepTail(digits: string, tail = 3): string {
  return '*'.repeat(Math.max(0, digits.length - tail)) + digits.slice(-tail);
}

export function maskText(text: string): string {
  return text
    .replace(PHONE, (_m, prefix: string, rest: string) => prefix + keepTail(rest))
    .replace(ID_NUMBER, (digits: string) => keepTail(digits));
}

/** Masks every string inside a JSON-like value; keys named like secrets are replaced whole. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, depth + 1));
  if (value instanceof Error) {
    // Keep what an operator needs (type, message, stack), masked like any text.
    return {
      type: value.name,
      message: maskText(value.message),
      ...(value.stack ? { stack: maskText(value.stack) } : {}),
    };
  }
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? '[redacted]' : maskDeep(item, depth + 1);
    }
    return out;
  }
  return value;
}

const SECRET_KEY = /pass(word)?|secret|token|cookie|authorization/i;

/**
 * A name shown on a public page: the family name and the initials of the others ("Nguyễn Thị Lan" →
 * "Nguyễn T. L."), enough for the applicant to recognise the file, not enough to identify a stranger.
 */
export function maskName(fullName: string): string {
  const [family, ...rest] = fullName.normalize('NFC').trim().split(/\s+/);
  if (!family) return '';
  return [family, ...rest.map((word) => `${Array.from(word)[0]!.toLocaleUpperCase('vi')}.`)].join(' ');
}
