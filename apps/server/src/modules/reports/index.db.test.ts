import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import {
  counterFile,
  createTestApp,
  deskOfficers,
  strangerDesk,
  userWithRole,
  type Session,
  type TestApp,
} from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { scan, upload } from '../../../test/uploads.ts';
import { rate, vn, workflow, type Desk, type FileRef } from '../ratings/ratings.test-support.ts';

interface Indicator {
  id: string;
  numerator: number | null;
  denominator: number | null;
  percent: number | null;
  points: number;
  source: string;
  enteredSource: string | null;
  figures: { numerator: string[]; denominator: string[] } | null;
  display: { value: number; unit: string } | null;
}

/**
 * A hand-built quarter (Q1 2026) at xã Đinh Văn Lâm Hà, walked through the real workflow, with the index worked
 * out by hand (vn-rules.md §1.6–1.7, §5.2): a file carried over from December, one early, one late, one paused
 * for a supplement (its waiting time not counted), one with a second supplement request (late however it ends),
 * one withdrawn, one still open and overdue, one still waiting for the applicant at the end of the quarter.
 */
describe(`the Decision 766 index of a hand-built quarter (${storeLabel})`, () => {
  let t: TestApp;
  let d: Desk;
  let w: ReturnType<typeof workflow>;
  let ioc: Session;
  let now = vn('2025-12-31 09:00');
  const at = (local: string) => {
    now = vn(local);
  };
  const times: Record<string, { received: Date; ended?: Date }> = {};

  before(async () => {
    t = await createTestApp({}, { clock: () => now });
    d = await deskOfficers(t);
    w = workflow(d);
    ioc = await userWithRole(t, 'ioc.lamdong', 'ioc_operator', t.unit('68').id);
    const leaderId = (await d.leader.request('GET', '/api/auth/me')).json().user.id as string;
    const received = (key: string) => (times[key] = { received: now });
    const ended = (key: string) => (times[key]!.ended = now);

    received('K');
    const k = await w.intake();
    at('2026-01-05 10:00');
    await w.finish(k);
    ended('K');

    at('2026-03-02 09:00'); // Monday; 3 working days → Thursday 05/03 17:00
    const [a, b, c, dd, e] = [
      await w.intake(),
      await w.intake(),
      await w.intake(),
      await w.intake(),
      await w.intake(),
    ];
    for (const key of ['A', 'B', 'C', 'D', 'E']) received(key);
    at('2026-03-03 09:00');
    await w.step(d.desk, e, 'withdraw', { reason: 'Người nộp rút hồ sơ' });
    ended('E');
    at('2026-03-03 10:00');
    const aDone = await w.finish(a);
    ended('A');
    let cNow = await w.step(d.specialist, await w.processing(c), 'request_supplement', {
      reason: 'Thiếu giấy tờ',
    });
    let dNow = await w.step(d.specialist, await w.processing(dd), 'request_supplement', {
      reason: 'Thiếu giấy tờ',
    });
    at('2026-03-03 11:00');
    dNow = await w.step(d.specialist, dNow, 'supplement_received');
    at('2026-03-03 14:00');
    dNow = await w.step(d.specialist, dNow, 'request_supplement', {
      reason: 'Còn thiếu',
      approverId: leaderId,
    });
    at('2026-03-03 15:00');
    dNow = await w.step(d.specialist, dNow, 'supplement_received');
    at('2026-03-04 10:00');
    dNow = await w.step(d.specialist, dNow, 'submit_for_approval');
    await w.step(d.leader, dNow, 'approve');
    ended('D');
    at('2026-03-04 15:00');
    assert.equal((await rate(t, aDone, { level: 'rat_hai_long' })).statusCode, 200);
    at('2026-03-09 10:00'); // past C's first appointment, but it waited 6 days for the applicant
    cNow = await w.step(d.specialist, cNow, 'supplement_received');
    at('2026-03-09 11:00');
    cNow = await w.step(d.specialist, cNow, 'submit_for_approval');
    await w.step(d.leader, cNow, 'approve');
    ended('C');
    at('2026-03-10 10:00');
    const bDone = await w.finish(b);
    ended('B');
    at('2026-03-11 10:00');
    assert.equal((await rate(t, bDone, { level: 'khong_hai_long', comment: 'Trả chậm' })).statusCode, 200);

    at('2026-03-23 09:00');
    const f = await w.intake();
    received('F');
    await w.processing(f);
    at('2026-03-25 09:00');
    const g: FileRef = await w.intake();
    received('G');
    const scanned = await upload(
      d.desk,
      `/api/applications/${g.id}/documents/1/file`,
      await scan('Tờ khai'),
      'to-khai.pdf',
    );
    assert.equal(scanned.statusCode, 200, scanned.body);
    at('2026-03-26 10:00');
    await w.step(d.specialist, await w.processing({ ...g, version: g.version }), 'request_supplement', {
      reason: 'Thiếu giấy tờ',
    });

    at('2026-03-30 09:00');
    const stranger = await strangerDesk(t, 'motcua.namban');
    const other = await stranger.request(
      'POST',
      '/api/applications',
      counterFile(t.units.find((u) => u.kind === 'pasc' && u.name.endsWith('Nam Ban Lâm Hà'))!.id),
    );
    assert.equal(other.statusCode, 201, other.body);
    at('2026-04-15 09:00');
  });
  after(() => t.dispose());

  const indexOf = async (unitId: string) => {
    const response = await ioc.request('GET', `/api/reports/index?unitId=${unitId}&period=2026-Q1`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };

  test('the statistics of the quarter', async () => {
    const report = (
      await ioc.request('GET', `/api/reports/summary?unitId=${d.communeId}&period=2026-Q1`)
    ).json();
    const c = report.total.counts;
    assert.deepEqual(
      [
        c.received,
        c.carried,
        c.new,
        c.resolved,
        c.early + c.on_time,
        c.late,
        c.withdrawn,
        c.in_progress,
        c.overdue,
        c.within_time,
      ],
      [8, 1, 7, 6, 4, 2, 1, 2, 1, 1],
    );
    assert.equal(c.supplement_requests, 4);
    assert.equal(c.ratings, 2);
    assert.equal(c.ratings_satisfied, 1);
    assert.equal(report.total.rates.satisfaction, 50);
  });

  test('each computed indicator, worked out by hand', async () => {
    const index = await indexOf(d.communeId);
    const commune = index.total as { indicators: Indicator[]; total: number; groups: { points: number }[] };
    const by = (id: string) => commune.indicators.find((i) => i.id === id)!;
    const expect = (
      id: string,
      numerator: number,
      denominator: number,
      percent: number | null,
      points: number,
    ) =>
      assert.deepEqual(
        [by(id).numerator, by(id).denominator, by(id).percent, by(id).points, by(id).source],
        [numerator, denominator, percent, points, 'computed'],
        id,
      );
    // 2.1: K, A, C, E resolved on time + G within time (paused) = 5 of 8 → 62.5 % × 20.
    expect('2.1', 5, 8, 62.5, 12.5);
    assert.deepEqual(by('2.1').figures, {
      numerator: ['early', 'on_time', 'within_time'],
      denominator: ['received'],
    });
    // 3.3: nothing filed online. 4.1: results ready for A, B, C, D (none electronic). 4.2: G's only document
    // is scanned and it has no result yet: 1 of 7 → 14.29 % of the 80 % target × 4. 4.3: nothing reused.
    expect('3.3', 0, 7, 0, 0);
    expect('4.1', 0, 4, 0, 0);
    expect('4.2', 1, 7, 14.29, 0.71);
    expect('4.3', 0, 7, 0, 0);
    // 5.4: 100 % − 3/8 overdue (B, D late; F open past its day) − 1/8 disliked (B) = 50 % → 50 / 90 × 6.
    expect('5.4', 4, 8, 50, 3.33);
    // 2.2: mean time of the seven new files that ended (A, B, C, D, E), in days.
    const days = ['A', 'B', 'C', 'D', 'E'].map(
      (k) => (times[k]!.ended!.getTime() - times[k]!.received.getTime()) / 86_400_000,
    );
    assert.equal(
      by('2.2').display?.value,
      Math.round((days.reduce((s, x) => s + x, 0) / days.length) * 100) / 100,
    );
    // 1.3, 3.1, 3.2 from the catalogue: commune-level procedures in force.
    const catalog = await sql<{ n: number; online: number }>`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE v.online_level <> 'none')::int AS online
      FROM procedures p JOIN procedure_versions v ON v.id = p.current_version_id
      WHERE 'commune' = ANY(v.levels) AND (v.effective_to IS NULL OR v.effective_to >= '2026-01-01')`.execute(
      t.app.store.db,
    );
    const { n, online } = catalog.rows[0]!;
    assert.deepEqual([by('3.1').numerator, by('3.1').denominator], [online, n]);
    assert.deepEqual([by('3.2').numerator, by('3.2').denominator], [0, online], 'no online filing');
    assert.equal(by('1.3').denominator, n);
    for (const id of ['1.1', '1.4', '3.6', '5.2']) assert.equal(by(id).source, 'missing', id);
    const sum = commune.indicators.reduce((s, i) => s + Math.round(i.points * 100), 0) / 100;
    assert.equal(commune.total, sum);
    assert.equal(commune.groups.reduce((s, g) => s + Math.round(g.points * 100), 0) / 100, sum);
  });

  test('values from outside motcua are entered, all or none, and shown as entered', async () => {
    const before = await indexOf(d.communeId);
    const bad = await ioc.request('PUT', '/api/reports/index/entries', {
      entries: [
        { unitId: d.communeId, period: '2026-Q1', indicatorId: '1.4', percent: 100, source: 'Cổng DVCQG' },
        { unitId: d.communeId, period: '2026-Q1', indicatorId: '3.6', percent: 50, points: 3, source: 'x' },
      ],
    });
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().field, '/body/entries/1');
    const forbidden = await d.desk.request('PUT', '/api/reports/index/entries', {
      entries: [{ unitId: d.communeId, period: '2026-Q1', indicatorId: '1.4', percent: 100, source: 'x' }],
    });
    assert.equal(forbidden.statusCode, 403);
    const ok = await ioc.request('PUT', '/api/reports/index/entries', {
      entries: [
        {
          unitId: d.communeId,
          period: '2026-Q1',
          indicatorId: '1.4',
          percent: 100,
          source: 'Cổng DVCQG, quý I/2026',
        },
        {
          unitId: d.communeId,
          period: '2026-Q1',
          indicatorId: '5.2',
          numerator: 3,
          denominator: 4,
          source: 'Hệ thống PAKN',
        },
        {
          unitId: d.communeId,
          period: '2026-q1',
          indicatorId: '2.1',
          percent: 100,
          source: 'cannot replace a computed one',
        },
      ],
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const after = (await indexOf(d.communeId)).total as { indicators: Indicator[]; total: number };
    const by = (id: string) => after.indicators.find((i) => i.id === id)!;
    assert.deepEqual(
      [by('1.4').points, by('1.4').source, by('1.4').enteredSource],
      [6, 'entered', 'Cổng DVCQG, quý I/2026'],
    );
    assert.deepEqual([by('5.2').percent, by('5.2').points, by('5.2').source], [75, 4.5, 'entered']);
    assert.equal(by('2.1').percent, 62.5, 'a computed indicator is never overwritten');
    assert.equal(after.total, Math.round((before.total.total + 6 + 4.5) * 100) / 100);
  });

  test('the units ranked, the province settings (bands) as data', async () => {
    const index = await indexOf(t.unit('68').id);
    const units = index.units as { unitName: string; rank: number; total: number }[];
    // Đinh Văn: 12.5 + 3.33 + 0.71 + the values entered above (6 + 4.5) + the catalogue's; Nam Ban: one file
    // within time (2.1: 20, 5.4: 6) + the same catalogue points, nothing entered.
    const catalogue = (u: { indicators: Indicator[] }) =>
      u.indicators.filter((i) => ['1.3', '3.1', '3.2'].includes(i.id)).reduce((s, i) => s + i.points, 0);
    const [first, second] = index.units as { unitName: string; indicators: Indicator[]; total: number }[];
    assert.equal(first!.unitName, 'Xã Đinh Văn Lâm Hà');
    assert.equal(first!.total, Math.round((12.5 + 3.33 + 0.71 + 6 + 4.5 + catalogue(first!)) * 100) / 100);
    assert.equal(second!.unitName, 'Xã Nam Ban Lâm Hà');
    assert.equal(second!.total, Math.round((20 + 6 + catalogue(second!)) * 100) / 100);
    assert.deepEqual(
      units.map((u) => u.rank),
      [1, 2],
    );
    const admin = await t.login('quantri');
    const bad = await admin.request('PUT', '/api/reports/index/settings', {
      unitId: t.unit('68').id,
      overrides: { bands: [{ id: 'x', min: 50, name: { vi: 'X', en: 'X' } }] },
    });
    assert.equal(bad.statusCode, 422, 'the last band must start at 0');
    const saved = await admin.request('PUT', '/api/reports/index/settings', {
      unitId: t.unit('68').id,
      overrides: {
        bands: [
          { id: 'pass', min: 30, name: { vi: 'Đạt', en: 'Pass' } },
          { id: 'fail', min: 0, name: { vi: 'Không đạt', en: 'Fail' } },
        ],
      },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const after = await indexOf(t.unit('68').id);
    assert.deepEqual(
      after.bands.map((b: { id: string }) => b.id),
      ['pass', 'fail'],
    );
    assert.ok(
      after.units.every(
        (u: { total: number; band: { id: string } }) => u.band.id === (u.total >= 30 ? 'pass' : 'fail'),
      ),
    );
    assert.equal(
      (await ioc.request('PUT', '/api/reports/index/settings', { unitId: t.unit('68').id, overrides: {} }))
        .statusCode,
      403,
    );
  });
});
