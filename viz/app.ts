/**
 * The viewer: the state in the address, the engine worker, and the views. One request to the
 * engine at a time (each reply's outcomes follow on from the days the page holds); the network
 * panels are drawn every animation frame while playing, the charts a few times a second.
 */
import { armNames, armParams } from '../scenarios/scenario.ts';
import { crisisWindow } from '../sim/index.ts';
import { lockdownMarks } from './charts/outcomes.ts';
import { Controls } from './controls/bar.ts';
import { bindKeys, HelpOverlay, shortcuts } from './controls/keyboard.ts';
import { EngineClient } from './engine/client.ts';
import type { ArmInfo, Frame } from './engine/protocol.ts';
import { downloadText } from './export/download.ts';
import { NetworkView } from './network/canvas.ts';
import { drawLegend } from './network/legend.ts';
import { armColour, setPresenter } from './palette.ts';
import { PersonPanel } from './person/panel.ts';
import { readResults, ResultsError } from './results/load.ts';
import { ResultsView } from './results/view.ts';
import { findScenario, SCENARIOS, type Shipped } from './scenarios.ts';
import { ArmSeries } from './series.ts';
import { Stage } from './stage.ts';
import { commandText, exportedFileName, referenceArm, scenarioFileText, type Comparison } from './state/comparison.ts';
import { leverOverrides, leverSettings, sharedLeverValues } from './state/levers.ts';
import { formatState, parseState, SPEEDS, type ViewState } from './state/url.ts';
import { closeConcept } from './teaching/concepts.ts';

/** What the browser tests and the benchmark read: frames drawn, the day shown, readiness. */
export interface Probe {
  ready: boolean;
  day: number;
  playing: boolean;
  frames: number;
  errors: string[];
}

interface Live {
  arms: readonly [ArmInfo, ArmInfo];
  views: [NetworkView, NetworkView];
  series: [ArmSeries, ArmSeries];
  frame: Frame;
}

const CHART_INTERVAL = 100;

export class App {
  readonly probe: Probe = { ready: false, day: -1, playing: false, frames: 0, errors: [] };
  private state: ViewState;
  private problems: string[];
  private readonly client = new EngineClient();
  private readonly controls: Controls;
  private readonly stage: Stage;
  private readonly person: PersonPanel;
  private readonly results: ResultsView;
  private readonly help: HelpOverlay;
  private live: Live | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private playing = false;
  /** Counts the plays: a clock's loop ticks only while its play is the latest (see tick). */
  private plays = 0;
  private lastDayAt = 0;
  private dayInterval = 100;
  private chartsDirty = true;
  private chartsAt = 0;
  private drawDirty = true;
  private seekTarget: number | null = null;
  /** The day a scrub is on its way to, until it is shown: the scrubber stays there meanwhile. */
  private scrubbingTo: number | null = null;
  /** The seek under way: done when the latest day asked for is shown. */
  private seeking: Promise<void> = Promise.resolve();
  private urlAt = 0;
  /** Why the files last chosen in Open results could not be read, among the problems shown. */
  private resultsProblem: string | null = null;

