/** Tick labels take their precision from the ticks: no two ticks of an axis read alike, nor crowd each other. */
import { scaleLinear } from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../viz/charts/measure.ts';
import { spacedTicks, TICKS } from '../../viz/charts/ticks.ts';

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

describe('spacedTicks', () => {
  /** Space between each label and the next, centred on their ticks. */
  const gaps = (scale: ReturnType<typeof scaleLinear<number, number>>, { values, format }: ReturnType<typeof spacedTicks>, size: number) =>
    values.slice(1).map((v, k) => scale(v) - textWidth(format(v), size) / 2 - (scale(values[k]) + textWidth(format(values[k]), size) / 2));

  it('should drop the middle tick of −0.02 −0.01 0.00 in a narrow panel at presenter mode’s type', () => {
    const x = scaleLinear().domain([-0.022, 0.001]).range([0, 140]).nice();
    const { values, format } = spacedTicks(x, 2, TICKS.decimal, 11, 16);
    expect(values.map(format)).toEqual(['−0.02', '0.00']);
  });

  it('should keep the ticks d3 gives where their labels fit', () => {
    const x = scaleLinear().domain([0, 1]).range([0, 600]);
    expect(spacedTicks(x, 5, TICKS.decimal, 8, 11).values).toEqual(x.ticks(5));
  });

  it('should set the labels at least the gap apart, keeping a tick, whatever the domain and width', () => {
    const domain = fc
      .tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 1e-4, max: 100, noNaN: true }))
      .map(([lo, span]): [number, number] => [lo, lo + span]);
    fc.assert(
      fc.property(domain, fc.integer({ min: 60, max: 600 }), fc.integer({ min: 2, max: 12 }), fc.constantFrom(11, 16), (d, width, count, size) => {
        const x = scaleLinear().domain(d).range([0, width]).nice();
        const ticks = spacedTicks(x, count, TICKS.decimal, size / 2, size);
        return ticks.values.length >= 1 && gaps(x, ticks, size).every((g) => g >= size / 2);
      }),
    );
  });
});
