// Figure 7: due-date computations per second, the pure domain function (computeDueAt) over the shipped
// calendar, in a tight loop on this thread over varied receipt instants, amounts and units. Also the cost
// of buildCalendar over the shipped years, which the server's deadline port does before every computation
// (calendar.service.ts current()).
import { buildCalendar } from '@motcua/domain/calendar/calendar';
import { SHIPPED_CALENDAR_YEARS } from '@motcua/domain/calendar/data/years';
import { DEFAULT_OFFICE_HOURS } from '@motcua/domain/calendar/office-hours';
import { computeDueAt, type DeadlineUnit, type DueAtInput } from '@motcua/domain/deadlines/due-at';

const INPUTS = 4096;
const BATCH = 256;
const FIRST_RECEIPT = Date.parse('2025-01-01T00:00:00+07:00');
const SPAN_MS = Date.parse('2026-12-01T00:00:00+07:00') - FIRST_RECEIPT;

export interface DueAtRun {
  /** computeDueAt calls per second. */
  opsPerS: number;
  /** buildCalendar(SHIPPED_CALENDAR_YEARS) calls per second. */
  buildsPerS: number;
  /** Calls that returned an error (should be 0: every instant lies in a shipped year). */
  failures: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same inputs. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Receipts any minute of 2025–Nov 2026 (nights, weekends, holidays included); a third of each unit. */
export function dueAtInputs(count = INPUTS): DueAtInput[] {
  const rand = random(20_251_127);
  const calendar = buildCalendar(SHIPPED_CALENDAR_YEARS);
  const units: DeadlineUnit[] = ['working_days', 'working_hours', 'days'];
  return Array.from({ length: count }, (_, i) => {
    const unit = units[i % units.length]!;
    const minute = Math.floor((rand() * SPAN_MS) / 60_000);
    const amount =
      unit === 'working_hours'
        ? Math.round(rand() * 64) / 2
        : Math.floor(rand() * (unit === 'days' ? 45 : 30));
    return {
      receivedAt: new Date(FIRST_RECEIPT + minute * 60_000),
      amount,
      unit,
      ...(i % 5 === 0 ? { cutoffHour: 15 } : {}),
      calendar,
      officeHours: DEFAULT_OFFICE_HOURS,
    };
  });
}

/** Calls `once` in batches until `durationMs` has passed; returns calls per second. */
function rate(durationMs: number, once: (i: number) => void): number {
  const started = performance.now();
  let calls = 0;
  while (performance.now() - started < durationMs) {
    for (let j = 0; j < BATCH; j += 1) once(calls + j);
    calls += BATCH;
  }
  return calls / ((performance.now() - started) / 1000);
}

export function dueAtRate(runs: number, durationMs: number, log: (line: string) => void): DueAtRun[] {
  const inputs = dueAtInputs();
  let failures = 0;
  const compute = (i: number) => {
    if (!computeDueAt(inputs[i % inputs.length]!).ok) failures += 1;
  };
  let sink = 0;
  const build = () => {
    sink += buildCalendar(SHIPPED_CALENDAR_YEARS).daysOff.size;
  };
  rate(durationMs, compute); // warm-up: JIT
  rate(durationMs / 4, build);
  const results: DueAtRun[] = [];
  for (let i = 0; i < runs; i += 1) {
    failures = 0;
    const run = { opsPerS: rate(durationMs, compute), buildsPerS: rate(durationMs / 4, build), failures };
    log(
      `  run ${i + 1}/${runs}: ${run.opsPerS.toFixed(0)} computeDueAt/s, ` +
        `${run.buildsPerS.toFixed(0)} buildCalendar/s, ${run.failures} failures`,
    );
    results.push(run);
  }
  if (sink < 0) log('unreachable'); // keeps the builds observable
  return results;
}
