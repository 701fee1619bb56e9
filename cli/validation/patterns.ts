/**
 * The patterns the default world must reproduce (MODEL.md §9), each a statistic computed on one
 * replicate — a seed's runs of covid-lockdown's online-shg and no-online-shg arms and of the
 * baseline scenario's default world — and a target interval for its mean over replicates.
 */
import type { Probe } from '../../sim/validation/probe.ts';

/** One replicate: the same seed in each of the three runs. */
export interface Replicate {
  readonly online: Probe;
  readonly offline: Probe;
  readonly baseline: Probe;
}

export interface Pattern {
  readonly name: string;
  readonly statistic: string;
  readonly source: string;
  /** The target interval of the mean over replicates. */
  readonly low: number;
  readonly high: number;
  readonly measure: (r: Replicate) => number;
  /** How the statistic reads in tables: share (as %), or a plain number. */
  readonly as: 'points' | 'number';
}

/** The windows each covid-lockdown probe records per-person mean wellbeing over. */
export const WINDOWS = [
  { from: 62, to: 89 },
  { from: 90, to: 159 },
] as const;
const BEFORE = 0;
const DURING = 1;

const everyone = (p: Probe, name: 'distressed' | 'lonely', day: number) => p.result.daily[name][day * p.result.subgroups.length];
const meanOver = (p: Probe, name: 'distressed' | 'lonely', from: number, to: number) => {
  let sum = 0;
  for (let d = from; d <= to; d++) sum += everyone(p, name, d);
  return sum / (to - from + 1);
};
const maxOver = (p: Probe, name: 'distressed' | 'lonely', from: number, to: number) => {
  let max = -Infinity;
  for (let d = from; d <= to; d++) max = Math.max(max, everyone(p, name, d));
  return max;
};

/** Ordinary least squares slope of y on x over the selected persons. */
function slope(x: ArrayLike<number>, y: ArrayLike<number>, keep: (i: number) => boolean): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    if (!keep(i)) continue;
    n++;
    sx += x[i];
    sy += y[i];
    sxx += x[i] * x[i];
    sxy += x[i] * y[i];
  }
  const denominator = n * sxx - sx * sx;
  return denominator > 0 ? (n * sxy - sx * sy) / denominator : NaN;
}

