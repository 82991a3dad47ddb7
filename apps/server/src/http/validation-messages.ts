import type { Lang } from './messages.ts';

interface AjvError {
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/**
 * Validation messages in Vietnamese and English, per JSON Schema keyword (Ajv ships no Vietnamese
 * catalogue). Unknown keywords fall back to Ajv's English message.
 */
const MESSAGES: Record<
  string,
  { vi: (p: Record<string, unknown>) => string; en: (p: Record<string, unknown>) => string }
> = {
  required: { vi: () => 'bắt buộc nhập', en: () => 'is required' },
  type: { vi: (p) => `phải có kiểu ${String(p.type)}`, en: (p) => `must be of type ${String(p.type)}` },
  minLength: {
    vi: (p) => `phải có ít nhất ${String(p.limit)} ký tự`,
    en: (p) => `must have at least ${String(p.limit)} characters`,
  },
  maxLength: {
    vi: (p) => `không được quá ${String(p.limit)} ký tự`,
    en: (p) => `must have at most ${String(p.limit)} characters`,
  },
  pattern: { vi: () => 'sai định dạng', en: () => 'has the wrong format' },
  format: {
    vi: (p) => `phải đúng định dạng ${String(p.format)}`,
    en: (p) => `must be a valid ${String(p.format)}`,
  },
  enum: { vi: () => 'không thuộc các giá trị cho phép', en: () => 'is not one of the allowed values' },
  additionalProperties: { vi: () => 'không phải là trường được phép', en: () => 'is not an allowed field' },
  minimum: {
    vi: (p) => `phải lớn hơn hoặc bằng ${String(p.limit)}`,
    en: (p) => `must be at least ${String(p.limit)}`,
  },
  maximum: {
    vi: (p) => `phải nhỏ hơn hoặc bằng ${String(p.limit)}`,
    en: (p) => `must be at most ${String(p.limit)}`,
  },
  minItems: {
    vi: (p) => `phải có ít nhất ${String(p.limit)} phần tử`,
    en: (p) => `must have at least ${String(p.limit)} items`,
  },
  maxItems: {
    vi: (p) => `không được quá ${String(p.limit)} phần tử`,
    en: (p) => `must have at most ${String(p.limit)} items`,
  },
  minProperties: { vi: () => 'cần ít nhất một trường', en: () => 'needs at least one field' },
  anyOf: { vi: () => 'không đúng kiểu dữ liệu cho phép', en: () => 'does not match any allowed type' },
};

export function validationMessage(error: AjvError, lang: Lang): string {
  const entry = MESSAGES[error.keyword];
  return entry ? entry[lang](error.params) : (error.message ?? error.keyword);
}
