/**
 * The tables of a sweep. runs.csv, summary.csv, effects.csv and timeseries.csv are `kith run`'s own
 * tables for the runs at each design point, with a `point` column after `scenario`; points.csv
 * says what each point is and how to run it alone; sensitivity.csv holds a Morris design's μ*.
 */
import { RUN_METRICS } from '../record/metrics.ts';
import { morrisEffects, rankByMuStar } from '../sweep/morris.ts';
import type { Column } from './columns.ts';
import type { Cell } from './format.ts';

export const POINT: Column = { name: 'point', type: 'integer', description: 'design point, from 0: its parameter values are in points.csv' };

/** A table's columns with `point` after the first (scenario). */
export function withPoint(columns: readonly Column[]): Column[] {
  return [columns[0], POINT, ...columns.slice(1)];
}

/** A table's rows at one point, `point` after the first cell. */
export function* atPoint(point: number, rows: Iterable<readonly Cell[]>): Generator<Cell[]> {
  for (const row of rows) yield [row[0], point, ...row.slice(1)];
}

/** One design point as points.csv writes it. */
export interface PointRow {
  readonly values: readonly (number | string)[];
  /** Replicates run at the point (sequential replication may add some). */
  readonly replicates: number;
  /** The widest 95% CI half-width of the rule's metric, with sequential replication. */
  readonly halfWidth?: number;
  /** Seeds of replicates 0, 1, …: every arm at the point runs on these. */
  readonly seeds: readonly number[];
  /** A `kith run` command that reproduces the point's replicate 0 (all arms). */
  readonly command: string;
}

export interface FactorColumn {
  readonly path: string;
  readonly type: 'number' | 'string' | 'integer';
  readonly description: string;
}

export function pointsColumns(factors: readonly FactorColumn[], sequential: { metric: string; precision: number } | null): Column[] {
  return [
    POINT,
    ...factors.map((f) => ({ name: f.path, type: f.type, description: `the value of ${f.path} at this point: ${f.description}` })),
    { name: 'replicates', type: 'integer', description: 'replicates run at this point, in every arm' },
    ...(sequential
      ? [
          {
            name: 'half_width',
            type: 'number',
            description: `the widest over arms of the 95% CI half-width of ${sequential.metric} (everyone) after the last batch; the target was ${sequential.precision}`,
          } as const,
          { name: 'precise', type: 'integer', description: '1 if half_width fell below the target, 0 if the point stopped at --max-replicates' } as const,
        ]
      : []),
    { name: 'seed', type: 'integer', description: 'the seed of replicate 0, which the command column runs' },
    { name: 'seeds', type: 'string', description: 'the seeds of replicates 0, 1, … separated by spaces; runs.csv gives each run its seed' },
    { name: 'command', type: 'string', description: 'kith run command that reproduces replicate 0 of every arm at this point; change --seed to run another replicate' },
  ];
}

export function* pointsRows(points: Iterable<PointRow>, sequential: { precision: number } | null): Generator<Cell[]> {
  let point = 0;
  for (const p of points) {
    const judged = sequential ? [p.halfWidth ?? null, p.halfWidth !== undefined && p.halfWidth < sequential.precision ? 1 : 0] : [];
    yield [point++, ...p.values, p.replicates, ...judged, p.seeds[0], p.seeds.join(' '), p.command];
  }
}

export const SENSITIVITY_COLUMNS: readonly Column[] = [
  { name: 'scenario', type: 'string', description: 'scenario name' },
  { name: 'arm', type: 'string', description: 'arm name' },
  { name: 'subgroup', type: 'string', description: 'subgroup, fixed on day 0' },
  { name: 'metric', type: 'string', description: 'resilience metric (see runs.csv); its mean over replicates at each point is the output screened' },
  { name: 'rank', type: 'integer', description: 'rank of the parameter by mu_star, 1 for the most influential' },
  { name: 'parameter', type: 'string', description: 'the parameter varied, by dotted path' },
  { name: 'trajectories', type: 'integer', description: 'elementary effects computed (one per trajectory where the metric has a value at both ends of the step)' },
  { name: 'mu', type: 'number', description: 'mean elementary effect: change in the metric per whole range of the parameter (Morris 1991)' },
  { name: 'mu_star', type: 'number', description: 'mean absolute elementary effect, the measure of influence (Campolongo et al. 2007)' },
  { name: 'sigma', type: 'number', description: 'standard deviation of the elementary effects: interactions or non-linearity' },
];

/** The Morris design sensitivity.csv needs. */
export interface MorrisLayout {
  readonly scenario: string;
  readonly arms: readonly string[];
  readonly subgroups: readonly string[];
  readonly parameters: readonly string[];
  /** The design's points in the unit cube. */
  readonly unit: readonly (readonly number[])[];
}

/**
 * Rows per arm, subgroup and metric, parameters from the most influential down. `means(arm,
 * subgroup, metric)` gives the metric's mean over replicates at every point (null if missing).
 */
export function* sensitivityRows(layout: MorrisLayout, means: (arm: number, subgroup: number, metric: number) => readonly (number | null)[]): Generator<Cell[]> {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  for (let a = 0; a < layout.arms.length; a++) {
    for (let s = 0; s < layout.subgroups.length; s++) {
      for (let m = 0; m < RUN_METRICS.length; m++) {
        const effects = morrisEffects(layout.unit, layout.parameters.length, means(a, s, m));
        const rank = rankByMuStar(effects);
        const order = effects.map((_, j) => j).sort((x, y) => rank[x] - rank[y]);
        for (const j of order) {
          const e = effects[j];
          yield [layout.scenario, layout.arms[a], layout.subgroups[s], RUN_METRICS[m].name, rank[j], layout.parameters[j], e.n, finite(e.mu), finite(e.muStar), finite(e.sigma)];
        }
      }
    }
  }
}
