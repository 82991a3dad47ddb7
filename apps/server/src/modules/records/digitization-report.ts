import type { Kysely } from 'kysely';
import type { DigitizationLine, PeriodQuery } from '@motcua/contracts/records';
import { fail, text } from '@motcua/domain/errors';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import type { UnitsService } from '../units/units.service.ts';
import { recordsRepository, type DigitizationRow } from './records.repository.ts';

const VN_OFFSET_MS = 7 * 3_600_000;
const MAX_DAYS = 366;
const vnMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS);
/** A share to four decimals, or null when there is nothing to divide by. */
export const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
/** The calendar year in Vietnam of an instant (document numbers restart on 1 January, Vietnam time). */
export const vnYear = (at: Date) => new Date(at.getTime() + VN_OFFSET_MS).getUTCFullYear();

/** A period [from, to] in Vietnam dates, as instants; at most a year. */
export function periodOf(query: { from: string; to: string }, field = '/querystring/to') {
  const from = vnMidnight(query.from);
  const to = new Date(vnMidnight(query.to).getTime() + 86_400_000);
  const days = (to.getTime() - from.getTime()) / 86_400_000;
  if (!(days >= 1 && days <= MAX_DAYS))
    fail({
      kind: 'Invalid',
      field,
      detail: text(
        `Kỳ báo cáo từ 1 đến ${MAX_DAYS} ngày, ngày kết thúc không trước ngày bắt đầu`,
        `The period is 1 to ${MAX_DAYS} days, ending on or after its start`,
      ),
    });
  return { from, to };
}

export function lineOf(
  unitId: string,
  unitName: string,
  r: Omit<DigitizationRow, 'unit_id'>,
): DigitizationLine {
  return {
    unitId,
    unitName,
    received: r.received,
    recordsDigitized: r.records_digitized,
    recordsRate: rate(r.records_digitized, r.received),
    components: r.components,
    componentsDigitized: r.components_digitized,
    componentsReused: r.components_reused,
    finished: r.finished,
    resultsDigitized: r.results_digitized,
    resultsRate: rate(r.results_digitized, r.finished),
  };
}

/**
 * Digitization rates (TT 01/2023; Lâm Hà: 37.1 % in 2022, 100 % by Q1 2025): per receiving unit under the
 * chosen one, files whose every document is digitized over files received, and files decided with an
 * electronic or scanned result over files decided.
 */
export function createDigitizationReports(deps: { db: Kysely<Database>; units: UnitsService }) {
  async function digitization(actor: Actor, query: PeriodQuery) {
    const { from, to } = periodOf(query);
    const unit = await deps.units.authorize(actor.grants, 'applications.read', query.unitId);
    const { units, tree } = await deps.units.loadTree();
    const inside = units.filter((u) => tree.isAncestorOrSelf(unit.id, u.id));
    const rows = await recordsRepository.digitization(
      deps.db,
      unit.provinceCode,
      inside.map((u) => u.id),
      from,
      to,
    );
    const collator = new Intl.Collator('vi');
    const items = rows
      .map((r) => lineOf(r.unit_id, inside.find((u) => u.id === r.unit_id)?.name ?? r.unit_id, r))
      .sort((a, b) => collator.compare(a.unitName, b.unitName));
    const sum = (key: keyof DigitizationRow) => rows.reduce((s, r) => s + Number(r[key]), 0);
    const total = lineOf(unit.id, unit.name, {
      received: sum('received'),
      records_digitized: sum('records_digitized'),
      components: sum('components'),
      components_digitized: sum('components_digitized'),
      components_reused: sum('components_reused'),
      finished: sum('finished'),
      results_digitized: sum('results_digitized'),
    });
    return { from: query.from, to: query.to, items, total };
  }
  return { digitization };
}

export type DigitizationReports = ReturnType<typeof createDigitizationReports>;
