import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, DEMO_PASSWORD, deskOfficers, type Session, type TestApp } from '../../../test/app.ts';
import { multipart } from '../../../test/multipart.ts';
import { scan, upload } from '../../../test/uploads.ts';
import { storeLabel } from '../../../test/store.ts';
import { pdfText, popplerMissing } from '../documents/poppler.ts';
import { seedDemoSigning } from '../signing/demo-keys.ts';
import { pdfsig } from '../signatures/test-support.ts';

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
const ID_NUMBER = '068090001234';

type App = { id: string; code: string; lookupKey: string; version: number };

describe(`results: scans, signed result, public download, verification, reuse (${storeLabel})`, () => {
  let t: TestApp;
  let desk: Session;
  let specialist: Session;
  let leader: Session;
  let pascId: string;
  let communeId: string;
  let specialistId: string;
  let first: App;
  let signedPdf: Buffer;
  const now = vn('2026-12-07 09:00');

  const file = (documents: string[]) => ({
    procedureCode: '1.001022',
    receivingUnitId: pascId,
    channel: 'counter',
    applicant: {
      kind: 'person',
      fullName: 'Trần Văn Bình',
      idNumber: ID_NUMBER,
      address: 'Thôn 2, xã Đinh Văn Lâm Hà',
    },
    documents: documents.map((name) => ({ name, copyType: 'photocopy', quantity: 1 })),
    returnChannel: 'online',
  });
  const DOCUMENTS = [
    'Tờ khai đăng ký nhận cha, mẹ, con',
    'Giấy khai sinh của con',
    'Căn cước của người nhận',
  ];

  const step = async (s: Session, app: App, action: string, extra: Record<string, unknown> = {}) => {
    const response = await s.request('POST', `/api/applications/${app.id}/actions`, {
      action,
      version: app.version,
      ...extra,
    });
    assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
    return response.json().application as App;
  };

  /** The leader's signature or the desk's seal on result 1, unlocked with a PIN. */
  const resultKey = (s: Session, app: App, what: 'sign' | 'seal', password = DEMO_PASSWORD) =>
    s.request('POST', `/api/applications/${app.id}/results/1/${what}`, { password });

  /** The public verification of a PDF, as a citizen would upload it. */
  const verify = (bytes: Buffer, fileName: string) => {
    const { body, headers } = multipart([
      { name: 'file', file: { bytes, fileName, type: 'application/pdf' } },
    ]);
    return t.app.server.inject({ method: 'POST', url: '/api/documents/verify', payload: body, headers });
  };

  before(async () => {
    t = await createTestApp({}, { clock: () => now });
    ({ desk, specialist, leader, pascId, communeId, specialistId } = await deskOfficers(t));
    const seeded = await seedDemoSigning(t.app.store.db, DEMO_PASSWORD, now);
    assert.equal(seeded?.holders.length, 2);
  });
  after(() => t.dispose());

  test('intake with three scans: each document digitized with its page count', async () => {
    const response = await desk.request('POST', '/api/applications', file(DOCUMENTS));
    assert.equal(response.statusCode, 201, response.body);
    first = response.json().application as App;
    for (const [i, pages] of [1, 2, 1].entries()) {
      const res = await upload(
        desk,
        `/api/applications/${first.id}/documents/${i + 1}/file`,
        await scan(DOCUMENTS[i]!, pages),
        `scan-${i + 1}.pdf`,
      );
      assert.equal(res.statusCode, 200, res.body);
    }
    const records = (await desk.request('GET', `/api/applications/${first.id}/records`)).json();
    assert.deepEqual(
      records.components.map(
        (c: { digitized: boolean; file: { pages: number; mediaType: string; size: number } }) => [
          c.digitized,
          c.file.pages,
          c.file.mediaType,
          c.file.size > 0,
        ],
      ),
      [
        [true, 1, 'application/pdf', true],
        [true, 2, 'application/pdf', true],
        [true, 1, 'application/pdf', true],
      ],
    );
    const download = await desk.request('GET', `/api/applications/${first.id}/documents/2/file`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="scan-2.pdf"/);
  });

  test('a result is drafted, signed by the leader, sealed by the organisation, returned', async () => {
    let app = await step(desk, first, 'transfer', { decidingUnitId: communeId });
    app = await step(leader, app, 'assign', { assigneeId: specialistId });
    const can = (await specialist.request('GET', `/api/applications/${app.id}/records`)).json().can;
    assert.deepEqual(can, { digitize: true, draft: true, sign: false, seal: false });
    const draftBody = {
      kind: 'QUYẾT ĐỊNH',
      title: 'Về việc công nhận việc nhận cha, mẹ, con',
      body: [
        'Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;',
        'Công nhận ông Trần Văn Bình là cha của cháu Trần An.',
      ],
      symbol: 'QĐ-UBND',
    };
    const drafted = await specialist.request('POST', `/api/applications/${app.id}/results`, draftBody);
    assert.equal(drafted.statusCode, 201, drafted.body);
    const edited = await specialist.request('PUT', `/api/applications/${app.id}/results/1`, draftBody);
    assert.equal(edited.statusCode, 200, edited.body);
    const preview = await specialist.request('GET', `/api/applications/${app.id}/results/1/file`);
    assert.equal(preview.statusCode, 200);
    if (!popplerMissing) assert.match(pdfText(preview.rawPayload), /Số: …\/QĐ-UBND/);
    // The leader signs only once the draft is submitted.
    assert.equal((await resultKey(leader, app, 'sign')).statusCode, 409);
    app = await step(specialist, app, 'submit_for_approval');
    const wrongPin = await resultKey(leader, app, 'sign', 'sai-ma-pin');
    assert.equal(wrongPin.statusCode, 422);
    assert.equal(wrongPin.json().field, '/body/password');
    // Nobody but a leader signs; nobody but the desk seals.
    assert.equal((await resultKey(specialist, app, 'sign')).statusCode, 403);
    const signed = await resultKey(leader, app, 'sign');
    assert.equal(signed.statusCode, 200, signed.body);
    const again = await resultKey(leader, app, 'sign');
    assert.equal(again.statusCode, 409, 'a result is signed once');
    const late = await specialist.request('PUT', `/api/applications/${app.id}/results/1`, draftBody);
    assert.equal(late.statusCode, 409, 'a signed result is not edited');
    app = await step(leader, app, 'approve');
    assert.equal((await resultKey(leader, app, 'seal')).statusCode, 403);
    const sealed = await resultKey(desk, app, 'seal');
    assert.equal(sealed.statusCode, 200, sealed.body);
    const records = (await desk.request('GET', `/api/applications/${app.id}/records`)).json();
    assert.equal(records.results[0].resultCode, `${first.code}-KQ1`);
    assert.equal(records.results[0].status, 'sealed');
    assert.equal(records.can.draft, false, 'the desk drafts nothing');
    assert.equal(records.results[0].numberSymbol, '01/QĐ-UBND');
    first = await step(desk, app, 'return_result', { channel: 'online' });
  });

  test('the citizen downloads the result with code + key: two valid signatures, verification says so', async () => {
    const lookup = await t.app.server.inject({
      url: `/api/public/applications/${first.code}?key=${first.lookupKey}`,
    });
    assert.equal(lookup.statusCode, 200, lookup.body);
    assert.deepEqual(
      lookup.json().results.map((r: { resultCode: string }) => r.resultCode),
      [`${first.code}-KQ1`],
    );
    assert.equal(
      (await t.app.server.inject({ url: `/api/public/applications/${first.code}/results/1?key=WRONG1` }))
        .statusCode,
      404,
    );
    const download = await t.app.server.inject({
      url: `/api/public/applications/${first.code}/results/1?key=${first.lookupKey}`,
    });
    assert.equal(download.statusCode, 200);
    signedPdf = download.rawPayload;
    if (process.env.KEEP_PDF) (await import('node:fs')).writeFileSync(process.env.KEEP_PDF, signedPdf);
    if (!popplerMissing) {
      const report = pdfsig(signedPdf);
      assert.equal(report.split('Signature is Valid.').length - 1, 2, report);
      assert.match(report, /Lê Minh Đạo/);
      assert.match(report, /Ủy ban nhân dân xã Đinh Văn Lâm Hà/);
      const textOf = pdfText(signedPdf);
      assert.match(textOf, /Số: 01\/QĐ-UBND/);
      assert.match(textOf, new RegExp(`${first.code}-KQ1`));
      assert.match(textOf, /\+07:00/);
    }
    const verified = await verify(signedPdf, 'ket-qua.pdf');
    assert.equal(verified.statusCode, 200, verified.body);
    const report = verified.json();
    assert.equal(report.verdict, 'valid');
    type Signature = { signerName: string; intact: boolean; trusted: boolean; demoRoot: boolean };
    const trust = (r: { signatures: Signature[] }) =>
      r.signatures.map((s) => [s.signerName, s.intact, s.trusted, s.demoRoot]);
    // The demo keys chain to the demo root: trusted by this install, but said to be a test certificate.
    assert.equal(report.demo, true);
    assert.deepEqual(trust(report), [
      ['Lê Minh Đạo', true, true, true],
      ['Ủy ban nhân dân xã Đinh Văn Lâm Hà', true, true, true],
    ]);
    assert.match(report.signatures[1].signingTime, /^2026-12-07T02:00:00/);
    // The same root registered as a real CA: trusted, and no longer called a demo.
    const db = t.app.store.db;
    const demoRoots = await db.selectFrom('trusted_roots').select('id').where('demo', '=', true).execute();
    const flag = (demo: boolean) =>
      db
        .updateTable('trusted_roots')
        .set({ demo })
        .where(
          'id',
          'in',
          demoRoots.map((r) => r.id),
        )
        .execute();
    await flag(false);
    try {
      const real = (await verify(signedPdf, 'ket-qua.pdf')).json();
      assert.equal(real.demo, false);
      assert.deepEqual(trust(real), [
        ['Lê Minh Đạo', true, true, false],
        ['Ủy ban nhân dân xã Đinh Văn Lâm Hà', true, true, false],
      ]);
    } finally {
      await flag(true);
    }
  });

  test('one byte edited inside the signed content: verification reports tampering', async () => {
    const edited = Buffer.from(signedPdf);
    const at = edited.indexOf('/Producer');
    edited[at + 2] = edited[at + 2]! ^ 0x01;
    const verified = await verify(edited, 'sua.pdf');
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal(verified.json().verdict, 'tampered');
    assert.equal(verified.json().tampered, true);
    assert.equal(verified.json().demo, true, 'the signatures still chain to the demo root');
  });

  test('the outgoing register numbers the result; the signed share and digitization rates count it', async () => {
    const q = `unitId=${communeId}&from=2026-12-01&to=2026-12-31`;
    const register = (await leader.request('GET', `/api/outgoing-documents?${q}`)).json();
    assert.deepEqual(
      register.items.map((d: { numberSymbol: string; signedDigitally: boolean }) => [
        d.numberSymbol,
        d.signedDigitally,
      ]),
      [['01/QĐ-UBND', true]],
    );
    const share = (await leader.request('GET', `/api/reports/signed-documents?${q}`)).json();
    assert.deepEqual(
      share.byLevel.map((l: { level: string; share: number }) => [l.level, l.share]),
      [['commune', 1]],
    );
    const rates = (await leader.request('GET', `/api/reports/digitization?${q}`)).json();
    assert.equal(rates.total.received, 1);
    assert.equal(rates.total.recordsRate, 1);
    assert.equal(rates.total.resultsRate, 1);
  });

  test('a second file of the same citizen reuses a scan and the earlier result without a new upload', async () => {
    const response = await desk.request(
      'POST',
      '/api/applications',
      file(['Căn cước của người nhận', 'Quyết định công nhận']),
    );
    const second = response.json().application as App;
    const offered = (await desk.request('GET', `/api/applications/${second.id}/reusable`)).json();
    const idCard = offered.items.find((i: { name: string }) => i.name === 'Căn cước của người nhận');
    assert.equal(idCard.suggestedPosition, 1);
    assert.ok(
      offered.items.some(
        (i: { source: string; code: string }) =>
          i.source === 'prior_result' && i.code === `${first.code}-KQ1`,
      ),
    );
    const reused = await desk.request('POST', `/api/applications/${second.id}/documents/1/reuse`, {
      source: 'prior_application',
      code: first.code,
      position: 3,
    });
    assert.equal(reused.statusCode, 200, reused.body);
    const fromResult = await desk.request('POST', `/api/applications/${second.id}/documents/2/reuse`, {
      source: 'prior_result',
      code: `${first.code}-KQ1`,
    });
    assert.equal(fromResult.statusCode, 200, fromResult.body);
    const components = fromResult.json().components;
    assert.deepEqual(
      components.map((c: { reused: unknown }) => c.reused),
      [
        { source: 'prior_application', code: first.code },
        { source: 'prior_result', code: `${first.code}-KQ1` },
      ],
    );
    // Someone else's document cannot be taken.
    const stranger = await desk.request('POST', `/api/applications/${second.id}/documents/1/reuse`, {
      source: 'prior_application',
      code: 'NOT-A-CODE-1',
      position: 1,
    });
    assert.equal(stranger.statusCode, 422);
    const rates = (
      await leader.request(
        'GET',
        `/api/reports/digitization?unitId=${communeId}&from=2026-12-01&to=2026-12-31`,
      )
    ).json();
    assert.equal(rates.total.componentsReused, 2);
    assert.equal(rates.total.received, 2);
  });
});
