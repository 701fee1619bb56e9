/**
 * Sequential streams for building a world (MODEL.md §5): one Alea generator per purpose, seeded
 * from the run's seed and the stream's name, so adding draws to one stage (say, SHG membership)
 * never shifts the draws of another (the population or the network).
 */
import { cos, exp, log, pow } from '../math.ts';
import { Alea, type Rng } from './alea.ts';

export type { Rng } from './alea.ts';

export const CONSTRUCTION_STREAMS = ['population', 'network', 'groups'] as const;
export type ConstructionStream = (typeof CONSTRUCTION_STREAMS)[number];

export function constructionStream(seed: number, stream: ConstructionStream): Rng {
  // Alea: seedrandom's fastest generator with good statistics; the network of a million
  // persons takes tens of millions of draws.
  return new Alea(`kith:${seed}:${stream}`);
}

/** An integer in [0, n). */
export function randomIndex(rng: Rng, n: number): number {
  return Math.floor(rng.next() * n);
}

/** An integer in [low, high]. */
export function randomInt(rng: Rng, low: number, high: number): number {
  return low + Math.floor(rng.next() * (high - low + 1));
}

/** A draw from U(low, high). */
export function uniformBetween(rng: Rng, low: number, high: number): number {
  return low + (high - low) * rng.next();
}

/** A standard normal draw (Box–Muller; uses two uniforms, always two, so streams stay aligned). */
export function normal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * log(u)) * cos(2 * Math.PI * v);
}

/** Poisson draw by inversion of the cumulative distribution (small means only). */
export function poisson(rng: Rng, mean: number): number {
  const u = rng.next();
  let k = 0;
  let p = exp(-mean);
  let cumulative = p;
  while (u > cumulative && k < 1000) {
    k++;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000), boosted for shape < 1. */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (log(u) < 0.5 * x * x + d - d * v + d * log(v)) return d * v;
  }
}

/** Beta(alpha, beta) as a ratio of gammas. */
export function beta(rng: Rng, alpha: number, betaParam: number): number {
  const x = gamma(rng, alpha);
  const y = gamma(rng, betaParam);
  // Both underflow only for tiny shapes, where the mass sits at 0 and 1.
  return x + y > 0 ? x / (x + y) : 0.5;
}

/** Fisher–Yates shuffle in place. */
export function shuffle(rng: Rng, items: Int32Array): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomIndex(rng, i + 1);
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
}

/** Index of the first cumulative weight above a uniform draw (weights need not sum to 1). */
export function pickWeighted(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = rng.next() * total;
  for (let i = 0; i < weights.length - 1; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}
