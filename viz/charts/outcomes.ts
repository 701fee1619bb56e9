/**
 * What the outcome charts draw, from any arms' daily series — a live comparison's or a results
 * folder's means over replicates: mean wellbeing with its 10–90% band, distress and loneliness
 * prevalence, and the resilience metrics with the difference against the reference.
 */
import { RUN_METRICS, SUBGROUP_DOCS, SUBGROUPS, type CrisisWindow, type DailyOutcome, type Subgroup, type WorldOutcome } from '../../sim/index.ts';
import { hasValue } from '../series.ts';
import { theme } from '../palette.ts';
import type { LegendEntry } from './legend.ts';
import type { EstimateSeries, MetricsData } from './metrics.ts';
import { TICKS } from './ticks.ts';
import type { TimeData } from './time.ts';

/** An arm's daily outcomes, `[day · subgroups + s]`, days 0 … recorded − 1. */
export interface SeriesLike {
  readonly name: string;
  readonly colour: string;
  readonly days: number;
  readonly recorded: number;
  readonly daily: Record<DailyOutcome, Float64Array>;
  readonly world: Record<WorldOutcome, Float64Array>;
}

const S = SUBGROUPS.length;

/** Earlier arms are drawn wider, so an arm that coincides with a later one still shows beneath it. */
const under = (arms: readonly unknown[], k: number) => 1.6 * (arms.length - 1 - k);

/** Days of lockdown to mark on a chart over the days (time.ts drawTimeFrame), and their legend entry. */
export interface LockdownMarks {
  /** Whether a lockdown is in force on a day in any of the arms. */
  readonly lockdown: (day: number) => boolean;
  readonly recordedLockdown: number;
  /** The bars' entry where there are days of lockdown to mark, else none. */
  readonly legend: readonly LegendEntry[];
}

/** The days of lockdown in `arms`, as every chart over the days marks them — the person's too. */
export function lockdownMarks(arms: readonly SeriesLike[]): LockdownMarks {
  const any = arms.some((a) => a.world.lockdown.subarray(0, a.recorded).some((v) => v >= 0.5));
  return {
    lockdown: (d: number) => arms.some((a) => d < a.recorded && a.world.lockdown[d] >= 0.5),
    recordedLockdown: Math.max(0, ...arms.map((a) => a.recorded)),
    legend: any ? [{ label: 'lockdown', colour: theme.lockdown, swatch: 'bar' }] : [],
  };
}

/** The bands' legend entry: its sample shows each arm's band, in the arm's colour. */
function bandLegend(arms: readonly SeriesLike[]): LegendEntry {
  return { label: '10–90% band', colour: arms[0]?.colour ?? theme.muted, colours: arms.map((a) => a.colour), swatch: 'band' };
}

function frame(arms: readonly SeriesLike[], crisis: CrisisWindow | null, day: number | null) {
  const { lockdown, recordedLockdown } = lockdownMarks(arms);
  return { days: Math.max(1, ...arms.map((a) => a.days)), crisis, day, lockdown, recordedLockdown };
}

export function wellbeingData(arms: readonly SeriesLike[], s: number, crisis: CrisisWindow | null, day: number | null): TimeData {
  return {
    ...frame(arms, crisis, day),
    lines: arms.map((a, k) => ({ label: a.name, colour: a.colour, wider: under(arms, k), recorded: a.recorded, y: (d: number) => a.daily.wbMean[d * S + s] })),
    bands: arms.map((a) => ({ label: `${a.name} 10–90%`, colour: a.colour, recorded: a.recorded, lo: (d: number) => a.daily.wbP10[d * S + s], hi: (d: number) => a.daily.wbP90[d * S + s] })),
    legend: [...arms.map((a) => ({ label: a.name, colour: a.colour })), bandLegend(arms), ...lockdownMarks(arms).legend],
    yLabel: 'wellbeing',
    yFormat: TICKS.decimal,
  };
}

export function prevalenceData(arms: readonly SeriesLike[], s: number, crisis: CrisisWindow | null, day: number | null): TimeData {
  return {
    ...frame(arms, crisis, day),
    lines: arms.flatMap((a, k) => [
      { label: `${a.name} distressed`, colour: a.colour, wider: under(arms, k), recorded: a.recorded, y: (d: number) => a.daily.distressed[d * S + s] },
      { label: `${a.name} lonely`, colour: a.colour, wider: under(arms, k), dash: '4,3', recorded: a.recorded, y: (d: number) => a.daily.lonely[d * S + s] },
    ]),
    legend: [...arms.map((a) => ({ label: a.name, colour: a.colour })), { label: 'distressed', colour: '#555555' }, { label: 'lonely', colour: '#555555', dash: '4,3' }, ...lockdownMarks(arms).legend],
    yLabel: 'share of persons',
    yFormat: TICKS.percent,
  };
}

