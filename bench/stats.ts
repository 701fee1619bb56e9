/** The few statistics compare.ts needs to tell a change from noise. */

export function mean(xs: readonly number[]): number {
  return xs.reduce((sum, x) => sum + x, 0) / xs.length;
}

/**
 * The spread of repeated runs as a share of their mean (relative standard deviation), pooled over
 * the samples that have repeats: runs of one configuration on one machine are assumed to scatter
 * alike before and after a change, so repeats on either side estimate the noise of both.
 * Null when no sample has two runs.
 */
export function pooledRelativeSD(samples: readonly (readonly number[])[]): number | null {
  let squares = 0;
  let freedom = 0;
  for (const xs of samples) {
    if (xs.length < 2) continue;
    const m = mean(xs);
    for (const x of xs) squares += ((x - m) / m) ** 2;
    freedom += xs.length - 1;
  }
  return freedom > 0 ? Math.sqrt(squares / freedom) : null;
}

/**
 * The change from mean(a) to mean(b) in %, and the half-width in % of its noise band: two standard
 * errors of the difference of means (relative errors add in quadrature for a ratio of means).
 */
export function relativeChange(a: readonly number[], b: readonly number[]): { change: number; band: number | null } {
  const change = 100 * (mean(b) / mean(a) - 1);
  const sd = pooledRelativeSD([a, b]);
  return { change, band: sd === null ? null : 200 * sd * Math.sqrt(1 / a.length + 1 / b.length) };
}
