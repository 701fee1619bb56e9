/**
 * The pure parts of sweeps: designs, seeds, Morris elementary effects on toy functions whose
 * effects are known exactly, and the sequential replication rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designPoints, gridValues, morrisEffects, nextTarget, rankByMuStar, runSeed, widestHalfWidth, type Factor } from '../../sim/index.ts';
import { hashIntegers } from '../../sim/random/keyed.ts';

const unitFactors = (k: number): Factor[] => Array.from({ length: k }, (_, j) => ({ path: `x${j}`, min: 0, max: 1 }));

describe('grid designs', () => {
  it('run every combination, the last parameter fastest', () => {
    const { values, unit } = designPoints(
      [
        { path: 'a', values: [1, 2] },
        { path: 'b', values: ['x', 'y', 'z'] },
      ],
      { type: 'grid' },
      1,
    );
    expect(values).toEqual([[1, 'x'], [1, 'y'], [1, 'z'], [2, 'x'], [2, 'y'], [2, 'z']]);
    expect(unit).toBeNull();
  });

  it('space levels evenly over a range, ends included, without floating-point noise', () => {
    expect(gridValues({ path: 'a', min: 0.2, max: 1, levels: 5 })).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(gridValues({ path: 'a', min: 2, max: 8, levels: 4, integer: true })).toEqual([2, 4, 6, 8]);
  });
});

describe('Latin hypercube designs', () => {
  it('should put exactly one point in each stratum of every factor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }), fc.nat(), (n, k, seed) => {
        const { unit } = designPoints(unitFactors(k), { type: 'latin-hypercube', points: n }, seed);
        for (let j = 0; j < k; j++) {
          const strata = (unit as number[][]).map((u) => Math.floor(u[j] * n)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        }
      }),
    );
  });

  it('should scale the unit cube onto each range', () => {
    const factors: Factor[] = [{ path: 'a', min: 10, max: 20 }, { path: 'n', min: 1, max: 9, integer: true }];
    const { values, unit } = designPoints(factors, { type: 'latin-hypercube', points: 7 }, 3);
    values.forEach((v, i) => {
      expect(v[0]).toBeCloseTo(10 + 10 * (unit as number[][])[i][0], 12);
      expect(Number.isInteger(v[1])).toBe(true);
    });
  });

  it('should give the same points for the same seed, and others for another', () => {
    const design = { type: 'latin-hypercube', points: 5 } as const;
    expect(designPoints(unitFactors(3), design, 9)).toEqual(designPoints(unitFactors(3), design, 9));
    expect(designPoints(unitFactors(3), design, 9)).not.toEqual(designPoints(unitFactors(3), design, 10));
  });
});

describe('Morris designs', () => {
  it('should move exactly one factor per step, by Δ = p / (2(p − 1)), each factor once per trajectory', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 2, max: 6 }), fc.constantFrom(2, 4, 6, 8), fc.nat(), (k, r, p, seed) => {
        const { unit } = designPoints(unitFactors(k), { type: 'morris', trajectories: r, levels: p }, seed);
        const u = unit as number[][];
        expect(u).toHaveLength(r * (k + 1));
        for (let t = 0; t < r; t++) {
          const moved: number[] = [];
          for (let s = t * (k + 1); s < (t + 1) * (k + 1) - 1; s++) {
            const changed = u[s].map((x, j) => j).filter((j) => u[s][j] !== u[s + 1][j]);
            expect(changed).toHaveLength(1);
            expect(Math.abs(u[s + 1][changed[0]] - u[s][changed[0]])).toBeCloseTo(p / (2 * (p - 1)), 12);
            moved.push(changed[0]);
          }
          expect(moved.sort((a, b) => a - b)).toEqual(Array.from({ length: k }, (_, j) => j));
          for (const x of u.slice(t * (k + 1), (t + 1) * (k + 1)).flat()) expect(x >= 0 && x <= 1 + 1e-12).toBe(true);
        }
      }),
    );
  });
});

describe('Morris elementary effects', () => {
  const design = (k: number, r: number, seed = 7) => designPoints(unitFactors(k), { type: 'morris', trajectories: r, levels: 4 }, seed).unit as number[][];

  it('should give μ = μ* = |a| and σ = 0 for y = a · x of a linear function', () => {
    const a = [3, -2, 0.5, 0];
    const unit = design(4, 6);
    const effects = morrisEffects(unit, 4, unit.map((x) => a.reduce((y, aj, j) => y + aj * x[j], 1)));
    effects.forEach((e, j) => {
      expect(e.n).toBe(6);
      expect(e.mu).toBeCloseTo(a[j], 12);
      expect(e.muStar).toBeCloseTo(Math.abs(a[j]), 12);
      expect(e.sigma).toBeCloseTo(0, 12);
    });
    expect(rankByMuStar(effects)).toEqual([1, 2, 3, 4]);
  });

  it('should give the known effects of x² and of an interaction on the 4-level grid', () => {
    // y = x0² + 2·x1·x2. On levels {0, 1/3, 2/3, 1} with Δ = 2/3, a step of x0 from 0 to 2/3 has
    // effect (4/9)/(2/3) = 2/3, from 1/3 to 1 has (1 − 1/9)/(2/3) = 4/3; a step of x1 has 2·x2.
    const unit = design(3, 20);
    const y = unit.map((x) => x[0] ** 2 + 2 * x[1] * x[2]);
    const effects = morrisEffects(unit, 3, y);
    const expected: number[][] = [[], [], []];
    for (let start = 0; start < unit.length; start += 4) {
      for (let s = start; s < start + 3; s++) {
        const j = unit[s].findIndex((x, i) => x !== unit[s + 1][i]);
        const [from, to] = [unit[s], unit[s + 1]];
        // The effect is the same whichever way the step goes: the slope between the two levels.
        const low = Math.min(from[j], to[j]);
        expected[j].push(j === 0 ? 2 * low + 2 / 3 : 2 * from[j === 1 ? 2 : 1]);
      }
    }
    for (let j = 0; j < 3; j++) {
      const mu = expected[j].reduce((s, v) => s + v, 0) / expected[j].length;
      expect(effects[j].mu).toBeCloseTo(mu, 12);
      expect(effects[j].muStar).toBeCloseTo(expected[j].reduce((s, v) => s + Math.abs(v), 0) / expected[j].length, 12);
    }
    for (const e of expected[0]) expect([2 / 3, 4 / 3].some((v) => Math.abs(v - e) < 1e-12)).toBe(true);
    expect(effects[1].sigma).toBeGreaterThan(0);
  });

  it('should let μ* see effects of opposite sign that cancel in μ', () => {
    // y = 4(x0 − 1/2)² falls then rises: a step from 0 to 2/3 has effect −4/3, from 1/3 to 1, +4/3.
    const unit = design(2, 30, 11);
    const effects = morrisEffects(unit, 2, unit.map((x) => 4 * (x[0] - 0.5) ** 2));
    expect(effects[0].muStar).toBeCloseTo(4 / 3, 12);
    expect(Math.abs(effects[0].mu)).toBeLessThan(effects[0].muStar - 0.1);
    expect(effects[1].muStar).toBe(0);
  });

  it('should skip a step whose output is missing', () => {
    const unit = design(2, 3);
    const y: (number | null)[] = unit.map((x) => x[0] + x[1]);
    y[0] = null; // the first step of the first trajectory has no effect
    const effects = morrisEffects(unit, 2, y);
    expect(effects[0].n + effects[1].n).toBe(5);
  });

  it('should rank by μ* from the largest, missing last, ties in factor order', () => {
    const e = (muStar: number) => ({ n: 2, mu: muStar, muStar, sigma: 0 });
    expect(rankByMuStar([e(1), e(3), e(NaN), e(3), e(0)])).toEqual([3, 1, 5, 2, 4]);
  });
});

describe('sweep seeds', () => {
  it('are a pure function of (sweep seed, point, replicate)', () => {
    expect(runSeed(1, 0, 0)).toBe(runSeed(1, 0, 0));
    expect(runSeed(1, 0, 0)).toBe(hashIntegers([0x537770, 1, 0, 0]));
    expect(new Set([runSeed(1, 0, 0), runSeed(1, 0, 1), runSeed(1, 1, 0), runSeed(2, 0, 0)]).size).toBe(4);
  });

  it('should be unsigned 32-bit integers, valid for kith run --seed', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 1e6 }), fc.nat({ max: 1e4 }), (s, p, r) => {
        const seed = runSeed(s, p, r);
        expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
      }),
    );
  });

  it('should keep a fixed value, so that seeds printed in points.csv stay valid across versions', () => {
    expect([runSeed(1, 0, 0), runSeed(1, 0, 1), runSeed(42, 7, 3)]).toMatchInlineSnapshot(`
      [
        1436853759,
        3535369714,
        2499946418,
      ]
    `);
  });
});

describe('sequential replication', () => {
  const rule = { precision: 0.1, batch: 3, max: 9 };

  it('should judge by the widest half-width over arms, NaN while an arm has fewer than two values', () => {
    // Arm 2: sd 1 over 3 values, t(0.975, 2) = 4.3026527.
    expect(widestHalfWidth([[1, 1, 1], [1, 2, 3]])).toBeCloseTo(4.3026527 / Math.sqrt(3), 6);
    expect(widestHalfWidth([[1, 2], [1, null]])).toBeNaN();
  });

  it('should add a batch until the target or the maximum', () => {
    expect(nextTarget(rule, 3, 0.5)).toBe(6);
    expect(nextTarget(rule, 3, NaN)).toBe(6);
    expect(nextTarget(rule, 6, 0.05)).toBe(6);
    expect(nextTarget(rule, 9, 0.5)).toBe(9);
    expect(nextTarget({ ...rule, max: 7 }, 6, 0.5)).toBe(7);
  });
});
