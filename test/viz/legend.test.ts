/** A chart's legend wraps onto more rows; it never drops an entry. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutLegend, legendPlaces } from '../../viz/charts/legend.ts';

const widths = fc.array(fc.double({ min: 1, max: 400, noNaN: true }), { maxLength: 20 });
const width = fc.double({ min: 20, max: 1200, noNaN: true });

describe('legendPlaces', () => {
  it('should place entries left to right and wrap the one that does not fit', () => {
    expect(legendPlaces([50, 50, 50], 120, 10)).toEqual([
      { x: 0, row: 0 },
      { x: 60, row: 0 },
      { x: 0, row: 1 },
    ]);
  });

  it('should give an entry wider than a row a row of its own', () => {
    expect(legendPlaces([30, 200, 30], 100, 10)).toEqual([
      { x: 0, row: 0 },
      { x: 0, row: 1 },
      { x: 0, row: 2 },
    ]);
  });

  it('should give every entry a place', () => {
    fc.assert(fc.property(widths, width, (ws, w) => legendPlaces(ws, w, 10).length === ws.length));
  });

  it('should keep every row within the width, but for an entry alone on its row', () => {
    fc.assert(
      fc.property(widths, width, (ws, w) =>
        legendPlaces(ws, w, 10).every((p, k) => p.x === 0 || p.x + ws[k] <= w),
      ),
    );
  });

  it('should keep the entries in order, rows from top to bottom', () => {
    fc.assert(
      fc.property(widths, width, (ws, w) => {
        const places = legendPlaces(ws, w, 10);
        return places.every((p, k) => k === 0 || p.row > places[k - 1].row || (p.row === places[k - 1].row && p.x > places[k - 1].x));
      }),
    );
  });
});

describe('layoutLegend', () => {
  it('should make a band’s sample as wide as its squares, one per colour', () => {
    const label = '10–90% band';
    const width = (colours: string[]) => layoutLegend([{ label, colour: colours[0], colours, swatch: 'band' }, { label: 'x', colour: '#000000' }], 1000).places[1].x;
    expect(width(['#0072B2', '#D55E00', '#009E73']) - width(['#0072B2', '#D55E00'])).toBe(10);
  });

  it('should lay out all of a person panel’s five entries in a narrow chart, on more than one row', () => {
    const entries = ['emotional', 'informational', 'instrumental', 'no-online-shg', 'online-shg'].map((label) => ({ label, colour: '#000000' }));
    const layout = layoutLegend(entries, 360);
    expect(layout.places).toHaveLength(5);
    expect(layout.rows).toBeGreaterThan(1);
  });
});
