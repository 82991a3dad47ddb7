import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createTestApp, deskOfficers, type Session, type TestApp } from '../../../test/app.ts';
import { birthFiling, citizenSignIn, offerFullOnline, postParts } from '../../../test/citizens.ts';
import { scan } from '../../../test/uploads.ts';
import { storeLabel } from '../../../test/store.ts';

interface Detail {
  id: string;
  code: string;
  state: string;
  portalStatus: number;
  version: number;
  waitingForMe: boolean;
  requested: string[];
  documents: { position: number; name: string; fileName: string }[];
  steps: { action: string; reason: string | null }[];
  dueAt: string | null;
}

/** Every file under the store's root, to prove a refused upload left nothing behind. */
const storedFiles = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();

describe(`online filing: form, documents, the desk's check, supplement keeping the code (${storeLabel})`, () => {
  let t: TestApp;
  let desk: Session;
  let leader: Session;
  let specialist: Session;
  let specialistId: string;
  let hoa: Session;
  let other: Session;
  let communeId: string;
  let id: string;
  let code: string;
  const codes = new Map<string, string>();

  before(async () => {
    t = await createTestApp({ maxUploadMb: 1 }, { devMailbox: (to, c) => codes.set(to, c) });
    ({ desk, communeId, leader, specialist, specialistId } = await deskOfficers(t));
    await offerFullOnline(await t.login('quantri'), '1.001193');
    hoa = await citizenSignIn(t, codes, 'hoa.nguyen@example.vn', 'Nguyễn Thị Hoa');
    other = await citizenSignIn(t, codes, '0912345678', 'Lê Văn Khác');
  });
  after(() => t.dispose());

  test('the form is public: the declaration as fields, the uploads, where to file, how to receive', async () => {
    const response = await t.app.server.inject({
      method: 'GET',
      url: '/api/procedures/1.001193/online-form',
    });
    assert.equal(response.statusCode, 200, response.body);
    const form = response.json<{
      fields: { key: string }[];
      uploads: { name: string; required: boolean }[];
      returnChannels: string[];
      units: { id: string; name: string }[];
    }>();
    assert.ok(form.fields.some((f) => f.key === 'child_full_name'));
    assert.deepEqual(form.uploads[0], {
      name: 'Giấy chứng sinh',
      required: true,
      note: 'không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh',
    });
    assert.deepEqual(form.returnChannels, ['online', 'post', 'counter']);
    assert.ok(form.units.some((u) => u.id === communeId && u.name === 'Xã Đinh Văn Lâm Hà'));
    // A partial service ends on paper: no online return offered.
    const partial = (
      await t.app.server.inject({ method: 'GET', url: '/api/procedures/1.000656/online-form' })
    ).json<{
      returnChannels: string[];
    }>();
    assert.deepEqual(partial.returnChannels, ['counter', 'post']);
  });

  test('filing needs a citizen session and its CSRF token', async () => {
    const parts = await birthFiling(communeId);
    const anonymous = await postParts(
      {
        ...hoa,
        request: (m, u, b, h) =>
          t.app.server.inject({ method: m as 'POST', url: u, payload: b as Buffer, headers: h ?? {} }),
      },
      '/api/citizen/applications',
      parts,
    );
    assert.equal(anonymous.statusCode, 401);
    const noToken = await postParts(
      { ...hoa, request: (m, u, b, h) => hoa.request(m, u, b, { ...h, 'x-csrf-token': 'wrong' }) },
      '/api/citizen/applications',
      parts,
    );
    assert.equal(noToken.statusCode, 403);
  });

  test('a birth registration filed online with two documents is status 1 with its code', async () => {
    const response = await postParts(hoa, '/api/citizen/applications', await birthFiling(communeId));
    assert.equal(response.statusCode, 201, response.body);
    ({ id, code } = response.json<{ id: string; code: string }>());
    const detail = (await hoa.request('GET', `/api/citizen/applications/${id}`)).json<Detail>();
    assert.equal(detail.state, 'submitted');
    assert.equal(detail.portalStatus, 1);
    assert.equal(detail.code, code);
    assert.equal(detail.dueAt, null, 'the clock starts when the desk receives it');
    assert.deepEqual(
      detail.documents.map((d) => [d.position, d.name]),
      [
        [1, 'Giấy chứng sinh'],
        [2, 'Giấy tờ tùy thân của người đi đăng ký (ảnh chụp hoặc bản quét)'],
      ],
    );
    const doc = await hoa.request('GET', `/api/citizen/applications/${id}/documents/1`);
    assert.equal(doc.statusCode, 200);
    assert.equal(doc.headers['content-type'], 'application/pdf');
    // The desk sees it among the new online files, with both documents already digitized.
    const queue = (await desk.request('GET', `/api/applications?unitId=${communeId}&state=submitted`)).json<{
      items: { id: string; allowedActions: string[] }[];
    }>();
    const mine = queue.items.find((a) => a.id === id)!;
    assert.ok(mine.allowedActions.includes('receive'));
    const records = (await desk.request('GET', `/api/applications/${id}/records`)).json<{
      components: { digitized: boolean }[];
    }>();
    assert.deepEqual(
      records.components.map((c) => c.digitized),
      [true, true],
    );
  });

  test('another citizen can neither see nor change the file', async () => {
    for (const url of [`/api/citizen/applications/${id}`, `/api/citizen/applications/${id}/documents/1`])
      assert.equal((await other.request('GET', url)).statusCode, 404, url);
    const list = (await other.request('GET', '/api/citizen/applications')).json<{ items: unknown[] }>();
    assert.equal(list.items.length, 0);
    const supplement = await postParts(other, `/api/citizen/applications/${id}/supplement`, [
      { name: 'version', value: '1' },
      { name: 'doc_1', file: { bytes: await scan('x'), fileName: 'x.pdf', type: 'application/pdf' } },
    ]);
    assert.equal(supplement.statusCode, 404);
  });

  test('missing fields and documents are named; a wrong type or size is refused and nothing is kept', async () => {
    const before = storedFiles(t.filesRoot);
    const missing = await postParts(
      hoa,
      '/api/citizen/applications',
      (await birthFiling(communeId, { files: [] })).filter((p) => p.name !== 'field.child_full_name'),
    );
    assert.equal(missing.statusCode, 422);
    assert.equal(missing.json<{ field: string }>().field, '/body/field.child_full_name');
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200)]);
    const wrongType = await postParts(
      hoa,
      '/api/citizen/applications',
      await birthFiling(communeId, {
        files: [
          {
            name: 'doc_1',
            file: { bytes: await scan('ok'), fileName: 'giay-chung-sinh.pdf', type: 'application/pdf' },
          },
          { name: 'doc_2', file: { bytes: exe, fileName: 'can-cuoc.pdf', type: 'application/pdf' } },
        ],
      }),
    );
    assert.equal(wrongType.statusCode, 422, wrongType.body);
    const problem = wrongType.json<{ field: string; detail: string }>();
    assert.equal(problem.field, '/body/doc_2');
    assert.match(problem.detail, /^Giấy tờ tùy thân .*: .*(PDF|JPEG|PNG)/);
    const tooBig = await postParts(
      hoa,
      '/api/citizen/applications',
      await birthFiling(communeId, {
        files: [
          {
            name: 'doc_1',
            file: { bytes: Buffer.alloc(1024 * 1024 + 10, 1), fileName: 'lon.pdf', type: 'application/pdf' },
          },
        ],
      }),
    );
    assert.equal(tooBig.statusCode, 413);
    assert.match(tooBig.json<{ title: string }>().title, /quá lớn/);
    assert.deepEqual(storedFiles(t.filesRoot), before, 'no file kept');
  });

  test('the desk asks once for a document; the citizen adds it online and the code stays', async () => {
    const get = async () => (await hoa.request('GET', `/api/citizen/applications/${id}`)).json<Detail>();
    const ask = await desk.request('POST', `/api/applications/${id}/actions`, {
      action: 'request_pre_receipt_supplement',
      version: (await get()).version,
      reason: 'Người đi đăng ký là người được ủy quyền: cần văn bản ủy quyền',
      documents: [{ name: 'Văn bản ủy quyền', copyType: 'original', quantity: 1 }],
    });
    assert.equal(ask.statusCode, 200, ask.body);
    const waiting = await get();
    assert.equal(waiting.portalStatus, 5);
    assert.equal(waiting.waitingForMe, true);
    assert.deepEqual(waiting.requested, ['Văn bản ủy quyền']);
    assert.match(waiting.steps.at(-1)!.reason!, /văn bản ủy quyền/);

    const stale = await postParts(hoa, `/api/citizen/applications/${id}/supplement`, [
      { name: 'version', value: String(waiting.version - 1) },
      {
        name: 'doc_1',
        file: { bytes: await scan('Ủy quyền'), fileName: 'uy-quyen.pdf', type: 'application/pdf' },
      },
    ]);
    assert.equal(stale.statusCode, 409);
    const added = await postParts(hoa, `/api/citizen/applications/${id}/supplement`, [
      { name: 'version', value: String(waiting.version) },
      {
        name: 'doc_1',
        file: { bytes: await scan('Ủy quyền'), fileName: 'uy-quyen.pdf', type: 'application/pdf' },
      },
    ]);
    assert.equal(added.statusCode, 200, added.body);
    const back = await get();
    assert.equal(back.code, code);
    assert.equal(back.portalStatus, 1);
    assert.deepEqual(back.documents.map((d) => d.name).at(-1), 'Văn bản ủy quyền');
    assert.equal(back.documents.length, 3);

    // Guidance before receipt is given once (Decree 61/2018 art. 19, 118/2025).
    const again = await desk.request('POST', `/api/applications/${id}/actions`, {
      action: 'request_pre_receipt_supplement',
      version: back.version,
      reason: 'Lần hai',
    });
    assert.equal(again.statusCode, 409);
    const received = await desk.request('POST', `/api/applications/${id}/actions`, {
      action: 'receive',
      version: back.version,
    });
    assert.equal(received.statusCode, 200, received.body);
    const after = await get();
    assert.equal(after.portalStatus, 2);
    assert.ok(after.dueAt, 'receiving starts the legal time');
    // Nothing to supplement now.
    const late = await postParts(hoa, `/api/citizen/applications/${id}/supplement`, [
      { name: 'version', value: String(after.version) },
      { name: 'doc_1', file: { bytes: await scan('x'), fileName: 'x.pdf', type: 'application/pdf' } },
    ]);
    assert.equal(late.statusCode, 409);
  });

  test('a result is not returned online before a signed e-result exists', async () => {
    const step = async (who: Session, action: string, extra: Record<string, unknown> = {}) => {
      const version = (await hoa.request('GET', `/api/citizen/applications/${id}`)).json<Detail>().version;
      return who.request('POST', `/api/applications/${id}/actions`, { action, version, ...extra });
    };
    assert.equal((await step(desk, 'transfer', { decidingUnitId: communeId })).statusCode, 200);
    assert.equal((await step(leader, 'assign', { assigneeId: specialistId })).statusCode, 200);
    assert.equal((await step(specialist, 'submit_for_approval')).statusCode, 200);
    assert.equal((await step(leader, 'approve')).statusCode, 200);
    const online = await step(desk, 'return_result', { channel: 'online' });
    assert.equal(online.statusCode, 409, online.body);
    assert.equal(online.json<{ field: string }>().field, '/body/channel');
    assert.match(online.json<{ detail: string }>().detail, /Chưa có kết quả điện tử/);
    assert.equal((await step(desk, 'return_result', { channel: 'counter' })).statusCode, 200);
  });

  test('the form is data: the catalogue manager changes it, others may not, a bad definition is named', async () => {
    const admin = await t.login('quantri');
    const form = {
      fields: [
        {
          key: 'so_ban_sao',
          label: { vi: 'Số bản sao', en: 'Copies' },
          type: 'text',
          required: true,
          maxLength: 3,
        },
      ],
      uploads: [{ name: 'Giấy báo tử', required: true }],
      source: 'test',
    };
    assert.equal((await desk.request('PUT', '/api/procedures/1.000656/online-form', form)).statusCode, 403);
    const dup = { ...form, fields: [form.fields[0], form.fields[0]] };
    const refused = await admin.request('PUT', '/api/procedures/1.000656/online-form', dup);
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json<{ field: string }>().field, '/body/fields/1/key');
    const saved = await admin.request('PUT', '/api/procedures/1.000656/online-form', form);
    assert.equal(saved.statusCode, 200, saved.body);
    const read = (
      await t.app.server.inject({ method: 'GET', url: '/api/procedures/1.000656/online-form' })
    ).json<{
      fields: { key: string }[];
    }>();
    assert.deepEqual(
      read.fields.map((f) => f.key),
      ['so_ban_sao'],
    );
  });
});
