/**
 * Lâm Đồng province, Lâm Hà district and its communes, before and after the 1 July 2025 reform.
 * Typed by hand from the facts in ../shared/docs/vn-data.md (§1.2, §1.3), which cite:
 *  - GSO administrative-unit list as published in daohoangson/dvhcvn data/dvhcvn.json (data date 01/03/2025)
 *    for the codes and names valid until 30/06/2025;
 *  - Resolution 1671/NQ-UBTVQH15 (16/06/2025), art. 1 clauses 11–16, for the six successor communes and what
 *    each was formed from, effective 01/07/2025;
 *  - Official letter 1027/CTK-CSCL (25/06/2025), annex I, for the successor communes' codes;
 *  - Resolution 60-NQ/TW for the end of the district level on 01/07/2025.
 * The province's own 2025 merger (with Đắk Nông and Bình Thuận, code 68 kept) is represented as one
 * continuous province 68: the codes of the merged provinces are not in our sourced facts.
 */
export interface SeedUnit {
  key: string;
  code: string | null;
  name: string;
  nameEn?: string;
  kind: 'country' | 'province' | 'district' | 'commune' | 'ward' | 'town' | 'special_zone' | 'pasc' | 'department';
  parent: string | null;
  validFrom: string | null;
  validTo: string | null;
  source: string;
}

export interface SeedLink {
  predecessor: string;
  successor: string;
  effectiveOn: string;
  basis: string;
}

const GSO = 'GSO list via daohoangson/dvhcvn data/dvhcvn.json (01/03/2025)';
const NQ1671 = 'Nghị quyết 1671/NQ-UBTVQH15, Điều 1; mã: Công văn 1027/CTK-CSCL';
const END_OF_DISTRICTS = '2025-06-30';
const REFORM = '2025-07-01';

const oldUnit = (code: string, name: string, kind: 'commune' | 'town'): SeedUnit => ({
  key: `${code}-old`,
  code,
  name,
  kind,
  parent: '676',
  validFrom: null,
  validTo: END_OF_DISTRICTS,
  source: GSO,
});

const newCommune = (code: string, name: string, clause: number): SeedUnit => ({
  key: `${code}-2025`,
  code,
  name,
  kind: 'commune',
  parent: '68',
  validFrom: REFORM,
  validTo: null,
  source: `${NQ1671} (khoản ${clause})`,
});

export const LAM_DONG_UNITS: readonly SeedUnit[] = [
  { key: 'VN', code: 'VN', name: 'Việt Nam', nameEn: 'Viet Nam', kind: 'country', parent: null, validFrom: null, validTo: null, source: 'root of the unit tree (ISO 3166-1 code)' },
  { key: '68', code: '68', name: 'Tỉnh Lâm Đồng', nameEn: 'Lam Dong Province', kind: 'province', parent: 'VN', validFrom: null, validTo: null, source: `${GSO}; Công văn 915/CTK-CSCL` },
  {
    key: '676',
    code: '676',
    name: 'Huyện Lâm Hà',
    nameEn: 'Lam Ha District',
    kind: 'district',
    parent: '68',
    validFrom: '1987-10-28',
    validTo: END_OF_DISTRICTS,
    source: `${GSO}; founded by Quyết định 157-HĐBT (28/10/1987); district level ended by Nghị quyết 60-NQ/TW`,
  },
  oldUnit('24868', 'Thị trấn Nam Ban', 'town'),
  oldUnit('24871', 'Thị trấn Đinh Văn', 'town'),
  oldUnit('24880', 'Xã Phú Sơn', 'commune'),
  oldUnit('24883', 'Xã Phi Tô', 'commune'),
  oldUnit('24892', 'Xã Mê Linh', 'commune'),
  oldUnit('24895', 'Xã Đạ Đờn', 'commune'),
  oldUnit('24898', 'Xã Phúc Thọ', 'commune'),
  oldUnit('24901', 'Xã Đông Thanh', 'commune'),
  oldUnit('24904', 'Xã Gia Lâm', 'commune'),
  oldUnit('24907', 'Xã Tân Thanh', 'commune'),
  oldUnit('24910', 'Xã Tân Văn', 'commune'),
  oldUnit('24913', 'Xã Hoài Đức', 'commune'),
  oldUnit('24916', 'Xã Tân Hà', 'commune'),
  oldUnit('24919', 'Xã Liên Hà', 'commune'),
  oldUnit('24922', 'Xã Đan Phượng', 'commune'),
  oldUnit('24925', 'Xã Nam Hà', 'commune'),
  // Đức Trọng district's xã Bình Thạnh also went into Đinh Văn Lâm Hà; its district is not seeded, so it
  // hangs under the province with the same end date.
  { key: '24970-old', code: '24970', name: 'Xã Bình Thạnh (huyện Đức Trọng)', kind: 'commune', parent: '68', validFrom: null, validTo: END_OF_DISTRICTS, source: GSO },
  newCommune('24871', 'Xã Đinh Văn Lâm Hà', 11),
  newCommune('24895', 'Xã Phú Sơn Lâm Hà', 12),
  newCommune('24883', 'Xã Nam Hà Lâm Hà', 13),
  newCommune('24868', 'Xã Nam Ban Lâm Hà', 14),
  newCommune('24916', 'Xã Tân Hà Lâm Hà', 15),
  newCommune('24907', 'Xã Phúc Thọ Lâm Hà', 16),
  // The district's one-stop department (Decree 61/2018) and the communes' service centres (Decree 118/2025
  // art. 10): organisations inside a unit, without GSO codes.
  { key: '676-motcua', code: null, name: 'Bộ phận Tiếp nhận và Trả kết quả huyện Lâm Hà', nameEn: 'Lam Ha District One-Stop Department', kind: 'department', parent: '676', validFrom: null, validTo: END_OF_DISTRICTS, source: 'Nghị định 61/2018/NĐ-CP' },
  ...(
    [
      ['24871', 'Đinh Văn Lâm Hà'],
      ['24895', 'Phú Sơn Lâm Hà'],
      ['24883', 'Nam Hà Lâm Hà'],
      ['24868', 'Nam Ban Lâm Hà'],
      ['24916', 'Tân Hà Lâm Hà'],
      ['24907', 'Phúc Thọ Lâm Hà'],
    ] as const
  ).map(
    ([code, name]): SeedUnit => ({
      key: `${code}-pasc`,
      code: null,
      name: `Trung tâm Phục vụ hành chính công xã ${name}`,
      kind: 'pasc',
      parent: `${code}-2025`,
      validFrom: REFORM,
      validTo: null,
      source: 'Nghị định 118/2025/NĐ-CP, Điều 10',
    }),
  ),
];

const merged = (successor: string, clause: number, predecessors: string[]): SeedLink[] =>
  predecessors.map((p) => ({
    predecessor: `${p}-old`,
    successor: `${successor}-2025`,
    effectiveOn: REFORM,
    basis: `Nghị quyết 1671/NQ-UBTVQH15, Điều 1 khoản ${clause}`,
  }));

export const LAM_DONG_LINKS: readonly SeedLink[] = [
  ...merged('24871', 11, ['24970', '24910', '24871']),
  ...merged('24895', 12, ['24880', '24895']),
  ...merged('24883', 13, ['24925', '24883']),
  ...merged('24868', 14, ['24868', '24901', '24892', '24904']),
  ...merged('24916', 15, ['24916', '24913', '24922', '24919']),
  ...merged('24907', 16, ['24898', '24907']),
];
