import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type Session } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';

describe(`units (${storeLabel})`, () => {
  let t: TestApp;
  let admin: Session;
  before(async () => {
    t = await createTestApp();
    admin = await t.login('quantri');
  });
  after(() => t.dispose());

  const names = (items: { name: string }[]) => items.map((u) => u.name);

  test('on 30/06/2025 the three-level structure: Lâm Hà district with its 16 communes and towns', async () => {
    const response = await admin.request('GET', '/api/units?at=2025-06-30');
    const items = response.json().items as { name: string; kind: string; parentId: string }[];
    const district = t.unit('676');
    assert.ok(names(items).includes('Huyện Lâm Hà'));
    assert.equal(
      items.filter((u) => u.parentId === district.id && ['commune', 'town'].includes(u.kind)).length,
      16,
    );
    assert.ok(!names(items).includes('Xã Đinh Văn Lâm Hà'));
  });

  test('from 01/07/2025 the two-level structure: six successor communes directly under the province', async () => {
    const response = await admin.request('GET', '/api/units?at=2025-07-01&kind=commune');
    const province = t.unit('68');
    const lamHa = (response.json().items as { name: string; parentId: string }[]).filter((u) =>
      u.name.endsWith('Lâm Hà'),
    );
    assert.equal(lamHa.length, 6);
    assert.ok(lamHa.every((u) => u.parentId === province.id));
    assert.ok(!names(response.json().items).includes('Huyện Lâm Hà'));
  });

  test('the merge map: Nam Ban Lâm Hà was formed from Nam Ban, Đông Thanh, Mê Linh and Gia Lâm', async () => {
    const namBan = t.unit('24868', '2025-07-01');
    const response = await admin.request('GET', `/api/units/${namBan.id}`);
    const predecessors = response
      .json()
      .predecessorIds.map((id: string) => t.units.find((u) => u.id === id)!.name)
      .sort();
    assert.deepEqual(predecessors, ['Thị trấn Nam Ban', 'Xã Gia Lâm', 'Xã Mê Linh', 'Xã Đông Thanh'].sort());
    const oldTown = t.unit('24868', null);
    assert.deepEqual((await admin.request('GET', `/api/units/${oldTown.id}`)).json().successorIds, [
      namBan.id,
    ]);
  });

  test('every one of the 16 old units has exactly one successor, and Bình Thạnh joined Đinh Văn Lâm Hà', async () => {
    const old = t.units.filter((u) => u.validTo === '2025-06-30' && ['commune', 'town'].includes(u.kind));
    assert.equal(old.length, 17);
    assert.ok(old.every((u) => u.successorIds.length === 1));
    const binhThanh = t.unit('24970');
    assert.equal(binhThanh.successorIds[0], t.unit('24871', '2025-07-01').id);
  });

  test('an administrator adds another province and a commune under it; the audit trail records both', async () => {
    const vn = t.unit('VN');
    const province = await admin.request('POST', '/api/units', {
      code: '99',
      name: 'Tỉnh Thử Nghiệm',
      kind: 'province',
      parentId: vn.id,
      validTo: '2025-06-30',
      source: 'test',
    });
    assert.equal(province.statusCode, 201, province.body);
    assert.equal(province.json().provinceCode, '99');
    const commune = await admin.request('POST', '/api/units', {
      code: '99999',
      name: 'Xã Thử Nghiệm',
      kind: 'commune',
      parentId: province.json().id,
      validTo: '2025-06-30',
    });
    assert.equal(commune.statusCode, 201, commune.body);
    const audit = await admin.request('GET', '/api/audit?provinceCode=99');
    assert.deepEqual(
      audit.json().items.map((i: { action: string }) => i.action),
      ['unit.created', 'unit.created'],
    );
  });

  test('a duplicate code from the same date is a 409 naming the field', async () => {
    const response = await admin.request('POST', '/api/units', {
      code: '24871',
      name: 'Trùng',
      kind: 'commune',
      parentId: t.unit('68').id,
      validFrom: '2025-07-01',
    });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().field, '/body/code');
  });

  test('structure rules: no town directly under a province, no child outliving its parent', async () => {
    const town = await admin.request('POST', '/api/units', {
      name: 'Thị trấn Lạc',
      kind: 'town',
      parentId: t.unit('68').id,
    });
    assert.equal(town.statusCode, 422);
    assert.equal(town.json().field, '/body/kind');
    const late = await admin.request('POST', '/api/units', {
      name: 'Xã Mới',
      kind: 'commune',
      parentId: t.unit('676').id,
      validFrom: '2025-08-01',
    });
    assert.equal(late.statusCode, 422);
    assert.equal(late.json().field, '/body/validFrom');
  });

  test('a unit formed from predecessors records the links on its start date', async () => {
    const a = t.unit('24880');
    const response = await admin.request('POST', '/api/units', {
      name: 'Xã Hợp Nhất Thử',
      kind: 'commune',
      parentId: t.unit('68').id,
      validFrom: '2026-01-01',
      predecessorIds: [a.id],
    });
    assert.equal(response.statusCode, 201, response.body);
    const link = await t.app.store.db
      .selectFrom('unit_links')
      .selectAll()
      .where('successor_id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    assert.equal(link.effective_on, '2026-01-01');
  });

  test('names are stored in NFC', async () => {
    const decomposed = 'Xã Thử Nghiệm Hai'.normalize('NFD');
    const response = await admin.request('POST', '/api/units', {
      name: decomposed,
      kind: 'commune',
      parentId: t.unit('68').id,
    });
    assert.equal(response.json().name, 'Xã Thử Nghiệm Hai'.normalize('NFC'));
  });

  test('an administrator renames and closes a unit', async () => {
    const created = (
      await admin.request('POST', '/api/units', {
        name: 'Xã Tạm',
        kind: 'commune',
        parentId: t.unit('68').id,
        validFrom: '2026-01-01',
      })
    ).json();
    const patched = await admin.request('PATCH', `/api/units/${created.id}`, {
      name: 'Xã Tạm Thời',
      validTo: '2026-12-31',
    });
    assert.equal(patched.statusCode, 200);
    assert.equal(patched.json().validTo, '2026-12-31');
    const bad = await admin.request('PATCH', `/api/units/${created.id}`, { validTo: '2025-01-01' });
    assert.equal(bad.statusCode, 422);
  });
});
