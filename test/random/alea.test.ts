import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { Alea } from '../../sim/random/alea.ts';

describe('Alea', () => {
  it('draws the very numbers seedrandom.alea draws, for any seed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (seed) => {
        const ours = new Alea(seed);
        const theirs = seedrandom.alea(seed);
        for (let k = 0; k < 1000; k++) expect(Object.is(ours.next(), theirs())).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps to its stream over millions of draws, as a build of a million persons takes', () => {
    const ours = new Alea('kith:1:network');
    const theirs = seedrandom.alea('kith:1:network');
    let differ = 0;
    for (let k = 0; k < 3_000_000; k++) if (ours.next() !== theirs()) differ++;
    expect(differ).toBe(0);
  });

  it('draws in [0, 1)', () => {
    const rng = new Alea('kith:range');
    let low = 1;
    let high = 0;
    for (let k = 0; k < 100_000; k++) {
      const u = rng.next();
      low = Math.min(low, u);
      high = Math.max(high, u);
    }
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThan(1);
    expect(high - low).toBeGreaterThan(0.999);
  });
});
