import { vnDateOf } from '@motcua/domain/calendar/dates';

// The pieces every citizen message is made of, and how they become e-mail text, HTML and an SMS. Pure.

/** An SMS is at most this many characters (five Unicode segments of 64 with concatenation headers). */
export const SMS_MAX_CHARS = 320;

export type Para =
  { text: string } | { label: string; value: string } | { label: string; url: string } | { items: string[] };

export interface Sms {
  render: (flex: Record<string, string>) => string;
  /** Free-text values that may be shortened to fit, least important first. */
  flex: Record<string, string>;
}

export interface Content {
  subject: string;
  paras: Para[];
  sms: Sms;
}

/** dd/MM/yyyy of an instant in Vietnam time. */
export const vnDate = (at: Date): string => vnDateOf(at.getTime()).split('-').reverse().join('/');
/** One line, NFC, inner whitespace collapsed (a reason typed with line breaks). */
export const one = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim();
export const chars = (text: string) => Array.from(text).length;

export function fitSms({ render, flex }: Sms): string {
  const values = Object.fromEntries(Object.entries(flex).map(([k, v]) => [k, one(v)]));
  for (const key of Object.keys(values)) {
    const over = chars(render(values)) - SMS_MAX_CHARS;
    if (over <= 0) break;
    const kept = Array.from(values[key]!).slice(0, Math.max(0, chars(values[key]!) - over - 1));
    values[key] = `${kept.join('').trimEnd()}…`;
  }
  const text = one(render(values));
  return chars(text) <= SMS_MAX_CHARS
    ? text
    : `${Array.from(text)
        .slice(0, SMS_MAX_CHARS - 1)
        .join('')}…`;
}

export const T = {
  vi: {
    dear: (name?: string) => `Kính gửi ông/bà${name ? ` ${one(name)}` : ''},`,
    code: 'Mã hồ sơ',
    procedure: 'Thủ tục',
    sign: (unit?: string) => `Trân trọng,\n${unit ? one(unit) : 'Bộ phận tiếp nhận và trả kết quả'}`,
    auto: 'Đây là thư tự động, vui lòng không trả lời thư này.',
  },
  en: {
    dear: (name?: string) => `Dear ${name ? one(name) : 'applicant'},`,
    code: 'Application code',
    procedure: 'Procedure',
    sign: (unit?: string) => `Kind regards,\n${unit ? one(unit) : 'The one-stop desk'}`,
    auto: 'This is an automated message; please do not reply.',
  },
} as const;

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const paraText = (p: Para): string =>
  'items' in p
    ? p.items.map((item) => `- ${item}`).join('\n')
    : 'url' in p
      ? `${p.label}: ${p.url}`
      : 'label' in p
        ? `${p.label}: ${p.value}`
        : p.text;

export function paraHtml(p: Para): string {
  if ('items' in p) return `<ul>${p.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  if ('url' in p) {
    const safe = /^https?:\/\//i.test(p.url) ? escapeHtml(p.url) : '';
    const link = safe ? `<a href="${safe}">${safe}</a>` : escapeHtml(p.url);
    return `<p>${escapeHtml(p.label)}: ${link}</p>`;
  }
  if ('label' in p) return `<p>${escapeHtml(p.label)}: <strong>${escapeHtml(p.value)}</strong></p>`;
  return `<p>${escapeHtml(p.text)}</p>`;
}

export type ResultPickup =
  | { method: 'online'; downloadUrl: string }
  | { method: 'counter'; place: string; hours?: string }
  | { method: 'post'; address?: string };

/** How the result reaches the citizen, said in an e-mail and (shorter, without the address) in an SMS. */
export function pickupText(
  pickup: ResultPickup,
  lang: 'vi' | 'en',
): { email: Para[]; sms: string; flex: string } {
  const vi = lang === 'vi';
  switch (pickup.method) {
    case 'online': {
      const url = pickup.downloadUrl.trim();
      return {
        email: [{ label: vi ? 'Tải kết quả tại' : 'Download it at', url }],
        sms: vi ? `Tải kết quả: ${url}` : `Download: ${url}`,
        flex: '',
      };
    }
    case 'counter': {
      const where = `${one(pickup.place)}${pickup.hours ? ` (${one(pickup.hours)})` : ''}`;
      return {
        email: [
          {
            text: vi
              ? `Mời ông/bà đến nhận kết quả tại ${where}, mang theo giấy tiếp nhận hồ sơ và giấy tờ tùy thân.`
              : `Please collect it at ${where}, bringing the receipt slip and an identity document.`,
          },
        ],
        sms: vi ? 'Mời ông/bà đến nhận tại' : 'Please collect it at',
        flex: where,
      };
    }
    case 'post':
      return {
        email: [
          {
            text: vi
              ? `Kết quả sẽ được gửi qua dịch vụ bưu chính${pickup.address ? ` đến địa chỉ: ${one(pickup.address)}` : ''}.`
              : `It will be sent to you by post${pickup.address ? ` to: ${one(pickup.address)}` : ''}.`,
          },
        ],
        // An address is personal data that an SMS gateway need not see.
        sms: vi ? 'Kết quả sẽ được gửi qua bưu chính.' : 'It will be sent to you by post.',
        flex: '',
      };
  }
}
