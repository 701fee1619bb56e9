/**
 * Reading what `kith run` wrote: summary.csv and effects.csv (required: one of them at least),
 * timeseries.csv and manifest.json when present. Pure: the page hands in the files' texts. Every
 * problem is one line naming the file, shown to the user as text.
 */
import { csvParseRows } from 'd3';
import { crisisWindow, DAILY_OUTCOMES, SUBGROUPS, WORLD_OUTCOMES, type CrisisWindow, type DailyOutcome, type Params, type WorldOutcome } from '../../sim/index.ts';
import type { Estimate } from '../series.ts';

export interface TextFile {
  readonly name: string;
  readonly text: string;
}

/** Mean over replicates of each daily outcome, per arm, `[day · subgroups + s]`. */
export interface MeanSeries {
  readonly arm: string;
  readonly replicates: number;
  readonly days: number;
  readonly daily: Record<DailyOutcome, Float64Array>;
  readonly world: Record<WorldOutcome, Float64Array>;
}

export interface Results {
  readonly scenario: string;
  readonly reference: string | null;
  /** In the order of the files (the scenario's). */
  readonly arms: readonly string[];
  readonly subgroups: readonly string[];
  readonly metrics: readonly string[];
  /** summary[arm][subgroup][metric] */
  readonly summary: Map<string, Map<string, Map<string, Estimate & { n: number }>>>;
  /** effects[arm][subgroup][metric]: arm − reference */
  readonly effects: Map<string, Map<string, Map<string, Estimate & { n: number }>>>;
  readonly series: readonly MeanSeries[];
  readonly crisis: CrisisWindow | null;
  readonly replicates: number | null;
}

export class ResultsError extends Error {}

/** What is said of a sweep's folder or tables: their rows are many points', read here as one run's. */
const SWEEP_HINT = 'Open results reads a kith run folder; run one point with the command points.csv gives for it';

function table(file: TextFile, required: readonly string[]): { header: string[]; rows: string[][]; col: (name: string) => number } {
  const [header, ...rows] = csvParseRows(file.text.replace(/^\uFEFF/, ''));
  if (!header) throw new ResultsError(`${file.name}: the file is empty`);
  if (header.includes('point')) throw new ResultsError(`${file.name}: a sweep's table (it has a point column); ${SWEEP_HINT}`);
  for (const name of required) if (!header.includes(name)) throw new ResultsError(`${file.name}: expected a column “${name}” (is this a file kith run wrote?)`);
  return { header, rows: rows.filter((r) => r.length > 1), col: (name) => header.indexOf(name) };
}

const num = (text: string | undefined) => (text === undefined || text === '' ? NaN : Number(text));

function estimates(file: TextFile, meanColumn: string, armSet: Set<string>, scenarios: Set<string>): Map<string, Map<string, Map<string, Estimate & { n: number }>>> {
  const t = table(file, ['scenario', 'arm', 'subgroup', 'metric', 'n', meanColumn, 'ci_low', 'ci_high']);
  const [scenario, arm, subgroup, metric, n, mean, lo, hi] = ['scenario', 'arm', 'subgroup', 'metric', 'n', meanColumn, 'ci_low', 'ci_high'].map(t.col);
  const out = new Map<string, Map<string, Map<string, Estimate & { n: number }>>>();
  for (const r of t.rows) {
    scenarios.add(r[scenario]);
    armSet.add(r[arm]);
    const bySubgroup = out.get(r[arm]) ?? new Map();
    out.set(r[arm], bySubgroup);
    const byMetric = bySubgroup.get(r[subgroup]) ?? new Map();
    bySubgroup.set(r[subgroup], byMetric);
    // One run writes one row each: a second would hide the first (two runs' tables joined, say).
    if (byMetric.has(r[metric])) throw new ResultsError(`${file.name}: two rows for arm “${r[arm]}”, subgroup “${r[subgroup]}”, metric “${r[metric]}”; kith run writes one (are two runs' tables joined?)`);
    const lower = num(r[lo]);
    const upper = num(r[hi]);
    byMetric.set(r[metric], { mean: num(r[mean]), n: num(r[n]), ...(Number.isFinite(lower) && Number.isFinite(upper) ? { lo: lower, hi: upper } : {}) });
  }
  return out;
}

