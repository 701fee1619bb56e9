/**
 * Support received per function, by where it came from: for one arm, three small multiples
 * (emotional, informational, instrumental), each the mean support per person per day stacked by
 * source layer — household to self-help group. Both arms share the y scale, so heights compare.
 */
import { area, axisBottom, axisLeft, scaleLinear } from 'd3';
import { FUNCTIONS, LAYERS, type CrisisWindow } from '../../sim/index.ts';
import { LAYER_COLOURS, theme } from '../palette.ts';
import { FLOWS_PER_DAY } from '../series.ts';
import { Figure, type FigureOptions, type G, type Table } from './figure.ts';
import { drawLegend, layoutLegend } from './legend.ts';
import { textWidth } from './measure.ts';
import { leftAxisWidth, TICKS } from './ticks.ts';
import { drawDayMarker, drawTimeFrame, styleAxis } from './time.ts';

export interface FlowsData {
  readonly days: number;
  readonly recorded: number;
  /** `[day · 21 + 3 · layer + f]`. */
  readonly flows: Float64Array;
  readonly crisis: CrisisWindow | null;
  readonly day: number | null;
  /** The top of the shared y scale. */
  readonly yMax: number;
}

/** The highest day's total of any function: the shared scale's top. */
export function flowsMax(flows: Float64Array, recorded: number): number {
  let max = 0;
  for (let d = 0; d < recorded; d++) {
    for (let f = 0; f < 3; f++) {
      let total = 0;
      for (let l = 0; l < LAYERS.length; l++) total += flows[d * FLOWS_PER_DAY + 3 * l + f] || 0;
      max = Math.max(max, total);
    }
  }
  return max;
}

/** Lengths in ems of the chart's type, so presenter mode's larger type keeps its room. */
const layout = (em: number) => ({ top: 2 * em + 8, right: 8, axis: em + 11, legend: em + 3, gap: 1.5 * em });
const Y_TICKS = 4;

export class FlowsChart {
  readonly figure: Figure;

  constructor(parent: HTMLElement, options: FigureOptions) {
    this.figure = new Figure(parent, options);
  }

  draw(data: FlowsData): void {
    // The legend of layers takes the rows it needs below the plots; the chart grows by the rows past the first.
    const legend = layoutLegend(LAYERS.map((layer) => ({ label: layer, colour: LAYER_COLOURS[layer], swatch: 'square' as const })), this.figure.width - 8);
    const extra = Math.max(0, legend.rows - 1) * legend.rowHeight;
    const width = this.figure.clear(extra);
    const height = this.figure.drawnHeight;
    const m = layout(theme.fontSize);
    const h = height - extra - m.top - m.axis - m.legend;
    const y = scaleLinear().domain([0, data.yMax || 1]).range([h, 0]).nice(Y_TICKS);
    const left = Math.ceil(4 + leftAxisWidth(y, Y_TICKS, TICKS.decimal));
    const w = (width - left - m.right - 2 * m.gap) / 3;
    const x = scaleLinear().domain([0, Math.max(1, data.days - 1)]).range([0, w]);
    const days = Array.from({ length: data.recorded }, (_, d) => d);
    const svg = this.figure.svg;
    svg.append('text').attr('x', 4).attr('y', theme.fontSize + 1).attr('fill', theme.muted).text('need units per person per day');

    FUNCTIONS.forEach((fn, f) => {
      const plot = svg.append('g').attr('class', `function-${fn}`).attr('transform', `translate(${left + f * (w + m.gap)},${m.top})`) as unknown as G;
      // A function's name in a smaller type where the panel is narrower than it (presenter mode, 1280 px).
      const size = Math.min(theme.fontSize, (theme.fontSize * w) / textWidth(fn, theme.fontSize, 600));
      plot.append('text').attr('x', 0).attr('y', -6).attr('fill', theme.text).attr('font-weight', 600).attr('font-size', size).text(fn);
      drawTimeFrame(plot, x, h, { ...data, lockdown: undefined }, false);
      const base = new Float64Array(data.recorded);
      LAYERS.forEach((layer, l) => {
        const lo = base.slice();
        for (const d of days) base[d] += data.flows[d * FLOWS_PER_DAY + 3 * l + f] || 0;
        const path = area<number>()
          .x((d) => x(d))
          .y0((d) => y(lo[d]))
          .y1((d) => y(base[d]));
        plot.append('path').attr('class', `flow flow-${layer}`).attr('d', path(days) ?? '').attr('fill', LAYER_COLOURS[layer]).attr('fill-opacity', 0.85).attr('stroke', 'none');
      });
      styleAxis(plot.append('g').attr('transform', `translate(0,${h})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(w / (3 * theme.fontSize))))) as unknown as G);
      if (f === 0) styleAxis(plot.append('g').call(axisLeft(y).ticks(Y_TICKS, TICKS.decimal)) as unknown as G);
      if (data.day !== null && data.day >= 0) drawDayMarker(plot, x(data.day), h, data.day);
    });
    drawLegend(svg.append('g').attr('class', 'legend').attr('transform', `translate(4,${height - extra - 4})`) as unknown as G, legend);
    this.figure.table = () => tableOf(data);
  }
}

function tableOf(data: FlowsData): Table {
  const columns = ['day', 'layer', 'function', 'support'].map((name) => ({ name, type: 'string' as const, description: '' }));
  const rows: (string | number)[][] = [];
  for (let d = 0; d < data.recorded; d++) {
    LAYERS.forEach((layer, l) => FUNCTIONS.forEach((fn, f) => rows.push([d, layer, fn, data.flows[d * FLOWS_PER_DAY + 3 * l + f]])));
  }
  return { columns, rows };
}
