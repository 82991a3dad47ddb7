import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headerRows, leaves, SUMMARY_COLUMNS, type ColumnNode } from './columns.ts';

void test('the statistics’ headings lay out on three rows, each row as wide as the table', () => {
  const rows = headerRows(SUMMARY_COLUMNS);
  assert.equal(rows.length, 3);
  const width = leaves(SUMMARY_COLUMNS).length;
  // Besides the row headings' column: 20 figures, as in the XLSX.
  assert.equal(width, 20);
  // A row's width is its own cells plus the cells reaching down into it from above.
  const covered = rows.map(() => 0);
  rows.forEach((cells, level) => {
    for (const cell of cells)
      for (let r = level; r < level + cell.rowSpan; r += 1) covered[r]! += cell.colSpan;
  });
  assert.deepEqual(covered, [width, width, width]);
  assert.deepEqual(rows[0]!.map((c) => [c.id, c.colSpan, c.rowSpan, c.scope]).slice(0, 4), [
    ['g-received', 5, 1, 'colgroup'],
    ['g-resolved', 4, 1, 'colgroup'],
    ['g-open', 3, 1, 'colgroup'],
    ['rate-on-time', 1, 3, 'col'],
  ]);
  assert.deepEqual(
    rows[1]!
      .filter((c) => c.id.startsWith('g-') || c.id === 'received')
      .map((c) => [c.id, c.colSpan, c.rowSpan]),
    [
      ['received', 1, 2],
      ['g-new', 3, 1],
    ],
  );
  assert.deepEqual(
    rows[2]!.map((c) => c.id),
    ['new_counter', 'new_online', 'new_postal'],
  );
});

void test('each value cell names every heading above it', () => {
  const byId = new Map(leaves(SUMMARY_COLUMNS).map((l) => [l.id, l]));
  assert.deepEqual(byId.get('new_online')?.headers, ['g-received', 'g-new', 'new_online']);
  assert.deepEqual(byId.get('late')?.headers, ['g-resolved', 'late']);
  assert.deepEqual(byId.get('average-days')?.headers, ['average-days']);
  assert.deepEqual(byId.get('late')?.value, { figure: 'late' });
});

void test('the columns follow the XLSX the server writes', () => {
  assert.deepEqual(
    leaves(SUMMARY_COLUMNS).map((l) => l.id),
    [
      'received',
      'carried',
      'new_counter',
      'new_online',
      'new_postal',
      'resolved',
      'early',
      'on_time',
      'late',
      'in_progress',
      'within_time',
      'overdue',
      'rate-on-time',
      'supplements',
      'apologies',
      'postal_returned',
      'rate-digitized',
      'rate-online',
      'rate-satisfaction',
      'average-days',
    ],
  );
});

void test('a column with neither children nor a value is a mistake', () => {
  const broken: ColumnNode<number>[] = [{ id: 'x', label: 'stats.col.total' }];
  assert.throws(() => leaves(broken), /neither children nor a value/);
  assert.deepEqual(headerRows<number>([]), []);
});
