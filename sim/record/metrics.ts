/**
 * Per-run resilience metrics (MODEL.md §8), per subgroup, against the crisis window. With
 * baseline = mean of daily mean wb over start−28 … start−1:
 *   depth        baseline − lowest daily mean wb from start on
 *   loss         Σ from start on of max(0, baseline − mean wb)
 *   recoveryDays days from end to the first day with |mean wb − baseline| ≤ 0.01·baseline;
 *                empty, with recoveryCensored = 1, if that day never comes
 *   resistant    share never distressed in start … end+89
 *   recovered    of those distressed in that window, the share not distressed on the last day
 *   peakDistress, peakLonely   highest daily share from start on
 *   unmet[f]     Σ from start on of mean residual need
 * A metric that cannot be computed (empty subgroup, no crisis window, nobody distressed) is null.
 */
import type { CrisisWindow } from '../params/index.ts';
import type { World } from '../world.ts';
import type { OutcomeSpec } from './outcomes.ts';
import type { Recorder } from './recorder.ts';
import { SUBGROUPS } from './subgroups.ts';

export const RUN_METRICS = [
  { name: 'baseline', unit: 'wb', doc: 'mean of daily mean wellbeing over the 28 days before the crisis' },
  { name: 'depth', unit: 'wb', doc: 'baseline − lowest daily mean wellbeing from the crisis start on' },
  { name: 'loss', unit: 'wb·days', doc: 'wellbeing lost below baseline, summed from the crisis start on' },
  { name: 'recoveryDays', unit: 'days', doc: 'days from the crisis end until mean wellbeing is within 1% of baseline (empty if censored)' },
  { name: 'recoveryCensored', unit: '0/1', doc: '1 if mean wellbeing never came back within 1% of baseline' },
  { name: 'resistant', unit: 'share', doc: 'share never distressed from the crisis start to 89 days after its end' },
  { name: 'recovered', unit: 'share', doc: 'of those distressed in that window, the share not distressed on the last day' },
  { name: 'peakDistress', unit: 'share', doc: 'highest daily share distressed from the crisis start on' },
  { name: 'peakLonely', unit: 'share', doc: 'highest daily share lonely from the crisis start on' },
  { name: 'unmetEmotional', unit: 'need units·days', doc: 'mean residual emotional need, summed from the crisis start on' },
  { name: 'unmetInformational', unit: 'need units·days', doc: 'mean residual informational need, summed from the crisis start on' },
  { name: 'unmetInstrumental', unit: 'need units·days', doc: 'mean residual instrumental need, summed from the crisis start on' },
] as const satisfies readonly OutcomeSpec[];

export type RunMetric = (typeof RUN_METRICS)[number]['name'];
export type RunMetrics = Record<RunMetric, number | null>;

/** Recovery within this fraction of baseline counts as recovered. */
const RECOVERY_TOLERANCE = 0.01;
/** Days before the crisis that make its baseline. */
const BASELINE_DAYS = 28;

const empty = (): RunMetrics => Object.fromEntries(RUN_METRICS.map((m) => [m.name, null])) as RunMetrics;

function seriesOf(recorder: Recorder, name: keyof Recorder['daily'], s: number): (day: number) => number {
  const series = recorder.daily[name];
  return (day) => series[day * recorder.subgroups + s];
}

function sumFrom(start: number, days: number, value: (day: number) => number): number {
  let total = 0;
  for (let t = start; t < days; t++) total += value(t);
  return total;
}

function peakFrom(start: number, days: number, value: (day: number) => number): number {
  let peak = -Infinity;
  for (let t = start; t < days; t++) peak = Math.max(peak, value(t));
  return peak;
}

/** Share of a subgroup never distressed in the window, and of the rest, the share recovered. */
function personShares(world: World, s: number): { resistant: number | null; recovered: number | null } {
  const { subgroups, distressedInWindow, distressed } = world.persons;
  const n = world.n;
  const last = world.params.days - 1;
  let members = 0;
  let hit = 0;
  let hitNowWell = 0;
  for (let i = 0; i < n; i++) {
    if (((subgroups[i] >>> s) & 1) === 0) continue;
    members++;
    if (!distressedInWindow[i]) continue;
    hit++;
    if (!distressed[i]) hitNowWell++;
  }
  if (members === 0) return { resistant: null, recovered: null };
  // `distressed` holds the last recorded day's state: the last day only once the run has ended.
  const ended = world.today > last;
  return { resistant: (members - hit) / members, recovered: hit > 0 && ended ? hitNowWell / hit : null };
}

function subgroupMetrics(world: World, recorder: Recorder, crisis: CrisisWindow, s: number): RunMetrics {
  const days = recorder.recorded;
  const start = crisis.start;
  const baselineFrom = Math.max(0, start - BASELINE_DAYS);
  if (world.subgroupSizes[s] === 0 || start === 0 || start >= days) return empty();
  const wb = seriesOf(recorder, 'wbMean', s);
  const baseline = sumFrom(baselineFrom, start, wb) / (start - baselineFrom);
  let lowest = Infinity;
  for (let t = start; t < days; t++) lowest = Math.min(lowest, wb(t));
  let recoveryDays: number | null = null;
  for (let t = crisis.end; t < days; t++) {
    if (Math.abs(wb(t) - baseline) <= RECOVERY_TOLERANCE * baseline) {
      recoveryDays = t - crisis.end;
      break;
    }
  }
  const { resistant, recovered } = personShares(world, s);
  return {
    baseline,
    depth: baseline - lowest,
    loss: sumFrom(start, days, (t) => Math.max(0, baseline - wb(t))),
    recoveryDays,
    recoveryCensored: recoveryDays === null ? 1 : 0,
    resistant,
    recovered,
    peakDistress: peakFrom(start, days, seriesOf(recorder, 'distressed', s)),
    peakLonely: peakFrom(start, days, seriesOf(recorder, 'lonely', s)),
    unmetEmotional: sumFrom(start, days, seriesOf(recorder, 'needEmotional', s)),
    unmetInformational: sumFrom(start, days, seriesOf(recorder, 'needInformational', s)),
    unmetInstrumental: sumFrom(start, days, seriesOf(recorder, 'needInstrumental', s)),
  };
}

/** Metrics of every subgroup, in SUBGROUPS order. */
export function runMetrics(world: World, recorder: Recorder): RunMetrics[] {
  const crisis = world.crisis;
  return SUBGROUPS.map((_, s) => (crisis ? subgroupMetrics(world, recorder, crisis, s) : empty()));
}
