/**
 * The tables of a set of runs — timeseries, runs, summary, effects, agents, ties, flows — as rows
 * of cells in a fixed order (arms in scenario order, replicates ascending), whatever order the runs
 * finished in. Pure: the command line writes them to CSV files, the viewer to downloads.
 */
import { FUNCTIONS } from '../params/index.ts';
import { CHANNEL, LAYERS, TIE_LAYERS } from '../network/layers.ts';
import { AGE_BANDS } from '../population/fields.ts';
import { DAILY_OUTCOMES, WORLD_OUTCOMES } from '../record/outcomes.ts';
import { RUN_METRICS, type RunMetric } from '../record/metrics.ts';
import type { RunResult } from '../simulation.ts';
import type { Cell } from './format.ts';
import { meanWithCi, pairedDifferences, quantileSorted, sd } from './stats.ts';

/** What a table needs of one run. */
export type RunOutcomes = Pick<RunResult, 'days' | 'subgroups' | 'subgroupSizes' | 'subgroupKeys' | 'warmupDays' | 'daily' | 'world' | 'flows' | 'metrics'>;

/** Each person's traits, network position, state on chosen days and own crisis outcomes. */
export interface AgentSnapshot {
  readonly days: readonly number[];
  readonly household: Int32Array;
  readonly householdSize: Uint8Array;
  readonly ageBand: Uint8Array;
  readonly iAm: Float64Array;
  readonly iCan: Float64Array;
  readonly material: Float64Array;
  readonly digital: Uint8Array;
  readonly service: Int32Array;
  readonly group: Int32Array;
  readonly wb0: Float64Array;
  /** Ties per tie layer: `[person · 5 + layer]`. */
  readonly ties: Int32Array;
  /** Per chosen day. */
  readonly states: readonly {
    wb: Float64Array;
    conn: Float64Array;
    iHave: Float64Array;
    stress: Float64Array;
    lonely: Uint8Array;
    distressed: Uint8Array;
    group: Int32Array;
  }[];
  readonly wbMin: Float64Array;
  readonly daysDistressed: Int32Array;
  readonly everMember: Uint8Array;
}

/** Every tie once (a < b), with its channel on each chosen day. */
export interface TieSnapshot {
  readonly days: readonly number[];
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly layer: Uint8Array;
  readonly strength: Float32Array;
  readonly weight: Float64Array;
  readonly channels: readonly Uint8Array[];
}

export interface RunRecord extends MetricsRecord {
  readonly outcomes: RunOutcomes;
  readonly agents?: AgentSnapshot;
  readonly ties?: TieSnapshot;
}

/**
 * What the runs, summary and effects tables need of a run: its metrics per subgroup. A sweep keeps
 * only this of each finished run (on disk), never its daily series.
 */
export interface MetricsRecord {
  readonly arm: string;
  readonly replicate: number;
  readonly seed: number;
  readonly outcomes: Pick<RunOutcomes, 'subgroups' | 'subgroupSizes' | 'subgroupKeys' | 'metrics'>;
}

const CHANNEL_NAMES: Record<number, string> = { [CHANNEL.closed]: 'closed', [CHANNEL.faceToFace]: 'face-to-face', [CHANNEL.remote]: 'remote' };
const missing = (x: number) => (Number.isFinite(x) ? x : null);
const groupCell = (g: number) => (g >= 0 ? g : null);

export function* timeseriesRows(scenario: string, runs: readonly RunRecord[]): Generator<Cell[]> {
  for (const { arm, replicate, seed, outcomes: r } of runs) {
    const S = r.subgroups.length;
    // The series looked up once a run, not by name in every row (a run has thousands of rows).
    const daily = DAILY_OUTCOMES.map((o) => r.daily[o.name as keyof typeof r.daily]);
    const world = WORLD_OUTCOMES.map((o) => r.world[o.name as keyof typeof r.world]);
    for (let day = 0; day < r.days; day++) {
      for (let s = 0; s < S; s++) {
        const row: Cell[] = [scenario, arm, replicate, seed, day, day < r.warmupDays ? 1 : 0, r.subgroups[s], r.subgroupSizes[s]];
        for (const series of daily) row.push(missing(series[day * S + s]));
        for (const series of world) row.push(series[day]);
        yield row;
      }
    }
  }
}

export function* runsRows(scenario: string, runs: readonly MetricsRecord[]): Generator<Cell[]> {
  for (const { arm, replicate, seed, outcomes: r } of runs) {
    for (let s = 0; s < r.subgroups.length; s++) {
      yield [scenario, arm, replicate, seed, r.subgroups[s], r.subgroupSizes[s], ...RUN_METRICS.map((m) => r.metrics[s][m.name])];
    }
  }
}

/** Runs grouped by arm, in first-seen (scenario) order, each sorted by replicate. */
function byArm(runs: readonly MetricsRecord[]): Map<string, MetricsRecord[]> {
  const arms = new Map<string, MetricsRecord[]>();
  for (const run of runs) arms.set(run.arm, [...(arms.get(run.arm) ?? []), run]);
  for (const list of arms.values()) list.sort((a, b) => a.replicate - b.replicate);
  return arms;
}

