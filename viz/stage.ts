/**
 * The live view's layout: the two arms' network panels side by side with the outcome charts
 * beside them, the legend, and below, each arm's support by source and the resilience metrics.
 * It draws what the app hands it; it holds no state of the run.
 */
import { format } from 'd3';
import { RUN_METRICS, SUBGROUPS, type CrisisWindow, type RunMetric } from '../sim/index.ts';
import { FlowsChart, flowsMax } from './charts/flows.ts';
import { MetricsChart } from './charts/metrics.ts';
import { liveNoValue, METRIC_NAMES, metricPending, metricsData, prevalenceData, wellbeingData } from './charts/outcomes.ts';
import { TimeChart } from './charts/time.ts';
import { downloadCanvas, safeFileName } from './export/download.ts';
import { countOf } from './format.ts';
import type { ArmSeries } from './series.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface ArmPanel {
  readonly root: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  readonly name: HTMLElement;
  readonly description: HTMLElement;
  readonly stats: HTMLElement;
  /** Follows a person by number: the way to one from the keyboard, where a click picks one on the canvas. */
  readonly finder: HTMLFormElement;
  readonly finderInput: HTMLInputElement;
}

const pct = format('.1%');

export class Stage {
  readonly root: HTMLElement;
  readonly panels: [ArmPanel, ArmPanel];
  readonly legend: HTMLElement;
  readonly wellbeing: TimeChart;
  readonly prevalence: TimeChart;
  readonly flows: [FlowsChart, FlowsChart];
  readonly metrics: MetricsChart;
  /** The resilience metric shown; the app sets it from the address and hears it change. */
  metric = 'depth';
  onMetric: (metric: string) => void = () => {};
  private readonly metricSelect: HTMLSelectElement;
  /** The scenario shown, for the names of exported files. */
  private scenario = '';

  constructor(parent: HTMLElement) {
    this.root = el('main', 'stage');
    this.root.id = 'live';
    parent.append(this.root);
    this.panels = [this.panel('a'), this.panel('b')];
    const side = el('section', 'side');
    this.root.append(side);
    this.wellbeing = new TimeChart(side, { title: 'Mean wellbeing', concept: 'wellbeing', height: 205, file: 'wellbeing', className: 'wellbeing-chart' });
    this.prevalence = new TimeChart(side, { title: 'Distress and loneliness', concept: 'buffering', height: 175, file: 'prevalence', className: 'prevalence-chart' });
    this.legend = el('div', 'legend');
    this.root.append(this.legend);
    const flowsA = el('section', 'flows a');
    const flowsB = el('section', 'flows b');
    const metrics = el('section', 'metrics');
    this.root.append(flowsA, flowsB, metrics);
    this.flows = [
      new FlowsChart(flowsA, { title: 'Support received, by source', concept: 'functions', height: 190, file: 'support-a', className: 'flows-chart' }),
      new FlowsChart(flowsB, { title: 'Support received, by source', concept: 'functions', height: 190, file: 'support-b', className: 'flows-chart' }),
    ];
    this.metrics = new MetricsChart(metrics, { title: 'Resilience per subgroup', concept: 'metrics', height: 220, file: 'metrics', className: 'metrics-chart' });
    const select = el('select', 'metric-select');
    select.id = 'metric';
    for (const m of METRIC_NAMES) select.append(Object.assign(el('option', undefined, m), { value: m, title: RUN_METRICS.find((r) => r.name === m)?.doc ?? '' }));
    select.value = this.metric;
    select.addEventListener('change', () => {
      this.metric = select.value;
      this.onMetric(select.value);
    });
    this.metricSelect = select;
    // Below the title, not beside it: the title and the tools keep to one line in presenter mode.
    const pick = el('label', 'metric-pick', 'Metric ');
    pick.append(select);
    this.metrics.figure.caption.after(pick);
  }

  /** Shows `metric` (one of METRIC_NAMES, as the address is checked) in the resilience chart. */
  setMetric(metric: string): void {
    this.metric = metric;
    this.metricSelect.value = metric;
  }

  private panel(side: 'a' | 'b'): ArmPanel {
    const root = el('section', `arm-panel ${side}`);
    const head = el('header');
    const swatch = el('span', `swatch ${side}`);
    const name = el('h2', 'arm-name');
    const description = el('p', 'arm-description');
    const png = el('button', 'tool', 'PNG');
    png.type = 'button';
    png.title = 'Download this network as PNG';
    const box = el('div', 'canvas-box');
    const canvas = el('canvas', 'network');
    canvas.setAttribute('role', 'img');
    canvas.id = `network-${side}`;
    const { finder, finderInput } = this.personFinder(side);
    box.append(canvas, finder);
    const stats = el('p', 'arm-stats');
    head.append(swatch, name, png);
    root.append(head, description, box, stats);
    png.addEventListener('click', () => downloadCanvas(canvas, `${safeFileName(name.textContent ?? 'network')}-network.png`));
    this.root.append(root);
    return { root, canvas, name, description, stats, finder, finderInput };
  }

