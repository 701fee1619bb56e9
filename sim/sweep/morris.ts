/**
 * Morris screening: the elementary effects of each factor along a design's trajectories, and
 * their summaries — μ (mean), μ* (mean of absolute values; Campolongo, Cariboni & Saltelli 2007,
 * which does not let effects of opposite sign cancel) and σ (standard deviation, n − 1: large when
 * the effect depends on the other factors or is not linear). Effects are per unit of the unit
 * cube, i.e. the change in the output per whole range of the factor, so factors with different
 * units compare.
 */
import { mean, sd } from '../output/stats.ts';

export interface MorrisEffect {
  /** Elementary effects computed (a step whose output is missing at either end gives none). */
  readonly n: number;
  readonly mu: number;
  readonly muStar: number;
  /** NaN for fewer than two effects. */
  readonly sigma: number;
}

/**
 * `unit[point]` holds the design's points in the unit cube, trajectories of k + 1 consecutive
 * points in which each step moves one factor; `y[point]` is the output there (null if missing).
 */
export function morrisEffects(unit: readonly (readonly number[])[], k: number, y: readonly (number | null)[]): MorrisEffect[] {
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (let start = 0; start + k < unit.length; start += k + 1) {
    for (let step = start; step < start + k; step++) {
      const [a, b] = [unit[step], unit[step + 1]];
      const j = a.findIndex((x, i) => x !== b[i]);
      const [ya, yb] = [y[step], y[step + 1]];
      if (j >= 0 && ya !== null && yb !== null) effects[j].push((yb - ya) / (b[j] - a[j]));
    }
  }
  return effects.map((ee) => ({
    n: ee.length,
    mu: ee.length ? mean(ee) : NaN,
    muStar: ee.length ? mean(ee.map(Math.abs)) : NaN,
    sigma: sd(ee),
  }));
}

/** Ranks 1, 2, … by μ* from the largest; missing μ* last; ties keep the factors' order. */
export function rankByMuStar(effects: readonly MorrisEffect[]): number[] {
  const key = (e: MorrisEffect) => (Number.isFinite(e.muStar) ? e.muStar : -Infinity);
  const order = effects.map((_, j) => j).sort((a, b) => key(effects[b]) - key(effects[a]) || a - b);
  const rank = new Array<number>(effects.length);
  order.forEach((j, r) => (rank[j] = r + 1));
  return rank;
}
