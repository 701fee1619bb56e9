/**
 * The controls: scenario and arms, seed and reset, play / pause / step / speed, the day scrubber,
 * Lockdown now and Reopen now, the levers, export, open results, presenter mode and help. Built
 * once; the app calls the setters to show its state, and hears the user through `handlers`.
 */
import { SUBGROUPS } from '../../sim/index.ts';
import { LEVERS, type Lever, type LeverSetting } from '../state/levers.ts';
import { SPEEDS } from '../state/url.ts';
import { explain } from '../teaching/concepts.ts';

export interface ControlHandlers {
  scenario(name: string): void;
  arms(left: string, right: string): void;
  reset(seed: number): void;
  toggle(): void;
  step(): void;
  speed(daysPerSecond: number): void;
  scrub(day: number): void;
  lever(key: string, value: number | undefined): void;
  live(type: 'lockdown' | 'reopening'): void;
  subgroup(name: string): void;
  exportTables(): void;
  exportScenario(): void;
  openResults(files: File[]): void;
  presenter(): void;
  help(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const button = (text: string, title: string, onClick: () => void, className = '') => {
  const b = el('button', { type: 'button', className, title });
  b.textContent = text;
  b.setAttribute('aria-label', title);
  b.addEventListener('click', onClick);
  return b;
};

function options(select: HTMLSelectElement, values: readonly string[], titles: readonly string[] = []): void {
  select.replaceChildren(...values.map((v, k) => el('option', { value: v, textContent: v, title: titles[k] ?? '' })));
}

interface LeverControl {
  lever: Lever;
  root: HTMLElement;
  input: HTMLInputElement;
  value: HTMLOutputElement;
  reset: HTMLButtonElement;
}

export class Controls {
  readonly root: HTMLElement;
  readonly status: HTMLElement;
  readonly commands: HTMLElement;
  private readonly scenario = el('select', { id: 'scenario', title: 'Scenario' });
  private readonly armA = el('select', { id: 'arm-a', title: 'Left panel: arm' });
  private readonly armB = el('select', { id: 'arm-b', title: 'Right panel: arm' });
  private readonly seed = el('input', { id: 'seed', type: 'number', min: '0', step: '1', title: 'Seed: the same seed gives the same persons, network and life events' });
  private readonly play: HTMLButtonElement;
  private readonly speed = el('select', { id: 'speed', title: 'Speed (days a second)' });
  private readonly scrubber = el('input', { id: 'day', type: 'range', min: '0', step: '1', title: 'Scrub to a day' });
  private readonly dayLabel = el('output', { id: 'day-label' });
  private readonly lockdown: HTMLButtonElement;
  private readonly reopen: HTMLButtonElement;
  private readonly subgroup = el('select', { id: 'subgroup', title: 'Subgroup the charts show' });
  private readonly busy = el('span', { className: 'busy', hidden: true });
  private readonly levers: LeverControl[] = [];

  private readonly handlers: ControlHandlers;

  constructor(parent: HTMLElement, handlers: ControlHandlers) {
    this.handlers = handlers;
    const h = handlers;
    this.scenario.addEventListener('change', () => h.scenario(this.scenario.value));
    const onArms = () => h.arms(this.armA.value, this.armB.value);
    this.armA.addEventListener('change', onArms);
    this.armB.addEventListener('change', onArms);
    options(this.speed, SPEEDS.map(String));
    this.speed.addEventListener('change', () => h.speed(Number(this.speed.value)));
    this.scrubber.addEventListener('input', () => h.scrub(Number(this.scrubber.value)));
    options(this.subgroup, SUBGROUPS);
    this.subgroup.addEventListener('change', () => h.subgroup(this.subgroup.value));
    // A seed typed is run once it is entered, or the field left (or its arrows clicked): a field
    // showing one seed while another runs would be exported and shared as the wrong one. Enter
    // runs it as Reset does, changed or not; the change event an Enter may bring then runs nothing.
    let entered = false;
    this.seed.addEventListener('input', () => (entered = false));
    this.seed.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      entered = true;
      h.reset(this.seedValue());
    });
    this.seed.addEventListener('change', () => {
      if (!entered) h.reset(this.seedValue());
      entered = false;
    });

    this.play = button('▶ Play', 'Play / pause (Space)', () => h.toggle(), 'play primary');
    this.play.id = 'play';
    const step = button('Step', 'One day on (→)', () => h.step(), 'step');
    step.id = 'step';
    this.lockdown = button('Lockdown now', 'Lock down from the next day, in both arms (L)', () => h.live('lockdown'), 'live lockdown');
    this.lockdown.id = 'lockdown-now';
    this.reopen = button('Reopen now', 'Reopen from the next day, in both arms (O)', () => h.live('reopening'), 'live reopen');
    this.reopen.id = 'reopen-now';

    const header = el(
      'header',
      { className: 'topbar' },
      el('h1', {}, el('span', { className: 'brand', textContent: 'Kith' }), el('span', { className: 'tagline', textContent: 'support networks under crisis' })),
      el('label', {}, el('span', { className: 'label-text', textContent: 'Scenario ' }), this.scenario),
      el('label', { className: 'arms' }, el('span', { className: 'swatch a' }), this.armA, el('span', { className: 'vs', textContent: 'vs' }), el('span', { className: 'swatch b' }), this.armB),
      el('label', {}, el('span', { className: 'label-text', textContent: 'Seed ' }), this.seed),
      button('Reset', 'Start again from day 0 with this seed, without live events (R)', () => h.reset(this.seedValue()), 'reset'),
      el('span', { className: 'spacer' }),
      this.resultsMenu(),
      this.exportMenu(),
      button('Presenter', 'Presenter mode: large type, high contrast (P)', () => h.presenter(), 'presenter-toggle'),
      button('?', 'Keyboard shortcuts (?)', () => h.help(), 'help-button'),
    );
    const transport = el(
      'nav',
      { className: 'transport', ariaLabel: 'Clock' },
      this.play,
      step,
      el('label', {}, this.speed, ' days/s'),
      this.scrubber,
      this.dayLabel,
      this.lockdown,
      this.reopen,
      explain('lockdown'),
      el('label', { className: 'subgroup' }, 'Charts: ', this.subgroup),
      this.busy,
    );
    const levers = el('section', { className: 'levers', ariaLabel: 'Levers' });
    for (const lever of LEVERS) levers.append(this.leverControl(lever));
    this.status = el('p', { className: 'status', role: 'status', hidden: true });
    this.commands = el('div', { className: 'commands' });
    this.root = el('div', { className: 'controls' }, header, transport, levers, this.status);
    parent.append(this.root);
    // Side panels open below the controls, never over them: they read its height from here.
    new ResizeObserver(() => document.documentElement.style.setProperty('--controls-height', `${this.root.offsetHeight}px`)).observe(this.root);
  }

