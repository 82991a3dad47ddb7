/**
 * The Decision 766 index of one unit for one period, from counts (vn-rules.md §5): each indicator's percent and
 * points, group sums, the total out of 100 and its band. Pure: the server gathers the counts (SQL) or takes
 * values entered by hand for what motcua cannot see (national DB, payments, PAKN, …) and passes them here.
 */
import {
  INDICATOR_54,
  indicator54Percent,
  indicator54Points,
  type Indicator54Counts,
} from '../ratings/indicator-5-4.ts';
import { bandOf, type KpiBand } from './bands.ts';
import { assertKpiConfig, DEFAULT_KPI_CONFIG, KPI_TOTAL, type KpiConfig, type NaPolicy } from './config.ts';
import { explainIndicator, type ExplainFacts } from './explain.ts';
import { KPI_GROUPS, type KpiGroupId, type LocalText } from './groups.ts';
import {
  KPI_INDICATORS,
  isKpiIndicatorId,
  type KpiIndicator,
  type KpiIndicatorId,
  type KpiKind,
} from './indicators.ts';
import { hundredthsOf, pointsForPercent, scoreRatio, type RatioCounts, type ScoreRule } from './score.ts';

/** A value taken from outside motcua: a percentage (scored by the indicator's rule) or the points themselves. */
export type EnteredValue = { percent: number } | { points: number };

/** A reference value (2.2 average time, 5.1): shown, never scored. */
export interface DisplayValue {
  value: number;
  unit: string;
}

/**
 * The input of one indicator: counts matching its kind ({numerator, denominator} for a ratio, 5.4's counts for
 * 5.4, {value, unit} for a reference row) or `{ entered }` for any scored indicator (a percent also for 5.1).
 */
export type KpiInput = RatioCounts | Indicator54Counts | DisplayValue | { entered: EnteredValue };

/** Inputs by indicator id; an absent indicator is 'missing' (0 points). */
export type KpiInputs = Partial<Record<KpiIndicatorId, KpiInput>>;

export type KpiResultSource = 'computed' | 'entered' | 'missing';

export interface KpiIndicatorResult {
  id: KpiIndicatorId;
  group: KpiGroupId;
  kind: KpiKind;
  name: LocalText;
  formula: LocalText;
  /** The counts behind the percent (5.4: dossiers − overdue − with feedback or dislike, at least 0). */
  numerator: number | null;
  denominator: number | null;
  /** 0–100, 2 decimals; null when N/A, missing, entered as points, or a reference row given as a value. */
  percent: number | null;
  /** 0–max, 2 decimals; N/A follows the config's naPolicy, missing earns 0, reference rows 0. */
  points: number;
  max: number;
  target: number | null;
  /** 'computed': counts from motcua's data; 'entered': a value or counts from outside; 'missing': no input. */
  source: KpiResultSource;
  /** Denominator 0: nothing to measure in the period. */
  na: boolean;
  /** Reference rows given as a value (2.2 average time). */
  display: DisplayValue | null;
  explanation: LocalText;
}

export interface KpiGroupResult {
  id: KpiGroupId;
  name: LocalText;
  points: number;
  max: number;
}

export interface KpiIndexResult {
  indicators: KpiIndicatorResult[];
  groups: KpiGroupResult[];
  /** Sum of the indicators' rounded points, 2 decimals. */
  total: number;
  max: typeof KPI_TOTAL;
  band: KpiBand;
  naPolicy: NaPolicy;
}

type Scored = Pick<
  KpiIndicatorResult,
  'numerator' | 'denominator' | 'percent' | 'points' | 'na' | 'display'
