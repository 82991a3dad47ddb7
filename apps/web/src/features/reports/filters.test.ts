import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filtersFromSearch, filtersQuery } from './filters.ts';
import { periodKey } from './period.ts';

const defaults = { unitId: 'u-1', today: '2025-05-20', kind: 'month' as const };

void test('an empty address gives the first unit, the month so far, by unit, with the units below', () => {
  const f = filtersFromSearch('', defaults);
  assert.equal(f.unitId, 'u-1');
  assert.equal(periodKey(f.period), '2025-05');
  assert.equal(f.by, 'unit');
  assert.equal(f.below, true);
  assert.equal(f.history, false);
});

void test('the query written to the address reads back the same filters', () => {
  const search = '?unitId=u-2&period=2024-Q4&by=procedure&below=false&history=true';
  const f = filtersFromSearch(search, defaults);
  assert.equal(filtersQuery(f, { by: true }), search.slice(1));
  assert.deepEqual(filtersFromSearch(filtersQuery(f, { by: true }), defaults), f);
  // The index has no breakdown.
  assert.equal(filtersQuery(f, { by: false }), 'unitId=u-2&period=2024-Q4&below=false&history=true');
});

void test('unreadable values fall back to the defaults', () => {
  const f = filtersFromSearch('?period=2024-Q9&by=colour&below=maybe', defaults);
  assert.equal(periodKey(f.period), '2025-05');
  assert.equal(f.by, 'unit');
  assert.equal(f.below, true);
});

void test('a custom range travels as from and to', () => {
  const f = filtersFromSearch('?unitId=u-1&from=2024-01-05&to=2024-02-10', defaults);
  assert.equal(f.period.kind, 'custom');
  assert.match(filtersQuery(f, { by: true }), /from=2024-01-05&to=2024-02-10/);
});
