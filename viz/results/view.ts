/**
 * A `kith run` folder plotted with the viewer's charts: mean wellbeing and prevalence over the
 * replicates (when timeseries.csv is there), and each metric per subgroup — every arm's mean with
 * its 95% interval from summary.csv, and the paired effect against the reference from effects.csv.
 */
import { SUBGROUPS } from '../../sim/index.ts';
import { MetricsChart } from '../charts/metrics.ts';
import { METRIC_NAMES, metricsData, prevalenceData, wellbeingData, type SeriesLike } from '../charts/outcomes.ts';
import { TimeChart } from '../charts/time.ts';
import { armNames } from '../../scenarios/scenario.ts';
import { armColour } from '../palette.ts';
import { findScenario } from '../scenarios.ts';
import type { Results } from './load.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export class ResultsView {
  readonly root: HTMLElement;
  private results: Results | null = null;
  private metric = 'depth';
  private subgroup = 'everyone';
  private readonly body: HTMLElement;

  constructor(parent: HTMLElement, onClose: () => void) {
    this.root = el('main', undefined, 'results-view');
    this.root.id = 'results';
    this.root.hidden = true;
    const head = el('header', undefined, 'results-head');
    const back = el('button', '← Back to the live view', 'back');
    back.type = 'button';
    back.addEventListener('click', onClose);
    head.append(back);
    this.body = el('div', undefined, 'results-body');
    this.root.append(head, this.body);
    parent.append(this.root);
  }

  show(results: Results, source: string): void {
    this.results = results;
    this.root.hidden = false;
    if (!results.metrics.includes(this.metric)) this.metric = results.metrics[0] ?? 'depth';
    this.render(source);
  }

  hide(): void {
    this.root.hidden = true;
  }

  /** As in the live view: by the arm's place in its scenario, if shipped, else in the folder. */
  private colour(arm: string): string {
    const shipped = findScenario(this.results?.scenario ?? '');
    return armColour(shipped ? armNames(shipped.scenario) : (this.results?.arms ?? []), arm);
  }

  private render(source: string): void {
    const r = this.results;
    if (!r) return;
    this.body.replaceChildren();
    const title = el('h2', `Results: ${r.scenario || 'a kith run'}`);
    const facts = el(
      'p',
      `From ${source}. Arms: ${r.arms.join(', ')}${r.reference ? `; effects against ${r.reference}` : ''}${r.replicates ? `; ${r.replicates} replicates` : ''}.`,
      'hint',
    );
    const pickers = el('p', undefined, 'pickers');
    const metric = el('select');
    metric.id = 'results-metric';
    for (const m of [...new Set([...METRIC_NAMES.filter((m) => r.metrics.includes(m)), ...r.metrics])]) metric.append(Object.assign(el('option', m), { value: m }));
    metric.value = this.metric;
    metric.addEventListener('change', () => ((this.metric = metric.value), this.render(source)));
    const subgroup = el('select');
    for (const s of SUBGROUPS) subgroup.append(Object.assign(el('option', s), { value: s }));
    subgroup.value = this.subgroup;
    subgroup.addEventListener('change', () => ((this.subgroup = subgroup.value), this.render(source)));
    const metricLabel = el('label', 'Metric ');
    metricLabel.append(metric);
    const subgroupLabel = el('label', ' Charts over time: ');
    subgroupLabel.append(subgroup);
    pickers.append(metricLabel, subgroupLabel);
    this.body.append(title, facts, pickers);

    const grid = el('div', undefined, 'results-grid');
    this.body.append(grid);
    const metrics = new MetricsChart(grid, { title: 'Resilience metrics per subgroup', concept: 'metrics', height: 220, file: `${r.scenario}-${this.metric}`, className: 'results-metrics' });
    const estimate = (source: Results['summary'], arm: string) => r.subgroups.map((s) => source.get(arm)?.get(s)?.get(this.metric) ?? null);
    const arms = r.arms.filter((a) => r.summary.has(a)).map((a) => ({ name: a, colour: this.colour(a), values: estimate(r.summary, a) }));
    const differences = r.arms.filter((a) => r.effects.has(a)).map((a) => ({ name: a, colour: this.colour(a), values: estimate(r.effects, a) }));
    metrics.draw(metricsData(this.metric, r.subgroups, arms, r.reference ?? arms[0]?.name ?? '', { differences }));
    metrics.figure.note.textContent = 'Dots: means over replicates; lines: 95% confidence intervals (Student t). Right: the paired effect of each arm against the reference.';

    if (r.series.length) {
      const s = SUBGROUPS.indexOf(this.subgroup as (typeof SUBGROUPS)[number]);
      const series: SeriesLike[] = r.series.map((m) => ({ name: m.arm, colour: this.colour(m.arm), days: m.days, recorded: m.days, daily: m.daily, world: m.world }));
      const wellbeing = new TimeChart(grid, { title: 'Mean wellbeing', concept: 'wellbeing', height: 240, file: `${r.scenario}-wellbeing` });
      wellbeing.figure.describe('Mean wellbeing', this.subgroup);
      wellbeing.draw(wellbeingData(series, s, r.crisis, null));
      wellbeing.figure.note.textContent = 'Means over replicates of each day’s mean and percentiles.';
      const prevalence = new TimeChart(grid, { title: 'Distress and loneliness', concept: 'wellbeing', height: 220, file: `${r.scenario}-prevalence` });
      prevalence.figure.describe('Distress and loneliness', this.subgroup);
      prevalence.draw(prevalenceData(series, s, r.crisis, null));
    }
  }
}