  private seedValue(): number {
    const v = Math.floor(Number(this.seed.value));
    return Number.isSafeInteger(v) && v >= 0 ? v : 1;
  }

  private leverControl(lever: Lever): HTMLElement {
    const input = el('input', { type: 'range', min: String(lever.min), max: String(lever.max), step: String(lever.step), id: `lever-${lever.key}` });
    const value = el('output');
    value.htmlFor.add(input.id);
    // The output keeps the width of the lever's widest value (style.css).
    value.dataset.widest = [lever.min, lever.max].map(lever.format).reduce((a, b) => (b.length > a.length ? b : a));
    const reset = button('↺', `${lever.label}: back to the scenario's value`, () => this.handlers.lever(lever.key, undefined), 'lever-reset');
    input.addEventListener('input', () => (value.textContent = lever.format(Number(input.value))));
    input.addEventListener('change', () => this.handlers.lever(lever.key, Number(input.value)));
    const label = el('label', { className: 'lever', htmlFor: input.id, title: `${lever.label}: the setting ${lever.path}` } as Partial<HTMLLabelElement>, el('span', { className: 'lever-name', textContent: lever.label }));
    if (lever.concept) label.append(explain(lever.concept));
    const root = el('div', { className: 'lever-control' }, label, input, value, reset);
    this.levers.push({ lever, root, input, value, reset });
    return root;
  }

  private exportMenu(): HTMLElement {
    const tables = button('Comparison tables (CSV)', 'timeseries.csv, runs.csv, summary.csv and effects.csv, as kith run writes them', () => this.handlers.exportTables(), 'export-tables');
    tables.id = 'export-tables';
    const scenario = button('Scenario file (JSON)', 'This comparison, with the levers and live events, as a scenario file for kith run', () => this.handlers.exportScenario(), 'export-scenario');
    scenario.id = 'export-scenario';
    const note = el('p', { className: 'hint', textContent: 'The same tables from the command line:' });
    const menu = el('details', { className: 'menu export-menu' }, el('summary', { textContent: 'Export' }), el('div', { className: 'menu-body' }, tables, scenario, note, this.commandsSlot()));
    for (const b of [tables, scenario]) b.addEventListener('click', () => (menu.open = false));
    return menu;
  }

