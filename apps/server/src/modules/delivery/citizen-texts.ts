import { vnDateOf } from '@motcua/domain/calendar/dates';
import type { ReturnChannel } from '@motcua/domain/workflow/decide';

/**
 * What a citizen is told, by e-mail or SMS, at the steps of an application they must know about.
 * Pure and deterministic: the same event, data, language and channel give the same text (dates are
 * shown in Vietnam time, UTC+07:00), so a retried job sends exactly what the first attempt sent.
 */
export const CITIZEN_EVENTS = [
  'received',
  'supplement_requested',
  'apology',
  'result_ready',
  'returned',
  'rating_invite',
] as const;
export type CitizenEvent = (typeof CITIZEN_EVENTS)[number];
export type CitizenLang = 'vi' | 'en';
export type CitizenChannel = 'email' | 'sms';

/** An SMS is at most this many characters (five Unicode segments of 64 with concatenation headers). */
export const SMS_MAX_CHARS = 320;

interface Common {
  /** The application code printed on the slip. */
  code: string;
  procedureName: string;
  /** Greets by name in e-mails; never put in an SMS. */
  applicantName?: string;
  /** Signs e-mails ("Bộ phận một cửa xã Lâm Hà"); a generic signature when absent. */
  unitName?: string;
}

export type ResultPickup =
  | { method: 'online'; downloadUrl: string }
  | { method: 'counter'; place: string; hours?: string }
  | { method: 'post'; address?: string };

export interface CitizenEventData {
  received: Common & { appointmentAt: Date; lookupUrl: string };
  supplement_requested: Common & { items: string[]; reason: string; link: string };
  apology: Common & { newAppointmentAt: Date; reason: string; lookupUrl?: string };
  result_ready: Common & { pickup: ResultPickup };
  returned: Common & { returnedAt: Date; channel: ReturnChannel; trackingNumber?: string };
  rating_invite: Common & { ratingUrl: string };
}

export interface RenderedMessage {
  /** E-mail only. */
  subject?: string;
  text: string;
  /** E-mail only. */
  html?: string;
}

type Para =
  { text: string } | { label: string; value: string } | { label: string; url: string } | { items: string[] };

interface Sms {
  render: (flex: Record<string, string>) => string;
  /** Free-text values that may be shortened to fit, least important first. */
  flex: Record<string, string>;
}

interface Content {
  subject: string;
  paras: Para[];
  sms: Sms;
}

/** dd/MM/yyyy of an instant in Vietnam time. */
export const vnDate = (at: Date): string => vnDateOf(at.getTime()).split('-').reverse().join('/');
/** One line, NFC, inner whitespace collapsed (a reason typed with line breaks). */
const one = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim();
const chars = (text: string) => Array.from(text).length;

