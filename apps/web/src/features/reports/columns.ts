import type { SummaryLine } from '@motcua/contracts/reports';
import type { FileFigure } from '@motcua/domain/reports/figures';
import type { MessageKey } from '../../i18n/vi.ts';

/**
 * Grouped headings of a statistics table: a tree of columns whose leaves hold the values. The helpers below lay
 * the tree out as header rows (colspan / rowspan) and tie each cell to all its headings (`headers`), since a
 * screen reader cannot guess them in a table with headings on three rows.
 */
export interface ColumnNode<V> {
  id: string;
  label: MessageKey;
  /** A group of columns… */
  children?: ColumnNode<V>[];
  /** …or a leaf, with what it shows. */
  value?: V;
}

export interface HeaderCell {
  id: string;
  label: MessageKey;
  colSpan: number;
  rowSpan: number;
  scope: 'col' | 'colgroup';
}

export interface Leaf<V> {
  id: string;
  label: MessageKey;
  value: V;
  /** Ids of the headings over the leaf, outermost first, its own last. */
  headers: string[];
}

function depth<V>(nodes: readonly ColumnNode<V>[]): number {
  return Math.max(0, ...nodes.map((n) => (n.children ? 1 + depth(n.children) : 1)));
}

function width<V>(node: ColumnNode<V>): number {
  return node.children ? node.children.reduce((sum, child) => sum + width(child), 0) : 1;
}

/** Header rows, top first: a group spans its leaves, a leaf reaches down to the last row. */
export function headerRows<V>(nodes: readonly ColumnNode<V>[]): HeaderCell[][] {
  const rows = depth(nodes);
  const out: HeaderCell[][] = Array.from({ length: rows }, () => []);
  const place = (list: readonly ColumnNode<V>[], level: number) => {
    for (const node of list) {
      const group = node.children !== undefined;
      out[level]!.push({
        id: node.id,
        label: node.label,
        colSpan: width(node),
        rowSpan: group ? 1 : rows - level,
        scope: group ? 'colgroup' : 'col',
      });
      if (node.children) place(node.children, level + 1);
    }
  };
  place(nodes, 0);
  return out;
}

/** The leaves left to right, each with the ids of its headings. */
export function leaves<V>(nodes: readonly ColumnNode<V>[], above: string[] = []): Leaf<V>[] {
  return nodes.flatMap((node) => {
    const headers = [...above, node.id];
    if (node.children) return leaves(node.children, headers);
    if (node.value === undefined) throw new Error(`column ${node.id} has neither children nor a value`);
    return [{ id: node.id, label: node.label, value: node.value, headers }];
  });
}

/** What a cell of the statistics shows: a count with its files, a count without, a rate, or days. */
export type SummaryValue =
  | { figure: FileFigure }
  | { count: 'supplement_requests' | 'apologies' }
  | { rate: Exclude<keyof SummaryLine['rates'], 'averageDays'> }
  | { days: 'averageDays' };

const figure = (id: FileFigure, label: MessageKey): ColumnNode<SummaryValue> => ({
  id,
  label,
  value: { figure: id },
});

/**
 * The columns of the statistics, in the order of the provinces' TTHC tables (vn-rules.md §2.2) and of the
 * XLSX the server writes. The first, the line's name, is the row heading and is not part of the tree.
 * "Tỷ lệ đúng hạn" is (trước hạn + đúng hạn) / đã giải quyết, as in the XLSX.
 */
export const SUMMARY_COLUMNS: readonly ColumnNode<SummaryValue>[] = [
  {
    id: 'g-received',
    label: 'stats.col.received',
    children: [
      figure('received', 'stats.col.total'),
      figure('carried', 'stats.col.carried'),
      {
        id: 'g-new',
        label: 'stats.col.new',
        children: [
          figure('new_counter', 'stats.col.counter'),
          figure('new_online', 'stats.col.online'),
          figure('new_postal', 'stats.col.postal'),
        ],
      },
    ],
  },
  {
    id: 'g-resolved',
    label: 'stats.col.resolved',
    children: [
      figure('resolved', 'stats.col.total'),
      figure('early', 'stats.col.early'),
      figure('on_time', 'stats.col.onTime'),
      figure('late', 'stats.col.late'),
    ],
  },
  {
    id: 'g-open',
    label: 'stats.col.inProgress',
    children: [
      figure('in_progress', 'stats.col.total'),
      figure('within_time', 'stats.col.withinTime'),
      figure('overdue', 'stats.col.overdue'),
    ],
  },
  { id: 'rate-on-time', label: 'stats.col.onTimeRate', value: { rate: 'resolvedOnTime' } },
  { id: 'supplements', label: 'stats.col.supplements', value: { count: 'supplement_requests' } },
  { id: 'apologies', label: 'stats.col.apologies', value: { count: 'apologies' } },
  figure('postal_returned', 'stats.col.postalReturned'),
  { id: 'rate-digitized', label: 'stats.col.digitized', value: { rate: 'digitized' } },
  { id: 'rate-online', label: 'stats.col.onlineRate', value: { rate: 'online' } },
  { id: 'rate-satisfaction', label: 'stats.col.satisfaction', value: { rate: 'satisfaction' } },
  { id: 'average-days', label: 'stats.col.averageDays', value: { days: 'averageDays' } },
];
