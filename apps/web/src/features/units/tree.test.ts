import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Unit } from '@motcua/contracts';
import { buildTree, countUnits, filterTree, flattenTree, searchKey } from './tree.ts';

function unit(
  id: string,
  name: string,
  kind: Unit['kind'],
  parentId: string | null,
  code: string | null,
): Unit {
  return {
    id,
    code,
    name,
    nameEn: null,
    kind,
    parentId,
    provinceCode: '68',
    validFrom: null,
    validTo: null,
    predecessorIds: [],
    successorIds: [],
    source: null,
    identityCode: null,
  };
}

const units = [
  unit('c2', 'Xã Tân Văn', 'commune', 'd', '24910'),
  unit('dep', 'Bộ phận Tiếp nhận và Trả kết quả', 'department', 'd', null),
  unit('c1', 'Thị trấn Đinh Văn', 'town', 'd', '24871'),
  unit('d', 'Huyện Lâm Hà', 'district', 'p', '676'),
  unit('p', 'Tỉnh Lâm Đồng', 'province', 'vn', '68'),
];

void test('a unit whose parent is out of reach becomes a root; children sort by code, organisations last', () => {
  const tree = buildTree(units);
  assert.equal(tree.length, 1);
  assert.equal(tree[0]?.unit.name, 'Tỉnh Lâm Đồng');
  const names = flattenTree(tree).map(({ unit, depth }) => `${depth}:${unit.name}`);
  assert.deepEqual(names, [
    '0:Tỉnh Lâm Đồng',
    '1:Huyện Lâm Hà',
    '2:Thị trấn Đinh Văn',
    '2:Xã Tân Văn',
    '2:Bộ phận Tiếp nhận và Trả kết quả',
  ]);
  assert.equal(countUnits(tree), 5);
});

void test('the filter ignores diacritics and keeps the ancestors of a match', () => {
  assert.equal(searchKey('Đinh Văn'), 'dinh van');
  const shown = flattenTree(filterTree(buildTree(units), 'dinh van')).map(({ unit }) => unit.name);
  assert.deepEqual(shown, ['Tỉnh Lâm Đồng', 'Huyện Lâm Hà', 'Thị trấn Đinh Văn']);
  assert.equal(countUnits(filterTree(buildTree(units), '24910')), 3);
  assert.equal(filterTree(buildTree(units), 'không có').length, 0);
});
