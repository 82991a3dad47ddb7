import type { Indicator54Line, SatisfactionLine } from '@motcua/contracts/ratings';
import {
  CRITERIA,
  isCriterionCode,
  isRatingLevel,
  type CriterionCode,
} from '@motcua/domain/ratings/criteria';
import { INDICATOR_54, indicator54Percent, indicator54Points } from '@motcua/domain/ratings/indicator-5-4';
import { emptyCounts, satisfactionRate, type LevelCounts } from '@motcua/domain/ratings/satisfaction';
import type { CriterionCountRow, Indicator54Row, LevelCountRow } from './ratings.repository.ts';

/**
 * The report lines, assembled from the counts the database made. The formulas are the domain's:
 * - satisfaction rate = (rất hài lòng + hài lòng) / ratings (vn-rules.md §6.1, common practice [S27]; no legal
 *   formula), per overall level and per criterion (satisfaction.ts);
 * - indicator 5.4 = 100 % − (overdue rate + rate of files with feedback or a dislike), 6 points from 90 %
 *   (vn-rules.md §5.2, Decision 766/QĐ-TTg, DVCQG "Mô tả công thức tính chỉ số 766" [S22]; indicator-5-4.ts).
 * Each unit of the subtree that has something to count gets a line, sorted by name; the total adds the counts
 * and applies the same formula to the sums (never an average of the units' rates).
 */

interface UnitLike {
  id: string;
  name: string;
}

const collator = new Intl.Collator('vi');
const byName = <T extends { unitName: string }>(a: T, b: T) => collator.compare(a.unitName, b.unitName);
const nameOf = (inside: readonly UnitLike[], id: string) => inside.find((u) => u.id === id)?.name ?? id;

interface UnitCounts {
  levels: LevelCounts;
  criteria: Record<CriterionCode, LevelCounts>;
}

const emptyUnitCounts = (): UnitCounts => ({
  levels: emptyCounts(),
  criteria: Object.fromEntries(CRITERIA.map((c) => [c, emptyCounts()])) as Record<CriterionCode, LevelCounts>,
});

function satisfactionLine(unitId: string, unitName: string, c: UnitCounts): SatisfactionLine {
  return {
    unitId,
    unitName,
    ratings: c.levels.rat_hai_long + c.levels.hai_long + c.levels.khong_hai_long,
    counts: c.levels,
    rate: satisfactionRate(c.levels),
    criteria: CRITERIA.map((code) => ({
      code,
      counts: c.criteria[code],
      rate: satisfactionRate(c.criteria[code]),
    })),
  };
}

export function satisfactionReport(
  unit: UnitLike,
  inside: readonly UnitLike[],
  levels: readonly LevelCountRow[],
  criteria: readonly CriterionCountRow[],
): { items: SatisfactionLine[]; total: SatisfactionLine } {
  const perUnit = new Map<string, UnitCounts>();
  const total = emptyUnitCounts();
  const of = (id: string) => {
    let counts = perUnit.get(id);
    if (!counts) perUnit.set(id, (counts = emptyUnitCounts()));
    return counts;
  };
  for (const row of levels) {
    // The table's CHECK allows only the three levels; anything else would be a schema drift, not data.
    if (!isRatingLevel(row.level)) continue;
    of(row.unit_id).levels[row.level] += row.n;
    total.levels[row.level] += row.n;
  }
  for (const row of criteria) {
    // Criteria are validated on the way in; a code retired later simply stops being reported.
    if (!isCriterionCode(row.code) || !isRatingLevel(row.level)) continue;
    of(row.unit_id).criteria[row.code][row.level] += row.n;
    total.criteria[row.code][row.level] += row.n;
  }
  const items = [...perUnit]
    .map(([id, counts]) => satisfactionLine(id, nameOf(inside, id), counts))
    .sort(byName);
  return { items, total: satisfactionLine(unit.id, unit.name, total) };
}

function indicatorLine(
  unitId: string,
  unitName: string,
  c: { dossiers: number; overdue: number; negative: number },
): Indicator54Line {
  const percent = indicator54Percent({
    dossiers: c.dossiers,
    overdue: c.overdue,
    withFeedbackOrDislike: c.negative,
  });
  return {
    unitId,
    unitName,
    dossiers: c.dossiers,
    overdue: c.overdue,
    withFeedbackOrDislike: c.negative,
    percent,
    points: indicator54Points(percent),
  };
}

export function indicator54Report(
  unit: UnitLike,
  inside: readonly UnitLike[],
  rows: readonly Indicator54Row[],
): { maxPoints: number; targetPercent: number; items: Indicator54Line[]; total: Indicator54Line } {
  const sum = (key: 'dossiers' | 'overdue' | 'negative') => rows.reduce((s, r) => s + r[key], 0);
  return {
    maxPoints: INDICATOR_54.maxPoints,
    targetPercent: INDICATOR_54.targetPercent,
    items: rows.map((r) => indicatorLine(r.unit_id, nameOf(inside, r.unit_id), r)).sort(byName),
    total: indicatorLine(unit.id, unit.name, {
      dossiers: sum('dossiers'),
      overdue: sum('overdue'),
      negative: sum('negative'),
    }),
  };
}
