import type { Kysely } from 'kysely';
import type { IndexEntryBody, IndexQuery, IndexReport, UnitIndex } from '@motcua/contracts/kpi';
import { fail, text } from '@motcua/domain/errors';
import {
  evaluateIndex,
  overrideKpiConfig,
  rankUnits,
  validateKpiConfig,
  type KpiConfig,
  type KpiConfigOverrides,
} from '@motcua/domain/kpi/index';
import { parsePeriod } from '@motcua/domain/reports/periods';
import { levelOf } from '@motcua/domain/reports/scope';
import { addCounts, emptySummaryCounts, type SummaryCounts } from '@motcua/domain/reports/summary';
import type { Database } from '../../db/schema.ts';
import { byActor, type Actor } from '../actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { UnitRow } from '../units/units.repository.ts';
import type { UnitsService } from '../units/units.service.ts';
import { indexInputs, INDICATOR_FIGURES, inForce } from './index-inputs.ts';
import { indexRepository as repo, type EntryRow } from './index.repository.ts';
import type { CellRow } from './reports.repository.ts';
import { countsOf } from './summary-lines.ts';
import type { ReportsService, ResolvedReport } from './reports.service.ts';

interface Line {
  counts: SummaryCounts;
  filedOnline: Set<string>;
}

/** Adds the cells into one line per unit shown (the lines of the statistics by unit) and the whole. */
function unitLines(
  cells: readonly CellRow[],
  filed: readonly { unit_id: string; procedure_code: string }[],
  r: ResolvedReport,
) {
  const lines = new Map<string, Line>();
  const whole: Line = { counts: emptySummaryCounts(), filedOnline: new Set() };
  for (const cell of cells) {
    const key = r.lineOf.get(cell.unit_id) ?? cell.unit_id;
    const line =
      lines.get(key) ?? lines.set(key, { counts: emptySummaryCounts(), filedOnline: new Set() }).get(key)!;
    const counts = countsOf(cell);
    addCounts(line.counts, counts);
    addCounts(whole.counts, counts);
  }
  for (const { unit_id, procedure_code } of filed) {
    lines.get(r.lineOf.get(unit_id) ?? unit_id)?.filedOnline.add(procedure_code);
    whole.filedOnline.add(procedure_code);
  }
  lines.delete(r.unit.id);
  return { lines, whole };
}

