/**
 * The two arms of a comparison, stepped on one clock: the engine's own `Simulation`, built from
 * the comparison's scenario (state/comparison.ts) exactly as `kith run` builds a run from a
 * scenario file. Pure — no DOM — so it runs in the viewer's Web Worker and in the unit tests.
 */
import { armParams } from '../../scenarios/scenario.ts';
import { parseScenario } from '../../scenarios/load.ts';
import {
  AGE_BANDS,
  captureFrom,
  CHANNEL,
  crisisWindow,
  DAILY_OUTCOMES,
  EFFECTS_COLUMNS,
  effectsRows,
  RUNS_COLUMNS,
  runsRows,
  Simulation,
  SUBGROUPS,
  SUMMARY_COLUMNS,
  summaryRows,
  TIE_LAYERS,
  TIMESERIES_COLUMNS,
  timeseriesRows,
  WORLD_OUTCOMES,
  type Checkpoint,
  type DailyOutcome,
  type Params,
  type RunRecord,
  type SimulationOptions,
  type WorldOutcome,
} from '../../sim/index.ts';
import { Arena, ArenaFull } from '../../sim/wasm/arena.ts';
import { armsInOrder, armTimeline, comparisonParams, comparisonScenario, exportedFileName, liveEvents, referenceArm, scenarioFileText, type Comparison, type LiveEvent } from '../state/comparison.ts';
import { csvText } from '../export/csv.ts';
import type { ArmFrame, ArmInfo, ExportFiles, Frame, OutcomeChunk, PersonArm, PersonFrame } from './protocol.ts';

const S = SUBGROUPS.length;
const FLOWS_PER_DAY = 21;
/** Memory the two arms' checkpoints may hold together; their spacing is set to stay within it. */
const CHECKPOINT_BYTES = 64 * 1024 * 1024;
/** Checkpoints no closer than this many days. */
const CHECKPOINT_MIN_DAYS = 7;

/** A person's needs, support received and wellbeing per day, kept while their panel is open. */
class Trace {
  readonly need: Float64Array;
  readonly received: Float64Array;
  readonly wb: Float64Array;

  constructor(days: number) {
    this.need = new Float64Array(3 * days);
    this.received = new Float64Array(3 * days);
    this.wb = new Float64Array(days);
  }

  /** Copies person p's state after `sim` simulated `day`. */
  record(sim: Simulation, p: number, day: number): void {
    const { persons, scratch } = sim.world;
    for (let f = 0; f < 3; f++) {
      this.need[3 * day + f] = persons.need[3 * p + f];
      this.received[3 * day + f] = scratch.received[3 * p + f];
    }
    this.wb[day] = persons.wb[p];
  }
}

/**
 * WebAssembly memory for one arm's world: the viewer's worlds (5,000 persons at most) take under
 * 10 MB, and a session builds worlds often (every Reset, every person followed), so each reserves
 * this much address space rather than the engine's 4 GiB. A world that needs more runs outside it.
 */
const ARENA_BYTES = 256 * 1024 * 1024;

/**
 * The kernels' WebAssembly twins in an arena where the worker can have shared WebAssembly memory
 * (in every browser when the page is cross-origin isolated, vite.config.ts; in Chromium also
 * without), else the JavaScript kernels — the same bits either way. What the worker posts to the
 * page is copied out of the world (armFrame, info), so none of it is a view of shared memory.
 */
function simulationOptions(): SimulationOptions {
  try {
    return { arena: new Arena(ARENA_BYTES) };
  } catch (e) {
    if (e instanceof ArenaFull) return { kernels: 'js' };
    throw e;
  }
}

const sameWindow = (a: { start: number; end: number } | null, b: { start: number; end: number } | null) =>
  a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);

export class Session {
  comparison: Comparison;
  private params: [Params, Params];
  private sims: [Simulation, Simulation];
  private person: number | null = null;
  private traces: [Trace, Trace] | null = null;
  /**
   * Both arms as they were at the start of every `checkpointEvery`-th day, by day: a scrub back
   * restores the latest one before the day asked for and steps on from there (sim/checkpoint.ts).
   */
  private checkpoints = new Map<number, [Checkpoint, Checkpoint]>();
  private checkpointEvery = 0;

  constructor(comparison: Comparison) {
    this.comparison = comparison;
    this.params = comparisonParams(comparison);
    this.sims = this.build();
    this.stepBoth(1);
  }

  /** The session's runs anew, from day 0: the checkpoints of the old ones go with them. */
  private build(): [Simulation, Simulation] {
    this.checkpoints.clear();
    return this.fresh();
  }

  /** Both arms on day 0, beside the session's runs (a person's past is replayed on them). */
  private fresh(): [Simulation, Simulation] {
    return this.params.map((params) => new Simulation(params, this.comparison.seed, simulationOptions())) as [Simulation, Simulation];
  }