export const METRIC_NAMES = RUN_METRICS.map((m) => m.name);

/**
 * Why a live run has no value of `metric` yet on `day`, for a note where its dots would be: the
 * metrics are measured against the crisis window, and some need days that have not come.
 */
export function metricPending(metric: string, crisis: CrisisWindow | null, day: number, lastDay: number): string {
  if (!crisis) return 'Not available: this scenario has no crisis window to measure against.';
  if (day < crisis.start) return `Not available until the crisis starts, on day ${crisis.start}.`;
  if (metric === 'recoveryDays') {
    if (day < lastDay) return `Not available until wellbeing recovers after the crisis (ends day ${crisis.end}).`;
    return 'Wellbeing did not recover by the last day: see recoveryCensored.';
  }
  if (metric === 'recovered') return day < lastDay ? `Not available until the last day, day ${lastDay}.` : 'No one was distressed during the crisis, so no one had to recover.';
  return 'Not available for this run.';
}

export function metricUnit(metric: string): string {
  return RUN_METRICS.find((m) => m.name === metric)?.unit ?? '';
}

/** Why an arm has no value for the subgroup in row `i`. */
export type NoValueReason = (arm: string, i: number) => string;

/** In a results folder, all that is known: the table holds no value. */
const NO_RESULT: NoValueReason = () => 'The results hold no value for this subgroup.';

/**
 * Why a live arm has no value of `metric` for subgroup `i` of SUBGROUPS: no one is in it, or the
 * metric needs days still to come (metricPending). Reasons do not name the arm, so arms with the
 * same reason share one sentence (noValueHint).
 */
export function liveNoValue(metric: string, crisis: CrisisWindow | null, day: number, lastDay: number, isEmpty: (arm: string, i: number) => boolean): NoValueReason {
  return (arm, i) => (isEmpty(arm, i) ? `Empty subgroup: there are no ${SUBGROUP_DOCS[SUBGROUPS[i] as Subgroup]}.` : metricPending(metric, crisis, day, lastDay));
}

/**
 * The hint of row `i` where no series of a panel has a value: why, in one sentence when every
 * series has the same reason, else series by series. Null where some series has a value.
 */
export function noValueHint(series: readonly Pick<EstimateSeries, 'name' | 'values'>[], i: number, why: NoValueReason): string | null {
  if (series.some((x) => hasValue(x.values[i]))) return null;
  const reasons = series.map((x) => why(x.name, i));
  return new Set(reasons).size === 1 ? reasons[0] : series.map((x, k) => `${x.name}: ${reasons[k]}`).join(' ');
}

/** Why a difference is missing: the arm or the reference has no value, and why; else no paired effect. */
function differenceNoValue(arms: readonly EstimateSeries[], reference: string, why: NoValueReason): NoValueReason {
  return (arm, i) => {
    const missing = arms.filter((a) => (a.name === arm || a.name === reference) && !hasValue(a.values[i]));
    return missing.length ? `No difference: ${missing.map((a) => a.name).join(' and ')} ${missing.length > 1 ? 'have' : 'has'} no value. ${noValueHint(missing, i, why)}` : 'No paired effect for this subgroup.';
  };
}

/**
 * Each arm's estimates and each non-reference arm's difference from the reference, per subgroup
 * (or the `differences` given, a results folder's paired effects), with a hint for each row a
 * panel has no mark in; `why` says why an arm has no value.
 */
export function metricsData(
  metric: string,
  subgroups: readonly string[],
  arms: readonly EstimateSeries[],
  reference: string,
  { differences, why = NO_RESULT }: { differences?: readonly EstimateSeries[]; why?: NoValueReason } = {},
): MetricsData {
  const base = arms.find((a) => a.name === reference);
  const computed =
    differences ??
    arms
      .filter((a) => a !== base)
      .map((a) => ({
        name: a.name,
        colour: a.colour,
        values: a.values.map((v, i) => {
          const b = base?.values[i];
          return hasValue(v) && hasValue(b) ? { mean: v.mean - b.mean } : null;
        }),
      }));
  // Each arm's colour is its dots' in both panels: a difference takes the colour of the arm it is of.
  const legend = arms.map((a) => ({ label: a.name, colour: a.colour, swatch: 'dot' as const }));
  const differenceWhy = differenceNoValue(arms, reference, why);
  const hints = {
    arms: subgroups.map((_, i) => noValueHint(arms, i, why)),
    difference: subgroups.map((_, i) => noValueHint(computed, i, differenceWhy)),
  };
  return { metric, unit: metricUnit(metric), subgroups, arms, differences: computed, reference, legend, hints };
}