  /**
   * A field to follow a person by number, over the network's corner: hidden from the eye until
   * Tab reaches it (style.css), as a skip link is, so the canvas keeps its room.
   */
  private personFinder(side: 'a' | 'b'): { finder: HTMLFormElement; finderInput: HTMLInputElement } {
    const finder = el('form', 'person-finder');
    const label = el('label', undefined, 'Follow person #');
    const finderInput = el('input');
    finderInput.type = 'number';
    finderInput.min = '0';
    finderInput.step = '1';
    finderInput.required = true;
    finderInput.id = `follow-${side}`;
    label.htmlFor = finderInput.id;
    const follow = el('button', 'tool', 'Follow');
    follow.type = 'submit';
    finder.append(label, finderInput, follow);
    return { finder, finderInput };
  }

  /** The persons' numbers the finders take: 0 … n − 1. */
  setPersons(n: number): void {
    for (const panel of this.panels) panel.finderInput.max = String(n - 1);
  }

  setArms(names: readonly [string, string], descriptions: readonly [string, string], scenario: string, colours: readonly [string, string]): void {
    this.scenario = scenario;
    // The panels' and the top bar's swatches and names take each arm's own colour.
    colours.forEach((colour, k) => document.documentElement.style.setProperty(`--arm-${'ab'[k]}`, colour));
    this.panels.forEach((p, k) => {
      p.name.textContent = names[k];
      p.description.textContent = descriptions[k];
      this.flows[k].figure.describe(`Support received by ${names[k]}, by source`);
      this.flows[k].figure.rename(`${scenario}-${names[k]}-support`);
    });
    this.wellbeing.figure.rename(`${scenario}-wellbeing`);
    this.prevalence.figure.rename(`${scenario}-prevalence`);
  }

  /** Each panel's line of today's figures, for everyone. */
  drawStats(series: readonly [ArmSeries, ArmSeries]): void {
    series.forEach((a, k) => {
      const d = a.recorded - 1;
      if (d < 0) return;
      const lockdown = a.world.lockdown[d] === 1 ? ' · in lockdown' : '';
      const text = `Day ${d}: mean wellbeing ${a.at('wbMean', d, 0).toFixed(3)} · distressed ${pct(a.at('distressed', d, 0))} · lonely ${pct(a.at('lonely', d, 0))} · ${countOf(a.world.groups[d], 'group')}, ${a.world.groupsOnline[d]} online${lockdown}`;
      this.panels[k].stats.textContent = text;
    });
  }

  /**
   * The two support charts sit side by side, with the arms' names in their titles: the titles
   * take the height of the taller, so the two plots line up.
   */
  private alignFlowTitles(): void {
    const captions = this.flows.map((f) => f.figure.caption);
    for (const c of captions) c.style.minHeight = '';
    const height = Math.max(...captions.map((c) => c.offsetHeight));
    for (const c of captions) c.style.minHeight = `${height}px`;
  }

  drawCharts(series: readonly [ArmSeries, ArmSeries], subgroup: string, crisis: CrisisWindow | null, day: number, reference: string): void {
    const s = Math.max(0, SUBGROUPS.indexOf(subgroup as (typeof SUBGROUPS)[number]));
    this.wellbeing.figure.describe('Mean wellbeing', subgroup);
    this.prevalence.figure.describe('Distress and loneliness', subgroup);
    this.metrics.figure.rename(`${this.scenario}-${this.metric}`);
    this.wellbeing.draw(wellbeingData(series, s, crisis, day));
    this.prevalence.draw(prevalenceData(series, s, crisis, day));
    const yMax = Math.max(...series.map((a) => flowsMax(a.flows, a.recorded)));
    series.forEach((a, k) => this.flows[k].draw({ days: a.days, recorded: a.recorded, flows: a.flows, crisis, day, yMax }));
    this.alignFlowTitles();
    const metric = this.metric as RunMetric;
    const arms = series.map((a) => ({
      name: a.name,
      colour: a.colour,
      values: SUBGROUPS.map((_, i) => {
        const value = a.metrics[i]?.[metric] ?? null;
        return value === null ? null : { mean: value };
      }),
    }));
    const none = arms.every((a) => a.values.every((v) => v === null));
    const lastDay = series[0].days - 1;
    const pending = none ? metricPending(this.metric, crisis, day, lastDay) : null;
    const why = liveNoValue(this.metric, crisis, day, lastDay, (arm, i) => series.some((a) => a.name === arm && a.isEmpty(i)));
    this.metrics.draw({ ...metricsData(this.metric, SUBGROUPS, arms, reference, { why }), pending });
    this.metrics.figure.note.textContent = `One run (seed) per arm; on the right, ${arms.find((a) => a.name !== reference)?.name ?? ''} minus ${reference}. ${day < (crisis?.end ?? Infinity) ? `So far, to day ${day}.` : ''}`;
  }
}
