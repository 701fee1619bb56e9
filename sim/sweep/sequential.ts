/**
 * Sequential replication: add replicates at a point until the 95% confidence interval of a metric
 * is narrow enough. The rule is judged only after whole batches, on replicates 0 … n−1 in seed
 * order, so how many replicates a point takes depends on the results alone — never on how many
 * workers ran or which run finished first.
 */
import { meanWithCi } from '../output/stats.ts';

export interface SequentialRule {
  /** Target: the 95% CI half-width must fall below this. */
  readonly precision: number;
  /** Replicates added at a time (the sweep's replicates), and the first batch. */
  readonly batch: number;
  /** Replicates at most. */
  readonly max: number;
}

/**
 * The half-width that decides: the widest over the point's arms of the 95% t interval of the
 * metric's mean over `values[arm]` (missing values left out); NaN while an arm has fewer than two.
 */
export function widestHalfWidth(values: readonly (readonly (number | null)[])[]): number {
  let widest = 0;
  for (const arm of values) {
    const present = arm.filter((v): v is number => v !== null && Number.isFinite(v));
    const { halfWidth } = meanWithCi(present);
    if (!(halfWidth <= widest)) widest = halfWidth; // NaN wins, and stays
    if (Number.isNaN(widest)) return NaN;
  }
  return widest;
}

/** Replicates the point should reach after `done`: `done` itself when it should stop. */
export function nextTarget(rule: SequentialRule, done: number, halfWidth: number): number {
  if (halfWidth < rule.precision || done >= rule.max) return done;
  return Math.min(rule.max, done + rule.batch);
}
