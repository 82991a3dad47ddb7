import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { countFigures, FILE_FIGURES } from '@motcua/domain/reports/figures';
import { addCounts, emptySummaryCounts } from '@motcua/domain/reports/summary';
import { customPeriod, parsePeriod, periodInstants, type Period } from '@motcua/domain/reports/periods';
import { createTestApp, deskOfficers, userWithRole, type Session, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { libreofficeMissing, libreofficeRows } from './export/libreoffice.test-support.ts';
import { reportsRepository } from './reports.repository.ts';
import { insertSynthetic, syntheticFiles, type SyntheticFile } from './reports.test-support.ts';

const periodOf = (text: string): Period => {
  const result = text.includes('..')
    ? customPeriod(...(text.split('..') as [string, string]))
    : parsePeriod(text);
  assert.ok(result.ok);
  return result.period;
};

describe(`reports: the statistics from the files (${storeLabel})`, () => {
  let t: TestApp;
  let files: SyntheticFile[];
  let oldUnits: string[];
  let ioc: Session;

  before(async () => {
    t = await createTestApp();
    // Two old communes of Lâm Hà (until 30/06/2025) and the district's one-stop department.
    oldUnits = [
      t.unit('24880', null).id,
      t.unit('24892', null).id,
      t.units.find((u) => u.kind === 'department' && u.name.includes('huyện Lâm Hà'))!.id,
    ];
    files = syntheticFiles(oldUnits, 400, 20241231);
    await insertSynthetic(t.app.store.db, files);
    ioc = await userWithRole(t, 'ioc.lamdong', 'ioc_operator', t.unit('68').id);
  });
  after(() => t.dispose());

  test('the SQL counts every figure exactly as the domain definition, whatever the period', async () => {
    const cases: Array<[string, string]> = [
      ['2024-Q4', '2025-06-01T00:00:00Z'],
      ['2024-11', '2025-06-01T00:00:00Z'],
      ['2024-10-15..2025-01-20', '2025-06-01T00:00:00Z'],
      // A current period: reported as of "now", inside it.
      ['2024-Q4', '2024-11-20T03:00:00Z'],
    ];
    for (const [text, nowText] of cases) {
      const period = periodOf(text);
      const bounds = periodInstants(period);
      const now = new Date(nowText);
      const reference = now < bounds.to ? now : bounds.to;
      const cells = await reportsRepository.figureCells(t.app.store.db, {
        provinceCode: '68',
        unitIds: oldUnits,
        period: { ...bounds, reference },
      });
      const sql = emptySummaryCounts();
      for (const cell of cells) addCounts(sql, cell);
      const expected = countFigures(files, bounds, now);
      for (const figure of FILE_FIGURES)
        assert.equal(sql[figure], expected[figure], `${text} as of ${nowText}: ${figure}`);
      assert.ok(
        expected.received > 50 && expected.late > 5 && expected.overdue > 0,
        `${text}: the data set is varied`,
      );
    }
  });

  test('the rollups give exactly the raw counts, per unit, procedure and channel, after any change', async () => {
    const db = t.app.store.db;
    const services = t.app.services.reports;
    const compare = async (label: string) => {
      for (const [text, nowText] of [
        ['2024-Q4', '2026-06-01T00:00:00Z'],
        ['2024-11', '2026-06-01T00:00:00Z'],
        ['2024-10-15..2025-01-20', '2026-06-01T00:00:00Z'],
        ['2024-09-03..2024-09-03', '2026-06-01T00:00:00Z'],
        ['2024-10-01..2024-10-01', '2026-06-01T00:00:00Z'],
        ['2023-12-15..2025-02-10', '2026-06-01T00:00:00Z'],
        ['2024', '2026-06-01T00:00:00Z'],
        // The current period, reported as of now: open files are counted live (nothing here is after now).
        ['2024-07-01..2027-12-31', new Date(Date.now() + 86_400_000).toISOString()],
      ] as const) {
        const bounds = periodInstants(periodOf(text));
        const now = new Date(nowText);
        const scope = {
          provinceCode: '68',
          unitIds: oldUnits,
          period: { ...bounds, reference: now < bounds.to ? now : bounds.to },
        };
        const byKey = (cells: Awaited<ReturnType<typeof services.cells>>) => {
          const map = new Map<string, ReturnType<typeof emptySummaryCounts>>();
          for (const cell of cells) {
            const key = `${cell.unit_id}|${cell.procedure_code}|${cell.channel}`;
            addCounts(map.get(key) ?? map.set(key, emptySummaryCounts()).get(key)!, cell);
          }
          const zero = JSON.stringify(emptySummaryCounts());
          return new Map([...map].filter(([, c]) => JSON.stringify(c) !== zero));
        };
        const raw = byKey(await services.cells(scope, 'raw'));
        const rollup = byKey(await services.cells(scope, 'rollup'));
        for (const [key, counts] of raw)
          assert.deepEqual(rollup.get(key), counts, `${label}, ${text} as of ${nowText}: ${key}`);
        // The all-procedures rows (what reports by unit and the index read) are the same sums.
        const perUnit = (cells: Awaited<ReturnType<typeof services.cells>>) =>
          byKey(cells.map((c) => ({ ...c, procedure_code: null })));
        assert.deepEqual(
          perUnit(await services.cells(scope, 'rollup', 'unit')),
          perUnit(await services.cells(scope, 'raw')),
          `${label}, ${text}: per unit`,
        );
        assert.deepEqual(
          [...rollup.keys()].sort(),
          [...raw.keys()].sort(),
          `${label}, ${text}: the same keys`,
        );
      }
    };
    await compare('as written');
    // Changes through the tables the triggers watch: files end, scans come and go, ratings and feedback change.
    await sql`UPDATE applications SET processed_at = received_at + interval '2 days', state = 'result_ready'
              WHERE province_code = '68' AND received_at IS NOT NULL AND processed_at IS NULL AND finished_at IS NULL
                AND code LIKE 'SYN-%' AND right(code, 1) < '4'`.execute(db);
    await sql`UPDATE applications SET counts_late = NOT counts_late, due_at = due_at + interval '3 days'
              WHERE code LIKE 'SYN-%' AND right(code, 1) IN ('5', '6')`.execute(db);
    await sql`DELETE FROM application_documents WHERE position = 1 AND application_id IN
                (SELECT id FROM applications WHERE code LIKE 'SYN-%' AND right(code, 1) = '7')`.execute(db);
    await sql`UPDATE application_ratings SET level = 'hai_long'`.execute(db);
    await sql`UPDATE application_results SET status = 'draft' WHERE application_id IN
                (SELECT id FROM applications WHERE code LIKE 'SYN-%' AND right(code, 1) = '8')`.execute(db);
    await compare('after changes');
    const before = await sql`SELECT * FROM report_rollup WHERE new <> 0 OR open_delta <> 0 OR ratings <> 0
                               ORDER BY 1, 2, 3, 4, 5, 6`.execute(db);
    await sql`SELECT report_rebuild()`.execute(db);
    const rebuilt = await sql`SELECT * FROM report_rollup WHERE new <> 0 OR open_delta <> 0 OR ratings <> 0
                                ORDER BY 1, 2, 3, 4, 5, 6`.execute(db);
    assert.deepEqual(rebuilt.rows, before.rows, 'a rebuild from scratch finds what the triggers kept');
    await compare('after a rebuild');
  });

  test('the summary: lines add up to the total, rates from the sums, the old communes under their successors', async () => {
    const response = await ioc.request(
      'GET',
      `/api/reports/summary?unitId=${t.unit('68').id}&period=2024-Q4&history=true`,
    );
    assert.equal(response.statusCode, 200, response.body);
    const report = response.json();
    assert.deepEqual(report.problems, []);
    assert.equal(report.period.label, 'Quý IV năm 2024');
    const names = report.lines.map((l: { name: string }) => l.name).sort();
    // 24880 Phú Sơn → Phú Sơn Lâm Hà; 24892 Mê Linh → Nam Ban Lâm Hà; the district desk stays with the district.
    assert.deepEqual(names, ['Huyện Lâm Hà', 'Xã Nam Ban Lâm Hà', 'Xã Phú Sơn Lâm Hà'].sort());
    const sum = emptySummaryCounts();
    for (const line of report.lines) addCounts(sum, line.counts);
    assert.deepEqual(sum, report.total.counts);
    const c = report.total.counts;
    assert.equal(
      report.total.rates.resolvedOnTime,
      Math.round(((c.early + c.on_time) * 10_000) / c.resolved) / 100,
    );

    const plain = (
      await ioc.request('GET', `/api/reports/summary?unitId=${t.unit('68').id}&period=2024-Q4`)
    ).json();
    assert.deepEqual(
      plain.lines.map((l: { name: string }) => l.name),
      ['Huyện Lâm Hà'],
      'without history the old communes are under their district',
    );
    assert.deepEqual(plain.total.counts, report.total.counts);
  });

  test('every figure links to exactly the files it counts', async () => {
    const base = `unitId=${t.unit('68').id}&period=2024-Q4&history=true`;
    const report = (await ioc.request('GET', `/api/reports/summary?${base}&by=channel`)).json();
    for (const figure of ['received', 'late', 'overdue', 'new_postal', 'digitized'] as const)
      for (const line of [...report.lines, report.total]) {
        const list = (
          await ioc.request(
            'GET',
            `/api/reports/summary/applications?${base}&by=channel&line=${line.key}&figure=${figure}&limit=500`,
          )
        ).json();
        assert.equal(list.total, line.counts[figure], `${figure} of ${line.name}`);
        assert.equal(list.items.length, Math.min(500, line.counts[figure]));
      }
  });

  test('by procedure, field and level: the same total', async () => {
    const base = `unitId=${t.unit('68').id}&period=2024-Q4&history=true`;
    const total = (await ioc.request('GET', `/api/reports/summary?${base}`)).json().total.counts;
    for (const by of ['procedure', 'field', 'level']) {
      const report = (await ioc.request('GET', `/api/reports/summary?${base}&by=${by}`)).json();
      const sum = emptySummaryCounts();
      for (const line of report.lines) addCounts(sum, line.counts);
      assert.equal(sum.received, total.received, by);
      assert.equal(sum.late, total.late, by);
    }
  });

  test('who may see it, and bad input', async () => {
    const d = await deskOfficers(t);
    const other = `unitId=${t.unit('68').id}&period=2024-Q4`;
    assert.equal(
      (await d.desk.request('GET', `/api/reports/summary?${other}`)).statusCode,
      403,
      'a receptionist',
    );
    assert.equal(
      (await d.leader.request('GET', `/api/reports/summary?${other}`)).statusCode,
      403,
      "a commune's leader",
    );
    const own = (
      await d.leader.request('GET', `/api/reports/summary?unitId=${d.communeId}&period=2024-Q4`)
    ).json();
    assert.equal(own.total.counts.received, 0, 'the commune leader sees their own commune (nothing in 2024)');
    const bad = await ioc.request('GET', `/api/reports/summary?unitId=${t.unit('68').id}&period=2024-Q5`);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.headers['content-type'] as string, /problem\+json/);
    assert.match(bad.body, /2024-Q4/);
    const none = await ioc.request('GET', `/api/reports/summary?unitId=${t.unit('68').id}`);
    assert.equal(none.statusCode, 422);
    const long = await ioc.request(
      'GET',
      `/api/reports/summary?unitId=${t.unit('68').id}&from=2010-01-01&to=2024-12-31`,
    );
    assert.equal(long.statusCode, 422);
    const channel = await ioc.request(
      'GET',
      `/api/reports/summary/applications?unitId=${t.unit('68').id}&period=2024-Q4&by=channel&line=x&figure=late`,
    );
    assert.equal(channel.statusCode, 422);
  });

  test('downloads: the XLSX opens in LibreOffice with the same figures as the JSON; the CSV is the table', async (ctx) => {
    const query = `unitId=${t.unit('68').id}&period=2024-Q4&history=true`;
    const json = (await ioc.request('GET', `/api/reports/summary?${query}`)).json();
    const csv = await ioc.request('GET', `/api/reports/summary.csv?${query}`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /^text\/csv/);
    assert.match(csv.headers['content-disposition'] as string, /thong-ke-ho-so-2024-Q4\.csv/);
    const rows: string[][] = parse(csv.body, { bom: true });
    const total = rows.at(-1)!;
    assert.equal(total[1], 'Tổng cộng');
    assert.deepEqual(total.slice(2, 14).map(Number), [
      json.total.counts.received,
      json.total.counts.carried,
      json.total.counts.new_counter,
      json.total.counts.new_online,
      json.total.counts.new_postal,
      json.total.counts.resolved,
      json.total.counts.early,
      json.total.counts.on_time,
      json.total.counts.late,
      json.total.counts.in_progress,
      json.total.counts.within_time,
      json.total.counts.overdue,
    ]);
    const xlsx = await ioc.request('GET', `/api/reports/summary.xlsx?${query}`);
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK', 'a zip (OOXML) file');
    if (libreofficeMissing) return ctx.skip(libreofficeMissing);
    const { rows: shownRows } = await libreofficeRows(xlsx.rawPayload);
    const totalShown = shownRows.find((r) => r[1] === 'Tổng cộng')!;
    assert.deepEqual(
      totalShown.slice(2, 14).map((x) => Number(x.replace(/,/g, ''))),
      total.slice(2, 14).map(Number),
    );
    assert.equal(totalShown[14], `${json.total.rates.resolvedOnTime.toFixed(2)}%`);
    assert.ok(shownRows.some((r) => r.includes('ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG')));
    const index = await ioc.request(
      'GET',
      `/api/reports/index.xlsx?unitId=${t.unit('68').id}&period=2024-Q4`,
    );
    assert.equal(index.statusCode, 200);
    const indexRows = (await libreofficeRows(index.rawPayload)).rows;
    assert.ok(indexRows.some((r) => r[0] === 'KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP'));
  });
});
