import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { addWorkingDays, buildCalendar } from '@motcua/domain/calendar/calendar';
import { SHIPPED_CALENDAR_YEARS } from '@motcua/domain/calendar/data/years';
import { vnDateOf } from '@motcua/domain/calendar/dates';
import { countFigures, type FileFacts } from '@motcua/domain/reports/figures';
import { historyProcedures } from './history.service.ts';
import { planHistory, type HistoryUnit } from './plan.ts';
import { LAMHA_2021_2025, profileNamed, scaled } from './profile.ts';
import { historyRows, type AppRow } from './rows.ts';

/** The generator alone (no database): deterministic, and exact for any seed at scale 1. */
const calendar = buildCalendar(SHIPPED_CALENDAR_YEARS);
const units: HistoryUnit[] = Object.keys(LAMHA_2021_2025.unitWeights).map((key, i) => ({
  key,
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  code: key.replace('-motcua', ''),
}));
const procedures = historyProcedures();

function generate(seed: number, scale: number) {
  const plan = planHistory(scaled(LAMHA_2021_2025, scale), seed, units, procedures, calendar);
  return { plan, batches: [...historyRows(plan, seed, units, procedures)] };
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

const facts = (a: AppRow): FileFacts => ({
  state: a.state,
  channel: a.channel as 1 | 2 | 3,
  receivedAt: a.received_at,
  dueAt: a.due_at,
  processedAt: a.processed_at,
  finishedAt: a.finished_at,
  returnedAt: a.returned_at,
  returnChannel: a.return_channel as FileFacts['returnChannel'],
  updatedAt: a.updated_at,
  supplementRequests: a.supplement_requests,
  countsLate: a.counts_late,
  documents: a.documents.length,
  documentsScanned: a.report_scans === '{}' ? 0 : a.report_scans.split(',').length,
  documentsReused: a.report_reused ? 1 : 0,
  resultDigitized: a.report_result_ok,
  disliked: a.report_disliked,
});

describe('history generator', () => {
  test('the same seed gives the same rows, another seed other rows', () => {
    const a = digest(generate(1, 0.02).batches);
    assert.equal(digest(generate(1, 0.02).batches), a);
    assert.notEqual(digest(generate(2, 0.02).batches), a);
  });

  test('an unknown profile or a bad scale is named', () => {
    assert.throws(() => profileNamed('lamha-1999'), /--profile: unknown profile "lamha-1999"/);
    assert.throws(() => scaled(LAMHA_2021_2025, 2), /--scale/);
  });

  test('files are received on working days in office hours; deadlines follow the working calendar', () => {
    const { batches } = generate(3, 0.01);
    const byCode = new Map(procedures.map((p) => [p.code, p]));
    for (const a of batches.flatMap((b) => b.applications)) {
      const at = new Date(a.received_at).getTime();
      const minutes = (at / 60_000 + 7 * 60) % 1_440;
      assert.ok(
        (minutes >= 7 * 60 && minutes <= 11.5 * 60) || (minutes >= 13.5 * 60 && minutes <= 17 * 60),
        a.code,
      );
      const p = byCode.get(a.procedure_code)!;
      if (p.calendarDays) continue;
      const due = addWorkingDays(calendar, vnDateOf(at), Math.max(1, Math.ceil(p.amount)));
      assert.ok(due.ok);
      assert.equal(vnDateOf(new Date(a.original_due_at).getTime()), due.value, a.code);
    }
  });

  test('another seed still gives exactly the published figures (domain definition)', () => {
    const { batches } = generate(42, 1);
    const counts = countFigures(
      batches.flatMap((b) => b.applications.map(facts)),
      { from: '2020-12-31T17:00:00Z', to: '2025-03-31T17:00:00Z' },
      '2026-01-01T00:00:00Z',
    );
    assert.equal(counts.received, 302_048);
    assert.equal(counts.resolved, 302_011);
    assert.equal(counts.early + counts.on_time, 299_558);
    assert.equal(counts.late, 2_453);
    assert.equal(counts.new_postal, 5_731);
    assert.equal(counts.postal_returned, 8_797);
    const ratings = batches.flatMap((b) => b.ratings);
    assert.equal(ratings.length, 35_749);
    assert.equal(ratings.filter((r) => r.lv !== 'khong_hai_long').length, 30_251);
  });
});
