/**
 * Statistical profiles the history generator draws from (docs/HISTORY.md). A profile says how many files each
 * year brings and which exact totals the period must add up to; the generator spreads them over days, units,
 * procedures and channels with a seeded PRNG.
 *
 * Every figure is tagged:
 *  - PUBLISHED: Lâm Đồng newspaper, 23 May 2025, as copied in ../shared/docs/product.md ("The demo").
 *  - ASSUMED: our choice, plausible for a mountain district of ~150,000 inhabitants, not sourced.
 */

export interface YearProfile {
  year: number;
  /** Last day of the year's receipts (Q1 2025 stops on 31 March). */
  until: string;
  /** Files received (ASSUMED split of the PUBLISHED total). */
  received: number;
  /** Share received online (ASSUMED: the national portal grew fast after 2022). */
  onlineShare: number;
  /** Files whose records and result are all digitized (the `digitized` rate, 766 indicator 4.2). */
  digitized: number;
  /** First ratings sent on files received this year. */
  ratings: number;
}

export interface HistoryProfile {
  name: string;
  /** GSO code of the district; its one-stop department and its communes (valid then) receive the files. */
  districtCode: string;
  from: string;
  to: string;
  years: YearProfile[];
  /** Files not yet resolved at the end of `to` (PUBLISHED: received − resolved). */
  inProgress: number;
  /** Late among the resolved (PUBLISHED), split by cause (ASSUMED). */
  late: { secondSupplement: number; apology: number; overdue: number };
  /** Received through the public postal service (PUBLISHED). */
  postalReceived: number;
  /** Results returned by post in the period (PUBLISHED). */
  postalReturned: number;
  /** Of the ratings, "Rất hài lòng" or "Hài lòng" (PUBLISHED rate 84.62 %; counts ASSUMED to give it). */
  ratingsSatisfied: number;
  /** ASSUMED shares of all files. */
  shares: { supplement: number; refused: number; withdrawn: number; reused: number };
  /** ASSUMED weight of each receiving unit (the district department, then the communes by GSO code). */
  unitWeights: Record<string, number>;
}

/** Lâm Hà district (676), 2021 – Q1 2025, as reported in May 2025. */
export const LAMHA_2021_2025: HistoryProfile = {
  name: 'lamha-2021-2025',
  districtCode: '676',
  from: '2021-01-01',
  to: '2025-03-31',
  // PUBLISHED: 302,048 received in total. ASSUMED: the split by year (steady growth, Q1 ≈ a quarter of 2024).
  // Digitized, PUBLISHED as rates: 37.1 % (2022), 78.8 % (2023), over 99.9 % (2024), 100 % (Q1 2025); the counts
  // are the nearest whole numbers giving exactly those rates (2024: 99.95 %). 2021: ASSUMED 12 %.
  // Ratings: ASSUMED to start with the 2022 rating campaign; PUBLISHED total through the rate (35,749 ratings).
  years: [
    { year: 2021, until: '2021-12-31', received: 61_420, onlineShare: 0.06, digitized: 7_370, ratings: 0 },
    {
      year: 2022,
      until: '2022-12-31',
      received: 68_315,
      onlineShare: 0.18,
      digitized: 25_345,
      ratings: 6_210,
    },
    {
      year: 2023,
      until: '2023-12-31',
      received: 72_906,
      onlineShare: 0.36,
      digitized: 57_450,
      ratings: 10_540,
    },
    {
      year: 2024,
      until: '2024-12-31',
      received: 78_650,
      onlineShare: 0.52,
      digitized: 78_611,
      ratings: 14_320,
    },
    {
      year: 2025,
      until: '2025-03-31',
      received: 20_757,
      onlineShare: 0.6,
      digitized: 20_757,
      ratings: 4_679,
    },
  ],
  // PUBLISHED: 302,048 received − 302,011 resolved.
  inProgress: 37,
  // PUBLISHED: 2,453 late (299,558 on time); the split between causes is ASSUMED.
  late: { secondSupplement: 412, apology: 786, overdue: 1_255 },
  postalReceived: 5_731,
  postalReturned: 8_797,
  // 30,251 / 35,749 = 84.62 % (PUBLISHED rate).
  ratingsSatisfied: 30_251,
  shares: { supplement: 0.04, refused: 0.003, withdrawn: 0.0015, reused: 0.05 },
  // The district's one-stop department ('676-motcua') takes the district-level work; the two towns more.
  unitWeights: {
    '676-motcua': 30,
    '24868': 8, // Thị trấn Nam Ban
    '24871': 8, // Thị trấn Đinh Văn
    '24880': 4,
    '24883': 3,
    '24892': 4,
    '24895': 3,
    '24898': 4,
    '24901': 4,
    '24904': 4,
    '24907': 4,
    '24910': 4,
    '24913': 3,
    '24916': 5,
    '24919': 4,
    '24922': 3,
    '24925': 4,
  },
};

export const PROFILES: Record<string, HistoryProfile> = { [LAMHA_2021_2025.name]: LAMHA_2021_2025 };

/** The profile of that name, or an error naming the field and the known names. */
export function profileNamed(name: string): HistoryProfile {
  const profile = PROFILES[name];
  if (!profile)
    throw new Error(
      `--profile: unknown profile "${name}" (hồ sơ mẫu không tồn tại); known: ${Object.keys(PROFILES).join(', ')}`,
    );
  return profile;
}

/** The profile with every count multiplied by `scale` (rates kept approximately; exact only at 1). */
export function scaled(profile: HistoryProfile, scale: number): HistoryProfile {
  if (!(scale > 0 && scale <= 1))
    throw new Error(`--scale: must be a number in (0, 1] (hệ số phải trong khoảng (0, 1]), got ${scale}`);
  if (scale === 1) return profile;
  const n = (x: number) => Math.round(x * scale);
  return {
    ...profile,
    years: profile.years.map((y) => ({
      ...y,
      received: n(y.received),
      digitized: Math.min(n(y.digitized), n(y.received)),
      ratings: n(y.ratings),
    })),
    inProgress: n(profile.inProgress),
    late: {
      secondSupplement: n(profile.late.secondSupplement),
      apology: n(profile.late.apology),
      overdue: n(profile.late.overdue),
    },
    postalReceived: n(profile.postalReceived),
    postalReturned: n(profile.postalReturned),
    ratingsSatisfied: n(profile.ratingsSatisfied),
  };
}
