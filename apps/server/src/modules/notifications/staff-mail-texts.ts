import { clockAndDate } from './texts.ts';

/**
 * The e-mail copy of a staff notice (deadline reminder, overdue digest): Vietnamese first, English second, as
 * staff have no language setting. Built only from the stored notice, so a retried job sends the same text.
 * It names files by code, never the applicant: the mailbox may sit outside the office's systems.
 */
export interface StaffNotice {
  kind: string;
  titleVi: string;
  titleEn: string;
  applicationId: string | null;
  /** notifications.body: the digest's files (`applications`), or the reminder's details. */
  body: unknown;
}

export interface StaffMail {
  subject: string;
  text: string;
  html: string;
}

/** Files listed by link in a digest e-mail; the rest are counted, and the list page holds them all. */
export const STAFF_MAIL_LIST_MAX = 20;

interface Listed {
  id: string;
  code: string;
  dueAt?: string;
}

const TEXTS = {
  vi: {
    open: 'Mở hồ sơ',
    overdue: 'Các hồ sơ quá hạn:',
    due: (at: string) => `hạn ${at}`,
    more: (n: number) => `… và ${n} hồ sơ khác.`,
    list: 'Danh sách hồ sơ',
    footer:
      'Thông báo này cũng có trong mục Thông báo của phần mềm Một cửa. Thư gửi tự động, xin không trả lời.',
  },
  en: {
    open: 'Open the file',
    overdue: 'Overdue files:',
    due: (at: string) => `due ${at}`,
    more: (n: number) => `… and ${n} more.`,
    list: 'All files',
    footer:
      'This notice is also in your inbox in the one-stop software. Sent automatically; please do not reply.',
  },
} as const;
type Lang = keyof typeof TEXTS;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function listedOf(body: unknown): Listed[] {
  const list = (body as { applications?: unknown } | null)?.applications;
  if (!Array.isArray(list)) return [];
  return (list as Partial<Listed>[]).filter(
    (a): a is Listed => typeof a.id === 'string' && typeof a.code === 'string',
  );
}

function dueText(lang: Lang, iso: string | undefined): string {
  if (!iso) return '';
  const { time, date } = clockAndDate(new Date(iso));
  return TEXTS[lang].due(lang === 'vi' ? `${time} ngày ${date}` : `${time} on ${date}`);
}

/** A paragraph, a link, or a link in the digest's list of files. */
type Line = { text: string } | { label: string; url: string; item?: boolean };

function linesOf(notice: StaffNotice, lang: Lang, base: string): Line[] {
  const t = TEXTS[lang];
  const title = { text: lang === 'vi' ? notice.titleVi : notice.titleEn };
  const fileUrl = (id: string) => `${base}/ho-so/${encodeURIComponent(id)}`;
  if (notice.kind !== 'overdue.digest')
    return notice.applicationId ? [title, { label: t.open, url: fileUrl(notice.applicationId) }] : [title];
  const files = listedOf(notice.body);
  const shown = files.slice(0, STAFF_MAIL_LIST_MAX);
  return [
    title,
    { text: t.overdue },
    ...shown.map((a) => {
      const due = dueText(lang, a.dueAt);
      return { label: due ? `${a.code} (${due})` : a.code, url: fileUrl(a.id), item: true };
    }),
    ...(files.length > shown.length ? [{ text: t.more(files.length - shown.length) }] : []),
    { label: t.list, url: `${base}/ho-so` },
  ];
}

const textLine = (l: Line) => ('url' in l ? `${l.item ? '- ' : ''}${l.label}: ${l.url}` : l.text);
const htmlLine = (l: Line) =>
  'url' in l
    ? `<p>${escapeHtml(l.label)}: <a href="${escapeHtml(l.url)}">${escapeHtml(l.url)}</a></p>`
    : `<p>${escapeHtml(l.text)}</p>`;

/** `baseUrl` is where the staff app is served (the server's public URL); links are dropped if it is not http(s). */
export function renderStaffMail(notice: StaffNotice, baseUrl: string): StaffMail {
  const base = /^https?:\/\//i.test(baseUrl) ? baseUrl.replace(/\/+$/, '') : '';
  const section = (lang: Lang) => linesOf(notice, lang, base).filter((l) => !('url' in l) || base !== '');
  const text = (['vi', 'en'] as const)
    .map((lang) => [...section(lang).map(textLine), '', TEXTS[lang].footer].join('\n'))
    .join('\n\n----------\n\n');
  const html = [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>',
    (['vi', 'en'] as const)
      .map(
        (lang) =>
          `<div lang="${lang}">${section(lang).map(htmlLine).join('')}<p><small>${escapeHtml(TEXTS[lang].footer)}</small></p></div>`,
      )
      .join('\n<hr>\n'),
    '</body></html>',
  ].join('\n');
  return {
    subject: `${notice.titleVi} / ${notice.titleEn}`.replace(/\s+/g, ' ').normalize('NFC'),
    text: text.normalize('NFC'),
    html: html.normalize('NFC'),
  };
}
