import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  counterFile,
  createTestApp,
  deskOfficers,
  strangerDesk,
  type Session,
  type TestApp,
} from '../../../test/app.ts';
import { multipart } from '../../../test/multipart.ts';
import { storeLabel } from '../../../test/store.ts';
import { localFileStore } from '../files/file-store.ts';
import { listFiles, REFUSED_SAMPLES } from '../files/test-fixtures.ts';
import { scan, upload } from '../../../test/uploads.ts';
import { createDemoRootCa, issueSigningCertificate } from '../signatures/demo-pki.ts';
import { writePkcs12 } from '../signatures/pkcs12.ts';

describe(`records over HTTP: who may, upload fuzzing, signing keys (${storeLabel})`, () => {
  let t: TestApp;
  let desk: Session;
  let stranger: Session;
  let admin: Session;
  let leader: Session;
  let appId: string;
  let communeId: string;
  let parent: string;
  let store: string;
  const doc = (n = 1) => `/api/applications/${appId}/documents/${n}/file`;

  before(async () => {
    // The store in a folder of its own, so that "nothing written beside it" can be checked exactly.
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-fuzz-'));
    store = path.join(parent, 'store');
    t = await createTestApp({ maxUploadMb: 1 }, { files: localFileStore(store) });
    let pascId: string;
    ({ desk, leader, pascId, communeId } = await deskOfficers(t));
    stranger = await strangerDesk(t, 'motcua.khac');
    admin = await t.login('quantri');
    const response = await desk.request('POST', '/api/applications', counterFile(pascId));
    appId = response.json().application.id;
  });
  after(async () => {
    await t.dispose();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  test('a desk of another commune, and the administrator, neither read nor digitize the file', async () => {
    const pdf = await scan('Tờ khai');
    for (const s of [stranger, admin]) {
      assert.equal((await s.request('GET', `/api/applications/${appId}/records`)).statusCode, 403);
      assert.equal((await upload(s, doc(), pdf, 'a.pdf')).statusCode, 403);
      assert.equal((await s.request('GET', `/api/applications/${appId}/reusable`)).statusCode, 403);
      const reuse = await s.request('POST', `/api/applications/${appId}/documents/1/reuse`, {
        source: 'prior_application',
        code: 'X-0000-0001',
      });
      assert.equal(reuse.statusCode, 403);
    }
    assert.equal((await upload(desk, doc(), pdf, 'to-khai.pdf')).statusCode, 200);
    assert.equal((await stranger.request('GET', doc())).statusCode, 403);
  });

  test('reading the records of a file checks access once, for the scans and the results together', async () => {
    const applications = t.app.services.applications;
    const load = applications.load;
    let loads = 0;
    applications.load = (...args) => {
      loads += 1;
      return load(...args);
    };
    try {
      const read = await desk.request('GET', `/api/applications/${appId}/records`);
      assert.equal(read.statusCode, 200, read.body);
      assert.equal(read.json().components[0].file.mediaType, 'application/pdf');
      assert.equal(loads, 1);
    } finally {
      applications.load = load;
    }
  });

  test('upload fuzzing: wrong types, renamed executables, oversize, empty, path-like names — 4xx, nothing kept', async () => {
    const before = await listFiles(store);
    const cases: [string, Uint8Array, string, string, number][] = [
      ...Object.entries(REFUSED_SAMPLES).map(
        ([name, bytes]) =>
          [name, bytes, 'giay-to.pdf', 'application/pdf', 422] as [
            string,
            Uint8Array,
            string,
            string,
            number,
          ],
      ),
      ['zero bytes', new Uint8Array(0), 'rong.pdf', 'application/pdf', 422],
      [
        'oversized (1 MB limit)',
        Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024 + 10)]),
        'lon.pdf',
        'application/pdf',
        413,
      ],
      ['path-like name', await scan('x'), '../../etc/passwd', 'application/pdf', 422],
      ['backslash name', await scan('x'), '..\\..\\boot.ini', 'application/pdf', 422],
      ['declared type lies', await scan('x'), 'anh.png', 'image/png', 422],
      [
        'PDF with JavaScript',
        Buffer.from(
          '%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF',
        ),
        'js.pdf',
        'application/pdf',
        422,
      ],
      [
        'unreadable PDF',
        Buffer.from('%PDF-1.4\ngarbage without objects\n'),
        'hong.pdf',
        'application/pdf',
        422,
      ],
    ];
    for (const [name, bytes, fileName, type, status] of cases) {
      const response = await upload(desk, doc(), bytes, fileName, type);
      assert.equal(response.statusCode, status, `${name}: ${response.body}`);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/, name);
      if (status === 422) assert.match(response.json().field, /^\/body\/file/, name);
    }
    const notMultipart = await desk.request('POST', doc(), { file: 'x' });
    assert.equal(notMultipart.statusCode, 415);
    const noFile = multipart([{ name: 'note', value: 'không có tệp' }]);
    assert.equal((await desk.request('POST', doc(), noFile.body, noFile.headers)).statusCode, 422);
    const position = await upload(desk, doc(9), await scan('x'), 'x.pdf');
    assert.equal(position.statusCode, 422);
    assert.equal(position.json().field, '/params/position');
    assert.deepEqual(await listFiles(store), before, 'no refused upload is kept');
    assert.deepEqual(fs.readdirSync(parent), ['store'], 'nothing written beside the store');
  });

  test('the administrator configures PKCS#12 keys; the password is checked, never stored; others may not', async () => {
    const ca = await createDemoRootCa();
    const identity = await issueSigningCertificate(ca, {
      commonName: 'Lê Minh Đạo',
      organisation: 'UBND xã Đinh Văn Lâm Hà',
    });
    const p12 = await writePkcs12(identity, [ca.certificatePem], 'mã-pin-đúng');
    const leaderId = (await leader.request('GET', '/api/auth/me')).json().user.id;
    const form = (password: string) =>
      multipart([
        { name: 'ownerKind', value: 'person' },
        { name: 'unitId', value: communeId },
        { name: 'userId', value: leaderId },
        { name: 'password', value: password },
        { name: 'file', file: { bytes: p12, fileName: 'lanhdao.p12', type: 'application/x-pkcs12' } },
      ]);
    const wrong = form('sai');
    const refused = await admin.request('POST', '/api/signing-keys', wrong.body, wrong.headers);
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().field, '/body/password');
    const byDesk = form('mã-pin-đúng');
    assert.equal(
      (await desk.request('POST', '/api/signing-keys', byDesk.body, byDesk.headers)).statusCode,
      403,
    );
    const good = form('mã-pin-đúng');
    const created = await admin.request('POST', '/api/signing-keys', good.body, good.headers);
    assert.equal(created.statusCode, 201, created.body);
    const listed = (await admin.request('GET', `/api/signing-keys?unitId=${communeId}`)).json();
    assert.equal(listed.items.length, 1);
    assert.match(listed.items[0].subject, /Lê Minh Đạo/);
    const stored = await t.app.store.db.selectFrom('signing_keys').selectAll().execute();
    assert.ok(!JSON.stringify(stored).includes('mã-pin-đúng'), 'the PIN is not stored');
    const garbage = multipart([
      { name: 'file', file: { bytes: Buffer.from('not a certificate'), fileName: 'ca.pem' } },
    ]);
    const root = await admin.request('POST', '/api/trusted-roots', garbage.body, garbage.headers);
    assert.equal(root.statusCode, 422);
    const pem = multipart([
      { name: 'file', file: { bytes: Buffer.from(ca.certificatePem), fileName: 'ca.pem' } },
    ]);
    assert.equal((await admin.request('POST', '/api/trusted-roots', pem.body, pem.headers)).statusCode, 201);
    assert.equal((await admin.request('GET', '/api/trusted-roots')).json().items.length, 1);
    assert.equal((await desk.request('GET', '/api/trusted-roots')).statusCode, 403);
  });

  test('another document enters the outgoing register: numbered per year, counted as unsigned', async () => {
    const form = multipart([
      { name: 'unitId', value: communeId },
      { name: 'kind', value: 'CÔNG VĂN' },
      { name: 'title', value: 'Về việc rà soát thủ tục hành chính năm 2026' },
      { name: 'symbol', value: 'UBND-VP' },
      {
        name: 'file',
        file: { bytes: await scan('Công văn'), fileName: 'cong-van.pdf', type: 'application/pdf' },
      },
    ]);
    const created = await desk.request('POST', '/api/outgoing-documents', form.body, form.headers);
    assert.equal(created.statusCode, 201, created.body);
    assert.match(created.json().numberSymbol, /^01\/UBND-VP$/);
    assert.equal(created.json().signedDigitally, false);
    const file = await leader.request('GET', `/api/outgoing-documents/${created.json().id}/file`);
    assert.equal(file.statusCode, 200);
    assert.equal(
      (await stranger.request('GET', `/api/outgoing-documents/${created.json().id}/file`)).statusCode,
      403,
    );
  });
});
