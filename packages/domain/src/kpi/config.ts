/**
 * The numbers of the Decision 766 index that a caller may change: group and indicator maxima, targets, the N/A
 * policy and the rating bands. Defaults come from the catalogue (indicators.ts: vn-rules.md §5.1–5.2, [S22],
 * [S23], [S24]) and bands.ts (§5.3, thresholds UNCERTAIN). The online group's 4/4/4 split is UNCERTAIN too.
 */
import { DEFAULT_KPI_BANDS, validateBands, type KpiBand } from './bands.ts';
import { KPI_GROUPS, type KpiGroupId } from './groups.ts';
import { KPI_INDICATORS, isKpiIndicatorId, type KpiIndicatorId } from './indicators.ts';
import { hundredthsOf } from './score.ts';

/** The index is out of 100 points (vn-rules §5, [S21], [S20]). */
export const KPI_TOTAL = 100;

export interface KpiIndicatorSetting {
  max: number;
  /** Percent from which the indicator earns its maximum; null = linear. */
  target: number | null;
}

/**
 * What an indicator whose denominator is 0 (nothing to measure in the period: N/A) earns. 'zero' (default): 0
 * points, as DVCQG shows "0 or N/A" (§5.2), so the total is out of 100 whatever the unit handles. 'full': its
 * maximum, for a unit that should not lose points for, say, having no procedure with fees. Indicators with no
 * input at all ('missing') always earn 0: absent data is unknown, not "nothing to measure", and counting it as
 * full would reward not entering it.
 */
export type NaPolicy = 'zero' | 'full';

export interface KpiConfig {
  groups: Readonly<Record<KpiGroupId, { max: number }>>;
  indicators: Readonly<Record<KpiIndicatorId, KpiIndicatorSetting>>;
  naPolicy: NaPolicy;
  bands: readonly KpiBand[];
}

/** Changes to lay over a config; anything left out keeps its value. */
export interface KpiConfigOverrides {
  groups?: Partial<Record<KpiGroupId, { max: number }>>;
  indicators?: Partial<Record<KpiIndicatorId, Partial<KpiIndicatorSetting>>>;
  naPolicy?: NaPolicy;
  bands?: readonly KpiBand[];
}

export const DEFAULT_KPI_CONFIG: KpiConfig = Object.freeze({
  groups: Object.freeze(
    Object.fromEntries(KPI_GROUPS.map((g) => [g.id, Object.freeze({ max: g.max })])) as Record<
      KpiGroupId,
      { max: number }
    >,
  ),
  indicators: Object.freeze(
    Object.fromEntries(
      KPI_INDICATORS.map((i) => [i.id, Object.freeze({ max: i.max, target: i.target })]),
    ) as Record<KpiIndicatorId, KpiIndicatorSetting>,
  ),
  naPolicy: 'zero',
  bands: DEFAULT_KPI_BANDS,
});

/** A new config: `base` with `overrides` laid over it, indicator by indicator and field by field. Not checked. */
export function overrideKpiConfig(
  overrides: KpiConfigOverrides,
  base: KpiConfig = DEFAULT_KPI_CONFIG,
): KpiConfig {
  const groups = { ...base.groups };
  for (const [id, group] of Object.entries(overrides.groups ?? {}) as [KpiGroupId, { max: number }][])
    groups[id] = { ...group };
  const indicators = { ...base.indicators };
  const changes = Object.entries(overrides.indicators ?? {}) as [
    KpiIndicatorId,
    Partial<KpiIndicatorSetting>,
  ][];
  for (const [id, change] of changes) indicators[id] = { ...base.indicators[id], ...change };
  return {
    groups,
    indicators,
    naPolicy: overrides.naPolicy ?? base.naPolicy,
    bands: overrides.bands ?? base.bands,
  };
}

const fmt = (hundredths: number): string => String(hundredths / 100);

/**
 * Problems with a config, as sentences (empty when valid): every catalogue group and indicator present and no
 * unknown one; maxima ≥ 0 with at most 2 decimals; reference-only indicators (2.2, 5.1) at 0 points with no
 * target; targets null or in (0, 100]; each group's indicator maxima adding up to the group maximum; group
 * maxima adding up to 100; a known N/A policy; valid bands.
 */
export function validateKpiConfig(config: KpiConfig): string[] {
  const errors: string[] = [];
  const groupIds = new Set<string>(KPI_GROUPS.map((g) => g.id));
  for (const id of Object.keys(config.groups ?? {}))
    if (!groupIds.has(id)) errors.push(`groups.${id}: unknown group`);
  for (const id of Object.keys(config.indicators ?? {}))
    if (!isKpiIndicatorId(id)) errors.push(`indicators.${id}: unknown indicator`);

  const sums = new Map<KpiGroupId, number>();
  for (const indicator of KPI_INDICATORS) {
    const where = `indicators.${indicator.id}`;
    const setting = config.indicators?.[indicator.id];
    if (!setting) {
      errors.push(`${where}: missing`);
      continue;
    }
    const max = hundredthsOf(setting.max);
    if (max === null || max < 0) {
      errors.push(`${where}: max must be a number ≥ 0 with at most 2 decimals, got ${setting.max}`);
    } else {
      sums.set(indicator.group, (sums.get(indicator.group) ?? 0) + max);
      if (indicator.kind === 'display' && max !== 0)
        errors.push(`${where}: is shown for reference only, so its max must be 0, not ${setting.max}`);
    }
    if (setting.target === null) continue;
    if (indicator.kind === 'display') {
      errors.push(`${where}: is shown for reference only and takes no target`);
      continue;
    }
    const target = hundredthsOf(setting.target);
    if (target === null || target <= 0 || target > 10_000)
      errors.push(
        `${where}: target must be in (0, 100] with at most 2 decimals, or null; got ${setting.target}`,
      );
  }

  let total = 0;
  for (const group of KPI_GROUPS) {
    const where = `groups.${group.id}`;
    const setting = config.groups?.[group.id];
    if (!setting) {
      errors.push(`${where}: missing`);
      continue;
    }
    const max = hundredthsOf(setting.max);
    if (max === null || max < 0) {
      errors.push(`${where}: max must be a number ≥ 0 with at most 2 decimals, got ${setting.max}`);
      continue;
    }
    total += max;
    const sum = sums.get(group.id) ?? 0;
    if (sum !== max) {
      const ids = KPI_INDICATORS.filter((i) => i.group === group.id).map((i) => i.id);
      errors.push(
        `${where}: its indicators (${ids.join(', ')}) add up to ${fmt(sum)} points, not the group maximum ${fmt(max)}`,
      );
    }
  }
  if (total !== KPI_TOTAL * 100)
    errors.push(`groups: the group maxima add up to ${fmt(total)} points, not ${KPI_TOTAL}`);
  if (config.naPolicy !== 'zero' && config.naPolicy !== 'full')
    errors.push(`naPolicy: must be 'zero' or 'full', got ${String(config.naPolicy)}`);
  errors.push(...validateBands(config.bands ?? []));
  return errors;
}

/** Throws a RangeError listing every problem when the config is not valid. */
export function assertKpiConfig(config: KpiConfig): void {
  const errors = validateKpiConfig(config);
  if (errors.length > 0) throw new RangeError(`invalid KPI config: ${errors.join('; ')}`);
}
