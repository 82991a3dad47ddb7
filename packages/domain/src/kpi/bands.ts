/**
 * Rating bands for a Decision 766 total (vn-rules.md §5.3). The labels "Xuất sắc, Tốt, Khá, Trung bình, Yếu" are
 * VERIFIED-2nd [S24], but no stored source gives the thresholds: the defaults below (≥ 90 / ≥ 80 / ≥ 70 / ≥ 50 /
 * below) are UNCERTAIN — from memory only — which is why bands are data a caller can replace (KpiConfig.bands).
 */
import type { LocalText } from './groups.ts';
import { hundredthsOf } from './score.ts';

export interface KpiBand {
  /** Stable id for code and storage ('excellent', …). */
  id: string;
  /** Lowest total (inclusive, 2 decimals) that reaches the band. */
  min: number;
  name: LocalText;
}

/** Highest band first; the last one starts at 0. */
export const DEFAULT_KPI_BANDS: readonly KpiBand[] = [
  { id: 'excellent', min: 90, name: { vi: 'Xuất sắc', en: 'Excellent' } },
  { id: 'good', min: 80, name: { vi: 'Tốt', en: 'Good' } },
  { id: 'fair', min: 70, name: { vi: 'Khá', en: 'Fair' } },
  { id: 'average', min: 50, name: { vi: 'Trung bình', en: 'Average' } },
  { id: 'weak', min: 0, name: { vi: 'Yếu', en: 'Weak' } },
];

/**
 * Problems with a band list, as sentences (empty when valid): at least one band, ids and names non-empty and
 * ids unique, thresholds with at most 2 decimals in [0, 100], strictly descending, the last one 0.
 */
export function validateBands(bands: readonly KpiBand[]): string[] {
  const errors: string[] = [];
  if (bands.length === 0) return ['bands: at least one band is needed'];
  const ids = new Set<string>();
  let previous: number | null = null;
  bands.forEach((band, index) => {
    const where = `bands[${index}] (${band.id})`;
    if (!band.id) errors.push(`bands[${index}]: id is empty`);
    else if (ids.has(band.id)) errors.push(`${where}: id is used twice`);
    ids.add(band.id);
    if (!band.name?.vi || !band.name?.en) errors.push(`${where}: needs a Vietnamese and an English name`);
    const min = hundredthsOf(band.min);
    if (min === null || min < 0 || min > 10_000) {
      errors.push(`${where}: min must be a number in [0, 100] with at most 2 decimals, got ${band.min}`);
      return;
    }
    if (previous !== null && min >= previous)
      errors.push(`${where}: min ${band.min} must be lower than the band before it (descending, no repeats)`);
    previous = min;
  });
  const last = bands[bands.length - 1];
  if (last && last.min !== 0) errors.push(`bands: the last band must start at 0, not ${last.min}`);
  return errors;
}

/**
 * The band of a total: the first band whose `min` the total reaches, compared in hundredths so 89.99 stays below
 * a 90 threshold and 90.00 reaches it. The total must be a finite number ≥ 0; the bands must be valid.
 */
export function bandOf(total: number, bands: readonly KpiBand[] = DEFAULT_KPI_BANDS): KpiBand {
  if (!Number.isFinite(total) || total < 0) throw new RangeError(`total must be a number ≥ 0, got ${total}`);
  const errors = validateBands(bands);
  if (errors.length > 0) throw new RangeError(errors.join('; '));
  const hundredths = Math.round(total * 100);
  const band = bands.find((b) => hundredths >= Math.round(b.min * 100));
  // Unreachable with valid bands (the last starts at 0), kept for the type checker.
  if (!band) throw new RangeError(`no band for ${total}`);
  return band;
}
