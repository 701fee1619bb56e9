/**
 * A chart over the days of a run: lines and bands per arm, the crisis window shaded, days of
 * lockdown marked, and the day shown as a vertical marker. The wellbeing and prevalence charts are
 * this chart with different series.
 */
import { area, axisBottom, axisLeft, line, scaleLinear } from 'd3';
import type { CrisisWindow } from '../../sim/index.ts';
import { theme, withFontSize } from '../palette.ts';
import { Figure, type FigureOptions, type G, type Svg, type Table } from './figure.ts';
import { bandOpacity, drawLegend, layoutLegend, type LegendEntry } from './legend.ts';
import { textWidth } from './measure.ts';
import { leftAxisWidth } from './ticks.ts';

export interface Line {
  readonly label: string;
  readonly colour: string;
  readonly dash?: string;
  /** Extra stroke width: a line drawn wider under another stays visible where they coincide. */
  readonly wider?: number;
  readonly y: (day: number) => number;
  /** Days with values: 0 … recorded − 1. */
  readonly recorded: number;
}

export interface Band {
  readonly label: string;
  readonly colour: string;
  readonly lo: (day: number) => number;
  readonly hi: (day: number) => number;
  readonly recorded: number;
}

export interface TimeData {
  readonly days: number;
  readonly lines: readonly Line[];
  readonly bands?: readonly Band[];
  readonly crisis: CrisisWindow | null;
  /** Whether a lockdown is in force on a day (of the first arm). */
  readonly lockdown?: (day: number) => boolean;
  readonly recordedLockdown?: number;
  /** The day shown, or null. */
  readonly day: number | null;
  readonly yLabel: string;
  /** The y ticks' format, one of TICKS (charts/ticks.ts): its precision comes from the ticks. */
  readonly yFormat: string;
  /** Fixed y range; else fitted to the data drawn. */
  readonly yDomain?: [number, number];
  /** The legend's entries; by default, one per line. */
  readonly legend?: readonly LegendEntry[];
}

/** Lengths in ems of the chart's type, so presenter mode's larger type keeps its room. */
const layout = (em: number) => ({ top: em + 15, right: 12, bottom: em + 11 });

/**
 * The legend's rows above the plot in a chart `width` wide; the plot's top below them. Without a
 * legend (drawn apart) the top margin stays: the lockdown's marks and the top tick's label need
 * some of it, and the person's panel shows a chart's download buttons there.
 */
function legendAbove(entries: readonly LegendEntry[] | null, width: number) {
  const legend = entries ? layoutLegend(entries, width - theme.fontSize - 8) : null;
  // The first row has the top margin's room; the chart grows by the rows past it.
  const extra = legend ? Math.max(0, legend.rows - 1) * legend.rowHeight : 0;
  return { legend, extra, top: layout(theme.fontSize).top + extra };
}

/** Draws the crisis window, lockdown days and the day marker into a plot area. */
export function drawTimeFrame(plot: G, x: (day: number) => number, height: number, data: Pick<TimeData, 'crisis' | 'lockdown' | 'recordedLockdown' | 'days'>, label = true): void {
  if (data.crisis) {
    const x0 = x(data.crisis.start);
    const x1 = x(Math.min(data.crisis.end, data.days - 1));
    plot.append('rect').attr('class', 'crisis-window').attr('x', x0).attr('y', 0).attr('width', Math.max(1, x1 - x0)).attr('height', height).attr('fill', theme.crisis);
    if (label) plot.append('text').attr('class', 'crisis-label').attr('x', x0 + 3).attr('y', 11).attr('fill', theme.muted).text('crisis');
  }
  if (data.lockdown) {
    const days = data.recordedLockdown ?? data.days;
    let start = -1;
    for (let d = 0; d <= days; d++) {
      const on = d < days && data.lockdown(d);
      if (on && start < 0) start = d;
      if (!on && start >= 0) {
        plot.append('rect').attr('class', 'lockdown-days').attr('x', x(start)).attr('y', -4).attr('width', Math.max(1, x(d - 1) - x(start))).attr('height', 3).attr('fill', theme.lockdown);
        start = -1;
      }
    }
  }
}

export function drawDayMarker(plot: G, x: number, height: number, day: number): void {
  const marker = plot.append('g').attr('class', 'day-marker').attr('transform', `translate(${x},0)`);
  marker.append('line').attr('y1', 0).attr('y2', height).attr('stroke', theme.text).attr('stroke-width', 1).attr('stroke-dasharray', '2,2');
  marker.append('text').attr('x', 3).attr('y', height - 3).attr('fill', theme.text).attr('font-size', theme.fontSize - 1).text(`day ${day}`);
}

export function styleAxis(axis: G): void {
  axis.attr('font-size', theme.fontSize).attr('font-family', theme.font);
  axis.selectAll('text').attr('fill', theme.muted);
  axis.selectAll('line,path').attr('stroke', theme.grid);
}

export class TimeChart {
  readonly figure: Figure;
  /**
   * The legend is drawn apart from the chart, as a key shared with others (the person's panel's
   * charts side by side): the SVG on screen has none; its exported files still have it.
   */
  legendApart = false;

  constructor(parent: HTMLElement, options: FigureOptions) {
    this.figure = new Figure(parent, options);
  }

  /**
   * The plot's height in an SVG `height` high at the chart's width, with `legend` above it (none
   * where it is drawn apart): what the person's panel weighs its layouts by.
   */
  plotHeight(height: number, legend: readonly LegendEntry[]): number {
    return height - legendAbove(this.legendApart ? null : legend, this.figure.width).top - layout(theme.fontSize).bottom;
  }

