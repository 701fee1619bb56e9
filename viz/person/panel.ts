/**
 * One person's world, opened by clicking them: who they are, their I AM / I CAN / I HAVE and
 * wellbeing in each arm, their ties by layer and channel, their group, and their needs and the
 * support they received per function over time — the same person with and without what differs
 * between the arms.
 */
import { format, select } from 'd3';
import { FUNCTIONS, MEETING, MODES, TIE_LAYERS, type CrisisWindow } from '../../sim/index.ts';
import { MIN_WIDTH, type G } from '../charts/figure.ts';
import { drawSample, sampleWidth, type LegendEntry } from '../charts/legend.ts';
import type { LockdownMarks } from '../charts/outcomes.ts';
import { TICKS } from '../charts/ticks.ts';
import { TimeChart } from '../charts/time.ts';
import type { PersonArm, PersonFrame } from '../engine/protocol.ts';
import { FUNCTION_COLOURS, theme, withFontSize } from '../palette.ts';
import { explain } from '../teaching/concepts.ts';

const f2 = format('.2f');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function groupText(a: PersonArm): string {
  if (a.group < 0) return 'none';
  const mode = a.groupMode === null ? '' : MODES[a.groupMode];
  // On the day shown, as every row of the table (its corner names the day).
  const met = a.groupMeeting === MEETING.none || a.groupMeeting === null ? 'did not meet' : a.groupMeeting === MEETING.online ? 'met online' : 'met face to face';
  return `#${a.group}, ${mode}, ${a.groupMembers} members; ${met}`;
}

/** A layer's ties as the rows' heading reads them: face-to-face · remote · closed. */
function tiesText(t: { faceToFace: number; remote: number; closed: number }): string {
  if (t.faceToFace + t.remote + t.closed === 0) return '—';
  return `${t.faceToFace} · ${t.remote} · ${t.closed}`;
}

export interface PanelContext {
  readonly arms: readonly { name: string; colour: string }[];
  readonly days: number;
  readonly crisis: CrisisWindow | null;
  /** The days of lockdown, marked as the main charts mark them. */
  readonly lockdown: LockdownMarks;
}

/**
 * A chart's SVG height in the panel, in ems of the charts' type: at least room for two rows of
 * legend, the axis and a plot of two or three ticks (else the panel scrolls); at most some 1.5
 * times the height the charts had when it was fixed, however tall the window. A plot `plot` ems
 * high reads (three or four ticks, 112 px in presenter mode's 14 px): one above the other, a
 * shorter one goes side by side where that makes it taller. Side by side, each chart is at least
 * `width` ems wide (and MIN_WIDTH).
 */
const CHART_EMS = { min: 10, max: 22, width: 13, plot: 8 };
/**
 * The least plot one above the other, in pixels, whatever the type: normal mode's 8 ems (88 px)
 * left 54 to 93 px plots at 1280×720 and 1366×768, two or three ticks, where side by side (the
 * panel wider there, style.css) they get some 190.
 */
const MIN_PLOT = 100;

export class PersonPanel {
  readonly root: HTMLElement;
  private readonly body: HTMLElement;
  private readonly title: HTMLElement;
  private readonly charts: HTMLElement;
  /** The charts' shared key, shown where they are side by side (their SVGs then have no legend). */
  private readonly key: HTMLElement;
  /** What the key shows, to build it again only when that changes. */
  private keyShown = '';
  private need: TimeChart | null = null;
  private received: TimeChart | null = null;
  /** What the charts show, to draw them again at another size. */
  private shown: { frame: PersonFrame; context: PanelContext; day: number } | null = null;
  /** The charts' last layout and the room it was for: a day later, in the same room, the same. */
  private laidOut: { room: string; height: number } | null = null;
  person: number | null = null;

