/**
 * One-line explanations of how an indicator got its points, in Vietnamese and English, with the numbers filled
 * in — e.g. "299.558 / 302.048 = 99,18 % ≥ 80 % → 4/4 điểm" — so a report can show its working.
 */
import type { Indicator54Counts } from '../ratings/indicator-5-4.ts';
import type { LocalText } from './groups.ts';
import type { NaPolicy } from './config.ts';

export interface ExplainFacts {
  /** How the percentage was obtained, or why there is none. */
  basis:
    | { type: 'missing' }
    | { type: 'na'; policy: NaPolicy }
    | { type: 'ratio'; numerator: number; denominator: number }
    | { type: 'indicator54'; counts: Indicator54Counts }
    | { type: 'enteredPercent' }
    | { type: 'enteredPoints' }
    | { type: 'display'; value: number | null; unit: string | null };
  percent: number | null;
  points: number;
  max: number;
  target: number | null;
}

const formats = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
};

type Lang = keyof LocalText;

const words = {
  vi: {
    points: 'điểm',
    missing: 'Chưa có số liệu',
    na: 'Mẫu số bằng 0: không áp dụng (N/A)',
    naFull: 'tính đủ điểm',
    enteredPercent: 'Tỷ lệ nhập',
    enteredPoints: 'Điểm nhập',
    reference: 'Tham khảo',
    noPoints: 'không tính điểm',
    overdue: 'quá hạn',
    negative: 'có PAKN hoặc không hài lòng',
    dossiers: 'hồ sơ',
  },
  en: {
    points: 'points',
    missing: 'No data',
    na: 'Denominator 0: not applicable (N/A)',
    naFull: 'counted in full',
    enteredPercent: 'Rate entered',
    enteredPoints: 'Points entered',
    reference: 'Reference',
    noPoints: 'no points',
    overdue: 'overdue',
    negative: 'with feedback or a dislike',
    dossiers: 'dossiers',
  },
} as const;

function explainIn(lang: Lang, facts: ExplainFacts): string {
  const n = (value: number): string => formats[lang].format(value);
  const w = words[lang];
  const score = `${n(facts.points)}/${n(facts.max)} ${w.points}`;
  const { basis, percent, target, max } = facts;
  switch (basis.type) {
    case 'missing':
      return `${w.missing} → ${score}`;
    case 'na':
      return `${w.na} → ${basis.policy === 'full' ? `${w.naFull}, ` : ''}${score}`;
    case 'enteredPoints':
      return `${w.enteredPoints}: ${score}`;
    case 'display': {
      const shown =
        basis.value !== null ? `${n(basis.value)} ${basis.unit ?? ''}`.trim() : `${n(percent ?? 0)} %`;
      return `${w.reference}: ${shown}, ${w.noPoints}`;
    }
    case 'ratio':
    case 'indicator54':
    case 'enteredPercent':
      break;
  }
  if (percent === null) return `${w.missing} → ${score}`;
  let rate: string;
  if (basis.type === 'ratio') rate = `${n(basis.numerator)} / ${n(basis.denominator)} = ${n(percent)} %`;
  else if (basis.type === 'indicator54') {
    const { dossiers, overdue, withFeedbackOrDislike } = basis.counts;
    rate =
      `100 % − (${n(overdue)} ${w.overdue} + ${n(withFeedbackOrDislike)} ${w.negative}) / ` +
      `${n(dossiers)} ${w.dossiers} = ${n(percent)} %`;
  } else rate = `${w.enteredPercent}: ${n(percent)} %`;
  if (target === null) return `${rate} → ${n(percent)} % × ${n(max)} = ${score}`;
  if (Math.round(percent * 100) >= Math.round(target * 100)) return `${rate} ≥ ${n(target)} % → ${score}`;
  return `${rate} < ${n(target)} % → ${n(percent)} / ${n(target)} × ${n(max)} = ${score}`;
}

export function explainIndicator(facts: ExplainFacts): LocalText {
  return { vi: explainIn('vi', facts), en: explainIn('en', facts) };
}
