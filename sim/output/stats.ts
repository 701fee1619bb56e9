/** Summary statistics for replicate runs: mean, standard deviation, and Student t intervals. */
import { exp, log, sin } from '../math.ts';

export function mean(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Sample standard deviation (n − 1 in the denominator); NaN for fewer than two values. */
export function sd(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  let sum = 0;
  for (const x of xs) sum += (x - m) * (x - m);
  return Math.sqrt(sum / (xs.length - 1));
}

/** ln Γ(x) by Lanczos (g = 7, n = 9), accurate to about 15 digits for x > 0. */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return log(Math.PI / sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * log(2 * Math.PI) + (x + 0.5) * log(t) - t + log(a);
}

/** Continued fraction of the regularised incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
function incompleteBeta(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t * t));
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t with `df` degrees of freedom (bisection on the CDF). */
export function tQuantile(p: number, df: number): number {
  let low = -1e3;
  let high = 1e3;
  for (let k = 0; k < 200; k++) {
    const mid = (low + high) / 2;
    if (tCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** The q-quantile of sorted values, interpolating linearly between order statistics (R's type 7). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

/** Mean with the half-width of its 95% t interval; the half-width is NaN for fewer than 2 values. */
export function meanWithCi(xs: readonly number[]): { mean: number; halfWidth: number } {
  return { mean: mean(xs), halfWidth: halfWidthOf(sd(xs), xs.length) };
}

/** The half-width of the 95% t interval of a mean of n values with sample sd `spread`. */
function halfWidthOf(spread: number, n: number): number {
  return n < 2 ? NaN : tQuantile(0.975, n - 1) * (spread / Math.sqrt(n));
}

/** Units in the last place of the values subtracted within which paired differences count as equal. */
const ROUNDING_ULPS = 16;

/**
 * Paired differences a − b: their mean, sample sd and the half-width of the mean's 95% t interval.
 * Differences equal but for rounding — the same change of a count in every pair, say 12 of 120
 * persons, computed as 0.2 − 0.1 in one pair and 0.3 − 0.2 in another — have an sd of about 1e-17
 * rather than 0, which would make a standardised effect of 10^15; a spread within a few units in
 * the last place of the values subtracted (ROUNDING_ULPS) is rounding, and taken as none.
 */
export function pairedDifferences(pairs: readonly (readonly [number, number])[]): { differences: number[]; mean: number; sd: number; halfWidth: number } {
  const differences = pairs.map(([a, b]) => a - b);
  let magnitude = 0;
  for (const [a, b] of pairs) magnitude = Math.max(magnitude, Math.abs(a), Math.abs(b));
  const raw = sd(differences);
  const spread = raw <= ROUNDING_ULPS * Number.EPSILON * magnitude ? 0 : raw;
  return { differences, mean: mean(differences), sd: spread, halfWidth: halfWidthOf(spread, differences.length) };
}