function fitSms({ render, flex }: Sms): string {
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

const T = {
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

const RETURN_CHANNEL = {
  vi: { counter: 'tại bộ phận một cửa', post: 'qua dịch vụ bưu chính', online: 'trực tuyến' },
  en: { counter: 'at the one-stop desk', post: 'by post', online: 'online' },
} as const satisfies Record<CitizenLang, Record<ReturnChannel, string>>;

type Builder<E extends CitizenEvent> = (d: CitizenEventData[E], lang: CitizenLang) => Content;

const received: Builder<'received'> = (d, lang) => {
  const date = vnDate(d.appointmentAt);
  const url = d.lookupUrl.trim();
  return lang === 'vi'
    ? {
        subject: `Đã tiếp nhận hồ sơ ${d.code}`,
        paras: [
          { text: 'Hồ sơ của ông/bà đã được tiếp nhận.' },
          { label: 'Ngày hẹn trả kết quả', value: date },
          { label: 'Tra cứu tình trạng hồ sơ', url },
        ],
        sms: {
          render: (f) =>
            `Hồ sơ ${d.code} (${f.p}) đã được tiếp nhận. Hẹn trả kết quả ngày ${date}. Tra cứu: ${url}`,
          flex: { p: d.procedureName },
        },
      }
    : {
        subject: `Application ${d.code} received`,
        paras: [
          { text: 'Your application has been received.' },
          { label: 'Result expected on', value: date },
          { label: 'Track your application', url },
        ],
        sms: {
          render: (f) => `Application ${d.code} (${f.p}) received. Result expected on ${date}. Track: ${url}`,
          flex: { p: d.procedureName },
        },
      };
};

const supplement: Builder<'supplement_requested'> = (d, lang) => {
  const items = d.items.map(one).filter(Boolean);
  const url = d.link.trim();
  return lang === 'vi'
    ? {
        subject: `Hồ sơ ${d.code}: cần bổ sung giấy tờ`,
        paras: [
          { text: 'Hồ sơ của ông/bà cần được bổ sung, hoàn thiện. Giấy tờ cần bổ sung:' },
          { items },
          { label: 'Lý do', value: one(d.reason) },
          { label: 'Xem chi tiết và nộp bổ sung', url },
        ],
        sms: {
          render: (f) => `Hồ sơ ${d.code} cần bổ sung: ${f.items}. Lý do: ${f.reason}. Chi tiết: ${url}`,
          flex: { reason: d.reason, items: items.join('; ') },
        },
      }
    : {
        subject: `Application ${d.code}: documents needed`,
        paras: [
          { text: 'Your application needs further documents:' },
          { items },
          { label: 'Reason', value: one(d.reason) },
          { label: 'Details and upload', url },
        ],
        sms: {
          render: (f) => `Application ${d.code} needs: ${f.items}. Reason: ${f.reason}. Details: ${url}`,
          flex: { reason: d.reason, items: items.join('; ') },
        },
      };
};

const apology: Builder<'apology'> = (d, lang) => {
  const date = vnDate(d.newAppointmentAt);
  const url = d.lookupUrl?.trim();
  return lang === 'vi'
    ? {
        subject: `Hồ sơ ${d.code}: thư xin lỗi và hẹn lại ngày trả kết quả`,
        paras: [
          { text: 'Chúng tôi thành thật xin lỗi ông/bà vì hồ sơ chưa được giải quyết đúng hẹn.' },
          { label: 'Lý do', value: one(d.reason) },
          { label: 'Ngày hẹn trả kết quả mới', value: date },
          ...(url ? [{ label: 'Tra cứu tình trạng hồ sơ', url }] : []),
        ],
        sms: {
          render: (f) =>
            `Xin lỗi ông/bà: hồ sơ ${d.code} chưa giải quyết đúng hẹn. Lý do: ${f.reason}. Hẹn trả kết quả mới ngày ${date}.`,
          flex: { reason: d.reason },
        },
      }
    : {
        subject: `Application ${d.code}: our apologies and a new date`,
        paras: [
          { text: 'We sincerely apologise: your application was not completed on the date we gave you.' },
          { label: 'Reason', value: one(d.reason) },
          { label: 'New date for the result', value: date },
          ...(url ? [{ label: 'Track your application', url }] : []),
        ],
        sms: {
          render: (f) =>
            `We apologise: application ${d.code} is late. Reason: ${f.reason}. New date for the result: ${date}.`,
          flex: { reason: d.reason },
        },
      };
};

function pickupText(pickup: ResultPickup, lang: CitizenLang): { email: Para[]; sms: string; flex: string } {
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

const resultReady: Builder<'result_ready'> = (d, lang) => {
  const how = pickupText(d.pickup, lang);
  const tail = (f: Record<string, string>) => (how.flex ? `${how.sms} ${f.where}.` : how.sms);
  return lang === 'vi'
    ? {
        subject: `Hồ sơ ${d.code}: đã có kết quả`,
        paras: [{ text: 'Hồ sơ của ông/bà đã có kết quả.' }, ...how.email],
        sms: {
          render: (f) => `Hồ sơ ${d.code} (${f.p}) đã có kết quả. ${tail(f)}`,
          flex: { p: d.procedureName, where: how.flex },
        },
      }
    : {
        subject: `Application ${d.code}: the result is ready`,
        paras: [{ text: 'The result of your application is ready.' }, ...how.email],
        sms: {
          render: (f) => `The result of application ${d.code} (${f.p}) is ready. ${tail(f)}`,
          flex: { p: d.procedureName, where: how.flex },
        },
      };
};

const returned: Builder<'returned'> = (d, lang) => {
  const date = vnDate(d.returnedAt);
  const how = RETURN_CHANNEL[lang][d.channel];
  const tracking = d.channel === 'post' && d.trackingNumber ? one(d.trackingNumber) : undefined;
  return lang === 'vi'
    ? {
        subject: `Hồ sơ ${d.code}: đã trả kết quả`,
        paras: [
          { text: `Kết quả hồ sơ của ông/bà đã được trả ${how} ngày ${date}.` },
          ...(tracking ? [{ label: 'Số hiệu bưu gửi', value: tracking }] : []),
          { text: 'Nếu chưa nhận được kết quả, xin vui lòng liên hệ bộ phận một cửa. Trân trọng cảm ơn.' },
        ],
        sms: {
          render: (f) =>
            `Hồ sơ ${d.code} (${f.p}) đã trả kết quả ${how} ngày ${date}.${tracking ? ` Số hiệu bưu gửi: ${tracking}.` : ''}`,
          flex: { p: d.procedureName },
        },
      }
    : {
        subject: `Application ${d.code}: result handed over`,
        paras: [
          { text: `The result of your application was handed over ${how} on ${date}.` },
          ...(tracking ? [{ label: 'Postal tracking number', value: tracking }] : []),
          { text: 'If you have not received it, please contact the one-stop desk. Thank you.' },
        ],
        sms: {
          render: (f) =>
            `Application ${d.code} (${f.p}): result handed over ${how} on ${date}.${tracking ? ` Tracking: ${tracking}.` : ''}`,
          flex: { p: d.procedureName },
        },
      };
};

const ratingInvite: Builder<'rating_invite'> = (d, lang) => {
  const url = d.ratingUrl.trim();
  return lang === 'vi'
    ? {
        subject: `Mời đánh giá việc giải quyết hồ sơ ${d.code}`,
        paras: [
          { text: 'Cảm ơn ông/bà đã sử dụng dịch vụ. Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn.' },
          { label: 'Đánh giá mức độ hài lòng tại', url },
        ],
        sms: {
          render: (f) => `Mời ông/bà đánh giá việc giải quyết hồ sơ ${d.code} (${f.p}): ${url}`,
          flex: { p: d.procedureName },
        },
      }
    : {
        subject: `How did we do with application ${d.code}?`,
        paras: [
          { text: 'Thank you for using our service. Your opinion helps us serve you better.' },
          { label: 'Rate your experience at', url },
        ],
        sms: {
          render: (f) => `Please rate how we handled application ${d.code} (${f.p}): ${url}`,
          flex: { p: d.procedureName },
        },
      };
};

const BUILDERS: { [E in CitizenEvent]: Builder<E> } = {
  received,
  supplement_requested: supplement,
  apology,
  result_ready: resultReady,
  returned,
  rating_invite: ratingInvite,
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const paraText = (p: Para): string =>
  'items' in p
    ? p.items.map((item) => `- ${item}`).join('\n')
    : 'url' in p
      ? `${p.label}: ${p.url}`
      : 'label' in p
        ? `${p.label}: ${p.value}`
        : p.text;

function paraHtml(p: Para): string {
  if ('items' in p) return `<ul>${p.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  if ('url' in p) {
    const safe = /^https?:\/\//i.test(p.url) ? escapeHtml(p.url) : '';
    const link = safe ? `<a href="${safe}">${safe}</a>` : escapeHtml(p.url);
    return `<p>${escapeHtml(p.label)}: ${link}</p>`;
  }
  if ('label' in p) return `<p>${escapeHtml(p.label)}: <strong>${escapeHtml(p.value)}</strong></p>`;
  return `<p>${escapeHtml(p.text)}</p>`;
}

export function renderCitizenMessage<E extends CitizenEvent>(
  event: E,
  data: CitizenEventData[E],
  lang: CitizenLang,
  channel: CitizenChannel,
): RenderedMessage {
  const content = (BUILDERS[event] as Builder<E>)(data, lang);
  if (channel === 'sms') return { text: fitSms(content.sms).normalize('NFC') };
  const t = T[lang];
  const header: Para[] = [
    { label: t.code, value: one(data.code) },
    { label: t.procedure, value: one(data.procedureName) },
  ];
  // The opening sentence, then what identifies the application, then the details.
  const [first, ...rest] = content.paras;
  const ordered = [...(first ? [first] : []), ...header, ...rest];
  const sign = t.sign(data.unitName);
  const text = [t.dear(data.applicantName), ...ordered.map(paraText), sign, t.auto].join('\n\n');
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>`,
    `<p>${escapeHtml(t.dear(data.applicantName))}</p>`,
    ...ordered.map(paraHtml),
    `<p>${sign.split('\n').map(escapeHtml).join('<br>')}</p>`,
    `<p><small>${escapeHtml(t.auto)}</small></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: one(content.subject), text: text.normalize('NFC'), html: html.normalize('NFC') };
}
