import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canNest, fitsWithin, isValidOn, validityProblem } from './units.ts';
import { indexTree } from './tree.ts';

test('a district existed until 30/06/2025 inclusive and not on 01/07/2025', () => {
  const district = { validFrom: '1987-10-28', validTo: '2025-06-30' };
  assert.equal(isValidOn(district, '2025-06-30'), true);
  assert.equal(isValidOn(district, '2025-07-01'), false);
  assert.equal(isValidOn(district, '1987-10-27'), false);
});

test('open-ended validity covers any date', () => {
  assert.equal(isValidOn({ validFrom: null, validTo: null }, '1900-01-01'), true);
});

test('both structures nest: communes under a district (3 levels) or directly under a province (2 levels)', () => {
  assert.equal(canNest('commune', 'district'), true);
  assert.equal(canNest('commune', 'province'), true);
  assert.equal(canNest('town', 'province'), false);
  assert.equal(canNest('province', 'country'), true);
  assert.equal(canNest('district', 'commune'), false);
  assert.equal(canNest('department', 'pasc'), true);
});

test('validity must be ordered and lie within the parent', () => {
  assert.equal(
    validityProblem({ validFrom: '2025-07-01', validTo: '2025-06-30' }),
    'validTo is before validFrom',
  );
  assert.equal(
    fitsWithin(
      { validFrom: '2020-01-01', validTo: '2025-06-30' },
      { validFrom: null, validTo: '2025-06-30' },
    ),
    true,
  );
  assert.equal(
    fitsWithin({ validFrom: '2025-07-01', validTo: null }, { validFrom: null, validTo: '2025-06-30' }),
    false,
  );
});

test('the tree index gives root-first paths and survives a cycle', () => {
  const tree = indexTree([
    { id: 'vn', parentId: null, kind: 'country' },
    { id: 'p', parentId: 'vn', kind: 'province' },
    { id: 'c', parentId: 'p', kind: 'commune' },
    { id: 'x', parentId: 'y', kind: 'commune' },
    { id: 'y', parentId: 'x', kind: 'commune' },
  ]);
  assert.deepEqual(
    tree.pathTo('c')?.map((s) => s.id),
    ['vn', 'p', 'c'],
  );
  assert.equal(tree.pathTo('x'), undefined);
  assert.equal(tree.isAncestorOrSelf('p', 'c'), true);
});
