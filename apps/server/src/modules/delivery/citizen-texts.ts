import type { ReturnChannel } from '@motcua/domain/workflow/decide';
import {
  SMS_MAX_CHARS,
  T,
  escapeHtml,
  fitSms,
  one,
  paraHtml,
  paraText,
  vnDate,
  pickupText,
  type Content,
  type Para,
  type ResultPickup,
} from './citizen-texts-format.ts';

export { SMS_MAX_CHARS, vnDate, type ResultPickup };

/**
 * What a citizen is told, by e-mail or SMS, at the steps of an application they must know about.
 * Pure and deterministic: the same event, data, language and channel give the same text (dates are
 * shown in Vietnam time, UTC+07:00), so a retried job sends exactly what the first attempt sent.
 */
export const CITIZEN_EVENTS = [
  'submitted',
  'received',
  'refused',
  'supplement_requested',
  'apology',
  'result_ready',
  'returned',
  'rating_invite',
] as const;
export type CitizenEvent = (typeof CITIZEN_EVENTS)[number];
export type CitizenLang = 'vi' | 'en';
export type CitizenChannel = 'email' | 'sms';

interface Common {
  /** The application code printed on the slip. */
  code: string;
  procedureName: string;
  /** Greets by name in e-mails; never put in an SMS. */
  applicantName?: string;
  /** Signs e-mails ("Bộ phận một cửa xã Lâm Hà"); a generic signature when absent. */
  unitName?: string;
}

export interface CitizenEventData {
  submitted: Common & { lookupUrl: string };
  received: Common & { appointmentAt: Date; lookupUrl: string };
  refused: Common & { reason: string; lookupUrl?: string };
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

/** An online application was registered (DVCQG status 1 "Mới đăng ký"): the desk checks it next. */
const submitted: Builder<'submitted'> = (d, lang) => {
  const url = d.lookupUrl.trim();
  return lang === 'vi'
    ? {
        subject: `Đã đăng ký hồ sơ trực tuyến ${d.code}`,
        paras: [
          { text: 'Hồ sơ trực tuyến của ông/bà đã được đăng ký trên hệ thống.' },
          {
            text: 'Bộ phận tiếp nhận và trả kết quả sẽ kiểm tra hồ sơ và thông báo cho ông/bà việc tiếp nhận (kèm ngày hẹn trả kết quả) hoặc hướng dẫn bổ sung.',
          },
          { label: 'Tra cứu tình trạng hồ sơ', url },
        ],
        sms: {
          render: (f) =>
            `Hồ sơ ${d.code} (${f.p}) đã được đăng ký trực tuyến, đang chờ kiểm tra. Tra cứu: ${url}`,
          flex: { p: d.procedureName },
        },
      }
    : {
        subject: `Online application ${d.code} registered`,
        paras: [
          { text: 'Your online application has been registered.' },
          {
            text: 'The one-stop desk will check it and tell you whether it is received (with the date of the result) or what needs to be completed.',
          },
          { label: 'Track your application', url },
        ],
        sms: {
          render: (f) =>
            `Online application ${d.code} (${f.p}) registered and awaiting checks. Track: ${url}`,
          flex: { p: d.procedureName },
        },
      };
};

/** Refused at intake, with the reason (Mẫu 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ). */
const refused: Builder<'refused'> = (d, lang) => {
  const url = d.lookupUrl?.trim();
  const reason = one(d.reason);
  return lang === 'vi'
    ? {
        subject: `Hồ sơ ${d.code}: từ chối tiếp nhận`,
        paras: [
          { text: 'Rất tiếc, hồ sơ của ông/bà không được tiếp nhận giải quyết.' },
          { label: 'Lý do', value: reason },
          { text: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03) nêu rõ lý do này.' },
          ...(url ? [{ label: 'Tra cứu tình trạng hồ sơ', url }] : []),
        ],
        sms: {
          render: (f) => `Hồ sơ ${d.code} (${f.p}) bị từ chối tiếp nhận. Lý do: ${f.reason}.`,
          flex: { reason: d.reason, p: d.procedureName },
        },
      }
    : {
        subject: `Application ${d.code}: not accepted`,
        paras: [
          { text: 'We are sorry: your application could not be accepted for processing.' },
          { label: 'Reason', value: reason },
          { text: 'The refusal notice (form 03) gives this reason.' },
          ...(url ? [{ label: 'Track your application', url }] : []),
        ],
        sms: {
          render: (f) => `Application ${d.code} (${f.p}) was not accepted. Reason: ${f.reason}.`,
          flex: { reason: d.reason, p: d.procedureName },
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
  submitted,
  received,
  refused,
  supplement_requested: supplement,
  apology,
  result_ready: resultReady,
  returned,
  rating_invite: ratingInvite,
};

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
