/**
 * Ranking of units by their Decision 766 total: highest first, equal totals (to the hundredth) share a rank and
 * the next rank skips (1, 1, 3 — "standard competition" ranking, as league tables of provinces are published),
 * units with equal totals listed by name in Vietnamese alphabetical order.
 */

export interface RankItem {
  unitId: string;
  unitName: string;
  total: number;
}

export type Ranked<T extends RankItem> = T & { rank: number };

const collator = new Intl.Collator('vi');

/**
 * The items sorted and ranked, each kept whole with `rank` added (the input is not changed). Ties on equal totals
 * and names fall back to the unit id, so the order never depends on the input's. RangeError for a total that is
 * not a finite number.
 */
export function rankUnits<T extends RankItem>(items: readonly T[]): Ranked<T>[] {
  const keyed = items.map((item) => {
    if (!Number.isFinite(item.total))
      throw new RangeError(`unit ${item.unitId}: total must be a finite number`);
    return { item, hundredths: Math.round(item.total * 100) };
  });
  keyed.sort(
    (a, b) =>
      b.hundredths - a.hundredths ||
      collator.compare(a.item.unitName, b.item.unitName) ||
      (a.item.unitId < b.item.unitId ? -1 : a.item.unitId > b.item.unitId ? 1 : 0),
  );
  let rank = 0;
  return keyed.map((entry, index) => {
    if (index === 0 || entry.hundredths !== keyed[index - 1]!.hundredths) rank = index + 1;
    return { ...entry.item, rank };
  });
}
