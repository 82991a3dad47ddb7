import type { ReportDimension, SummaryLine } from '@motcua/contracts/reports';
import { levelOf, type ScopeUnit } from '@motcua/domain/reports/scope';
import {
  addCounts,
  emptySummaryCounts,
  summaryProblems,
  summaryRates,
  type SummaryCounts,
} from '@motcua/domain/reports/summary';
import type { CellRow } from './reports.repository.ts';

export type Catalog = Map<string, { code: string; name: string; field: string }>;

export const catalogOf = (rows: { code: string; name: string; field: string }[]): Catalog =>
  new Map(rows.map((row) => [row.code, row]));

const LEVEL_NAMES: Record<string, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  other: 'Khác',
};
const CHANNEL_NAMES: Record<string, string> = {
  '1': 'Trực tiếp',
  '2': 'Trực tuyến',
  '3': 'Bưu chính công ích',
};

const collator = new Intl.Collator('vi');

/** The rows' counts as numbers (PostgreSQL returns sums of bigint / float as text). */
export function countsOf(row: CellRow): Partial<SummaryCounts> {
  const out: Partial<SummaryCounts> = {};
  for (const [key, value] of Object.entries(row))
    if (key !== 'unit_id' && key !== 'procedure_code' && key !== 'channel' && value !== null)
      out[key as keyof SummaryCounts] = Number(value);
  return out;
}

/**
 * Adds the cells up into one line per unit (the line each unit is shown under), procedure, field, level or
 * channel, sorted by name (channels and levels in their own order); and the total of all cells.
 */
export function linesOf(
  cells: readonly CellRow[],
  by: ReportDimension,
  r: { lineOf: Map<string, string>; units: Map<string, ScopeUnit> },
  catalog: Catalog,
): { lines: SummaryLine[]; total: SummaryLine; problems: string[] } {
  const lines = new Map<string, SummaryCounts>();
  const total = emptySummaryCounts();
  for (const cell of cells) {
    const counts = countsOf(cell);
    addCounts(total, counts);
    const key = keyOf(cell, by, r, catalog);
    if (key === undefined) continue;
    addCounts(lines.get(key) ?? lines.set(key, emptySummaryCounts()).get(key)!, counts);
  }
  const named = [...lines].map(([key, counts]) => line(key, nameOf(key, by, r, catalog), counts));
  const order =
    by === 'channel' || by === 'level'
      ? (a: SummaryLine, b: SummaryLine) => a.key.localeCompare(b.key)
      : (a: SummaryLine, b: SummaryLine) => collator.compare(a.name, b.name);
  const problems = [...lines.values(), total].flatMap(summaryProblems);
  return {
    lines: named.sort(order),
    total: line('total', 'Tổng cộng', total),
    problems: [...new Set(problems)],
  };
}

function line(key: string, name: string, counts: SummaryCounts): SummaryLine {
  return { key, name, counts, rates: summaryRates(counts) };
}

function keyOf(
  cell: CellRow,
  by: ReportDimension,
  r: { lineOf: Map<string, string>; units: Map<string, ScopeUnit> },
  catalog: Catalog,
): string | undefined {
  switch (by) {
    case 'unit':
      return r.lineOf.get(cell.unit_id) ?? cell.unit_id;
    case 'level':
      return levelOf(r.units, cell.unit_id);
    case 'procedure':
      return cell.procedure_code ?? undefined;
    case 'field':
      return cell.procedure_code === null ? undefined : (catalog.get(cell.procedure_code)?.field ?? 'Khác');
    case 'channel':
      return cell.channel === null ? undefined : String(cell.channel);
  }
}

function nameOf(
  key: string,
  by: ReportDimension,
  r: { units: Map<string, ScopeUnit> },
  catalog: Catalog,
): string {
  switch (by) {
    case 'unit':
      return r.units.get(key)?.name ?? key;
    case 'level':
      return LEVEL_NAMES[key] ?? key;
    case 'procedure':
      return catalog.get(key)?.name ?? key;
    case 'field':
      return key;
    case 'channel':
      return CHANNEL_NAMES[key] ?? key;
  }
}
