/**
 * The two search methods of the calibration, on the unit cube: a Latin hypercube (McKay, Beckman
 * & Conover 1979) to explore, then Nelder–Mead (1965) to refine. Both are deterministic given
 * their seed and the objective, so a calibration reproduces its own fit.
 */
import { Alea, latinHypercube as designLatinHypercube } from '../../sim/index.ts';

export type Point = number[];

/** n points in [0, 1]^d, one in each of n equal slices of every dimension: the sweeps' design, seeded for calibration. */
export function latinHypercube(n: number, d: number, seed: number): Point[] {
  return designLatinHypercube(n, d, new Alea(`kith:calibrate:${seed}`));
}

const clamp = (p: Point) => p.map((x) => Math.min(1, Math.max(0, x)));

export interface Minimum {
  point: Point;
  value: number;
  evaluations: number;
}

/**
 * Nelder–Mead with the standard coefficients (reflection 1, expansion 2, contraction ½,
 * shrink ½), kept inside the unit cube by clamping; stops after `budget` evaluations or when the
 * simplex's values agree to `tolerance`.
 */
export function nelderMead(f: (p: Point) => number, start: Point, budget: number, step = 0.1, tolerance = 1e-6): Minimum {
  let evaluations = 0;
  const evaluate = (p: Point) => {
    evaluations++;
    return f(p);
  };
  const d = start.length;
  let simplex = [clamp(start), ...start.map((_, j) => clamp(start.map((x, k) => (k === j ? (x + step > 1 ? x - step : x + step) : x))))];
  let values = simplex.map(evaluate);
  while (evaluations < budget) {
    const order = values.map((v, i) => i).sort((a, b) => values[a] - values[b] || a - b);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    if (Math.abs(values[d] - values[0]) < tolerance) break;
    const centroid = Array.from({ length: d }, (_, j) => simplex.slice(0, d).reduce((s, p) => s + p[j], 0) / d);
    const along = (t: number) => clamp(centroid.map((c, j) => c + t * (simplex[d][j] - c)));
    const reflected = along(-1);
    const r = evaluate(reflected);
    if (r < values[0]) {
      const expanded = along(-2);
      const e = evaluate(expanded);
      [simplex[d], values[d]] = e < r ? [expanded, e] : [reflected, r];
    } else if (r < values[d - 1]) {
      [simplex[d], values[d]] = [reflected, r];
    } else {
      const contracted = r < values[d] ? along(-0.5) : along(0.5);
      const c = evaluate(contracted);
      if (c < Math.min(r, values[d])) {
        [simplex[d], values[d]] = [contracted, c];
      } else {
        for (let i = 1; i <= d; i++) {
          simplex[i] = clamp(simplex[i].map((x, j) => simplex[0][j] + 0.5 * (x - simplex[0][j])));
          values[i] = evaluate(simplex[i]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { point: simplex[best], value: values[best], evaluations };
}