function meanSeries(file: TextFile, arms: string[]): { series: MeanSeries[]; replicates: number } {
  const outcomes = DAILY_OUTCOMES.map((o) => o.name as DailyOutcome);
  const worlds = WORLD_OUTCOMES.map((o) => o.name as WorldOutcome);
  const t = table(file, ['arm', 'replicate', 'day', 'subgroup', ...outcomes, ...worlds]);
  const [arm, replicate, day, subgroup] = ['arm', 'replicate', 'day', 'subgroup'].map(t.col);
  const oCols = outcomes.map(t.col);
  const wCols = worlds.map(t.col);
  const S = SUBGROUPS.length;
  const days = 1 + Math.max(0, ...t.rows.map((r) => Number(r[day])));
  const acc = new Map<string, { reps: Set<string>; sums: Float64Array[]; counts: Float64Array[]; wsums: Float64Array[] }>();
  for (const r of t.rows) {
    const s = (SUBGROUPS as readonly string[]).indexOf(r[subgroup]);
    const d = Number(r[day]);
    if (s < 0 || !Number.isInteger(d)) continue;
    let a = acc.get(r[arm]);
    if (!a) {
      a = { reps: new Set(), sums: outcomes.map(() => new Float64Array(days * S)), counts: outcomes.map(() => new Float64Array(days * S)), wsums: worlds.map(() => new Float64Array(days)) };
      acc.set(r[arm], a);
      if (!arms.includes(r[arm])) arms.push(r[arm]);
    }
    a.reps.add(r[replicate]);
    oCols.forEach((c, k) => {
      const v = num(r[c]);
      if (Number.isFinite(v)) {
        (a as NonNullable<typeof a>).sums[k][d * S + s] += v;
        (a as NonNullable<typeof a>).counts[k][d * S + s]++;
      }
    });
    if (s === 0) wCols.forEach((c, k) => ((a as NonNullable<typeof a>).wsums[k][d] += num(r[c]) || 0));
  }
  let replicates = 0;
  const series = [...acc].map(([name, a]) => {
    replicates = Math.max(replicates, a.reps.size);
    return {
      arm: name,
      replicates: a.reps.size,
      days,
      daily: Object.fromEntries(outcomes.map((o, k) => [o, a.sums[k].map((v, i) => (a.counts[k][i] ? v / a.counts[k][i] : NaN))])) as Record<DailyOutcome, Float64Array>,
      world: Object.fromEntries(worlds.map((o, k) => [o, a.wsums[k].map((v) => v / a.reps.size)])) as Record<WorldOutcome, Float64Array>,
    };
  });
  return { series, replicates };
}

/** Reads a `kith run` folder's files (others are ignored). */
export function readResults(files: readonly TextFile[]): Results {
  const byName = new Map(files.map((f) => [f.name.slice(f.name.lastIndexOf('/') + 1), f]));
  const summaryFile = byName.get('summary.csv');
  const effectsFile = byName.get('effects.csv');
  if (!summaryFile && !effectsFile) throw new ResultsError('expected summary.csv or effects.csv, as kith run writes them; none was among the files');
  if (byName.has('points.csv')) throw new ResultsError(`these are a sweep's files (points.csv is among them); ${SWEEP_HINT}`);
  const armSet = new Set<string>();
  const scenarios = new Set<string>();
  const summary = summaryFile ? estimates(summaryFile, 'mean', armSet, scenarios) : new Map();
  const effects = effectsFile ? estimates(effectsFile, 'mean_difference', armSet, scenarios) : new Map();
  let reference: string | null = null;
  if (effectsFile) {
    const t = table(effectsFile, ['reference']);
    reference = t.rows[0]?.[t.col('reference')] ?? null;
  }
  const arms = [...armSet];
  if (reference && !arms.includes(reference)) arms.unshift(reference);
  if (reference) arms.sort((a, b) => (a === reference ? -1 : b === reference ? 1 : 0));
  const subgroups = new Set<string>();
  const metrics = new Set<string>();
  for (const source of [summary, effects]) {
    for (const bySubgroup of source.values()) {
      for (const [s, byMetric] of bySubgroup) {
        subgroups.add(s);
        for (const m of byMetric.keys()) metrics.add(m);
      }
    }
  }

  const timeseries = byName.get('timeseries.csv');
  const { series, replicates } = timeseries ? meanSeries(timeseries, arms) : { series: [], replicates: 0 };
  let crisis: CrisisWindow | null = null;
  const manifest = byName.get('manifest.json');
  if (manifest) {
    try {
      const m = JSON.parse(manifest.text) as { scenario?: { arms?: Record<string, Params> }; seeds?: unknown[] };
      const first = Object.values(m.scenario?.arms ?? {})[0];
      if (first) crisis = crisisWindow(first);
    } catch {
      throw new ResultsError(`${manifest.name}: not valid JSON`);
    }
  }
  const firstSummary = summary.values().next().value?.values().next().value?.values().next().value as { n: number } | undefined;
  return {
    scenario: [...scenarios].join(', '),
    reference,
    arms,
    subgroups: [...subgroups],
    metrics: [...metrics],
    summary,
    effects,
    series,
    crisis,
    replicates: replicates || firstSummary?.n || null,
  };
}
