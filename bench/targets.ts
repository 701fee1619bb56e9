/**
 * Performance targets: a bound on one figure of one configuration. run.ts prints PASS or FAIL for
 * each target whose configuration it ran. Add a line to TARGETS to add a target.
 */
import type { RunRow, TargetOutcome } from './results.ts';

/** The figures of a run a target can bound. */
export type Figure = 'agentDaysPerSecond' | 'nsPerTieDay' | 'peakRssBytes' | 'bytesPerPerson' | 'bytesPerPersonOverStart' | 'buildSeconds' | 'runSeconds';

export interface Target {
  /** What the target promises, as printed. */
  readonly says: string;
  readonly config: string;
  readonly figure: Figure;
  readonly atLeast?: number;
  readonly atMost?: number;
}

export const TARGETS: readonly Target[] = [
  { says: 'medium: at least 2 million agent-days per second', config: 'medium', figure: 'agentDaysPerSecond', atLeast: 2e6 },
];

/** Judges `target` on the mean of its figure over its configuration's runs. */
export function judge(target: Target, runs: readonly RunRow[]): TargetOutcome {
  const own = runs.filter((r) => r.config === target.config);
  if (own.length === 0) return { says: target.says, status: 'not run' };
  const value = own.reduce((sum, r) => sum + r[target.figure], 0) / own.length;
  const holds = (target.atLeast === undefined || value >= target.atLeast) && (target.atMost === undefined || value <= target.atMost);
  return { says: target.says, status: holds ? 'pass' : 'fail', value };
}
