import type { Kysely } from 'kysely';
import type {
  DrillList,
  DrillQuery,
  ReportDimension,
  ReportQuery,
  SummaryReport,
} from '@motcua/contracts/reports';
import { fail, text } from '@motcua/domain/errors';
import type { Grant } from '@motcua/domain/permissions/access';
import type { Role } from '@motcua/domain/permissions/roles';
import { customPeriod, parsePeriod, periodInstants, type Period } from '@motcua/domain/reports/periods';
import { levelOf, reportScope } from '@motcua/domain/reports/scope';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import type { UnitRow } from '../units/units.repository.ts';
import type { UnitsService } from '../units/units.service.ts';
import { catalogOf, linesOf, type Catalog } from './summary-lines.ts';
import { reportsRepository as repo, type Scope } from './reports.repository.ts';
import { rollupRepository } from './rollup.repository.ts';

const REPORT_ROLES: ReadonlySet<Role> = new Set(['leader', 'ioc_operator']);
const only = (grants: readonly Grant[]) => grants.filter((g) => REPORT_ROLES.has(g.role));

/** Reads `period` (2024-Q4 …) or `from`/`to`; a 400 names the field otherwise. */
export function periodFrom(query: {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): Period {
  if (query.period !== undefined) {
    const result = parsePeriod(query.period);
    if (!result.ok)
      fail({
        kind: 'Invalid',
        field: '/querystring/period',
        detail: text(result.problem.vi, result.problem.en),
      });
    return result.period;
  }
  if (query.from === undefined || query.to === undefined)
    fail({
      kind: 'Invalid',
      field: '/querystring/period',
      detail: text(
        'Cần kỳ báo cáo (period) hoặc từ ngày, đến ngày (from, to)',
        'Give a period, or from and to',
      ),
    });
  const result = customPeriod(query.from, query.to);
  if (!result.ok)
    fail({ kind: 'Invalid', field: '/querystring/to', detail: text(result.problem.vi, result.problem.en) });
  return result.period;
}

export interface ResolvedReport {
  unit: { id: string; name: string; provinceCode: string };
  period: Period;
  scope: Scope;
  lineOf: Map<string, string>;
  units: Map<string, UnitRow>;
  below: boolean;
  history: boolean;
}

/**
 * The statistics: the counts come from the database per (receiving unit, procedure, channel), and are added
 * up here into the lines asked for; rates are computed from the sums (summary.ts).
 */
export function createReportsService(deps: {
  db: Kysely<Database>;
  units: UnitsService;
  clock?: () => Date;
  /** Where the counts come from: the rollups (default) or the files and events themselves (benchmarks). */
  engine?: 'rollup' | 'raw';
}) {
  const { db } = deps;
  const now = deps.clock ?? (() => new Date());

  /** Who may see the unit's reports (its leaders and IOC operators, or above), the units and the period. */
  async function resolve(actor: Actor, query: Omit<ReportQuery, 'by'>): Promise<ResolvedReport> {
    const period = periodFrom(query);
    const unit = await deps.units.authorize(only(actor.grants), 'applications.read', query.unitId);
    const { units } = await deps.units.loadTree();
    const below = query.below ?? true;
    const history = query.history ?? false;
    const { unitIds, lineOf } = reportScope(units, unit.id, { below, history });
    const { from, to } = periodInstants(period);
    const at = now();
    return {
      unit: { id: unit.id, name: unit.name, provinceCode: unit.provinceCode },
      period,
      scope: { provinceCode: unit.provinceCode, unitIds, period: { from, to, reference: at < to ? at : to } },
      lineOf,
      units: new Map(units.map((u) => [u.id, u])),
      below,
      history,
    };
  }

  /**
   * The counts per (unit, procedure, channel): from the rollups (the default), or straight from the files and
   * events ('raw' — the reference the rollups are tested and benchmarked against).
   */
  async function cells(
    scope: Scope,
    engine: 'rollup' | 'raw' = deps.engine ?? 'rollup',
    detail: 'unit' | 'procedure' = 'procedure',
  ) {
    if (engine === 'rollup') return rollupRepository.cells(db, scope, detail);
    return [
      ...(await repo.figureCells(db, scope)),
      ...(await repo.eventCells(db, scope)),
      ...(await repo.ratingAndTimeCells(db, scope)),
      ...(await repo.documentCells(db, scope)),
    ];
  }

  /** Procedures (of `codes`) of each unit with a file filed online in the period (indicator 3.2). */
  async function filedOnline(
    scope: Scope,
    codes: readonly string[],
  ): Promise<{ unit_id: string; procedure_code: string }[]> {
    if ((deps.engine ?? 'rollup') === 'rollup') return rollupRepository.filedOnline(db, scope, codes);
    return (await repo.figureCells(db, scope))
      .filter((c) => c.procedure_code !== null && codes.includes(c.procedure_code) && (c.new_online ?? 0) > 0)
      .map((c) => ({ unit_id: c.unit_id, procedure_code: c.procedure_code! }));
  }

  let catalog: { at: number; value: Catalog } | undefined;
  async function procedures(): Promise<Catalog> {
    if (!catalog || Date.now() - catalog.at > 60_000)
      catalog = { at: Date.now(), value: catalogOf(await repo.catalog(db)) };
    return catalog.value;
  }

  async function summary(actor: Actor, query: ReportQuery): Promise<SummaryReport> {
    const r = await resolve(actor, query);
    const by: ReportDimension = query.by ?? 'unit';
    const detail = by === 'procedure' || by === 'field' ? 'procedure' : 'unit';
    const { lines, total, problems } = linesOf(
      await cells(r.scope, undefined, detail),
      by,
      r,
      await procedures(),
    );
    return {
      unit: { id: r.unit.id, name: r.unit.name },
      period: { key: r.period.key, from: r.period.from, to: r.period.to, label: r.period.label.vi },
      by,
      below: r.below,
      history: r.history,
      asOf: r.scope.period.reference.toISOString(),
      lines,
      total,
      problems,
    };
  }

  /** The files behind one figure of one line (or of the total). */
  async function files(actor: Actor, query: DrillQuery): Promise<DrillList> {
    const r = await resolve(actor, query);
    const catalogue = await procedures();
    const filter = lineFilter(r, catalogue, query.by ?? 'unit', query.line);
    const scope = filter.unitIds ? { ...r.scope, unitIds: filter.unitIds } : r.scope;
    const { rows, total } = await repo.filesOf(db, scope, query.figure, filter, {
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return {
      figure: query.figure,
      total,
      items: rows.map((row) => ({
        id: row.id,
        code: row.code,
        unitName: r.units.get(row.unit_id)?.name ?? row.unit_id,
        procedureCode: row.procedure_code,
        procedureName: catalogue.get(row.procedure_code)?.name ?? row.procedure_code,
        channel: row.channel,
        state: row.state,
        receivedAt: row.received_at.toISOString(),
        dueAt: row.due_at?.toISOString() ?? null,
        endedAt: row.ended_at?.toISOString() ?? null,
      })),
    };
  }

  return { summary, files, resolve, cells, filedOnline, procedures };
}

/** The units, procedures or channel a line stands for. */
function lineFilter(
  r: ResolvedReport,
  catalogue: Catalog,
  by: ReportDimension,
  line: string | undefined,
): { unitIds?: string[]; procedureCodes?: string[]; channel?: number } {
  if (line === undefined || line === 'total') return {};
  switch (by) {
    case 'unit':
      return { unitIds: r.scope.unitIds.filter((id) => r.lineOf.get(id) === line) };
    case 'level':
      return { unitIds: r.scope.unitIds.filter((id) => levelOf(r.units, id) === line) };
    case 'procedure':
      return { procedureCodes: [line] };
    case 'field':
      return { procedureCodes: [...catalogue.values()].filter((p) => p.field === line).map((p) => p.code) };
    case 'channel':
      if (!['1', '2', '3'].includes(line))
        fail({
          kind: 'Invalid',
          field: '/querystring/line',
          detail: text('Kênh là 1, 2 hoặc 3', 'A channel is 1, 2 or 3'),
        });
      return { channel: Number(line) };
  }
}

export type ReportsService = ReturnType<typeof createReportsService>;
