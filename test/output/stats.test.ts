import { describe, expect, it } from 'vitest';
import { mean, meanWithCi, pairedDifferences, sd, tCdf, tQuantile } from '../../sim/output/stats.ts';

describe('statistics', () => {
  it('gives the mean and sample standard deviation', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(sd([3])).toBeNaN();
  });

  it('matches published t quantiles', () => {
    // Two-sided 95%: 12.706 (1 df), 2.776 (4), 2.262 (9), 2.042 (30); 1.960 in the limit.
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062047, 5);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.7764451, 6);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.2621572, 6);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.0422725, 6);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 4);
  });

  it('has a symmetric CDF with median 0', () => {
    expect(tCdf(0, 5)).toBeCloseTo(0.5, 14);
    expect(tCdf(-1.3, 7) + tCdf(1.3, 7)).toBeCloseTo(1, 14);
  });

  it('gives the 95% interval of a mean', () => {
    const { mean: m, halfWidth } = meanWithCi([1, 2, 3, 4, 5]);
    expect(m).toBe(3);
    expect(halfWidth).toBeCloseTo(2.7764451 * (Math.sqrt(2.5) / Math.sqrt(5)), 6);
    expect(meanWithCi([1]).halfWidth).toBeNaN();
  });

  it('takes paired differences equal but for rounding as equal: sd 0, not 1e-17', () => {
    // 12 of 120 persons more in both pairs: 0.2 − 0.1 = 0.1 but 0.3 − 0.2 = 0.09999999999999998.
    const same = pairedDifferences([
      [24 / 120, 12 / 120],
      [36 / 120, 24 / 120],
    ]);
    expect(sd(same.differences)).toBeGreaterThan(0);
    expect(same.sd).toBe(0);
    expect(same.halfWidth).toBe(0);
    expect(same.mean).toBeCloseTo(0.1, 15);
  });

  it('keeps a real spread of paired differences, however small against the values', () => {
    const pairs: [number, number][] = [
      [0.5 + 1e-12, 0.25],
      [0.5, 0.25],
      [0.5 - 1e-12, 0.25],
    ];
    const { sd: spread, halfWidth, mean: m } = pairedDifferences(pairs);
    // 1e-12 is about 4,500 units in the last place of 0.5: well beyond rounding.
    expect(spread / 1e-12).toBeCloseTo(1, 4);
    expect(halfWidth / spread).toBeCloseTo(4.302653 / Math.sqrt(3), 5);
    expect(m).toBeCloseTo(0.25, 15);
    expect(pairedDifferences([[1, 0]]).halfWidth).toBeNaN();
  });
});
