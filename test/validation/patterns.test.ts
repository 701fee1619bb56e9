/**
 * Pattern-oriented validation (Grimm et al. 2005): every pattern of MODEL.md §9, each a test, on
 * seeded runs of 5,000 persons and 5 replicates; the mean over replicates must lie in the
 * pattern's target interval. The table `npm run validate` prints is the same computation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PATTERNS } from '../../cli/validation/patterns.ts';
import { validateModel, type PatternResult } from '../../cli/validation/run.ts';

let results: PatternResult[] = [];

beforeAll(() => {
  results = validateModel({ persons: 5000, replicates: 5, seed: 101 });
});

describe('the default world reproduces the patterns of MODEL.md §9', () => {
  for (const pattern of PATTERNS) {
    it(`${pattern.name}: ${pattern.statistic}`, () => {
      const r = results.find((x) => x.pattern === pattern) as PatternResult;
      const ci = `mean ${r.mean} ± ${r.halfWidth} over ${r.values.length} replicates (values ${r.values.map((v) => v.toFixed(4)).join(', ')})`;
      expect(r.mean, ci).toBeGreaterThanOrEqual(pattern.low);
      expect(r.mean, ci).toBeLessThanOrEqual(pattern.high);
    });
  }
});
