/**
 * Sweep designs: which settings of the varied parameters ("factors") a sweep runs.
 *
 * - full grid: every combination of each factor's values, the last factor varying fastest;
 * - Latin hypercube of n points (McKay, Beckman & Conover 1979): each factor's range cut into n
 *   equal strata, one point in each, at a uniform place within it, strata paired at random;
 * - Morris elementary effects with r trajectories on p levels (Morris 1991): each trajectory
 *   starts at a random point of the grid {0, 1/(p−1), …, 1}^k and moves one factor at a time,
 *   in random order, by Δ = p / (2(p − 1)), so k + 1 points give one elementary effect per factor.
 *
 * The random choices come from one seeded stream, so the same sweep file gives the same points.
 */
import { Alea, type Rng } from '../random/alea.ts';
import { randomIndex } from '../random/construction.ts';

/** A value a factor takes: a number, or one option of a categorical parameter. */
export type FactorValue = number | string;

/** One parameter a sweep varies, by dotted path: a list of values, or a range [min, max]. */
export interface Factor {
  readonly path: string;
  readonly values?: readonly FactorValue[];
  readonly min?: number;
  readonly max?: number;
  /** Evenly spaced grid levels over [min, max], ends included. */
  readonly levels?: number;
  /** Rounds values to whole numbers (an integer parameter). */
  readonly integer?: boolean;
}

export type Design =
  | { readonly type: 'grid' }
  | { readonly type: 'latin-hypercube'; readonly points: number }
  | { readonly type: 'morris'; readonly trajectories: number; readonly levels: number };

export interface DesignPoints {
  /** `values[point][factor]`. */
  readonly values: FactorValue[][];
  /** Each point in the unit cube, `[point][factor]` in [0, 1] (Latin hypercube and Morris). */
  readonly unit: number[][] | null;
}

/** The design's own random stream, apart from every run's. */
function designStream(seed: number): Rng {
  return new Alea(`kith:${seed}:sweep-design`);
}

/** 0 … n−1 in random order (Fisher–Yates). */
function shuffled(rng: Rng, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomIndex(rng, i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** A point of the unit interval as a value of the factor's range. */
export function scale(factor: Factor, u: number): number {
  const { min = 0, max = 1 } = factor;
  const x = min + u * (max - min);
  return factor.integer ? Math.round(x) : x;
}

/**
 * A factor's grid values: its list, or `levels` evenly spaced over [min, max]. Spaced values are
 * rounded to 12 significant digits, so 0.2 + 3·0.2 is written 0.8 rather than 0.8000000000000002.
 */
export function gridValues(factor: Factor): FactorValue[] {
  if (factor.values) return [...factor.values];
  const levels = factor.levels ?? 2;
  return Array.from({ length: levels }, (_, i) => {
    const x = scale(factor, i / (levels - 1));
    return factor.integer ? x : Number(x.toPrecision(12));
  });
}

function grid(factors: readonly Factor[]): DesignPoints {
  let points: FactorValue[][] = [[]];
  for (const factor of factors) {
    const values = gridValues(factor);
    points = points.flatMap((p) => values.map((v) => [...p, v]));
  }
  return { values: points, unit: null };
}

/** n points in [0, 1]^k, one in each of n equal strata of every dimension, from `rng`. */
export function latinHypercube(n: number, k: number, rng: Rng): number[][] {
  const unit: number[][] = Array.from({ length: n }, () => []);
  for (let j = 0; j < k; j++) {
    const strata = shuffled(rng, n);
    for (let i = 0; i < n; i++) unit[i][j] = (strata[i] + rng.next()) / n;
  }
  return unit;
}

function morris(factors: readonly Factor[], trajectories: number, levels: number, rng: Rng): DesignPoints {
  const k = factors.length;
  const jump = levels / 2; // Δ in grid steps: Δ = (p/2) / (p − 1)
  const unit: number[][] = [];
  for (let t = 0; t < trajectories; t++) {
    // A base level low enough that base + Δ stays on the grid; each factor goes up or down.
    const up = factors.map(() => rng.next() < 0.5);
    const level = factors.map((_, j) => randomIndex(rng, levels - jump) + (up[j] ? 0 : jump));
    const order = shuffled(rng, k);
    unit.push(level.map((l) => l / (levels - 1)));
    for (const j of order) {
      level[j] += up[j] ? jump : -jump;
      unit.push(level.map((l) => l / (levels - 1)));
    }
  }
  return { values: unit.map((u) => u.map((x, j) => scale(factors[j], x))), unit };
}

/** How many points `designPoints` would make, without making them (to refuse a design too large to hold). */
export function designSize(factors: readonly Factor[], design: Design): number {
  switch (design.type) {
    case 'grid':
      return factors.reduce((n, f) => n * (f.values ? f.values.length : (f.levels ?? 2)), 1);
    case 'latin-hypercube':
      return design.points;
    case 'morris':
      return design.trajectories * (factors.length + 1);
  }
}

/** The points of a design over `factors`, from the sweep's seed. */
export function designPoints(factors: readonly Factor[], design: Design, seed: number): DesignPoints {
  switch (design.type) {
    case 'grid':
      return grid(factors);
    case 'latin-hypercube': {
      const unit = latinHypercube(design.points, factors.length, designStream(seed));
      return { values: unit.map((u) => u.map((x, j) => scale(factors[j], x))), unit };
    }
    case 'morris':
      return morris(factors, design.trajectories, design.levels, designStream(seed));
  }
}
