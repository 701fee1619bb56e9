/**
 * A chart's legend: entries (a sample and a label) left to right, onto a further row when the
 * next would pass the width. An entry is never dropped — a chart that would be read without it
 * misleads — so the chart asks how many rows it takes and makes the room.
 */
import { theme } from '../palette.ts';
import type { G } from './figure.ts';
import { textWidth } from './measure.ts';

export interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  readonly dash?: string;
  /** How the entry's sample is drawn: a line (the default), a square of fill, a short bar, a dot, a band. */
  readonly swatch?: Swatch;
  /** A band's colours, side by side in its sample: each arm's band is drawn in the arm's colour. */
  readonly colours?: readonly string[];
}

export type Swatch = 'line' | 'square' | 'bar' | 'dot' | 'band';

/** The fill opacity of `count` bands drawn over each other: fainter when there are many. */
export const bandOpacity = (count: number) => (count > 2 ? 0.08 : 0.16);

/** Where each entry starts: its x and its row. */
export interface LegendPlace {
  readonly x: number;
  readonly row: number;
}

/**
 * Places entries of these widths in rows no wider than `width`, `gap` apart; an entry wider
 * than a row has a row of its own. Every entry gets a place.
 */
export function legendPlaces(widths: readonly number[], width: number, gap: number): LegendPlace[] {
  const places: LegendPlace[] = [];
  let x = 0;
  let row = 0;
  for (const w of widths) {
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    places.push({ x, row });
    x += w + gap;
  }
  return places;
}

const GAP = 10;

/** The radius of a chart's dots (the resilience chart's estimates), larger in presenter mode. */
export const DOT_RADIUS = () => (theme.presenter ? 5 : 3.5);
/** A band sample's square per colour, and the step from one to the next. */
const BAND_SQUARE = 8;
const BAND_STEP = 10;

/** The room an entry's sample takes before its label. */
export const sampleWidth = (e: LegendEntry) => {
  const swatch = e.swatch ?? 'line';
  if (swatch === 'band') return (e.colours?.length ?? 1) * BAND_STEP + 3;
  return swatch === 'line' ? 20 : 13;
};

export interface LegendLayout {
  readonly entries: readonly LegendEntry[];
  readonly places: readonly LegendPlace[];
  readonly rows: number;
  /** From one row's baseline to the next. */
  readonly rowHeight: number;
}

export function layoutLegend(entries: readonly LegendEntry[], width: number): LegendLayout {
  const widths = entries.map((e) => sampleWidth(e) + textWidth(e.label));
  const places = legendPlaces(widths, width, GAP);
  return { entries, places, rows: places.length ? Math.max(...places.map((p) => p.row)) + 1 : 0, rowHeight: theme.fontSize + 5 };
}

/** Draws a laid-out legend into `g`, its first row's baseline at y = 0. */
export function drawLegend(g: G, layout: LegendLayout): void {
  layout.entries.forEach((e, k) => {
    const { x, row } = layout.places[k];
    const item = g.append('g').attr('class', 'legend-entry').attr('transform', `translate(${x},${row * layout.rowHeight})`);
    drawSample(item, e);
    item.append('text').attr('x', sampleWidth(e)).attr('y', 0).attr('fill', theme.text).text(e.label);
  });
}

/** Draws an entry's sample into `item`, on the baseline of its label (y = 0). */
export function drawSample(item: G, e: LegendEntry): void {
  const swatch = e.swatch ?? 'line';
  if (swatch === 'square') item.append('rect').attr('y', -8).attr('width', 9).attr('height', 9).attr('fill', e.colour);
  else if (swatch === 'bar') item.append('rect').attr('y', -6).attr('width', 10).attr('height', 3).attr('fill', e.colour);
  else if (swatch === 'band') drawBandSample(item, e.colours ?? [e.colour]);
  else if (swatch === 'dot') item.append('circle').attr('cx', 4.5).attr('cy', -4).attr('r', DOT_RADIUS()).attr('fill', e.colour);
  else item.append('line').attr('x1', 0).attr('x2', 16).attr('y1', -4).attr('y2', -4).attr('stroke', e.colour).attr('stroke-width', theme.stroke + 0.5).attr('stroke-dasharray', e.dash ?? null);
}

/**
 * A band's sample: a square per colour, filled as its band is and edged in its colour — a band as
 * faint as the chart's alone would read as the crisis window's shade.
 */
function drawBandSample(item: G, colours: readonly string[]): void {
  colours.forEach((colour, k) =>
    item
      .append('rect')
      .attr('x', k * BAND_STEP + 0.5)
      .attr('y', -8.5)
      .attr('width', BAND_SQUARE)
      .attr('height', BAND_SQUARE + 1)
      .attr('fill', colour)
      .attr('fill-opacity', 2 * bandOpacity(colours.length))
      .attr('stroke', colour)
      .attr('stroke-width', 1),
  );
}
