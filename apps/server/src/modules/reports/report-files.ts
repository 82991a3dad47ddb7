import { Type } from 'typebox';
import { Problem } from '@motcua/contracts/common';
import type { IndexQuery } from '@motcua/contracts/kpi';
import type { ReportQuery } from '@motcua/contracts/reports';
import type { Actor } from '../actor.ts';
import type { UnitsService } from '../units/units.service.ts';
import { toCsv } from './export/csv.ts';
import { toXlsx } from './export/xlsx.ts';
import type { IndexService } from './index.service.ts';
import { agencyOf, indexDocument, placeOf, summaryDocument } from './report-documents.ts';
import type { ReportsService } from './reports.service.ts';

export type FileFormat = 'xlsx' | 'csv';

const TYPES: Record<FileFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** OpenAPI of a report file download. */
export const fileResponses = (format: FileFormat, description: string) => ({
  200: {
    description,
    content: { [TYPES[format].split(';')[0]!]: { schema: Type.String({ format: 'binary' }) } },
  },
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  422: Problem,
});

export interface ReportFile {
  body: Buffer | string;
  type: string;
  fileName: string;
}

/** The statistics and the index as XLSX (the agencies' layout) or CSV (the table alone). */
export function createReportFiles(deps: {
  reports: ReportsService;
  index: IndexService;
  units: UnitsService;
  clock?: () => Date;
}) {
  const now = deps.clock ?? (() => new Date());

  async function context(unitId: string) {
    const { units } = await deps.units.loadTree();
    const unit = units.find((u) => u.id === unitId)!;
    const parent = units.find((u) => u.id === unit.parentId);
    const administrative = unit.kind === 'pasc' || unit.kind === 'department' ? parent : unit;
    return { agency: agencyOf(unit, parent), place: placeOf(administrative?.name ?? unit.name), now: now() };
  }

  async function write(
    doc: Parameters<typeof toCsv>[0],
    format: FileFormat,
    base: string,
  ): Promise<ReportFile> {
    const body = format === 'xlsx' ? await toXlsx(doc) : toCsv(doc);
    return { body, type: TYPES[format], fileName: `${base}.${format}` };
  }

  async function summary(actor: Actor, query: ReportQuery, format: FileFormat) {
    const report = await deps.reports.summary(actor, query);
    const doc = summaryDocument(report, await context(report.unit.id));
    return write(doc, format, `thong-ke-ho-so-${report.period.key.replace('..', '_')}`);
  }

  async function index(actor: Actor, query: IndexQuery, format: FileFormat) {
    const report = await deps.index.index(actor, query);
    const doc = indexDocument(report, await context(report.unit.id));
    return write(doc, format, `chi-so-766-${report.period.key}`);
  }

  return { summary, index };
}

export type ReportFiles = ReturnType<typeof createReportFiles>;