  constructor(root: HTMLElement) {
    const parsed = parseState(location.search, SCENARIOS.map((s) => s.scenario.name));
    this.state = parsed.state;
    this.problems = parsed.problems;
    this.controls = new Controls(root, {
      scenario: this.inLiveView((name) => this.changeScenario(name)),
      arms: this.inLiveView((a, b) => this.changeArms(a, b)),
      reset: this.inLiveView((seed) => this.reset(seed)),
      toggle: this.inLiveView(() => this.toggle()),
      step: this.inLiveView(() => this.stepOnce()),
      speed: (v) => this.setSpeed(v),
      scrub: this.inLiveView((day) => void this.scrub(day)),
      lever: this.inLiveView((key, value) => this.setLever(key, value)),
      live: this.inLiveView((type) => this.liveEvent(type)),
      subgroup: this.inLiveView((s) => this.setShown('subgroup', s)),
      exportTables: () => this.exportTables(),
      exportScenario: () => this.exportScenario(),
      openResults: (files) => void this.openResults(files),
      presenter: () => this.togglePresenter(),
      help: () => this.help.toggle(),
    });
    this.controls.setCatalog(
      SCENARIOS.map((s) => s.scenario.name),
      SCENARIOS.map((s) => s.scenario.description),
    );
    this.stage = new Stage(root);
    this.stage.setMetric(this.state.metric);
    this.stage.onMetric = (metric) => this.setShown('metric', metric);
    this.results = new ResultsView(root, () => this.closeResults());
    this.person = new PersonPanel(root, () => this.selectPerson(null));
    const list = shortcuts({
      toggle: this.inLiveView(() => this.toggle()),
      step: this.inLiveView(() => this.stepOnce()),
      back: this.inLiveView(() => this.live && void this.scrub((this.scrubbingTo ?? this.live.frame.day) - 1)),
      start: this.inLiveView(() => void this.scrub(0)),
      faster: () => this.setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, SPEEDS.indexOf(this.state.speed as (typeof SPEEDS)[number]) + 1)]),
      slower: () => this.setSpeed(SPEEDS[Math.max(0, SPEEDS.indexOf(this.state.speed as (typeof SPEEDS)[number]) - 1)]),
      lockdown: this.inLiveView(() => this.liveEvent('lockdown')),
      reopen: this.inLiveView(() => this.liveEvent('reopening')),
      reset: this.inLiveView(() => this.reset(this.state.seed)),
      presenter: () => this.togglePresenter(),
      help: () => this.help.toggle(),
    });
    this.help = new HelpOverlay(root, list);
    const escape = () => closeConcept() || this.help.hide() || this.closeResults() || (this.person.isOpen && (this.selectPerson(null), true));
    bindKeys(list, escape, () => this.help.isOpen);
    for (const panel of this.stage.panels) {
      panel.canvas.addEventListener('click', (e) => this.clickPerson(panel.canvas, e));
      panel.finder.addEventListener('submit', (e) => {
        e.preventDefault();
        // Out of the field, so the shortcuts answer again (and the field, hidden, leaves the network).
        panel.finderInput.blur();
        this.selectPerson(Number(panel.finderInput.value));
      });
    }
    new ResizeObserver(() => this.resize()).observe(this.stage.root);
    // While playing the address is written once a second (browsers limit how often): on leaving,
    // the day shown, so Back returns to it. (A reload has read the address already by then.)
    addEventListener('beforeunload', () => this.updateUrl(true));
    if (this.state.presenter) this.applyPresenter();
    this.controls.setSpeed(this.state.speed);
    this.controls.setSubgroup(this.state.subgroup);
    requestAnimationFrame((t) => this.animate(t));
    void this.open(this.state.day);
  }

  private get shipped(): Shipped {
    return findScenario(this.state.scenario) ?? SCENARIOS[0];
  }

  /** The arms shown: the address's if they are the scenario's, else its reference and its last other arm. */
  private armsShown(): [string, string] {
    const names = armNames(this.shipped.scenario);
    const reference = this.shipped.scenario.reference;
    const fallback: [string, string] = [reference, [...names].reverse().find((a) => a !== reference) ?? reference];
    const wanted = this.state.arms;
    if (!wanted) return fallback;
    const ok = wanted.every((a) => names.includes(a)) && (wanted[0] !== wanted[1] || names.length === 1);
    if (!ok) {
      this.problems.push(`Arms “${wanted[0]}” and “${wanted[1]}” are not two arms of ${this.shipped.scenario.name}; showing ${fallback.join(' and ')}.`);
      this.state.arms = null;
      return fallback;
    }
    return wanted;
  }

  comparison(): Comparison {
    const { file, scenario } = this.shipped;
    return { file, scenario, arms: this.armsShown(), levers: this.state.levers, seed: this.state.seed, live: this.state.live };
  }

  /** One engine request at a time, in order. */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.probe.errors.push(message);
    this.problems = [...this.problems, message];
    this.controls.setStatus(this.problems);
    this.controls.setBusy(null);
  }

  /** Builds the comparison in the worker and shows `day`. */
  private open(day: number): Promise<void> {
    this.pause();
    this.probe.ready = false;
    let c: Comparison;
    try {
      this.keepSharedLevers();
      c = this.comparison();
      // Live events the run cannot hold (a day past its end) are dropped with a note.
      const days = armParams(c.scenario, c.arms[0], leverOverrides(c.levers)).days;
      const kept = c.live.filter((e) => e.day < days);
      if (kept.length < c.live.length) this.problems.push(`Live events after day ${days - 1} were dropped.`);
      this.state.live = kept;
      c = { ...c, live: kept };
    } catch (e) {
      this.fail(e);
      return Promise.resolve();
    }
    this.controls.setStatus(this.problems);
    this.controls.setBusy('Building the persons and their network…');
    return this.serial(async () => {
      try {
        const opened = await this.client.request({ type: 'open', comparison: c, day, person: this.state.person });
        const series = opened.arms.map((a) => new ArmSeries(a.name, armColour(armNames(c.scenario), a.name), a.days)) as [ArmSeries, ArmSeries];
        const views = opened.arms.map((a, k) => new NetworkView(this.stage.panels[k].canvas, a, opened.layout)) as [NetworkView, NetworkView];
        this.live = { arms: opened.arms, views, series, frame: opened.frame };
        this.dropMissingPerson(opened.frame, opened.arms[0].n);
        this.stage.setPersons(opened.arms[0].n);
        // How the engine runs (vite.config.ts): for the browser tests, and anyone asking why a host is slower.
        document.body.dataset.kernels = opened.arms[0].kernels;
        this.stage.setArms(c.arms, [opened.arms[0].description, opened.arms[1].description], c.scenario.name, [series[0].colour, series[1].colour]);
        drawLegend(this.stage.legend, opened.arms[0].distressThreshold);
        this.showComparison(c);
        this.apply(opened.frame, true);
        this.controls.setBusy(null);
        this.probe.ready = true;
      } catch (e) {
        this.fail(e);
      }
    });
  }

  /**
   * Drops, with a note, lever values the two arms shown set differently (the address's, or a
   * lever moved before another scenario or arm was chosen): applied to both, they would erase
   * the very difference the arms compare.
   */
  private keepSharedLevers(): void {
    const arms = this.armsShown();
    const settings = leverSettings(this.shipped.scenario, arms);
    for (const { lever, values, compared } of settings) {
      const value = this.state.levers[lever.key];
      if (!compared || value === undefined) continue;
      this.problems.push(`${lever.label}: ${arms[0]} and ${arms[1]} differ in this setting (${values.map(lever.format).join(' and ')}) — it is what they compare, so ${lever.format(value)} is not applied.`);
    }
    this.state.levers = sharedLeverValues(this.state.levers, settings);
  }

  /** A person the address follows who is not among the persons (say, person=450 of 300): said, and dropped. */
  private dropMissingPerson(frame: Frame, n: number): void {
    const p = this.state.person;
    if (p === null || frame.person) return;
    this.problems.push(`Person ${p} is not among the ${n.toLocaleString('en')} persons (0 to ${(n - 1).toLocaleString('en')}); no one is followed.`);
    this.state.person = null;
    this.controls.setStatus(this.problems);
  }

  private showComparison(c: Comparison): void {
    const names = armNames(c.scenario);
    this.controls.setComparison(c.scenario.name, names, names.map((a) => c.scenario.arms[a].description ?? ''), c.arms, c.seed);
    this.controls.setLevers(this.state.levers, leverSettings(c.scenario, c.arms), c.arms);
    this.controls.setCommands(commandText(c));
  }

  /** Takes a frame from the engine: new days into the series, new state into the panels. */
  private apply(frame: Frame, jump = false): void {
    const live = this.live;
    if (!live) return;
    live.frame = frame;
    frame.arms.forEach((arm, k) => {
      live.series[k].apply(arm, frame.day);
      const w = arm.chunk.world;
      const last = w.formalRemote.length - 1;
      const remote = last >= 0 ? w.formalRemote[last] === 1 : live.series[k].world.formalRemote[frame.day] === 1;
      const capacity = last >= 0 ? w.formalCapacity[last] : live.series[k].world.formalCapacity[frame.day];
      live.views[k].setFrame(arm, remote, capacity);
      if (jump) live.views[k].settle();
      live.views[k].selected = this.state.person;
    });
    this.state.day = frame.day;
    this.probe.day = frame.day;
    this.lastDayAt = performance.now();
    if (frame.person) this.person.show(frame.person, this.panelContext(), frame.day);
    else if (this.person.isOpen && this.state.person === null) this.person.hide();
    this.stage.drawStats(live.series);
    this.invalidate();
    this.showClock();
    this.updateUrl();
  }

  private panelContext() {
    const live = this.live as Live;
    return { arms: live.series.map((s) => ({ name: s.name, colour: s.colour })), days: live.arms[0].days, crisis: live.series[0].crisis, lockdown: lockdownMarks(live.series) };
  }

  /** The day shown, and the scrubber at the day a scrub is on its way to, else at that day. */
  private showClock(): void {
    const live = this.live;
    if (live) this.controls.setClock(live.frame.day, this.scrubbingTo ?? live.frame.day, live.arms[0].days, this.playing, live.frame.done);
  }

  private invalidate(): void {
    this.chartsDirty = true;
    this.drawDirty = true;
  }

  private updateUrl(force = false): void {
    const now = performance.now();
    if (!force && this.playing && now - this.urlAt < 1000) return;
    this.urlAt = now;
    const search = formatState(this.state);
    if (search !== location.search) history.replaceState(null, '', search);
  }

  private animate(now: number): void {
    requestAnimationFrame((t) => this.animate(t));
    const live = this.live;
    if (!live || document.hidden) return;
    if (this.playing || this.drawDirty) {
      const t = this.playing ? Math.min(1, (now - this.lastDayAt) / this.dayInterval) : 1;
      live.views.forEach((v) => v.draw(t));
      this.drawDirty = false;
      this.probe.frames++;
    }
    if (this.chartsDirty && (!this.playing || now - this.chartsAt > CHART_INTERVAL)) {
      this.chartsAt = now;
      this.chartsDirty = false;
      const c = this.comparison();
      const crisis = live.series[0].crisis ?? crisisWindow(armParams(c.scenario, c.arms[0], leverOverrides(c.levers)));
      this.stage.drawCharts(live.series, this.state.subgroup, crisis, live.frame.day, referenceArm(c));
    }
  }

  private resize(): void {
    this.live?.views.forEach((v) => v.resize());
    this.invalidate();
  }

  // The clock.

  private toggle(): void {
    if (this.playing) this.pause();
    // Replay: from day 0, playing.
    else if (this.live?.frame.done) void this.scrub(0).then(() => this.play());
    else this.play();
  }

  private play(): void {
    if (!this.live || this.playing) return;
    this.playing = true;
    this.probe.playing = true;
    this.showClock();
    void this.tick(++this.plays);
  }

  private pause(): void {
    this.playing = false;
    this.probe.playing = false;
    this.showClock();
    this.updateUrl(true);
  }

  /**
   * Asks for the next days, and after the time they take at this speed, again — while `play` is
   * the latest: a pause and a play within one tick's wait would else leave two loops ticking.
   */
  private async tick(play: number): Promise<void> {
    if (!this.playing || play !== this.plays || !this.live) return;
    if (this.live.frame.done) return this.pause();
    const perRequest = Math.max(1, Math.round(this.state.speed / 25));
    const interval = (1000 * perRequest) / this.state.speed;
    const started = performance.now();
    await this.request('step', perRequest);
    this.dayInterval = interval;
    const wait = interval - (performance.now() - started);
    setTimeout(() => void this.tick(play), Math.max(0, wait));
  }

  private request(type: 'step' | 'seek', value: number): Promise<void> {
    return this.serial(() => this.exchange(type, value));
  }

  /**
   * Asks the engine for the next days or a day and shows the frame. Only from inside a serial()
   * job: a job that awaited request() would wait on the queue it holds, for ever.
   */
  private async exchange(type: 'step' | 'seek', value: number): Promise<void> {
    const live = this.live;
    if (!live) return;
    try {
      const have = live.series[0].recorded;
      const frame = type === 'step' ? await this.client.request({ type, days: value, have }) : await this.client.request({ type, day: value, have: Math.min(have, value + 1) });
      this.apply(frame, type === 'seek');
    } catch (e) {
      this.pause();
      this.fail(e);
    }
  }

  private stepOnce(): void {
    this.pause();
    void this.request('step', 1);
  }

  /** Scrubbing sends one seek at a time, to the latest day asked for; done when it is shown. */
  private scrub(day: number): Promise<void> {
    const first = this.seekTarget === null;
    this.seekTarget = Math.max(0, day);
    this.scrubbingTo = this.seekTarget;
    this.pause();
    if (!first) return this.seeking;
    this.seeking = this.serial(async () => {
      const target = this.seekTarget as number;
      this.seekTarget = null;
      if (this.live && target !== this.live.frame.day) {
        this.controls.setBusy(`Simulating to day ${target}…`);
        await this.exchange('seek', target);
        this.controls.setBusy(null);
      }
      // A later day asked for meanwhile has its own job, which moves the scrubber on.
      if (this.seekTarget === null) {
        this.scrubbingTo = null;
        this.showClock();
      }
    });
    return this.seeking;
  }

  /** What the charts show — the subgroup, the resilience metric: into the address at once, as every setting. */
  private setShown(key: 'subgroup' | 'metric', value: string): void {
    this.state[key] = value;
    this.invalidate();
    this.updateUrl(true);
  }

  private setSpeed(speed: number): void {
    this.state.speed = speed;
    this.controls.setSpeed(speed);
    this.updateUrl(true);
  }

  /** Lockdown now / Reopen now: from the next day, in both arms; when paused, that day is shown. */
  private liveEvent(type: 'lockdown' | 'reopening'): void {
    if (!this.live || this.live.frame.done) return;
    const wasPlaying = this.playing;
    void this.serial(async () => {
      const live = this.live;
      if (!live) return;
      try {
        const reply = await this.client.request({ type: 'live', event: type, have: live.series[0].recorded });
        this.state.live = [...reply.comparison.live];
        this.apply(reply);
        this.showComparison(this.comparison());
      } catch (e) {
        this.fail(e);
      }
    });
    if (!wasPlaying) void this.request('step', 1);
  }

  // Settings.

  private changeScenario(name: string): void {
    this.state = { ...this.state, scenario: name, arms: null, live: [], day: 0, person: null };
    this.problems = [];
    this.person.hide();
    void this.open(0);
  }

  private changeArms(left: string, right: string): void {
    const before = this.armsShown();
    const names = armNames(this.shipped.scenario);
    if (left === right && names.length > 1) {
      // Picking the other side's arm swaps the two.
      if (left !== before[0]) right = before[0];
      else left = before[1];
    }
    this.state.arms = [left, right];
    // The notes spoke of the arms shown before (a lever they compare, say); the new ones get theirs.
    this.problems = [];
    void this.open(this.state.day);
  }

  private reset(seed: number): void {
    this.state = { ...this.state, seed, live: [], day: 0 };
    this.problems = [];
    void this.open(0);
  }

  private setLever(key: string, value: number | undefined): void {
    const levers = { ...this.state.levers };
    if (value === undefined) delete levers[key];
    else levers[key] = value;
    this.state.levers = levers;
    if (key === 'persons') {
      this.state.person = null;
      this.person.hide();
    }
    void this.open(this.state.day);
  }

  // A person.

  private clickPerson(canvas: HTMLCanvasElement, event: MouseEvent): void {
    const view = this.live?.views.find((v) => v.canvas === canvas);
    if (!view) return;
    const p = view.personAt(event.clientX, event.clientY, 12);
    if (p >= 0) this.selectPerson(p);
  }

  private selectPerson(person: number | null): void {
    this.state.person = person;
    if (person === null) this.person.hide();
    this.live?.views.forEach((v) => (v.selected = person));
    this.invalidate();
    this.updateUrl(true);
    void this.serial(async () => {
      const live = this.live;
      if (!live) return;
      if (person !== null) this.controls.setBusy(`Following person ${person} from day 0…`);
      try {
        this.apply(await this.client.request({ type: 'person', person, have: live.series[0].recorded }));
      } catch (e) {
        this.fail(e);
      }
      this.controls.setBusy(null);
    });
  }

  // Export and results.

  /**
   * A control of the live view (the clock, the live events, the settings), used while a results
   * folder is shown: back to the live view first, so what it does is seen.
   */
  private inLiveView<A extends unknown[]>(action: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      this.closeResults();
      action(...args);
    };
  }

  private exportTables(): void {
    this.controls.setBusy('Running the comparison to its last day for export…');
    void this.serial(async () => {
      try {
        const { files } = await this.client.request({ type: 'export' });
        for (const f of files) if (f.name.endsWith('.csv')) downloadText(f.text, f.name, 'text/csv');
      } catch (e) {
        this.fail(e);
      }
      this.controls.setBusy(null);
    });
  }

  private exportScenario(): void {
    const c = this.comparison();
    downloadText(scenarioFileText(c), exportedFileName(c), 'application/json');
  }

  private async openResults(files: File[]): Promise<void> {
    this.pause();
    // Why the last files could not be read holds for them, not for these.
    this.problems = this.problems.filter((p) => p !== this.resultsProblem);
    this.resultsProblem = null;
    this.controls.setStatus(this.problems);
    try {
      // points.csv only to be told a sweep's folder (readResults), which it is.
      const wanted = files.filter((f) => /(^|\/)(summary|effects|timeseries|points)\.csv$|(^|\/)manifest\.json$/.test(f.webkitRelativePath || f.name));
      const texts = await Promise.all(wanted.map(async (f) => ({ name: f.webkitRelativePath || f.name, text: await f.text() })));
      const results = readResults(texts);
      const folder = files[0]?.webkitRelativePath.split('/')[0];
      this.stage.root.hidden = true;
      // The followed person's panel waits behind the results (style.css), and is back with the live view.
      document.body.classList.add('results-open');
      this.results.show(results, folder ? `the folder ${folder}` : `${texts.length} files`);
    } catch (e) {
      const error = e instanceof ResultsError ? e : new Error(`The results could not be read: ${(e as Error).message}`);
      this.resultsProblem = error.message;
      this.fail(error);
    }
  }

  /** Back to the live view; false if it was shown already. */
  private closeResults(): boolean {
    if (this.results.root.hidden) return false;
    this.results.hide();
    document.body.classList.remove('results-open');
    this.stage.root.hidden = false;
    this.resize();
    return true;
  }

  private togglePresenter(): void {
    this.state.presenter = !this.state.presenter;
    this.applyPresenter();
    this.updateUrl(true);
  }

  private applyPresenter(): void {
    document.body.classList.toggle('presenter', this.state.presenter);
    setPresenter(this.state.presenter);
    if (this.live) drawLegend(this.stage.legend, this.live.arms[0].distressThreshold);
    this.resize();
  }
}

