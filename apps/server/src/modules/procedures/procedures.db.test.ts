import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Session, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { hashPassword } from '../auth/password.ts';
import { usersRepository } from '../users/users.repository.ts';
import { CATALOG } from './data/catalog.ts';
import { aProcedure } from './procedures.builders.ts';
import { seedProcedureCatalog } from './procedures.seed.ts';

const HO_TICH = CATALOG.filter((e) => e.field === 'Hộ tịch').length;

describe(`procedure catalogue (${storeLabel})`, () => {
  let t: TestApp;
  let admin: Session;
  const anonymous = (url: string) => t.app.server.inject({ method: 'GET', url });
  const search = async (query: string) => {
    const response = await anonymous(`/api/procedures?${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<{
      items: { code: string; name: string; field: string; levels: string[] }[];
      total: number;
    }>();
  };
  const codes = (items: { code: string }[]) => items.map((i) => i.code);

  before(async () => {
    t = await createTestApp();
    await seedProcedureCatalog(t.app.store.db);
    admin = await t.login('quantri');
  });
  after(() => t.dispose());

  test('the seed adds every procedure of vn-data §3 once, with one audit record, and is idempotent', async () => {
    assert.equal((await seedProcedureCatalog(t.app.store.db)).added, 0);
    assert.equal((await search('limit=200')).total, CATALOG.length);
    const audit = await admin.request('GET', '/api/audit?provinceCode=00');
    const seeds = audit.json().items.filter((i: { action: string }) => i.action === 'seed.procedures');
    assert.equal(seeds.length, 1);
    assert.equal(seeds[0].details.added, CATALOG.length);
  });

  test('the seed keeps the portal’s texts: a bare number is flagged, "—" is stored as none', async () => {
    const birth = (await anonymous('/api/procedures/1.001193')).json();
    assert.deepEqual(
      [birth.timeAmount, birth.timeUnit, birth.timeUnitUnstated, birth.timeText],
      [1, null, true, '1'],
    );
    assert.equal(birth.documentsSource, 'illustrative — verify against the national database');
    const copy = (await anonymous('/api/procedures/2.000815')).json();
    assert.deepEqual(
      [copy.timeUnit, copy.timeAmount, copy.cutoffHour, copy.feeAmount],
      ['none', null, 15, 2000],
    );
    assert.equal(copy.feeText, '2,000 đ/trang (từ trang 3: 1,000 đ; tối đa 200,000 đ/bản)');
    const residence = (await anonymous('/api/procedures/1.003197')).json();
    assert.deepEqual([residence.feeAmount, residence.feeText], [null, 'Không có thông tin']);
    assert.deepEqual((await anonymous('/api/procedures/2.001159')).json().timeUnit, 'hours');
    assert.deepEqual((await anonymous('/api/procedures/1.000656')).json().documents.length, 4);
    assert.deepEqual((await anonymous('/api/procedures/1.004222')).json().documents, []);
  });

  describe('search', () => {
    test('"dang ky khai sinh" without diacritics ranks Đăng ký khai sinh (1.001193) first', async () => {
      assert.equal((await search('q=dang ky khai sinh')).items[0]!.code, '1.001193');
    });
    test('with diacritics, in NFC or NFD, the same', async () => {
      assert.equal((await search(`q=${encodeURIComponent('Đăng ký khai sinh')}`)).items[0]!.code, '1.001193');
      const nfd = encodeURIComponent('Đăng ký khai sinh'.normalize('NFD'));
      assert.equal((await search(`q=${nfd}`)).items[0]!.code, '1.001193');
    });
    test('a typo ("dang ki khai sinh") still ranks it first, the other birth registrations after', async () => {
      const { items } = await search('q=dang ki khai sinh');
      assert.equal(items[0]!.code, '1.001193');
      assert.ok(codes(items).includes('1.004884'), 'Đăng ký lại khai sinh is found too');
    });
    test('a shorter exact name beats longer names containing it: "ket hon" → Đăng ký kết hôn', async () => {
      assert.deepEqual(codes((await search('q=ket hon&limit=2')).items), ['1.000894', '1.004746']);
    });
    test('a code prefix lists the codes that start with it, in code order', async () => {
      assert.deepEqual(codes((await search('q=1.0011')).items), ['1.001193']);
      assert.deepEqual(codes((await search('q=2.0008')).items), ['2.000806', '2.000815', '2.000884']);
    });
    test('a field filter (with or without diacritics) narrows the hits', async () => {
      const inField = await search(`q=ban sao&field=${encodeURIComponent('Chứng thực')}`);
      assert.ok(inField.total > 0 && inField.items.every((i) => i.field === 'Chứng thực'));
      assert.ok(!codes(inField.items).includes('2.000635'), 'the Hộ tịch copy procedure is filtered out');
      assert.ok(codes((await search('q=ban sao')).items).includes('2.000635'));
      assert.equal((await search('field=ho tich&limit=200')).total, HO_TICH);
    });
    test('a level filter keeps procedures applying at that level', async () => {
      const { items, total } = await search('level=province&limit=200');
      assert.equal(total, CATALOG.filter((e) => e.levels.includes('province')).length);
      assert.ok(items.every((i) => i.levels.includes('province')));
    });
    test('paging: limit and offset over a stable order, total counts every hit', async () => {
      const all = await search('q=dang ky&limit=50');
      const page = await search('q=dang ky&limit=3&offset=3');
      assert.deepEqual(codes(page.items), codes(all.items.slice(3, 6)));
      assert.equal(page.total, all.total);
    });
    test('LIKE wildcards are text, not patterns', async () => {
      assert.equal((await search('q=%25%25')).total, 0);
      assert.equal((await search('q=_')).total, 0);
    });
    test('fields list every lĩnh vực with its count, in Vietnamese order', async () => {
      const { items } = (await anonymous('/api/procedures/fields')).json();
      const names = items.map((i: { field: string }) => i.field);
      assert.ok(
        names.indexOf('Cư trú') < names.indexOf('Đất đai') &&
          names.indexOf('Đất đai') < names.indexOf('Giảm nghèo'),
      );
      assert.equal(items.find((i: { field: string }) => i.field === 'Hộ tịch').count, HO_TICH);
    });
  });

  test('a change creates version 2; version 1 stays readable, with its own documents', async () => {
    const created = await admin.request('POST', '/api/procedures', aProcedure({ code: '9.900101' }));
    assert.equal(created.statusCode, 201, created.body);
    const v1 = created.json();
    const { code: _code, ...content } = aProcedure();
    const changed = await admin.request('PUT', '/api/procedures/9.900101', {
      ...content,
      timeAmount: 5,
      timeText: '5 ngày làm việc',
      documents: [],
      changeNote: 'Quyết định sửa đổi',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().version, 2);
    const versions = (await anonymous('/api/procedures/9.900101/versions')).json().items;
    assert.deepEqual(
      versions.map((v: { version: number }) => v.version),
      [1, 2],
    );
    assert.equal(versions[0].versionId, v1.versionId);
    assert.deepEqual([versions[0].timeAmount, versions[0].documents.length], [3, 1]);
    assert.equal((await anonymous('/api/procedures/9.900101')).json().versionId, changed.json().versionId);
    assert.equal((await t.app.services.procedures.findVersion(v1.versionId))!.timeAmount, 3);
    const same = await admin.request('PUT', '/api/procedures/9.900101', {
      ...content,
      timeAmount: 5,
      timeText: '5 ngày làm việc',
      documents: [],
    });
    assert.equal(same.json().version, 2, 'the same content again writes no version');
    const audit = (await admin.request('GET', '/api/audit?provinceCode=00')).json().items;
    const actions = audit
      .filter((i: { targetId: string }) => i.targetId === '9.900101')
      .map((i: { action: string }) => i.action);
    assert.deepEqual(actions.sort(), ['procedure.created', 'procedure.version_created']);
  });

  test('names are stored in NFC', async () => {
    const body = aProcedure({ name: 'Đăng ký thử nghiệm tổ hợp'.normalize('NFD') });
    const created = (await admin.request('POST', '/api/procedures', body)).json();
    assert.equal(created.name, 'Đăng ký thử nghiệm tổ hợp'.normalize('NFC'));
  });

  describe('validation errors are 4xx problems naming the field', () => {
    const cases: [string, Parameters<typeof aProcedure>[0], number, string][] = [
      ['an amount with the unit "none"', { timeUnit: 'none', timeAmount: 5 }, 422, '/body/timeAmount'],
      ['a unit without an amount', { timeUnit: 'days', timeAmount: null }, 422, '/body/timeAmount'],
      ['a cut-off hour of 24', { cutoffHour: 24 }, 400, '/body/cutoffHour'],
      ['the district level with no end date', { levels: ['district'] }, 422, '/body/levels'],
      [
        'the district level after 30/06/2025',
        { levels: ['district'], effectiveTo: '2025-07-01' },
        422,
        '/body/levels',
      ],
      ['an online channel without online service', { onlineLevel: 'none' }, 422, '/body/onlineLevel'],
      ['an online level without the online channel', { channels: ['counter'] }, 422, '/body/channels'],
      ['a malformed code', { code: '1001193' }, 400, '/body/code'],
      [
        'an end before the start',
        { effectiveFrom: '2025-01-02', effectiveTo: '2025-01-01' },
        422,
        '/body/effectiveTo',
      ],
    ];
    for (const [name, overrides, status, field] of cases) {
      test(name, async () => {
        const response = await admin.request('POST', '/api/procedures', aProcedure(overrides));
        assert.equal(response.statusCode, status, response.body);
        assert.match(String(response.headers['content-type']), /problem\+json/);
        assert.equal(response.json().field, field);
      });
    }
    test('the district level until 30/06/2025 is accepted', async () => {
      const response = await admin.request(
        'POST',
        '/api/procedures',
        aProcedure({ levels: ['district', 'commune'], effectiveTo: '2025-06-30' }),
      );
      assert.equal(response.statusCode, 201, response.body);
    });
    test('a code already in the catalogue is a 409 on /body/code; an unknown code a 404', async () => {
      const duplicate = await admin.request('POST', '/api/procedures', aProcedure({ code: '1.001193' }));
      assert.deepEqual([duplicate.statusCode, duplicate.json().field], [409, '/body/code']);
      const { code: _code, ...content } = aProcedure();
      assert.equal((await admin.request('PUT', '/api/procedures/9.999999', content)).statusCode, 404);
      assert.equal((await anonymous('/api/procedures/9.999999')).statusCode, 404);
      assert.equal((await anonymous('/api/procedures/abc')).statusCode, 400);
    });
  });

  describe('permissions', () => {
    test('anyone may read without signing in', async () => {
      for (const url of [
        '/api/procedures?q=khai',
        '/api/procedures/1.001193',
        '/api/procedures/1.001193/versions',
        '/api/procedures/fields',
      ]) {
        assert.equal((await anonymous(url)).statusCode, 200, url);
      }
    });
    test('a receptionist cannot create or change a procedure (403); anonymous gets 401', async () => {
      const receptionist = await t.login('motcua');
      assert.equal((await receptionist.request('POST', '/api/procedures', aProcedure())).statusCode, 403);
      const { code: _code, ...content } = aProcedure();
      assert.equal((await receptionist.request('PUT', '/api/procedures/1.001193', content)).statusCode, 403);
      const response = await t.app.server.inject({
        method: 'POST',
        url: '/api/procedures',
        payload: aProcedure(),
      });
      assert.equal(response.statusCode, 401);
    });
    test('the national catalogue is changed from the root only: a provincial administrator gets 403', async () => {
      const passwordHash = await hashPassword('province-admin-password');
      const province = t.unit('68');
      await usersRepository.insert(
        t.app.store.db,
        {
          username: 'qt.tinh',
          fullName: 'Quản trị tỉnh',
          unitId: province.id,
          passwordHash,
          isDemo: false,
          mustChangePassword: false,
        },
        [{ role: 'admin', unitId: province.id }],
      );
      const provincial = await t.login('qt.tinh', 'province-admin-password');
      const response = await provincial.request('POST', '/api/procedures', aProcedure());
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().detail, 'procedures.manage');
    });
  });
});