  /** The days checkpoints are held for, ascending. */
  get checkpointDays(): number[] {
    return [...this.checkpoints.keys()].sort((a, b) => a - b);
  }

  /** The last simulated day. */
  get day(): number {
    return this.sims[0].day - 1;
  }

  get days(): number {
    return this.params[0].days;
  }

  get done(): boolean {
    return this.sims[0].done;
  }

  private stepBoth(days: number): void {
    for (let k = 0; k < days && !this.done; k++) {
      this.sims.forEach((sim, a) => {
        sim.step();
        if (this.traces && this.person !== null) this.traces[a].record(sim, this.person, sim.day - 1);
      });
      this.keepCheckpoint();
    }
  }

  /** At the start of every `checkpointEvery`-th day not yet held, a checkpoint of both arms. */
  private keepCheckpoint(): void {
    const day = this.sims[0].day;
    if (this.done || this.checkpoints.has(day)) return;
    if (this.checkpointEvery === 0) {
      const bytes = 2 * this.sims[0].checkpoint().bytes;
      const fit = Math.max(1, Math.floor(CHECKPOINT_BYTES / bytes));
      this.checkpointEvery = Math.max(CHECKPOINT_MIN_DAYS, Math.ceil(this.days / fit));
    }
    if (day % this.checkpointEvery === 0) this.checkpoints.set(day, [this.sims[0].checkpoint(), this.sims[1].checkpoint()]);
  }

  step(days: number): void {
    this.stepBoth(days);
  }

  /**
   * Shows `day`: steps on; or back to the latest checkpoint before it, or else rebuilds, and steps
   * on from there (same seed, same numbers).
   */
  seek(day: number): void {
    const target = Math.max(0, Math.min(this.days - 1, day));
    if (target >= this.day) {
      this.stepBoth(target - this.day);
      return;
    }
    const from = this.checkpointDays.filter((d) => d <= target + 1).pop();
    if (from === undefined) this.sims = this.build();
    else this.checkpoints.get(from)?.forEach((saved, a) => this.sims[a].restore(saved));
    this.stepBoth(target + 1 - this.sims[0].day);
  }

  /**
   * Lockdown now / Reopen now: the event applies at the start of the next day, in both arms (a
   * lockdown with the platform of an arm that opens it with its lockdown: liveEvents()). It is
   * scheduled on the live runs; only if it moves the crisis window (a scenario that leaves the
   * window to its timeline) are the runs rebuilt, since the window is fixed when a run is built.
   */
  live(type: 'lockdown' | 'reopening'): Comparison {
    if (this.done) throw new Error(`the run has ended on day ${this.day}: there is no next day for a ${type}`);
    const event: LiveEvent = { type, day: this.sims[0].day };
    const comparison = { ...this.comparison, live: [...this.comparison.live, event] };
    const params = comparisonParams(comparison);
    const day = this.day;
    this.comparison = comparison;
    this.params = params;
    if (this.sims.every((sim, a) => sameWindow(sim.world.crisis, crisisWindow(params[a])))) {
      this.sims.forEach((sim, a) => liveEvents(armTimeline(comparison.scenario, comparison.arms[a]), event).forEach((e) => sim.schedule(e)));
      // Checkpoints of days after the event's were taken without it.
      for (const d of this.checkpoints.keys()) if (d > event.day) this.checkpoints.delete(d);
    } else {
      this.sims = this.build();
      this.stepBoth(day + 1);
    }
    return comparison;
  }

  /** Follows a person (or nobody): their past days are replayed from day 0 on fresh runs. */
  track(person: number | null): void {
    if (person === null || person < 0 || person >= this.params[0].persons) {
      this.person = null;
      this.traces = null;
      return;
    }
    this.person = person;
    const traces: [Trace, Trace] = [new Trace(this.days), new Trace(this.days)];
    this.fresh().forEach((sim, a) => {
      while (sim.day <= this.day) {
        sim.step();
        traces[a].record(sim, person, sim.day - 1);
      }
    });
    this.traces = traces;
  }

  info(): [ArmInfo, ArmInfo] {
    return this.sims.map((sim, a) => {
      const { world } = sim;
      const name = this.comparison.arms[a];
      return {
        name,
        description: this.comparison.scenario.arms[name].description ?? '',
        n: world.n,
        days: world.params.days,
        offsets: world.network.offsets.slice(),
        neighbour: world.network.neighbour.slice(),
        service: world.persons.service.slice(),
        services: world.services.count,
        distressThreshold: world.params.thresholds.distress,
        lonelyThreshold: world.params.thresholds.lonely,
        kernels: world.twins ? 'webassembly' : 'javascript',
      };
    }) as [ArmInfo, ArmInfo];
  }