/** The value below which a share q of `values` lies. */
function quantile(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** P(lonely | a lonely friend, or relative) / P(lonely), over the pooled person-days. */
function lonelyRatio(p: Probe, layer: 'Friend' | 'Kin'): number {
  const c = p.clusters;
  const base = c.lonely / c.personDays;
  const withLonely = c[`withLonely${layer}`];
  return withLonely > 0 && base > 0 ? c[`lonelyWithLonely${layer}`] / withLonely / base : NaN;
}

const depthOf = (p: Probe, subgroup: string) => p.result.metrics[p.result.subgroups.indexOf(subgroup as never)].depth ?? NaN;

export const PATTERNS: readonly Pattern[] = [
  {
    name: 'loneliness before',
    statistic: 'share lonely, days 62–89',
    source: 'ONS, April 2020',
    low: 0.04,
    high: 0.06,
    as: 'points',
    measure: (r) => meanOver(r.online, 'lonely', 62, 89),
  },
  {
    name: 'distress before',
    statistic: 'share distressed, days 62–89',
    source: 'Pierce et al. 2020 (GHQ caseness 18.9%)',
    low: 0.16,
    high: 0.22,
    as: 'points',
    measure: (r) => meanOver(r.online, 'distressed', 62, 89),
  },
  {
    name: 'distress rises',
    statistic: 'max share distressed, days 90–132, minus before',
    source: 'Pierce et al. 2020; Daly et al. 2020',
    low: 0.08,
    high: 0.14,
    as: 'points',
    measure: (r) => maxOver(r.online, 'distressed', 90, 132) - meanOver(r.online, 'distressed', 62, 89),
  },
  {
    name: 'people adapt',
    statistic: 'fall from the lockdown peak to day 159, over the rise (at least ¼)',
    source: 'Fancourt et al. 2021',
    low: 0.25,
    high: Infinity,
    as: 'number',
    measure: (r) => {
      const before = meanOver(r.online, 'distressed', 62, 89);
      const peak = maxOver(r.online, 'distressed', 90, 159);
      return (peak - everyone(r.online, 'distressed', 159)) / (peak - before);
    },
  },
  {
    name: 'and recover',
    statistic: 'share distressed on day 280 minus before (within 3 points)',
    source: 'Robinson et al. 2022',
    low: -0.03,
    high: 0.03,
    as: 'points',
    measure: (r) => everyone(r.online, 'distressed', 280) - meanOver(r.online, 'distressed', 62, 89),
  },
  {
    name: 'loneliness after months',
    statistic: 'share lonely, days 130–159',
    source: 'ONS, Oct 2020 – Feb 2021',
    low: 0.065,
    high: 0.085,
    as: 'points',
    measure: (r) => meanOver(r.online, 'lonely', 130, 159),
  },
  {
    name: 'groups help their members',
    statistic: 'ever-members: mean wb days 90–159, online-shg − no-online-shg, over the SD of their baseline wb',
    source: 'digital peer-support meta-analyses',
    low: 0.2,
    high: 0.6,
    as: 'number',
    measure: (r) => {
      const members: number[] = [];
      r.online.everMember.forEach((m, i) => m && members.push(i));
      if (members.length < 2) return NaN;
      let gain = 0;
      let base = 0;
      for (const i of members) {
        gain += r.online.meanWb[DURING][i] - r.offline.meanWb[DURING][i];
        base += r.online.meanWb[BEFORE][i];
      }
      gain /= members.length;
      base /= members.length;
      let ss = 0;
      for (const i of members) ss += (r.online.meanWb[BEFORE][i] - base) ** 2;
      return gain / Math.sqrt(ss / (members.length - 1));
    },
  },
  {
    name: 'main effect',
    statistic: 'baseline, persons with stress < 0.05: slope of wb on conn (above 0)',
    source: 'Cohen 2004',
    low: 0,
    high: Infinity,
    as: 'number',
    measure: (r) => slope(r.baseline.last.conn, r.baseline.last.wb, (i) => r.baseline.last.stress[i] < 0.05),
  },
  {
    name: 'buffering',
    statistic: 'baseline: slope of wb on stress, top third of iHave minus bottom third (above 0)',
    source: 'Cohen 2004; Rueger et al. 2016',
    low: 0,
    high: Infinity,
    as: 'number',
    measure: (r) => {
      const { iHave, stress, wb } = r.baseline.last;
      const low = quantile(iHave, 1 / 3);
      const high = quantile(iHave, 2 / 3);
      return slope(stress, wb, (i) => iHave[i] >= high) - slope(stress, wb, (i) => iHave[i] < low);
    },
  },
  {
    name: 'loneliness clusters: friends',
    statistic: 'baseline, last two months: P(lonely | a lonely friend)/P(lonely) minus the same for a relative (above 0)',
    source: 'Cacioppo et al. 2009',
    low: 0,
    high: Infinity,
    as: 'number',
    measure: (r) => lonelyRatio(r.baseline, 'Friend') - lonelyRatio(r.baseline, 'Kin'),
  },
  {
    name: 'loneliness clusters: kin',
    statistic: 'baseline, last two months: P(lonely | a lonely relative)/P(lonely) (above 1)',
    source: 'Cacioppo et al. 2009',
    low: 1,
    high: Infinity,
    as: 'number',
    measure: (r) => lonelyRatio(r.baseline, 'Kin'),
  },
  {
    name: 'no internet, little gain',
    statistic: 'paired effect of online-shg on depth: no-internet’s minus half of everyone’s (≥ 0: at most half the gain)',
    source: 'ONS 2020',
    low: 0,
    high: Infinity,
    as: 'number',
    // Effects on depth are negative (groups make the fall shallower): no-internet gaining at most
    // half as much as everyone means effect(no-internet) ≥ ½ · effect(everyone). Linear in the
    // runs, so its mean over replicates has an honest confidence interval, unlike a ratio.
    measure: (r) => depthOf(r.online, 'no-internet') - depthOf(r.offline, 'no-internet') - 0.5 * (depthOf(r.online, 'everyone') - depthOf(r.offline, 'everyone')),
  },
];