  draw(data: TimeData): void {
    // The legend takes the rows it needs above the plot; the chart grows by the rows past the first.
    const entries = data.legend ?? data.lines;
    const above = legendAbove(this.legendApart ? null : entries, this.figure.width);
    const width = this.figure.clear(above.extra);
    this.render(this.figure.svg, width, this.figure.drawnHeight, data, above);
    this.figure.table = () => tableOf(data);
    if (!this.legendApart) {
      this.figure.exportSource = null;
      return;
    }
    // Exported, the chart has its legend: above the plot, the plot the height it has on screen.
    const em = theme.fontSize;
    const height = this.figure.drawnHeight;
    this.figure.exportSource = () =>
      withFontSize(em, () => {
        const copy = legendAbove(entries, width);
        const svg = this.figure.blank(width, height + copy.extra);
        this.render(svg, width, height + copy.extra, data, copy);
        return svg.node() as SVGSVGElement;
      });
  }

  /** Draws `data` into `svg`, sized `width` × `height` and empty, its legend (if any) above the plot. */
  private render(svg: Svg, width: number, height: number, data: TimeData, { legend, top }: ReturnType<typeof legendAbove>): void {
    const m = layout(theme.fontSize);
    const h = height - top - m.bottom;
    let lo = Infinity;
    let hi = -Infinity;
    const extend = (v: number) => {
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    };
    for (const l of data.lines) for (let d = 0; d < l.recorded; d++) extend(l.y(d));
    for (const b of data.bands ?? []) {
      for (let d = 0; d < b.recorded; d++) {
        extend(b.lo(d));
        extend(b.hi(d));
      }
    }
    const domain = data.yDomain ?? (Number.isFinite(lo) ? [Math.max(0, lo - 0.1 * (hi - lo + 0.01)), hi + 0.1 * (hi - lo + 0.01)] : [0, 1]);
    const yTicks = Math.max(2, Math.floor(h / (2.5 * theme.fontSize)));
    const y = scaleLinear().domain(domain).range([h, 0]).nice(yTicks);
    // Left of the plot: the rotated y label (an em and a half), then the tick labels, as wide as they are.
    const left = Math.ceil(1.5 * theme.fontSize + leftAxisWidth(y, yTicks, data.yFormat));
    const w = width - left - m.right;
    const x = scaleLinear().domain([0, Math.max(1, data.days - 1)]).range([0, w]);

    const plot = svg.append('g').attr('transform', `translate(${left},${top})`) as unknown as G;
    drawTimeFrame(plot, x, h, data);
    styleAxis(plot.append('g').attr('transform', `translate(0,${h})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(w / (6 * theme.fontSize))))) as unknown as G);
    styleAxis(plot.append('g').call(axisLeft(y).ticks(yTicks, data.yFormat)) as unknown as G);
    // Beside the middle of the plot, but never past the chart's top or bottom: a short plot (the
    // person's panel fits its charts to its room) keeps its label whole.
    const half = textWidth(data.yLabel) / 2;
    const yMiddle = Math.max(Math.min(top + h / 2, height - half), Math.min(half, height / 2));
    svg
      .append('text')
      .attr('class', 'y-label')
      .attr('transform', `translate(${theme.fontSize},${yMiddle}) rotate(-90)`)
      .attr('text-anchor', 'middle')
      .attr('fill', theme.muted)
      .text(data.yLabel);

    for (const b of data.bands ?? []) {
      const days = Array.from({ length: b.recorded }, (_, d) => d);
      const path = area<number>()
        .defined((d) => Number.isFinite(b.lo(d)) && Number.isFinite(b.hi(d)))
        .x((d) => x(d))
        .y0((d) => y(b.lo(d)))
        .y1((d) => y(b.hi(d)));
      plot.append('path').attr('class', 'band').attr('d', path(days) ?? '').attr('fill', b.colour).attr('fill-opacity', bandOpacity(data.bands?.length ?? 1)).attr('stroke', 'none');
    }
    for (const l of data.lines) {
      const days = Array.from({ length: l.recorded }, (_, d) => d);
      const path = line<number>()
        .defined((d) => Number.isFinite(l.y(d)))
        .x((d) => x(d))
        .y((d) => y(l.y(d)));
      plot
        .append('path')
        .attr('class', 'series')
        .attr('data-label', l.label)
        .attr('d', path(days) ?? '')
        .attr('fill', 'none')
        .attr('stroke', l.colour)
        .attr('stroke-width', theme.stroke + (l.wider ?? 0))
        .attr('stroke-dasharray', l.dash ?? null);
    }
    if (data.day !== null && data.day >= 0) drawDayMarker(plot, x(data.day), h, data.day);
    if (legend) drawLegend(svg.append('g').attr('class', 'legend').attr('transform', `translate(${theme.fontSize + 4},${theme.fontSize + 1})`) as unknown as G, legend);
  }
}

/** The data a chart draws, one row per day. */
function tableOf(data: TimeData): Table {
  const columns = [
    { name: 'day', type: 'integer' as const, description: '' },
    ...data.lines.map((l) => ({ name: l.label, type: 'number' as const, description: '' })),
    ...(data.bands ?? []).flatMap((b) => [`${b.label} low`, `${b.label} high`].map((name) => ({ name, type: 'number' as const, description: '' }))),
  ];
  const recorded = Math.max(0, ...data.lines.map((l) => l.recorded));
  const rows = Array.from({ length: recorded }, (_, d) => [
    d,
    ...data.lines.map((l) => (d < l.recorded ? l.y(d) : null)),
    ...(data.bands ?? []).flatMap((b) => (d < b.recorded ? [b.lo(d), b.hi(d)] : [null, null])),
  ]);
  return { columns, rows };
}
