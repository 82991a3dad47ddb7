/**
 * An online form is data on the procedure (issue 5): a list of fields, each with its type and limits. The same
 * definition gives the browser's checks (HTML attributes, see {@link inputAttributes}) and the server's
 * ({@link validateFormData}), so the two sides cannot drift apart. Pure.
 */
import { text, type Text } from '../errors.ts';

export const FIELD_TYPES = ['text', 'textarea', 'date', 'select', 'id_number', 'phone', 'email'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FormField {
  /** Lower-case ASCII key, used as the form control name and the stored property. */
  key: string;
  label: Text;
  type: FieldType;
  required: boolean;
  /** Characters, for text and textarea (defaults 200 and 2000). */
  maxLength?: number;
  /** For select: the allowed values with their labels. */
  options?: { value: string; label: Text }[];
  /** For date: the latest allowed day relative to today ('today' forbids a future date). */
  notAfter?: 'today';
  help?: Text;
}

export type FormValues = Record<string, string>;
export interface FieldError {
  field: string;
  detail: Text;
}
export type FormValidation = { ok: true; value: FormValues } | { ok: false; errors: FieldError[] };

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const DEFAULT_MAX = { text: 200, textarea: 2000 } as const;
/** Số định danh cá nhân: 12 digits (Law on Identification 2023). */
const ID_NUMBER = '[0-9]{12}';
/** A Vietnamese phone number: 0 or +84, then 9–10 digits. */
const PHONE = '(\\+84|0)[0-9]{9,10}';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const maxOf = (f: FormField) =>
  f.maxLength ?? (f.type === 'textarea' ? DEFAULT_MAX.textarea : DEFAULT_MAX.text);

/** The attributes the browser checks before sending: the client half of the validation. */
export function inputAttributes(field: FormField, today: string): Record<string, string | true> {
  const attrs: Record<string, string | true> = {};
  if (field.required) attrs.required = true;
  switch (field.type) {
    case 'text':
    case 'textarea':
      attrs.maxlength = String(maxOf(field));
      break;
    case 'date':
      if (field.notAfter === 'today') attrs.max = today;
      break;
    case 'id_number':
      attrs.pattern = ID_NUMBER;
      attrs.inputmode = 'numeric';
      attrs.maxlength = '12';
      break;
    case 'phone':
      attrs.pattern = PHONE;
      attrs.inputmode = 'tel';
      break;
    case 'email':
      attrs.maxlength = '200';
      break;
    default:
      break;
  }
  return attrs;
}

const realDate = (s: string) => {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** The server half: every field checked, all errors returned at once (the page shows them together). */
export function validateFormData(
  fields: readonly FormField[],
  input: unknown,
  today: string,
): FormValidation {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const value: FormValues = {};
  const errors: FieldError[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(raw))
    if (!known.has(key))
      errors.push({
        field: key,
        detail: text(`Trường "${key}" không có trong biểu mẫu`, `No field "${key}"`),
      });
  for (const f of fields) {
    const given = raw[f.key];
    const s = typeof given === 'string' ? given.normalize('NFC').trim() : '';
    const err = (vi: string, en: string) => errors.push({ field: f.key, detail: text(vi, en) });
    if (given !== undefined && typeof given !== 'string') {
      err(`${f.label.vi}: giá trị không hợp lệ`, `${f.label.en}: not a valid value`);
      continue;
    }
    if (s === '') {
      if (f.required) err(`Nhập ${lower(f.label.vi)}`, `Enter ${lower(f.label.en)}`);
      continue;
    }
    const problem = checkValue(f, s, today);
    if (problem) errors.push({ field: f.key, detail: problem });
    else value[f.key] = s;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function checkValue(f: FormField, s: string, today: string): Text | undefined {
  const { vi, en } = f.label;
  switch (f.type) {
    case 'text':
    case 'textarea':
      return [...s].length > maxOf(f)
        ? text(`${vi}: tối đa ${maxOf(f)} ký tự`, `${en}: at most ${maxOf(f)} characters`)
        : undefined;
    case 'date':
      if (!realDate(s)) return text(`${vi}: ngày không hợp lệ`, `${en}: not a valid date`);
      return f.notAfter === 'today' && s > today
        ? text(`${vi}: không được sau ngày hôm nay`, `${en}: cannot be after today`)
        : undefined;
    case 'select':
      return f.options?.some((o) => o.value === s)
        ? undefined
        : text(`${vi}: chọn một giá trị trong danh sách`, `${en}: choose a value from the list`);
    case 'id_number':
      return new RegExp(`^${ID_NUMBER}$`).test(s)
        ? undefined
        : text(`${vi}: gồm đúng 12 chữ số`, `${en}: exactly 12 digits`);
    case 'phone':
      return new RegExp(`^${PHONE}$`).test(s)
        ? undefined
        : text(`${vi}: số điện thoại không hợp lệ`, `${en}: not a valid phone number`);
    case 'email':
      return EMAIL.test(s) && s.length <= 200
        ? undefined
        : text(`${vi}: địa chỉ e-mail không hợp lệ`, `${en}: not a valid e-mail address`);
  }
}

/** Checks a form definition itself (an administrator's edit, or the seed). */
export function validateFormDefinition(fields: readonly FormField[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [i, f] of fields.entries()) {
    const at = `/fields/${i}`;
    if (!KEY.test(f.key))
      errors.push({ field: `${at}/key`, detail: text('Khóa trường không hợp lệ', 'Bad key') });
    if (seen.has(f.key))
      errors.push({ field: `${at}/key`, detail: text('Khóa trường bị trùng', 'Duplicate key') });
    seen.add(f.key);
    if (!(FIELD_TYPES as readonly string[]).includes(f.type))
      errors.push({ field: `${at}/type`, detail: text('Kiểu trường không hợp lệ', 'Unknown field type') });
    if (!f.label.vi.trim() || !f.label.en.trim())
      errors.push({
        field: `${at}/label`,
        detail: text('Cần nhãn tiếng Việt và tiếng Anh', 'Both labels needed'),
      });
    if (f.type === 'select' && !f.options?.length)
      errors.push({ field: `${at}/options`, detail: text('Danh sách chọn trống', 'A select needs options') });
  }
  return errors;
}
