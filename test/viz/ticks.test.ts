/** Tick labels take their precision from the ticks: no two ticks of an axis read alike. */
import { scaleLinear } from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TICKS } from '../../viz/charts/ticks.ts';

const labels = (domain: [number, number], count: number, specifier: string) => {
  const scale = scaleLinear().domain(domain).nice(count);
  return scale.ticks(count).map(scale.tickFormat(count, specifier));
};

describe('TICKS', () => {
  it('should label support ticks 0.005 apart with three decimals', () => {
    expect(labels([0, 0.02], 4, TICKS.decimal)).toEqual(['0.000', '0.005', '0.010', '0.015', '0.020']);
  });

  it('should label shares half a percent apart with one decimal', () => {
    expect(labels([0, 0.02], 4, TICKS.percent)).toEqual(['0.0%', '0.5%', '1.0%', '1.5%', '2.0%']);
  });

  it('should never give two ticks of an axis the same label', () => {
    const domain = fc
      .tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 1e-4, max: 100, noNaN: true }))
      .map(([lo, span]): [number, number] => [lo, lo + span]);
    fc.assert(
      fc.property(domain, fc.integer({ min: 2, max: 12 }), fc.constantFrom(...Object.values(TICKS)), (d, count, specifier) => {
        const shown = labels(d, count, specifier);
        return new Set(shown).size === shown.length;
      }),
    );
  });
});
