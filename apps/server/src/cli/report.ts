import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { customPeriod, parsePeriod, periodInstants, type Period } from '@motcua/domain/reports/periods';
import type { Config } from '../config.ts';
import type { Services } from '../app.ts';
import type { Actor } from '../modules/actor.ts';
import { rawEvents, rawFiles, type RawFile } from '../modules/reports/raw-export.ts';
import { withCliServices } from './commands.ts';

/**
 * `motcua report summary|index` and `motcua export applications`: the reports of the API, from the command
 * line, as JSON, CSV or XLSX; and the raw files and events to recompute them with.
 */
export type Format = 'json' | 'csv' | 'xlsx';

interface PeriodOptions {
  from?: string;
  to?: string;
  period?: string;
}

function periodOf(options: PeriodOptions): Period {
  const result =
    options.period !== undefined
      ? parsePeriod(options.period)
      : options.from !== undefined && options.to !== undefined
        ? customPeriod(options.from, options.to)
        : { ok: false as const, problem: { vi: '', en: 'give --period, or --from and --to' } };
  if (!result.ok) throw new Error(`--period/--from/--to: ${result.problem.en}`);
  return result.period;
}

/** The unit with that GSO code (or id) in force at the end of the period; by default the only province. */
async function unitAt(services: Services, code: string | undefined, period: Period): Promise<string> {
  const { units } = await services.units.loadTree();
  const candidates =
    code === undefined
      ? units.filter((u) => u.kind === 'province')
      : units.filter((u) => u.id === code || u.code === code);
  const inForce = candidates.filter(
    (u) => (u.validFrom ?? '') <= period.to && (u.validTo ?? '9999-12-31') >= period.to,
  );
  const unit = inForce[0] ?? candidates[0];
  if (!unit) throw new Error(`--unit: no unit with code or id ${code ?? '(any province)'}`);
  if (code === undefined && candidates.length > 1) throw new Error('--unit: several provinces, name one');
  return unit.id;
}

function output(body: string | Buffer, out: string | undefined, format: Format): void {
  if (out) {
    fs.writeFileSync(out, body);
    process.stderr.write(`written to ${out}\n`);
    return;
  }
  if (format === 'xlsx' && process.stdout.isTTY)
    throw new Error('--out: an XLSX file is not printed to a terminal');
  process.stdout.write(body);
}

export interface ReportOptions extends PeriodOptions {
  unit?: string;
  by?: 'unit' | 'procedure' | 'field' | 'level' | 'channel';
  below?: boolean;
  history?: boolean;
  format: Format;
  out?: string;
}

export async function reportSummary(config: Config, options: ReportOptions): Promise<void> {
  await withCliServices(config, async (services, actor) => {
    const period = periodOf(options);
    const query = {
      unitId: await unitAt(services, options.unit, period),
      ...(period.kind === 'custom' ? { from: period.from, to: period.to } : { period: period.key }),
      by: options.by ?? 'unit',
      below: options.below ?? true,
      history: options.history ?? false,
    };
    if (options.format === 'json')
      return output(
        `${JSON.stringify(await services.reports.summary(actor, query), null, 2)}\n`,
        options.out,
        'json',
      );
    const file = await services.reportFiles.summary(actor, query, options.format);
    output(file.body, options.out, options.format);
  });
}

export async function reportIndex(config: Config, options: ReportOptions): Promise<void> {
  await withCliServices(config, async (services, actor) => {
    const period = periodOf(options);
    const query = {
      unitId: await unitAt(services, options.unit, period),
      period: period.key,
      below: options.below ?? true,
      history: options.history ?? false,
    };
    if (options.format === 'json')
      return output(
        `${JSON.stringify(await services.serviceIndex.index(actor, query), null, 2)}\n`,
        options.out,
        'json',
      );
    const file = await services.reportFiles.index(actor, query, options.format);
    output(file.body, options.out, options.format);
  });
}

const FILE_COLUMNS: (keyof RawFile | 'unit_code' | 'unit_name')[] = [
  'code',
  'unit_code',
  'unit_name',
  'procedure_code',
  'channel',
  'state',
  'received_at',
  'due_at',
  'processed_at',
  'finished_at',
  'returned_at',
  'return_channel',
  'updated_at',
  'supplement_requests',
  'apologies',
  'counts_late',
  'documents',
  'documents_scanned',
  'documents_reused',
  'result_digitized',
  'rating_level',
  'rated_at',
  'feedback',
];
const EVENT_COLUMNS = ['code', 'seq', 'at', 'action', 'from_state', 'to_state'] as const;

const cell = (value: unknown): string => {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return `${value}`;
  return value === null || value === undefined ? '' : JSON.stringify(value);
};

/** Files (to --out or stdout) and their events (to --events) as CSV, or JSON lines. */
export async function exportApplications(
  config: Config,
  options: PeriodOptions & {
    unit?: string;
    below?: boolean;
    history?: boolean;
    format: 'csv' | 'json';
    out?: string;
    events?: string;
  },
): Promise<void> {
  await withCliServices(config, async (services, actor: Actor, store) => {
    const period = periodOf(options);
    const r = await services.reports.resolve(actor, {
      unitId: await unitAt(services, options.unit, period),
      from: period.from,
      to: period.to,
      below: options.below ?? true,
      history: options.history ?? false,
    });
    const scope = { ...r.scope, period: { ...periodInstants(period), reference: r.scope.period.reference } };
    const files = options.out ? fs.openSync(options.out, 'w') : 1;
    const events = options.events ? fs.openSync(options.events, 'w') : undefined;
    const csv = options.format === 'csv';
    if (csv) {
      fs.writeSync(files, stringify([FILE_COLUMNS], { bom: true }));
      if (events !== undefined) fs.writeSync(events, stringify([[...EVENT_COLUMNS]], { bom: true }));
    }
    let count = 0;
    for await (const page of rawFiles(store.db, scope)) {
      const rows = page.map((f) => {
        const unit = r.units.get(f.receiving_unit_id);
        return { ...f, unit_code: unit?.code ?? '', unit_name: unit?.name ?? '' };
      });
      fs.writeSync(
        files,
        csv
          ? stringify(rows.map((row) => FILE_COLUMNS.map((c) => cell(row[c]))))
          : rows
              .map((row) => JSON.stringify(Object.fromEntries(FILE_COLUMNS.map((c) => [c, row[c] ?? null]))))
              .join('\n') + '\n',
      );
      if (events !== undefined) {
        const list = await rawEvents(store.db, r.unit.provinceCode, page);
        fs.writeSync(
          events,
          csv
            ? stringify(list.map((e) => EVENT_COLUMNS.map((c) => cell(e[c]))))
            : list.map((e) => JSON.stringify(e)).join('\n') + '\n',
        );
      }
      count += page.length;
    }
    if (files !== 1) fs.closeSync(files);
    if (events !== undefined) fs.closeSync(events);
    process.stderr.write(`${count} file(s) exported\n`);
  });
}