  constructor(parent: HTMLElement, onClose: () => void) {
    this.root = el('aside', undefined, 'person-panel');
    this.root.setAttribute('aria-label', 'One person’s world');
    this.root.hidden = true;
    const head = el('header');
    this.title = el('h2', 'Person');
    const close = el('button', '×', 'close');
    close.type = 'button';
    close.title = 'Close (Esc)';
    close.setAttribute('aria-label', 'Close the person’s panel');
    close.addEventListener('click', onClose);
    head.append(this.title, close);
    this.body = el('div', undefined, 'person-body');
    this.charts = el('div', undefined, 'person-charts');
    this.key = el('div', undefined, 'person-key');
    this.key.setAttribute('role', 'group');
    this.key.setAttribute('aria-label', 'Key to both charts');
    this.root.append(head, this.body, this.charts);
    parent.append(this.root);
    // The charts take the room the panel has below the tables: again when the window, or the
    // type (presenter mode), or the tables' wrapping changes it.
    const resized = new ResizeObserver(() => this.isOpen && this.drawCharts());
    resized.observe(this.root);
    resized.observe(this.body);
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  hide(): void {
    this.setOpen(false);
    this.person = null;
  }

  /** The page makes room for the panel (style.css, body.person-open), so it covers nothing. */
  private setOpen(open: boolean): void {
    this.root.hidden = !open;
    document.body.classList.toggle('person-open', open);
  }

  /** Opens (or refreshes) the panel on `frame`'s person. */
  show(frame: PersonFrame, context: PanelContext, day: number): void {
    const first = this.person !== frame.person || !this.isOpen;
    this.person = frame.person;
    this.setOpen(true);
    this.title.textContent = `Person ${frame.person}`;
    this.body.replaceChildren(this.facts(frame), this.table(frame, context, day));
    if (first || !this.need || !this.received) {
      this.charts.replaceChildren();
      // Side by side, or where a whole title would wrap, the captions show 'Need' and 'Support
      // received' (layOut, style.css), one line each.
      this.need = new TimeChart(this.charts, { title: 'Need per function', shortTitle: 'Need', concept: 'functions', height: 140, file: `person-${frame.person}-need` });
      this.received = new TimeChart(this.charts, { title: 'Support received per function', shortTitle: 'Support received', concept: 'functions', height: 140, file: `person-${frame.person}-received` });
      this.charts.append(this.key);
    }
    this.shown = { frame, context, day };
    this.drawCharts();
  }

  /**
   * The charts' SVG height when they are in `rows` rows: each row takes its share of the room
   * below the tables, less what else the charts' block holds (their captions, and side by side,
   * where the captions share a row of the grid, the shared key below them), so the panel shows
   * both without scrolling.
   */
  private roomFor(charts: readonly TimeChart[], rows: number): number {
    const padding = parseFloat(getComputedStyle(this.root).paddingBottom) || 0;
    const room = this.root.clientHeight - padding - this.charts.offsetTop;
    const svgs = charts.map((c) => c.figure.svg.node()?.getBoundingClientRect().height ?? 0);
    const other = this.charts.getBoundingClientRect().height - (rows === charts.length ? svgs.reduce((sum, h) => sum + h, 0) : Math.max(...svgs));
    return Math.floor((room - other) / rows);
  }

  /**
   * The captions' titles short where a whole one would wrap (short-titles); then one above the
   * other, each half the room, where that gives them a plot of CHART_EMS.plot and MIN_PLOT; else
   * side by side, each the whole room, where the panel is wide enough for two and their plots are
   * the taller (presenter mode's tables and type at 1280×720 and 1366×768, normal mode's wider
   * panel there), with one key below both in place of each chart's legend (side-by-side); else
   * one above the other, at least CHART_EMS.min, and the panel scrolls if that is more than its
   * room. Returns the charts' SVG height, at most CHART_EMS.max.
   */
  private layOut(charts: readonly TimeChart[], legend: readonly LegendEntry[]): number {
    const em = theme.fontSize;
    // While playing the panel is drawn every day: measured once, not laid out both ways each time
    // (again where the key's entries change, and with them its rows).
    const room = [this.root.clientHeight, this.charts.offsetTop, this.charts.clientWidth, em, charts.length, this.keyShown].join();
    if (this.laidOut?.room === room) return this.laidOut.height;
    const capped = (height: number) => Math.min(CHART_EMS.max * em, height);
    const fit = (height: number) => {
      this.laidOut = { room, height: capped(height) };
      return this.laidOut.height;
    };
    // The plot in SVGs of this height, at the charts' width in the layout set.
    const plot = (height: number) => Math.min(...charts.map((c) => c.plotHeight(capped(height), legend)));
    const apart = (on: boolean) => {
      this.charts.classList.toggle('side-by-side', on);
      for (const c of charts) c.legendApart = on;
    };
    apart(false);
    this.charts.classList.remove('short-titles');
    // Where a whole title would take two lines (presenter mode's 20 px titles at 1920×1080), both
    // captions show the short ones, as side by side: 'Need' and 'Support received', one line each.
    if (charts.some((c) => c.figure.titleLines > 1)) this.charts.classList.add('short-titles');
    const stacked = this.roomFor(charts, charts.length);
    const stackedPlot = plot(stacked);
    if (stacked >= CHART_EMS.min * em && stackedPlot >= Math.max(CHART_EMS.plot * em, MIN_PLOT)) return fit(stacked);
    apart(true);
    const narrowest = Math.min(...charts.map((c) => c.figure.element.clientWidth));
    if (narrowest >= Math.max(CHART_EMS.width * em, MIN_WIDTH)) {
      const beside = this.roomFor(charts, 1);
      if (beside >= CHART_EMS.min * em && plot(beside) > stackedPlot) return fit(beside);
    }
    apart(false);
    return fit(Math.max(stacked, CHART_EMS.min * em));
  }

  /**
   * The charts' type: the theme's, or the charts' own CSS font size where that is smaller (in
   * presenter mode on a screen up to 900 px high, the panel's tables' 14 px; style.css).
   */
  private get chartType(): number {
    const css = parseFloat(getComputedStyle(this.charts).fontSize);
    return Number.isFinite(css) ? Math.min(theme.fontSize, css) : theme.fontSize;
  }

  private drawCharts(): void {
    withFontSize(this.chartType, () => this.drawChartsNow());
  }

  private drawChartsNow(): void {
    if (!this.shown || !this.need || !this.received) return;
    const { frame, context, day } = this.shown;
    const legend = [
      ...FUNCTIONS.map((fn, f) => ({ label: fn, colour: FUNCTION_COLOURS[f] })),
      { label: context.arms[0].name, colour: '#555555' },
      { label: context.arms[1].name, colour: '#555555', dash: '4,3' },
      ...context.lockdown.legend,
    ];
    // The functions' colours, then the arms' lines and the lockdown's mark: a row each in the key.
    this.drawKey([legend.slice(0, FUNCTIONS.length), legend.slice(FUNCTIONS.length)]);
    const height = this.layOut([this.need, this.received], legend);
    // Side by side, the key below them stands for their legends (charts made for another person
    // since the layout was measured included).
    const apart = this.charts.classList.contains('side-by-side');
    for (const chart of [this.need, this.received]) {
      chart.legendApart = apart;
      chart.figure.fixedHeight = height;
    }
    const series = (key: 'need' | 'received') =>
      frame.arms.flatMap((a, k) =>
        FUNCTIONS.map((fn, f) => ({
          label: `${fn} (${context.arms[k].name})`,
          colour: FUNCTION_COLOURS[f],
          dash: k === 1 ? '4,3' : undefined,
          y: (d: number) => a[key][3 * d + f],
          recorded: a.wbTrace.length,
        })),
      );
    const { lockdown, recordedLockdown } = context.lockdown;
    const common = { days: context.days, crisis: context.crisis, lockdown, recordedLockdown, day, yFormat: TICKS.decimal, legend };
    this.need.draw({ ...common, lines: series('need'), yLabel: 'need units' });
    this.received.draw({ ...common, lines: series('received'), yLabel: 'need units/day' });
  }

  /**
   * The charts' shared key: their legend's entries, each its sample and its label, in the charts'
   * type; a group to a row where the row has room (the key is as readable as the legends it stands
   * for, and read as text).
   */
  private drawKey(groups: readonly (readonly LegendEntry[])[]): void {
    const shown = JSON.stringify([theme.fontSize, theme.stroke, groups]);
    if (shown === this.keyShown) return;
    this.keyShown = shown;
    this.key.style.fontSize = `${theme.fontSize}px`;
    this.key.replaceChildren(
      ...groups.map((entries) => {
        const list = el('ul');
        for (const e of entries) {
          const item = el('li');
          const sample = select(item).append('svg').attr('aria-hidden', 'true').attr('width', sampleWidth(e)).attr('height', 12);
          drawSample(sample.append('g').attr('transform', 'translate(0,10)') as unknown as G, e);
          item.append(e.label);
          list.append(item);
        }
        return list;
      }),
    );
  }

  /** Who they are, as terms and values in lines of text. */
  private facts(frame: PersonFrame): HTMLElement {
    const dl = el('dl', undefined, 'facts');
    const add = (term: string, value: string) => {
      const fact = el('div');
      fact.append(el('dt', term), el('dd', value));
      dl.append(fact);
    };
    add('age', frame.ageBand === 'young' ? 'young (18–29)' : frame.ageBand === 'adult' ? 'adult (30–64)' : 'older (65+)');
    add('household', frame.householdSize === 1 ? 'lives alone' : `${frame.householdSize} persons`);
    add('internet', frame.digital ? 'yes' : 'no — online groups cannot reach them');
    add('material resources', f2(frame.material));
    add('formal service', `#${frame.service}`);
    return dl;
  }

  /**
   * Their state in each arm on the day shown, then their ties by layer: one table, so the arms
   * head its columns once and the two parts line up.
   */
  private table(frame: PersonFrame, context: PanelContext, day: number): HTMLElement {
    const table = el('table', undefined, 'person-state');
    const head = el('tr');
    head.append(el('th', `day ${day}`));
    context.arms.forEach((a) => {
      const th = el('th', a.name);
      th.scope = 'col';
      th.style.color = a.colour;
      head.append(th);
    });
    const thead = el('thead');
    thead.append(head);
    table.append(thead, this.state(frame), this.ties(frame, context));
    return table;
  }

  private state(frame: PersonFrame): HTMLElement {
    const body = el('tbody');
    const row = (label: string, value: (a: PersonArm) => string, concept?: string) => {
      const tr = el('tr');
      const th = el('th', label);
      th.scope = 'row';
      if (concept) th.append(explain(concept));
      tr.append(th, ...frame.arms.map((a) => el('td', value(a))));
      body.append(tr);
    };
    row('wellbeing', (a) => `${f2(a.wb)}${a.distressed ? ' (distressed)' : ''}`, 'wellbeing');
    row('connectedness', (a) => `${f2(a.conn)}${a.lonely ? ' (lonely)' : ''}`, 'buffering');
    row('stress', (a) => f2(a.stress));
    // The three sources of resilience in one row, in the order the row's label names them.
    row('I AM/CAN/HAVE', (a) => [a.iAm, a.iCan, a.iHave].map(f2).join(' · '), 'resilience');
    row('self-help group', groupText, 'shg');
    return body;
  }

  /** The ties' rows, under a heading row that says what the numbers count. */
  private ties(frame: PersonFrame, context: PanelContext): HTMLElement {
    const body = el('tbody', undefined, 'person-ties');
    const heading = el('th', 'Ties by layer today: face-to-face · remote · closed', 'section');
    heading.colSpan = 1 + context.arms.length;
    heading.scope = 'rowgroup';
    heading.append(explain('layers'));
    const first = el('tr');
    first.append(heading);
    body.append(first);
    TIE_LAYERS.forEach((layer, l) => {
      const tr = el('tr');
      const th = el('th', layer);
      th.scope = 'row';
      tr.append(th, ...frame.arms.map((a) => el('td', tiesText(a.ties[l]))));
      body.append(tr);
    });
    return body;
  }
}