  /** The arms at the day shown, with the outcomes of days `have` … day. */
  frame(have: number): Frame {
    const from = Math.max(0, Math.min(have, this.day + 1));
    const arms = this.sims.map((sim) => armFrame(sim, from, this.day + 1)) as [ArmFrame, ArmFrame];
    return { day: this.day, done: this.done, arms, person: this.personFrame() };
  }

  private personFrame(): PersonFrame | null {
    const p = this.person;
    if (p === null || !this.traces) return null;
    const persons = this.sims[0].world.persons;
    const arms = this.sims.map((sim, a) => personArm(sim, p, (this.traces as [Trace, Trace])[a], this.day)) as [PersonArm, PersonArm];
    return {
      person: p,
      ageBand: AGE_BANDS[persons.ageBand[p]],
      householdSize: persons.householdSize[p],
      digital: persons.digital[p] === 1,
      material: persons.material[p],
      service: persons.service[p],
      arms,
    };
  }

  /**
   * The tables `kith run <exported scenario> --replicates 1 --seed <seed>` writes, made the way it
   * makes them: the scenario file's text is parsed and checked, each arm resolved and captured.
   */
  exportFiles(): ExportFiles {
    const c = this.comparison;
    const name = exportedFileName(c);
    const text = scenarioFileText(c);
    const scenario = parseScenario(text, name);
    const records: RunRecord[] = armsInOrder(c).map((arm) => ({ arm, replicate: 0, seed: c.seed, outcomes: captureFrom(new Simulation(armParams(scenario, arm), c.seed, simulationOptions())).outcomes }));
    const reference = referenceArm(c);
    const title = comparisonScenario(c).name;
    return {
      files: [
        { name: 'timeseries.csv', text: csvText(TIMESERIES_COLUMNS, timeseriesRows(title, records)) },
        { name: 'runs.csv', text: csvText(RUNS_COLUMNS, runsRows(title, records)) },
        { name: 'summary.csv', text: csvText(SUMMARY_COLUMNS, summaryRows(title, records)) },
        { name: 'effects.csv', text: csvText(EFFECTS_COLUMNS, effectsRows(title, reference, records)) },
        { name, text },
      ],
    };
  }
}

function chunkOf(sim: Simulation, from: number, to: number): OutcomeChunk {
  const { daily, world, flows } = sim.recorder;
  return {
    from,
    to,
    daily: Object.fromEntries(DAILY_OUTCOMES.map((o) => [o.name, daily[o.name as DailyOutcome].slice(from * S, to * S)])) as OutcomeChunk['daily'],
    world: Object.fromEntries(WORLD_OUTCOMES.map((o) => [o.name, world[o.name as WorldOutcome].slice(from, to)])) as OutcomeChunk['world'],
    flows: flows.slice(from * FLOWS_PER_DAY, to * FLOWS_PER_DAY),
  };
}

function armFrame(sim: Simulation, from: number, to: number): ArmFrame {
  const view = sim.view();
  const groups = sim.world.groups;
  const result = sim.results();
  return {
    wb: Float32Array.from(view.wb),
    lonely: view.lonely.slice(),
    distressed: view.distressed.slice(),
    group: view.group.slice(),
    groupAlive: groups.columns.alive.slice(0, groups.count),
    groupMode: view.groupMode.slice(0, groups.count),
    groupMeeting: view.groupMeeting.slice(0, groups.count),
    channel: view.channel.slice(),
    chunk: chunkOf(sim, from, to),
    metrics: result.metrics,
    crisis: result.crisis,
    warmupDays: result.warmupDays,
    timeline: result.timeline,
  };
}

function personArm(sim: Simulation, p: number, trace: Trace, day: number): PersonArm {
  const { persons, network, groups } = sim.world;
  const L = network.layers;
  const ties = TIE_LAYERS.map((_, l) => {
    const counts = { faceToFace: 0, remote: 0, closed: 0 };
    for (let e = network.offsets[p * L + l]; e < network.offsets[p * L + l + 1]; e++) {
      const c = network.channel[e];
      if (c === CHANNEL.faceToFace) counts.faceToFace++;
      else if (c === CHANNEL.remote) counts.remote++;
      else counts.closed++;
    }
    return counts;
  });
  const g = persons.group[p];
  return {
    wb: persons.wb[p],
    conn: persons.conn[p],
    stress: persons.stress[p],
    iAm: persons.iAm[p],
    iCan: persons.iCan[p],
    iHave: persons.iHave[p],
    lonely: persons.lonely[p] === 1,
    distressed: persons.distressed[p] === 1,
    group: g,
    groupMode: g >= 0 ? groups.columns.mode[g] : null,
    groupMeeting: g >= 0 ? groups.columns.meeting[g] : null,
    groupMembers: g >= 0 ? groups.columns.members[g] : 0,
    ties,
    need: trace.need.slice(0, 3 * (day + 1)),
    received: trace.received.slice(0, 3 * (day + 1)),
    wbTrace: trace.wb.slice(0, day + 1),
  };
}
