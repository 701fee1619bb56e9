/**
 * The resilience metrics per subgroup: each arm's value (with its 95% interval when there are
 * replicates) and the difference between arms against the reference, beside a line at zero.
 */
import { axisBottom, format, scaleLinear } from 'd3';
import { theme } from '../palette.ts';
import { hasValue, type Estimate } from '../series.ts';
import { Figure, type FigureOptions, type G, type Table } from './figure.ts';
import { DOT_RADIUS, drawLegend, layoutLegend, type LegendEntry } from './legend.ts';
import { textWidth, wrapText } from './measure.ts';
import { spacedTicks, TICKS } from './ticks.ts';
import { styleAxis } from './time.ts';

/** A series of the chart: an arm's estimates, or an arm's difference from the reference, per subgroup. */
export interface EstimateSeries {
  readonly name: string;
  readonly colour: string;
  readonly values: readonly (Estimate | null)[];
}

export interface MetricsData {
  readonly metric: string;
  readonly unit: string;
  readonly subgroups: readonly string[];
  readonly arms: readonly EstimateSeries[];
  /** Each non-reference arm minus the reference, per subgroup. */
  readonly differences: readonly EstimateSeries[];
  readonly reference: string;
  /** Why no arm has a value yet (a live run before the days the metric needs), drawn in their place. */
  readonly pending?: string | null;
  /** The key to the dots' colours: one entry per arm. */
  readonly legend: readonly LegendEntry[];
  /** Per panel and subgroup, why the row has no mark (drawn as “—” with this as its tooltip); null where it has one. */
  readonly hints: { readonly arms: readonly (string | null)[]; readonly difference: readonly (string | null)[] };
}

/** The least space between two tick labels of a panel's axis, in ems. */
export const TICK_GAP = 2 / 3;

/** Lengths in ems of the chart's type, so presenter mode's larger type keeps its room. */
const layout = (em: number) => ({ row: em + 8, top: 2 * em + 12, bottom: 2 * em + 2, gap: 3 * em, right: 1.5 * em });