> & {
  basis: ExplainFacts['basis'];
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function expectShape<T>(input: KpiInput, keys: readonly string[], id: KpiIndicatorId): T {
  if (!keys.every((key) => key in input))
    throw new RangeError(`indicator ${id}: expected {${keys.join(', ')}} or {entered}`);
  return input as T;
}

/** Points of 5.4 by its own module when the config keeps the decision's 6 points from 90 %. */
function points54(percent: number, rule: ScoreRule): number {
  if (rule.max === INDICATOR_54.maxPoints && rule.target === INDICATOR_54.targetPercent)
    return indicator54Points(percent) ?? 0;
  return pointsForPercent(percent, rule);
}

function scoreEntered(indicator: KpiIndicator, entered: EnteredValue, rule: ScoreRule): Scored {
  const blank = { numerator: null, denominator: null, na: false, display: null };
  if ('percent' in entered) {
    const hundredths = hundredthsOf(entered.percent);
    if (hundredths === null || hundredths < 0 || hundredths > 10_000)
      throw new RangeError(`percent must be in [0, 100] with at most 2 decimals, got ${entered.percent}`);
    const percent = hundredths / 100;
    if (indicator.kind === 'display')
      return { ...blank, percent, points: 0, basis: { type: 'display', value: null, unit: null } };
    const points =
      indicator.kind === 'indicator54' ? points54(percent, rule) : pointsForPercent(percent, rule);
    return { ...blank, percent, points, basis: { type: 'enteredPercent' } };
  }
  if (indicator.kind === 'display') throw new RangeError('a reference indicator earns no points');
  const points = hundredthsOf(entered.points);
  const max = hundredthsOf(rule.max) ?? 0;
  if (points === null || points < 0 || points > max)
    throw new RangeError(`points must be in [0, ${rule.max}] with at most 2 decimals, got ${entered.points}`);
  return { ...blank, percent: null, points: points / 100, basis: { type: 'enteredPoints' } };
}

/** What an indicator with a zero denominator gets: see NaPolicy in config.ts. */
function notApplicable(
  rule: ScoreRule,
  policy: NaPolicy,
): Omit<Scored, 'numerator' | 'denominator' | 'display'> {
  return { percent: null, points: policy === 'full' ? rule.max : 0, na: true, basis: { type: 'na', policy } };
}

function scoreCounts(indicator: KpiIndicator, input: KpiInput, rule: ScoreRule, naPolicy: NaPolicy): Scored {
  switch (indicator.kind) {
    case 'display': {
      const { value, unit } = expectShape<DisplayValue>(input, ['value', 'unit'], indicator.id);
      if (!Number.isFinite(value) || typeof unit !== 'string')
        throw new RangeError('value must be a finite number and unit a string');
      const basis = { type: 'display' as const, value, unit };
      return {
        numerator: null,
        denominator: null,
        percent: null,
        points: 0,
        na: false,
        display: { value, unit },
        basis,
      };
    }
    case 'ratio': {
      const { numerator, denominator } = expectShape<RatioCounts>(
        input,
        ['numerator', 'denominator'],
        indicator.id,
      );
      const score = scoreRatio({ numerator, denominator }, rule);
      const counts = { numerator, denominator, display: null };
      if (score === null) return { ...counts, ...notApplicable(rule, naPolicy) };
      return { ...counts, ...score, na: false, basis: { type: 'ratio', numerator, denominator } };
    }
    case 'indicator54': {
      const keys = ['dossiers', 'overdue', 'withFeedbackOrDislike'];
      const { dossiers, overdue, withFeedbackOrDislike } = expectShape<Indicator54Counts>(
        input,
        keys,
        indicator.id,
      );
      const percent = indicator54Percent({ dossiers, overdue, withFeedbackOrDislike });
      const numerator = Math.max(0, dossiers - overdue - withFeedbackOrDislike);
      const counts = { numerator, denominator: dossiers, display: null };
      if (percent === null) return { ...counts, ...notApplicable(rule, naPolicy) };
      const basis = { type: 'indicator54' as const, counts: { dossiers, overdue, withFeedbackOrDislike } };
      return { ...counts, percent, points: points54(percent, rule), na: false, basis };
    }
  }
}

function evaluateOne(
  indicator: KpiIndicator,
  input: KpiInput | undefined,
  rule: ScoreRule,
  naPolicy: NaPolicy,
): KpiIndicatorResult {
  let scored: Scored;
  let source: KpiResultSource;
  try {
    if (input === undefined) {
      source = 'missing';
      const blank = { numerator: null, denominator: null, percent: null, na: false, display: null };
      scored = { ...blank, points: 0, basis: { type: 'missing' } };
    } else if (typeof input !== 'object' || input === null) {
      throw new RangeError('input must be an object');
    } else if ('entered' in input) {
      source = 'entered';
      if (!isRecord(input.entered) || !('percent' in input.entered || 'points' in input.entered))
        throw new RangeError('entered must be {percent} or {points}');
      scored = scoreEntered(indicator, input.entered, rule);
    } else {
      source = indicator.source;
      scored = scoreCounts(indicator, input, rule, naPolicy);
    }
  } catch (error) {
    if (error instanceof RangeError && !error.message.startsWith('indicator '))
      throw new RangeError(`indicator ${indicator.id}: ${error.message}`);
    throw error;
  }
  const { basis, ...values } = scored;
  const explanation = explainIndicator({ basis, percent: values.percent, points: values.points, ...rule });
  return {
    id: indicator.id,
    group: indicator.group,
    kind: indicator.kind,
    name: indicator.name,
    formula: indicator.formula,
    ...values,
    max: rule.max,
    target: rule.target,
    source,
    explanation,
  };
}

/**
 * Scores every indicator of the catalogue from `inputs` under `config` (default: DEFAULT_KPI_CONFIG), in the
 * catalogue's order. Groups and the total add up the rounded points in whole hundredths, so the total is exactly
 * the sum of what is shown. RangeError for an invalid config, an unknown indicator id, or an input that does not
 * fit its indicator (wrong shape, counts not whole numbers ≥ 0, numerator above denominator, entered values out
 * of range) — the message starts with "indicator <id>:".
 */
export function evaluateIndex(inputs: KpiInputs, config: KpiConfig = DEFAULT_KPI_CONFIG): KpiIndexResult {
  assertKpiConfig(config);
  for (const id of Object.keys(inputs))
    if (!isKpiIndicatorId(id)) throw new RangeError(`unknown indicator ${id}`);
  const indicators = KPI_INDICATORS.map((indicator) =>
    evaluateOne(indicator, inputs[indicator.id], config.indicators[indicator.id], config.naPolicy),
  );
  const hundredths = (points: number): number => Math.round(points * 100);
  const groups = KPI_GROUPS.map((group) => ({
    id: group.id,
    name: group.name,
    points:
      indicators.filter((r) => r.group === group.id).reduce((sum, r) => sum + hundredths(r.points), 0) / 100,
    max: config.groups[group.id].max,
  }));
  const total = groups.reduce((sum, g) => sum + hundredths(g.points), 0) / 100;
  return {
    indicators,
    groups,
    total,
    max: KPI_TOTAL,
    band: bandOf(total, config.bands),
    naPolicy: config.naPolicy,
  };
}
