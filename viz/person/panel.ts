/**
 * One person's world, opened by clicking them: who they are, their I AM / I CAN / I HAVE and
 * wellbeing in each arm, their ties by layer and channel, their group, and their needs and the
 * support they received per function over time — the same person with and without what differs
 * between the arms.
 */
import { format } from 'd3';
import { FUNCTIONS, MEETING, MODES, TIE_LAYERS, type CrisisWindow } from '../../sim/index.ts';
import type { LockdownMarks } from '../charts/outcomes.ts';
import { TICKS } from '../charts/ticks.ts';
import { TimeChart } from '../charts/time.ts';
import type { PersonArm, PersonFrame } from '../engine/protocol.ts';
import { FUNCTION_COLOURS } from '../palette.ts';
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
  const met = a.groupMeeting === MEETING.none || a.groupMeeting === null ? 'did not meet today' : a.groupMeeting === MEETING.online ? 'met online today' : 'met face to face today';
  return `#${a.group}, ${mode}, ${a.groupMembers} members; ${met}`;
}

function tiesText(t: { faceToFace: number; remote: number; closed: number }): string {
  if (t.faceToFace + t.remote + t.closed === 0) return '—';
  return [String(t.faceToFace), ...(t.remote ? [`${t.remote} remote`] : []), ...(t.closed ? [`${t.closed} closed`] : [])].join(' · ');
}

export interface PanelContext {
  readonly arms: readonly { name: string; colour: string }[];
  readonly days: number;
  readonly crisis: CrisisWindow | null;
  /** The days of lockdown, marked as the main charts mark them. */
  readonly lockdown: LockdownMarks;
}

export class PersonPanel {
  readonly root: HTMLElement;
  private readonly body: HTMLElement;
  private readonly title: HTMLElement;
  private readonly charts: HTMLElement;
  private need: TimeChart | null = null;
  private received: TimeChart | null = null;
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
    this.root.append(head, this.body, this.charts);
    parent.append(this.root);
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
    this.body.replaceChildren(this.facts(frame), this.state(frame, context), this.ties(frame, context));
    if (first || !this.need || !this.received) {
      this.charts.replaceChildren();
      this.need = new TimeChart(this.charts, { title: 'Need per function', concept: 'functions', height: 140, file: `person-${frame.person}-need` });
      this.received = new TimeChart(this.charts, { title: 'Support received per function', concept: 'functions', height: 140, file: `person-${frame.person}-received` });
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
    const legend = [
      ...FUNCTIONS.map((fn, f) => ({ label: fn, colour: FUNCTION_COLOURS[f] })),
      { label: context.arms[0].name, colour: '#555555' },
      { label: context.arms[1].name, colour: '#555555', dash: '4,3' },
      ...context.lockdown.legend,
    ];
    const { lockdown, recordedLockdown } = context.lockdown;
    const common = { days: context.days, crisis: context.crisis, lockdown, recordedLockdown, day, yFormat: TICKS.decimal, legend };
    this.need.draw({ ...common, lines: series('need'), yLabel: 'need units' });
    this.received.draw({ ...common, lines: series('received'), yLabel: 'need units per day' });
  }

  private facts(frame: PersonFrame): HTMLElement {
    const dl = el('dl', undefined, 'facts');
    const add = (term: string, value: string) => dl.append(el('dt', term), el('dd', value));
    add('age', frame.ageBand === 'young' ? 'young (18–29)' : frame.ageBand === 'adult' ? 'adult (30–64)' : 'older (65+)');
    add('household', frame.householdSize === 1 ? 'lives alone' : `${frame.householdSize} persons`);
    add('internet', frame.digital ? 'yes' : 'no — online groups cannot reach them');
    add('material resources', f2(frame.material));
    add('formal service', `#${frame.service}`);
    return dl;
  }

  private state(frame: PersonFrame, context: PanelContext): HTMLElement {
    const table = el('table', undefined, 'person-state');
    const head = el('tr');
    head.append(el('th', ''));
    context.arms.forEach((a) => {
      const th = el('th', a.name);
      th.style.color = a.colour;
      head.append(th);
    });
    table.append(head);
    const row = (label: string, value: (a: PersonArm) => string, concept?: string) => {
      const tr = el('tr');
      const th = el('th', label);
      if (concept) th.append(explain(concept));
      tr.append(th, ...frame.arms.map((a) => el('td', value(a))));
      table.append(tr);
    };
    row('wellbeing', (a) => `${f2(a.wb)}${a.distressed ? ' (distressed)' : ''}`, 'wellbeing');
    row('connectedness', (a) => `${f2(a.conn)}${a.lonely ? ' (lonely)' : ''}`, 'buffering');
    row('stress', (a) => f2(a.stress));
    row('I AM', (a) => f2(a.iAm), 'resilience');
    row('I CAN', (a) => f2(a.iCan));
    row('I HAVE', (a) => f2(a.iHave));
    row('self-help group', groupText, 'shg');
    return table;
  }

  private ties(frame: PersonFrame, context: PanelContext): HTMLElement {
    const table = el('table', undefined, 'person-ties');
    const caption = el('caption', 'Ties by layer today: face-to-face · remote · closed');
    caption.append(explain('layers'));
    table.append(caption);
    const head = el('tr');
    head.append(el('th', 'layer'), ...context.arms.map((a) => el('th', a.name)));
    table.append(head);
    TIE_LAYERS.forEach((layer, l) => {
      const tr = el('tr');
      tr.append(el('th', layer), ...frame.arms.map((a) => el('td', tiesText(a.ties[l]))));
      table.append(tr);
    });
    return table;
  }
}