function extent(values: readonly (Estimate | null)[][], zero: boolean): [number, number] {
  let lo = zero ? 0 : Infinity;
  let hi = zero ? 0 : -Infinity;
  for (const list of values) {
    for (const v of list) {
      if (!hasValue(v)) continue;
      lo = Math.min(lo, v.lo ?? v.mean, v.mean);
      hi = Math.max(hi, v.hi ?? v.mean, v.mean);
    }
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (lo === hi) return [lo - 0.5 * (Math.abs(lo) || 1), hi + 0.5 * (Math.abs(hi) || 1)];
  const pad = 0.06 * (hi - lo);
  return [lo - pad, hi + pad];
}

export class MetricsChart {
  readonly figure: Figure;

  constructor(parent: HTMLElement, options: FigureOptions) {
    this.figure = new Figure(parent, options);
  }

  draw(data: MetricsData): void {
    const m = layout(theme.fontSize);
    const { row } = m;
    const h = row * data.subgroups.length;
    // The key follows the metric's name on the first line, onto more rows if it needs them.
    const heading = `${data.metric} (${data.unit})`;
    const keyAt = 4 + textWidth(heading) + 2 * theme.fontSize;
    const key = layoutLegend(data.legend, this.figure.width - keyAt - m.right);
    const top = m.top + Math.max(0, key.rows - 1) * key.rowHeight;
    // In ems already: undo the Figure's enlargement of heights in presenter mode.
    this.figure.height = (top + h + m.bottom) / (theme.presenter ? 1.2 : 1);
    const width = this.figure.clear();
    // The subgroups' names, then the arms' panel and the difference panel; room on the right for
    // half of the last tick's label, which is centred on the panel's end.
    const labels = 12 + Math.max(...data.subgroups.map((s) => textWidth(s)));
    const panel = (width - labels - m.gap - m.right) / 2;
    const svg = this.figure.svg;
    svg.append('text').attr('x', 4).attr('y', theme.fontSize + 1).attr('fill', theme.muted).text(heading);
    drawLegend(svg.append('g').attr('class', 'legend').attr('transform', `translate(${keyAt},${theme.fontSize + 1})`) as unknown as G, key);

    const rows = svg.append('g').attr('transform', `translate(0,${top})`);
    data.subgroups.forEach((s, i) => {
      if (i % 2 === 0) rows.append('rect').attr('x', 0).attr('y', i * row).attr('width', width).attr('height', row).attr('fill', '#f6f6f8');
      rows.append('text').attr('class', 'subgroup').attr('x', 4).attr('y', i * row + row / 2).attr('dy', '0.35em').attr('fill', theme.text).text(s);
    });

    const drawPanel = (x0: number, title: string, series: MetricsData['arms'], zero: boolean, className: string, hints: readonly (string | null)[]) => {
      const [lo, hi] = extent(series.map((a) => [...a.values]), zero);
      const x = scaleLinear().domain([lo, hi]).range([0, panel]).nice();
      const g = svg.append('g').attr('class', className).attr('transform', `translate(${x0},${top})`) as unknown as G;
      svg.append('text').attr('x', x0).attr('y', top - 8).attr('fill', theme.text).attr('font-weight', 600).text(title);
      // No values yet: no scale to read (the pending note says why).
      if (data.pending) return;
      if (zero) g.append('line').attr('x1', x(0)).attr('x2', x(0)).attr('y1', 0).attr('y2', h).attr('stroke', theme.muted).attr('stroke-width', 1);
      // The tick labels at least two-thirds of an em apart: negative differences are wide.
      const ticks = spacedTicks(x, Math.max(2, Math.floor(panel / (5 * theme.fontSize))), TICKS.decimal, TICK_GAP * theme.fontSize);
      styleAxis(g.append('g').attr('transform', `translate(0,${h})`).call(axisBottom(x).tickValues(ticks.values).tickFormat(ticks.format)) as unknown as G);
      hints.forEach((hint, i) => hint && drawNoValue(g, panel, i * row, row, hint));
      series.forEach((arm, k) => {
        const dy = series.length > 1 ? (k - (series.length - 1) / 2) * 4 : 0;
        arm.values.forEach((v, i) => {
          if (!hasValue(v)) return;
          const cy = i * row + row / 2 + dy;
          const mark = g.append('g').attr('class', 'estimate').attr('data-arm', arm.name).attr('data-subgroup', data.subgroups[i]).attr('data-value', v.mean);
          if (v.lo !== undefined && v.hi !== undefined && Number.isFinite(v.lo) && Number.isFinite(v.hi)) {
            mark.append('line').attr('x1', x(v.lo)).attr('x2', x(v.hi)).attr('y1', cy).attr('y2', cy).attr('stroke', arm.colour).attr('stroke-width', theme.stroke);
          }
          mark.append('circle').attr('cx', x(v.mean)).attr('cy', cy).attr('r', DOT_RADIUS()).attr('fill', arm.colour);
          mark.append('title').text(`${arm.name}, ${data.subgroups[i]}: ${format('.4~g')(v.mean)}${v.lo !== undefined ? ` (95% CI ${format('.4~g')(v.lo)} to ${format('.4~g')(v.hi ?? NaN)})` : ''}`);
        });
      });
    };
    drawPanel(labels, 'arms', data.arms, false, 'arms-panel', data.hints.arms);
    drawPanel(labels + panel + m.gap, 'difference', data.differences, true, 'difference-panel', data.hints.difference);
    if (data.pending) this.drawPending(data.pending, labels, width, top + h / 2);
    this.figure.table = () => tableOf(data);
  }

  /** A note in a box over the two panels, in as many lines as it takes, centred on `y`. */
  private drawPending(text: string, left: number, width: number, y: number): void {
    const room = width - left - 24;
    const lines = wrapText(text, room);
    const lineHeight = theme.fontSize * 1.25;
    const w = Math.max(...lines.map((l) => textWidth(l))) + 16;
    const h = lines.length * lineHeight + 8;
    const note = this.figure.svg.append('g').attr('class', 'pending').attr('transform', `translate(${left + (width - left) / 2},${y})`);
    note.append('rect').attr('x', -w / 2).attr('y', -h / 2).attr('width', w).attr('height', h).attr('rx', 4).attr('fill', '#ffffff').attr('stroke', theme.grid);
    const label = note.append('text').attr('text-anchor', 'middle').attr('fill', theme.text);
    lines.forEach((line, k) => label.append('tspan').attr('x', 0).attr('y', (k - (lines.length - 1) / 2) * lineHeight).attr('dy', '0.35em').text(line));
  }
}

/**
 * A row of a panel with no mark: a dash in its middle, and why in a tooltip over the whole row,
 * so a blank row is never read as a value of zero or as a fault.
 */
function drawNoValue(g: G, width: number, y: number, height: number, why: string): void {
  const hint = g.append('g').attr('class', 'no-value').attr('data-why', why);
  hint.append('rect').attr('y', y).attr('width', width).attr('height', height).attr('fill', 'transparent');
  hint.append('text').attr('x', width / 2).attr('y', y + height / 2).attr('dy', '0.35em').attr('text-anchor', 'middle').attr('fill', theme.muted).text('—');
  hint.append('title').text(why);
}

function tableOf(data: MetricsData): Table {
  const columns = ['metric', 'series', 'subgroup', 'mean', 'ci_low', 'ci_high'].map((name) => ({ name, type: 'string' as const, description: '' }));
  const rows = [...data.arms, ...data.differences.map((d) => ({ ...d, name: `${d.name} − ${data.reference}` }))].flatMap((series) =>
    series.values.map((v, i) => [data.metric, series.name, data.subgroups[i], v ? v.mean : null, v?.lo ?? null, v?.hi ?? null]),
  );
  return { columns, rows };
}
