/**
 * Performance targets (issues 1 and 5): a bound on one figure of one configuration, or on the
 * ratio of a figure between two configurations (scaling). run.ts prints PASS or FAIL for each
 * target whose configurations it ran. Add a line to TARGETS to add a target.
 */
import type { RunRow, TargetOutcome } from './results.ts';

/** The figures of a run a target can bound. */
export type Figure = 'agentDaysPerSecond' | 'nsPerTieDay' | 'peakRssBytes' | 'bytesPerPerson' | 'bytesPerPersonOverStart' | 'buildSeconds' | 'runSeconds';

export interface Target {
  /** What the target promises, as printed. */
  readonly says: string;
  readonly config: string;
  readonly figure: Figure;
  /** With `versus`, the bound is on `figure(versus) / figure(config)`. */
  readonly versus?: string;
  readonly atLeast?: number;
  readonly atMost?: number;
}

export const TARGETS: readonly Target[] = [
  { says: 'medium: at least 2 million agent-days per second (issue 1)', config: 'medium', figure: 'agentDaysPerSecond', atLeast: 2e6 },
  { says: 'medium: at least 5 million agent-days per second, one core (issue 5; goal 10 million)', config: 'medium', figure: 'agentDaysPerSecond', atLeast: 5e6 },
  {
    says: 'scaling: time per agent-day at 1,000,000 persons within 1.5x of that at 10,000',
    config: 'large',
    versus: 'small',
    figure: 'agentDaysPerSecond',
    atMost: 1.5,
  },
  { says: 'large: network built in at most 20 s', config: 'large', figure: 'buildSeconds', atMost: 20 },
  { says: 'large: peak memory at most 2 GB', config: 'large', figure: 'peakRssBytes', atMost: 2e9 },
  {
    says: 'threads: large on 2 threads at least 1.6x faster than on 1 (issue 5)',
    config: 'large',
    versus: 'large-threads',
    figure: 'agentDaysPerSecond',
    atLeast: 1.6,
  },
];

/** Pairs of configurations that must record the same outcomes, to the byte. */
export const SAME_OUTCOMES: readonly { readonly says: string; readonly config: string; readonly versus: string }[] = [
  { says: 'threads: large on 2 threads gives the same outcomes as on 1, byte for byte (issue 5)', config: 'large', versus: 'large-threads' },
];

/** Judges a SAME_OUTCOMES pair: pass when every run of both hashes alike. */
export function judgeSame(check: (typeof SAME_OUTCOMES)[number], runs: readonly RunRow[]): TargetOutcome {
  const hashes = runs.filter((r) => r.config === check.config || r.config === check.versus);
  const ran = new Set(hashes.map((r) => r.config));
  if (!ran.has(check.config) || !ran.has(check.versus)) return { says: check.says, status: 'not run' };
  return { says: check.says, status: new Set(hashes.map((r) => r.outcomesSha256)).size === 1 ? 'pass' : 'fail' };
}

const meanOf = (runs: readonly RunRow[], config: string, figure: Figure): number | undefined => {
  const own = runs.filter((r) => r.config === config);
  return own.length ? own.reduce((sum, r) => sum + r[figure], 0) / own.length : undefined;
};

/** Judges `target` on the mean of its figure over its configuration's runs. */
export function judge(target: Target, runs: readonly RunRow[]): TargetOutcome {
  const own = meanOf(runs, target.config, target.figure);
  const other = target.versus === undefined ? 1 : meanOf(runs, target.versus, target.figure);
  if (own === undefined || other === undefined) return { says: target.says, status: 'not run' };
  const value = target.versus === undefined ? own : other / own;
  const holds = (target.atLeast === undefined || value >= target.atLeast) && (target.atMost === undefined || value <= target.atMost);
  return { says: target.says, status: holds ? 'pass' : 'fail', value };
}
