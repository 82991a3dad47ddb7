/**
 * Decision 766/QĐ-TTg service-quality index — its groups as DVCQG displays them (vn-rules.md §5.1). The decision
 * has 5 groups; DVCQG shows 6 by splitting online service into online service and online payment [S23], [S24].
 */

/** A text in Vietnamese (NFC, with diacritics) and English. */
export interface LocalText {
  vi: string;
  en: string;
}

/** DVCQG's 6 displayed groups: the decision's group "online service" split into online service and payment. */
export type KpiGroupId = 'transparency' | 'progress' | 'online' | 'payment' | 'digitization' | 'satisfaction';

export interface KpiGroup {
  id: KpiGroupId;
  name: LocalText;
  /** Default maximum points (vn-rules §5.1 table). */
  max: number;
  /** The group's id on the DVCQG reporting API (`/api/v1/reporting/evaluation/{id}`), [S24]. */
  dvcqgGroup: string;
}

/** §5.1: 18 + 20 + 12 + 10 + 22 + 18 = 100 — VERIFIED-2nd [S23], [S24]. */
export const KPI_GROUPS: readonly KpiGroup[] = [
  {
    id: 'transparency',
    name: { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' },
    max: 18,
    dvcqgGroup: 'transparency',
  },
  {
    id: 'progress',
    name: { vi: 'Tiến độ, kết quả giải quyết', en: 'Progress and results of processing' },
    max: 20,
    dvcqgGroup: 'dvc-progress-tree',
  },
  {
    id: 'online',
    name: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' },
    max: 12,
    dvcqgGroup: 'provide-online-tree',
  },
  {
    id: 'payment',
    name: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
    max: 10,
    dvcqgGroup: 'formality-online-payment-tree',
  },
  {
    id: 'digitization',
    name: { vi: 'Số hóa hồ sơ', en: 'Dossier digitisation' },
    max: 22,
    dvcqgGroup: 'dossier-digitized',
  },
  {
    id: 'satisfaction',
    name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
    max: 18,
    dvcqgGroup: 'handling-satisfaction',
  },
];

export function kpiGroup(id: KpiGroupId): KpiGroup {
  const group = KPI_GROUPS.find((g) => g.id === id);
  if (!group) throw new RangeError(`unknown group ${id}`);
  return group;
}
