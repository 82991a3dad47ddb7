/**
 * The sign-in code message, in the one language the citizen reads the portal in. It carries the code and
 * how long it holds, nothing else about the person: the address may be shared or the phone seen by others.
 */
export type CodeLang = 'vi' | 'en';
export type CodeChannel = 'email' | 'sms';

/** How long a code may be used; the service's expiry is derived from the same number. */
export const CODE_VALID_MINUTES = 10;

export interface CodeMessage {
  /** E-mail only. */
  subject?: string;
  text: string;
  /** E-mail only. */
  html?: string;
}

const TEXTS = {
  vi: {
    subject: (code: string) => `Mã đăng nhập Một cửa: ${code}`,
    lead: 'Mã đăng nhập cổng Một cửa của ông/bà là:',
    valid: `Mã có hiệu lực trong ${CODE_VALID_MINUTES} phút và chỉ dùng được một lần.`,
    share: 'Không chia sẻ mã này với bất kỳ ai, kể cả người tự xưng là cán bộ.',
    ignore: 'Nếu ông/bà không yêu cầu mã này, xin bỏ qua thư này.',
    auto: 'Thư gửi tự động, xin không trả lời.',
    // One Unicode SMS segment (70 characters).
    sms: (code: string) =>
      `Mã đăng nhập Một cửa: ${code}, hiệu lực ${CODE_VALID_MINUTES} phút. Không chia sẻ mã này.`,
  },
  en: {
    subject: (code: string) => `One-stop portal sign-in code: ${code}`,
    lead: 'Your sign-in code for the one-stop portal is:',
    valid: `The code is valid for ${CODE_VALID_MINUTES} minutes and can be used once.`,
    share: 'Do not share this code with anyone, even someone who says they are an official.',
    ignore: 'If you did not ask for this code, please ignore this e-mail.',
    auto: 'This e-mail is sent automatically; please do not reply.',
    sms: (code: string) =>
      `One-stop sign-in code: ${code}, valid ${CODE_VALID_MINUTES} minutes. Do not share this code.`,
  },
} as const;

/** The message that carries a 6-digit code; the code is digits only, so nothing needs escaping. */
export function renderCodeMessage(code: string, lang: CodeLang, channel: CodeChannel): CodeMessage {
  if (!/^[0-9]{6}$/.test(code)) throw new Error('a sign-in code is six digits');
  const t = TEXTS[lang];
  if (channel === 'sms') return { text: t.sms(code).normalize('NFC') };
  const text = [t.lead, code, '', t.valid, t.share, '', t.ignore, t.auto].join('\n');
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>`,
    `<p>${t.lead}</p>`,
    `<p style="font-size:1.5em;letter-spacing:0.2em"><strong>${code}</strong></p>`,
    `<p>${t.valid}</p>`,
    `<p><strong>${t.share}</strong></p>`,
    `<p>${t.ignore}</p>`,
    `<p><small>${t.auto}</small></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: t.subject(code), text: text.normalize('NFC'), html: html.normalize('NFC') };
}