const metricOf = (run: MetricsRecord, s: number, metric: RunMetric) => run.outcomes.metrics[s][metric];

/** Whether two runs' subgroup s holds the same persons; taken as so where a record has no key (a sweep journal of an earlier version). */
function sameMembers(a: MetricsRecord, b: MetricsRecord, s: number): boolean {
  const [x, y] = [a.outcomes.subgroupKeys[s], b.outcomes.subgroupKeys[s]];
  return x === undefined || y === undefined || x === y;
}

export function* summaryRows(scenario: string, runs: readonly MetricsRecord[]): Generator<Cell[]> {
  for (const [arm, list] of byArm(runs)) {
    const subgroups = list[0].outcomes.subgroups;
    for (let s = 0; s < subgroups.length; s++) {
      for (const { name } of RUN_METRICS) {
        const values = list.map((run) => metricOf(run, s, name)).filter((v): v is number => v !== null);
        const sorted = [...values].sort((a, b) => a - b);
        const { mean: m, halfWidth } = meanWithCi(values);
        yield [
          scenario,
          arm,
          subgroups[s],
          name,
          values.length,
          values.length ? m : null,
          missing(sd(values)),
          missing(m - halfWidth),
          missing(m + halfWidth),
          missing(quantileSorted(sorted, 0.5)),
          missing(quantileSorted(sorted, 0.1)),
          missing(quantileSorted(sorted, 0.9)),
        ];
      }
    }
  }
}

/**
 * Paired effects of each arm against the reference: runs with the same replicate share a seed. A
 * subgroup's runs are paired only where they hold the same persons (RunResult.subgroupKeys): an
 * arm that changes who is in a subgroup has no paired effect in it.
 */
export function* effectsRows(scenario: string, reference: string, runs: readonly MetricsRecord[]): Generator<Cell[]> {
  const arms = byArm(runs);
  const base = arms.get(reference);
  if (!base) return;
  const baseByReplicate = new Map(base.map((run) => [run.replicate, run]));
  for (const [arm, list] of arms) {
    if (arm === reference) continue;
    const subgroups = list[0].outcomes.subgroups;
    for (let s = 0; s < subgroups.length; s++) {
      for (const { name } of RUN_METRICS) {
        const pairs: [number, number][] = [];
        for (const run of list) {
          const other = baseByReplicate.get(run.replicate);
          if (!other || !sameMembers(run, other, s)) continue;
          const a = metricOf(run, s, name);
          const b = metricOf(other, s, name);
          if (a !== null && b !== null) pairs.push([a, b]);
        }
        const { differences, mean: m, sd: spread, halfWidth } = pairedDifferences(pairs);
        yield [
          scenario,
          arm,
          reference,
          subgroups[s],
          name,
          differences.length,
          differences.length ? m : null,
          missing(spread),
          missing(m - halfWidth),
          missing(m + halfWidth),
          spread > 0 ? m / spread : null,
        ];
      }
    }
  }
}

export function* agentsRows(scenario: string, runs: readonly RunRecord[]): Generator<Cell[]> {
  for (const { arm, replicate, seed, agents: a } of runs) {
    if (!a) continue;
    const L = TIE_LAYERS.length;
    for (let i = 0; i < a.household.length; i++) {
      const person: Cell[] = [
        scenario, arm, replicate, seed, i, a.household[i], a.householdSize[i], AGE_BANDS[a.ageBand[i]], a.iAm[i], a.iCan[i], a.material[i],
        a.digital[i], a.service[i], groupCell(a.group[i]), ...Array.from(a.ties.subarray(i * L, (i + 1) * L)), a.wb0[i],
      ];
      const outcomes: Cell[] = [missing(a.wbMin[i]), a.daysDistressed[i], a.everMember[i]];
      for (let k = 0; k < a.days.length; k++) {
        const st = a.states[k];
        yield [...person, a.days[k], st.wb[i], st.conn[i], st.iHave[i], st.stress[i], st.lonely[i], st.distressed[i], groupCell(st.group[i]), ...outcomes];
      }
    }
  }
}

export function* tiesRows(scenario: string, runs: readonly RunRecord[]): Generator<Cell[]> {
  for (const { arm, replicate, seed, ties: t } of runs) {
    if (!t) continue;
    for (let e = 0; e < t.a.length; e++) {
      yield [scenario, arm, replicate, seed, t.a[e], t.b[e], TIE_LAYERS[t.layer[e]], t.strength[e], t.weight[e], ...t.channels.map((c) => CHANNEL_NAMES[c[e]])];
    }
  }
}

export function* flowsRows(scenario: string, runs: readonly RunRecord[]): Generator<Cell[]> {
  const perDay = LAYERS.length * FUNCTIONS.length;
  for (const { arm, replicate, seed, outcomes: r } of runs) {
    for (let day = 0; day < r.days; day++) {
      for (let l = 0; l < LAYERS.length; l++) {
        for (let f = 0; f < FUNCTIONS.length; f++) yield [scenario, arm, replicate, seed, day, LAYERS[l], FUNCTIONS[f], r.flows[day * perDay + 3 * l + f]];
      }
    }
  }
}

