import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { counterFile, createTestApp, deskOfficers, type Session, type TestApp } from '../../../test/app.ts';
import { multipart } from '../../../test/multipart.ts';
import { storeLabel } from '../../../test/store.ts';
import { scan } from '../../../test/uploads.ts';

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

describe(`outgoing register: numbering per UBND per Vietnam year; scanned results (${storeLabel})`, () => {
  let t: TestApp;
  let desk: Session;
  let leader: Session;
  let communeId: string;
  let pascId: string;
  let now = vn('2026-12-31 16:00');

  const register = async (symbol: string, title = 'Về việc báo cáo công tác cải cách hành chính') => {
    const form = multipart([
      { name: 'unitId', value: communeId },
      { name: 'kind', value: 'CÔNG VĂN' },
      { name: 'title', value: title },
      { name: 'symbol', value: symbol },
      { name: 'file', file: { bytes: await scan(title), fileName: 'van-ban.pdf', type: 'application/pdf' } },
    ]);
    return desk.request('POST', '/api/outgoing-documents', form.body, form.headers);
  };

  before(async () => {
    t = await createTestApp({}, { clock: () => now });
    ({ desk, leader, communeId, pascId } = await deskOfficers(t));
  });
  after(() => t.dispose());

  test('numbers run 01, 02 … through 31 December (Vietnam time) and restart at 01 on 1 January', async () => {
    const a = await register('UBND-VP');
    assert.equal(a.json().numberSymbol, '01/UBND-VP', a.body);
    now = vn('2026-12-31 23:59');
    assert.equal((await register('BC-UBND')).json().numberSymbol, '02/BC-UBND');
    now = vn('2027-01-01 00:01'); // still 31 December in UTC: the Vietnam date decides
    const first = await register('UBND-VP');
    assert.equal(first.json().numberSymbol, '01/UBND-VP');
    assert.equal(first.json().year, 2027);
    const list = (
      await leader.request('GET', `/api/outgoing-documents?unitId=${communeId}&from=2026-12-01&to=2027-01-31`)
    ).json();
    assert.deepEqual(
      list.items.map((d: { year: number; numberSymbol: string }) => `${d.year} ${d.numberSymbol}`),
      ['2026 01/UBND-VP', '2026 02/BC-UBND', '2027 01/UBND-VP'],
    );
  });

  test('only an issuing UBND numbers documents; a bad symbol or a non-PDF is named', async () => {
    const form = (fields: Record<string, string>, bytes: Uint8Array, type = 'application/pdf') =>
      multipart([
        ...Object.entries({
          unitId: communeId,
          kind: 'CÔNG VĂN',
          title: 'Về việc thử nghiệm',
          symbol: 'UBND-VP',
          ...fields,
        }).map(([name, value]) => ({ name, value })),
        { name: 'file', file: { bytes, fileName: 'x.pdf', type } },
      ]);
    const pdf = await scan('x');
    const cases: [Record<string, string>, Uint8Array, string][] = [
      [{ unitId: pascId }, pdf, '/body/unitId'],
      [{ symbol: 'qđ ubnd' }, pdf, '/body/symbol'],
      [{ title: 'x' }, pdf, '/body/title'],
      [{}, Buffer.from('MZ not a pdf at all, an executable'), '/body/file'],
    ];
    for (const [fields, bytes, field] of cases) {
      const { body, headers } = form(fields, bytes);
      const response = await desk.request('POST', '/api/outgoing-documents', body, headers);
      assert.ok([403, 422].includes(response.statusCode), `${field}: ${response.body}`);
      if (response.statusCode === 422) assert.equal(response.json().field, field);
    }
  });

  test('a result issued on paper is digitized as a scanned result and counts as digitized', async () => {
    now = vn('2027-01-04 09:00');
    const created = await desk.request('POST', '/api/applications', counterFile(pascId));
    const app = created.json().application;
    const { body, headers } = multipart([
      { name: 'kind', value: 'GIẤY XÁC NHẬN' },
      { name: 'title', value: 'Giấy xác nhận bản giấy đã ký' },
      {
        name: 'file',
        file: { bytes: await scan('Kết quả giấy', 2), fileName: 'kq.pdf', type: 'application/pdf' },
      },
    ]);
    const response = await desk.request('POST', `/api/applications/${app.id}/results/scan`, body, headers);
    assert.equal(response.statusCode, 201, response.body);
    const records = (await desk.request('GET', `/api/applications/${app.id}/records`)).json();
    assert.deepEqual(
      records.results.map((r: { resultCode: string; status: string; pages: number }) => [
        r.resultCode,
        r.status,
        r.pages,
      ]),
      [[`${app.code}-KQ1`, 'scanned', 2]],
    );
    const file = await desk.request('GET', `/api/applications/${app.id}/results/1/file`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
  });
});
