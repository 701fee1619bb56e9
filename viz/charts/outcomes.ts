/**
 * What the outcome charts draw, from any arms' daily series — a live comparison's or a results
 * folder's means over replicates: mean wellbeing with its 10–90% band, distress and loneliness
 * prevalence, and the resilience metrics with the difference against the reference.
 */
import { RUN_METRICS, SUBGROUPS, type CrisisWindow, type DailyOutcome, type WorldOutcome } from '../../sim/index.ts';
import type { Estimate } from '../series.ts';
import { theme } from '../palette.ts';
import type { LegendEntry } from './legend.ts';
import type { MetricsData } from './metrics.ts';
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

/** The lockdown bars' legend entry, where there are days of lockdown to mark. */
function lockdownLegend(arms: readonly SeriesLike[]): LegendEntry[] {
  const any = arms.some((a) => a.world.lockdown.subarray(0, a.recorded).some((v) => v >= 0.5));
  return any ? [{ label: 'lockdown', colour: theme.lockdown, swatch: 'bar' }] : [];
}

function frame(arms: readonly SeriesLike[], crisis: CrisisWindow | null, day: number | null) {
  const recorded = Math.max(0, ...arms.map((a) => a.recorded));
  return {
    days: Math.max(1, ...arms.map((a) => a.days)),
    crisis,
    day,
    lockdown: (d: number) => arms.some((a) => d < a.recorded && a.world.lockdown[d] >= 0.5),
    recordedLockdown: recorded,
  };
}

export function wellbeingData(arms: readonly SeriesLike[], s: number, crisis: CrisisWindow | null, day: number | null): TimeData {
  return {
    ...frame(arms, crisis, day),
    lines: arms.map((a, k) => ({ label: a.name, colour: a.colour, wider: under(arms, k), recorded: a.recorded, y: (d: number) => a.daily.wbMean[d * S + s] })),
    bands: arms.map((a) => ({ label: `${a.name} 10–90%`, colour: a.colour, recorded: a.recorded, lo: (d: number) => a.daily.wbP10[d * S + s], hi: (d: number) => a.daily.wbP90[d * S + s] })),
    legend: [...arms.map((a) => ({ label: a.name, colour: a.colour })), { label: '10–90% band', colour: '#bbbbbb' }, ...lockdownLegend(arms)],
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
    legend: [...arms.map((a) => ({ label: a.name, colour: a.colour })), { label: 'distressed', colour: '#555555' }, { label: 'lonely', colour: '#555555', dash: '4,3' }, ...lockdownLegend(arms)],
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
  if (metric === 'recovered') return `Not available until the last day, day ${lastDay}.`;
  return 'Not available for this run.';
}

export function metricUnit(metric: string): string {
  return RUN_METRICS.find((m) => m.name === metric)?.unit ?? '';
}

/** Each arm's estimates and each non-reference arm's difference from the reference, per subgroup. */
export function metricsData(
  metric: string,
  subgroups: readonly string[],
  arms: readonly { name: string; colour: string; values: readonly (Estimate | null)[] }[],
  reference: string,
  differences?: readonly { name: string; colour: string; values: readonly (Estimate | null)[] }[],
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
          return v && b && Number.isFinite(v.mean) && Number.isFinite(b.mean) ? { mean: v.mean - b.mean } : null;
        }),
      }));
  // Each arm's colour is its dots' in both panels: a difference takes the colour of the arm it is of.
  const legend = arms.map((a) => ({ label: a.name, colour: a.colour, swatch: 'dot' as const }));
  return { metric, unit: metricUnit(metric), subgroups, arms, differences: computed, reference, legend };
}