/** The Decision 766 index per unit and period, and the values entered for what motcua cannot compute. */
export function createIndexService(deps: {
  db: Kysely<Database>;
  units: UnitsService;
  reports: ReportsService;
  clock?: () => Date;
}) {
  const { db } = deps;
  const now = deps.clock ?? (() => new Date());

  // The catalogue changes a few times a year; a report a minute later may see a change a minute late.
  let facts: { at: number; rows: Awaited<ReturnType<typeof repo.catalogFacts>> } | undefined;
  async function catalogFacts() {
    if (!facts || Date.now() - facts.at > 60_000)
      facts = { at: Date.now(), rows: await repo.catalogFacts(db) };
    return facts.rows;
  }

  async function config(provinceCode: string): Promise<KpiConfig> {
    const overrides = await repo.settings(db, provinceCode);
    return overrides ? overrideKpiConfig(overrides) : overrideKpiConfig({});
  }

  async function index(actor: Actor, query: IndexQuery): Promise<IndexReport> {
    const r = await deps.reports.resolve(actor, query);
    if (r.period.kind === 'custom')
      fail({
        kind: 'Invalid',
        field: '/querystring/period',
        detail: text(
          'Chỉ số tính theo tháng, quý, 6 tháng, 9 tháng hoặc năm',
          'The index is per month, quarter, half, nine months or year',
        ),
      });
    const catalog = await catalogFacts();
    const online = catalog.filter((p) => p.online_level !== 'none').map((p) => p.code);
    // Independent reads: side by side on a PostgreSQL pool (PGlite queues them on its one connection).
    const [cells, filed, settings, entries] = await Promise.all([
      deps.reports.cells(r.scope, undefined, 'unit'),
      deps.reports.filedOnline(r.scope, online),
      config(r.unit.provinceCode),
      repo.entries(
        db,
        r.unit.provinceCode,
        [...new Set([r.unit.id, ...r.scope.unitIds, ...r.lineOf.values()])],
        r.period.key,
      ),
    ]);
    const { lines, whole } = unitLines(cells, filed, r);
    const evaluate = (unitId: string, line: Line): UnitIndex => {
      const procedures = inForce(catalog, levelOf(r.units, unitId), r.period.from, r.period.to);
      const own = entries.filter((e) => e.unit_id === unitId);
      const result = evaluateIndex(indexInputs({ ...line, procedures, entries: own }), settings);
      return {
        unitId,
        unitName: r.units.get(unitId)?.name ?? unitId,
        rank: null,
        total: result.total,
        band: { id: result.band.id, name: result.band.name },
        groups: result.groups,
        indicators: result.indicators.map((i) => ({
          ...i,
          enteredSource: own.find((e: EntryRow) => e.indicator_id === i.id)?.source ?? null,
          figures: i.source === 'computed' ? (INDICATOR_FIGURES[i.id] ?? null) : null,
        })),
      };
    };
    const units = rankUnits([...lines].map(([unitId, line]) => evaluate(unitId, line)));
    return {
      unit: { id: r.unit.id, name: r.unit.name },
      period: { key: r.period.key, from: r.period.from, to: r.period.to, label: r.period.label.vi },
      asOf: r.scope.period.reference.toISOString(),
      bands: settings.bands.map((b) => ({ id: b.id, min: b.min, name: b.name })),
      naPolicy: settings.naPolicy,
      total: evaluate(r.unit.id, whole),
      units,
    };
  }

  /** Saves entered values (one or an import of many) in one transaction: all or none. */
  async function enter(actor: Actor, entries: readonly IndexEntryBody[]): Promise<{ saved: number }> {
    const checked: { e: IndexEntryBody; unit: UnitRow; periodKey: string }[] = [];
    for (const [i, e] of entries.entries()) {
      const field = entries.length > 1 ? `/body/entries/${i}` : '/body';
      const period = parsePeriod(e.period);
      if (!period.ok || period.period.kind === 'custom')
        fail({
          kind: 'Invalid',
          field: `${field}/period`,
          detail: text(
            period.ok ? 'Kỳ là tháng, quý, 6 tháng, 9 tháng hoặc năm' : period.problem.vi,
            period.ok ? 'A month, quarter, half, nine months or year' : period.problem.en,
          ),
        });
      const kinds = [e.percent, e.points, e.numerator].filter((v) => v !== undefined).length;
      if (
        kinds !== 1 ||
        (e.numerator === undefined) !== (e.denominator === undefined) ||
        (e.numerator ?? 0) > (e.denominator ?? 0)
      )
        fail({
          kind: 'Invalid',
          field,
          detail: text(
            'Nhập đúng một giá trị: tỷ lệ %, số điểm, hoặc tử số và mẫu số (tử số không lớn hơn mẫu số)',
            'Enter exactly one value: a percent, points, or a numerator with a denominator no larger',
          ),
        });
      const unit = await deps.units.authorize(
        actor.grants.filter((g) => g.role === 'leader' || g.role === 'ioc_operator'),
        'applications.read',
        e.unitId,
      );
      checked.push({ e, unit, periodKey: period.period.key });
    }
    const at = now();
    await db.transaction().execute(async (trx) => {
      for (const { e, unit, periodKey } of checked)
        await repo.saveEntry(trx, {
          provinceCode: unit.provinceCode,
          unitId: unit.id,
          periodKey,
          indicatorId: e.indicatorId,
          percent: e.percent ?? null,
          points: e.points ?? null,
          numerator: e.numerator ?? null,
          denominator: e.denominator ?? null,
          source: e.source.normalize('NFC'),
          by: actor.userId,
          at,
        });
      await appendAudit(trx, {
        ...byActor(actor),
        provinceCode: checked[0]!.unit.provinceCode,
        action: 'kpi.entered',
        targetType: 'unit',
        targetId: checked[0]!.unit.id,
        details: {
          count: checked.length,
          indicators: [...new Set(checked.map((c) => c.e.indicatorId))],
          periods: [...new Set(checked.map((c) => c.periodKey))],
        },
      });
    });
    return { saved: checked.length };
  }

  /** The province's scoring settings (administrators of the province or above). */
  async function saveSettings(actor: Actor, unitId: string, overrides: KpiConfigOverrides) {
    const unit = await deps.units.authorize(actor.grants, 'units.manage', unitId);
    if (unit.kind !== 'province')
      fail({
        kind: 'Invalid',
        field: '/body/unitId',
        detail: text('Cài đặt chỉ số theo tỉnh', 'Settings are per province'),
      });
    let problems: string[];
    try {
      problems = validateKpiConfig(overrideKpiConfig(overrides));
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)];
    }
    if (problems.length > 0)
      fail({
        kind: 'Invalid',
        field: '/body/overrides',
        detail: text(problems.join('; '), problems.join('; ')),
      });
    await db.transaction().execute(async (trx) => {
      await repo.saveSettings(trx, unit.provinceCode, overrides, actor.userId, now());
      await appendAudit(trx, {
        ...byActor(actor),
        provinceCode: unit.provinceCode,
        action: 'kpi.settings_changed',
        targetType: 'unit',
        targetId: unit.id,
        details: { overrides },
      });
    });
    return { overrides };
  }

  return { index, enter, saveSettings, config };
}

export type IndexService = ReturnType<typeof createIndexService>;
