/**
 * A sweep's layout: everything its final files are assembled from besides the runs themselves —
 * names, arms, the design's points, replicates, the replication rule, and how to reproduce a run.
 * It is saved beside the journal (.sweep/plan.json), so `kith merge` and `--resume` read the
 * sweep as it was planned rather than re-reading files that may have moved or changed.
 */
import { formatNumber, runSeed, type Design, type FactorValue, type ParamOverrides } from '../../sim/index.ts';
import type { Scenario } from '../../scenarios/scenario.ts';

export interface LayoutParameter {
  readonly path: string;
  readonly type: 'number' | 'integer' | 'string';
  readonly description: string;
}

export interface SweepLayout {
  /** Sweep name (the data package's name). */
  readonly name: string;
  /** Scenario name: the scenario column. */
  readonly scenario: string;
  readonly reference: string;
  readonly arms: readonly string[];
  readonly parameters: readonly LayoutParameter[];
  readonly design: Design;
  /** `points[point][parameter]`. */
  readonly points: readonly (readonly FactorValue[])[];
  /** The points in the unit cube (Latin hypercube and Morris designs). */
  readonly unit: readonly (readonly number[])[] | null;
  readonly replicates: number;
  readonly seed: number;
  readonly sequential: { readonly precision: number; readonly metric: string; readonly max: number } | null;
  readonly timeseries: boolean;
  /**
   * 'reference' where every arm records the reference arm's day-0 subgroups (kith sweep
   * --subgroups reference, cli/subgroups.ts); absent where each records its own.
   */
  readonly subgroups?: 'reference';
  /** `kith run <scenario> [--persons …] [--set …]` as the sweep was started: points add theirs. */
  readonly command: readonly string[];
  /** SHA-256 of everything that decides the runs' results: shards and resumes must agree on it. */
  readonly fingerprint: string;
  /**
   * What the runs were made from, for the manifest: the scenario as read, the SHA-256 of its
   * canonical JSON, and the command line's settings (--set, --persons, --days). Absent from the
   * plans of earlier versions.
   */
  readonly source?: { readonly scenario: Scenario; readonly scenarioSha256: string; readonly settings: ParamOverrides };
}

/** One slice of a sweep: points p with p mod count = index − 1. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The points a shard runs (all of them without a shard), in order. */
export function pointsOf(layout: SweepLayout, shard: Shard | null): number[] {
  const all = layout.points.map((_, p) => p);
  return shard ? all.filter((p) => p % shard.count === shard.index - 1) : all;
}

/** Seeds of replicates 0 … n−1 at `point`. */
export function seedsAt(layout: SweepLayout, point: number, replicates: number): number[] {
  return Array.from({ length: replicates }, (_, r) => runSeed(layout.seed, point, r));
}

/** A word as a POSIX shell reads it back: quoted only when it must be. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** `--set path=value` for a point's value, written so that `--set` reads back the same value. */
export function setting(path: string, value: FactorValue): string {
  return `${path}=${typeof value === 'number' ? formatNumber(value) : value}`;
}

/** The `kith run` command that reproduces every arm of `point` on `seed`. */
export function reproduceCommand(layout: SweepLayout, point: number, seed: number): string {
  const sets = layout.parameters.flatMap((p, j) => ['--set', setting(p.path, layout.points[point][j])]);
  return [...layout.command, ...sets, '--replicates', '1', '--seed', String(seed)].map(shellWord).join(' ');
}