  private commandsSlot(): HTMLElement {
    const slot = el('div');
    queueMicrotask(() => slot.append(this.commands));
    return slot;
  }

  private resultsMenu(): HTMLElement {
    const folder = el('input', { type: 'file', id: 'open-folder', multiple: true });
    folder.setAttribute('webkitdirectory', '');
    const files = el('input', { type: 'file', id: 'open-files', multiple: true, accept: '.csv,.json' });
    const menu = el('details', { className: 'menu results-menu' });
    for (const input of [folder, files]) {
      input.addEventListener('change', () => {
        menu.open = false;
        if (input.files) this.handlers.openResults([...input.files]);
        input.value = '';
      });
    }
    menu.append(
      el('summary', { textContent: 'Open results' }),
      el(
        'div',
        { className: 'menu-body' },
        el('p', { className: 'hint', textContent: 'Plot what kith run wrote: its summary.csv and effects.csv (and timeseries.csv, if there).' }),
        el('label', {}, 'A folder: ', folder),
        el('label', {}, 'Or files: ', files),
      ),
    );
    return menu;
  }

  setCatalog(names: readonly string[], descriptions: readonly string[]): void {
    options(this.scenario, names, descriptions);
  }

  setComparison(scenario: string, arms: readonly string[], armTitles: readonly string[], shown: readonly [string, string], seed: number): void {
    this.scenario.value = scenario;
    options(this.armA, arms, armTitles);
    options(this.armB, arms, armTitles);
    this.armA.value = shown[0];
    this.armB.value = shown[1];
    this.seed.value = String(seed);
  }

  /**
   * Shows each lever at its value: the one set, else the arms' own. A lever the two arms set
   * differently is the comparison itself: it shows both values, read-only, and says why.
   */
  setLevers(values: Readonly<Record<string, number>>, settings: readonly LeverSetting[], arms: readonly [string, string]): void {
    for (const { lever, root, input, value, reset } of this.levers) {
      const setting = settings.find((s) => s.lever.key === lever.key) as LeverSetting;
      const set = setting.compared ? undefined : values[lever.key];
      input.value = String(set ?? setting.values[0]);
      input.disabled = setting.compared;
      value.textContent = setting.compared ? setting.values.map(lever.format).join(' | ') : lever.format(set ?? setting.values[0]);
      root.classList.toggle('compared', setting.compared);
      root.title = setting.compared
        ? `The arms differ in this setting — ${arms[0]} ${lever.format(setting.values[0])}, ${arms[1]} ${lever.format(setting.values[1])}: it is what they compare, so it is not a lever here.`
        : '';
      // The reset keeps its place while the lever is at the scenario's value (invisible, out of
      // the tab order), so moving a lever never widens the row and pushes levers onto a second one.
      reset.hidden = setting.compared || lever.key === 'persons';
      reset.classList.toggle('unset', set === undefined);
      root.classList.toggle('changed', set !== undefined);
    }
  }

  /**
   * The day shown, and the scrubber at `scrubbedTo`: the day a scrub is on its way to, else the
   * day shown — whether or not the scrubber has focus, since a focused scrubber's arrow keys move
   * on from where it stands.
   */
  setClock(day: number, scrubbedTo: number, days: number, playing: boolean, done: boolean): void {
    this.scrubber.max = String(days - 1);
    this.scrubber.value = String(scrubbedTo);
    this.dayLabel.textContent = `Day ${day} of ${days - 1}`;
    this.play.textContent = playing ? '❚❚ Pause' : done ? '↺ Replay' : '▶ Play';
    this.play.classList.toggle('playing', playing);
    this.lockdown.disabled = done;
    this.reopen.disabled = done;
  }

  setSpeed(speed: number): void {
    this.speed.value = String(speed);
  }

  setSubgroup(subgroup: string): void {
    this.subgroup.value = subgroup;
  }

  setBusy(text: string | null): void {
    this.busy.hidden = text === null;
    this.busy.textContent = text ?? '';
  }

  /** Messages for the user (problems in the address, errors), always as text. */
  setStatus(messages: readonly string[]): void {
    this.status.hidden = messages.length === 0;
    this.status.replaceChildren(...messages.map((m) => el('span', { textContent: m })));
  }

  setCommands(lines: readonly string[]): void {
    this.commands.replaceChildren(...lines.map((line) => el('code', { textContent: line })));
  }
}
