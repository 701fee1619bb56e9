/**
 * A simulation: a world, its recorder and its clock. `run()` builds one and steps it to the end;
 * the viewer steps one itself, a day at a time, and may schedule events live.
 */
import { checkpoint, restore, type Checkpoint } from './checkpoint.ts';
import { settle } from './day/settle.ts';
import { step } from './day/step.ts';
import { issueToError, ParamError, validateParams, type CrisisWindow, type Params } from './params/index.ts';
import { runMetrics, type RunMetrics } from './record/metrics.ts';
import { createRecorder, type Recorder } from './record/recorder.ts';
import type { DailyOutcome, WorldOutcome } from './record/outcomes.ts';
import { SUBGROUPS, type Subgroup } from './record/subgroups.ts';
import { eventSchema, type TimelineEvent } from './timeline/schema.ts';
import { Arena, ArenaFull } from './wasm/arena.ts';
import { twinsWork } from './wasm/twins.ts';
import { buildWorld, type SubgroupSource, type World } from './world.ts';

export interface RunResult {
  readonly seed: number;
  readonly params: Params;
  readonly days: number;
  readonly subgroups: readonly Subgroup[];
  readonly subgroupSizes: readonly number[];
  /** Each subgroup's membershipKey: runs of two arms are paired in a subgroup only where they agree. */
  readonly subgroupKeys: readonly string[];
  readonly crisis: CrisisWindow | null;
  /** Days before `crisis.start − 28` let the state settle: warm-up. */
  readonly warmupDays: number;
  /** Per outcome, `[day · subgroups.length + s]`; NaN for an empty subgroup. */
  readonly daily: Record<DailyOutcome, Float64Array>;
  /** Per outcome, `[day]`. */
  readonly world: Record<WorldOutcome, Float64Array>;
  /** Mean support received per person, by source layer (LAYERS) and function: `[day · 21 + 3 · layer + f]`. */
  readonly flows: Float64Array;
  /** Per subgroup, in `subgroups` order. */
  readonly metrics: readonly RunMetrics[];
  /** Each person's own crisis outcomes, for pairing a person across arms. */
  readonly persons: { readonly wbMin: Float64Array; readonly daysDistressed: Int32Array; readonly everMember: Uint8Array };
  /** Events applied, the parameters' timeline and any scheduled live, in day order. */
  readonly timeline: readonly TimelineEvent[];
}

/** What a viewer reads each day: live arrays of the world, not copies. Read, never write. */
export interface DayView {
  readonly day: number;
  readonly wb: Float64Array;
  readonly lonely: Uint8Array;
  readonly distressed: Uint8Array;
  readonly group: Int32Array;
  /** Per group: MODE, and how it met today (MEETING). */
  readonly groupMode: Uint8Array;
  readonly groupMeeting: Uint8Array;
  /** Per half-edge: CHANNEL; person i's ties on layer l are offsets[i·L + l] … offsets[i·L + l + 1] − 1. */
  readonly channel: Uint8Array;
  readonly offsets: Int32Array;
  readonly neighbour: Int32Array;
}

export interface RunOptions {
  /** Called after each day with a view of the world. */
  onDay?: (view: DayView) => void;
}

function checkSeed(seed: number): number {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new ParamError('seed', 'expected a non-negative integer', seed);
  return seed;
}

export interface SimulationOptions {
  /** Shared memory for threads, also when the kernels run as JavaScript. */
  shared?: boolean;
  /** 'js' runs the JavaScript kernels even where the WebAssembly twins could run. */
  kernels?: 'wasm' | 'js';
  /**
   * The arena to build the world in, fresh or reset (arena.ts), for a thread that runs worlds one
   * after another; a new one when absent.
   */
  arena?: Arena;
  /**
   * Settings of another arm whose day-0 subgroups this run is to record, so that each subgroup
   * holds the same persons as in that arm (intention to treat: `kith run --subgroups reference`).
   * It must have as many persons; the run itself is unchanged.
   */
  subgroupsFrom?: unknown;
  /**
   * Instead of `subgroupsFrom`: the day-0 subgroup masks a run of those settings on the same seed
   * found (its `subgroupMasks()`), so that their world is not built again for this run.
   */
  subgroupMasks?: Uint8Array;
}

/** Whose day-0 subgroups the world records, checked; undefined for its own. */
function subgroupSource(params: Params, options: SimulationOptions): SubgroupSource | undefined {
  const { subgroupsFrom, subgroupMasks } = options;
  if (subgroupMasks === undefined) return subgroupsFrom === undefined ? undefined : validateParams(subgroupsFrom);
  if (subgroupsFrom !== undefined) throw new ParamError('subgroupMasks', 'expected subgroupsFrom or subgroupMasks, not both', undefined);
  if (!(subgroupMasks instanceof Uint8Array) || subgroupMasks.length !== params.persons) {
    throw new ParamError('subgroupMasks', `expected a Uint8Array of ${params.persons} masks, one a person`, describeMasks(subgroupMasks));
  }
  // Everyone is in the first subgroup, `everyone`: masks without its bit were not made by a run.
  const outside = subgroupMasks.findIndex((mask) => (mask & 1) === 0);
  if (outside >= 0) throw new ParamError(`subgroupMasks[${outside}]`, "expected a mask holding the subgroup everyone (bit 0), as every run's does", subgroupMasks[outside]);
  return subgroupMasks;
}

const describeMasks = (value: unknown) => (value instanceof Uint8Array ? `${value.length} masks` : typeof value);

/**
 * The world in an arena when this engine runs the twins and an arena can be had and hold the
 * world (shared memory, which a browser page has only cross-origin isolated; wasm32's 4 GiB),
 * else outside one.
 */
function buildIn(params: Params, seed: number, options: SimulationOptions): World {
  const subgroupsFrom = subgroupSource(params, options);
  if (options.kernels !== 'js' && twinsWork()) {
    try {
      return buildWorld(params, seed, options.arena ?? new Arena(), subgroupsFrom);
    } catch (e) {
      if (!(e instanceof ArenaFull)) throw e;
    }
  }
  return buildWorld(params, seed, options.shared ?? false, subgroupsFrom);
}

export class Simulation {
  readonly world: World;
  readonly recorder: Recorder;

  /**
   * Validates `params` (throwing a ParamError naming the problem) and builds day 0, in an arena
   * of WebAssembly memory where this engine has one, so the kernels run as their twins
   * (sim/wasm/twins.ts), else (or with `kernels: 'js'`) as JavaScript: the same bits either way.
   * The world is on shared memory, for threads within the run (cli/threads.ts), in an arena or
   * with `shared`.
   */
  constructor(params: unknown, seed: number, options: SimulationOptions = {}) {
    const valid = validateParams(params);
    this.world = buildIn(valid, checkSeed(seed), options);
    this.recorder = createRecorder(valid.days);
    settle(this.world);
  }

  /** The next day to simulate. */
  get day(): number {
    return this.world.today;
  }

  get done(): boolean {
    return this.world.today >= this.world.params.days;
  }

  /** Simulates one day. */
  step(): void {
    if (this.done) throw new Error(`kith: the run has ended (day ${this.world.params.days - 1} was its last)`);
    step(this.world, this.recorder);
  }

  /** Adds an event to the timeline, for today (applied by the next step) or a later day. */
  schedule(input: unknown): TimelineEvent {
    const parsed = eventSchema.safeParse(input);
    if (!parsed.success) {
      const e = issueToError(parsed.error.issues[0], { schema: eventSchema, input, days: this.world.params.days });
      throw new ParamError(e.path ? `event.${e.path}` : 'event', e.expected, e.given);
    }
    const event = parsed.data;
    if (event.day < this.day || event.day >= this.world.params.days) {
      throw new ParamError('event.day', `expected an integer from ${this.day} to ${this.world.params.days - 1}`, event.day);
    }
    const timeline = this.world.timeline;
    const at = timeline.findIndex((e) => e.day > event.day);
    timeline.splice(at < 0 ? timeline.length : at, 0, event);
    return event;
  }

  /**
   * Each person's subgroups on day 0 (a bit per subgroup of SUBGROUPS, fixed for the run): what a
   * run of another arm on the same seed takes as its `subgroupMasks` to record these subgroups.
   */
  subgroupMasks(): Uint8Array {
    return this.world.persons.subgroups.slice();
  }

  /** Everything today's state holds that a day can change (sim/checkpoint.ts), for restore(). */
  checkpoint(): Checkpoint {
    return checkpoint(this.world, this.recorder);
  }

  /**
   * Back to the day `saved` was taken of this run, as if the days since had not been simulated;
   * events scheduled since stay in the timeline. The checkpoint can be restored again.
   */
  restore(saved: Checkpoint): void {
    restore(this.world, this.recorder, saved);
  }

  view(): DayView {
    const { persons, network, groups } = this.world;
    return {
      day: this.world.today - 1,
      wb: persons.wb,
      lonely: persons.lonely,
      distressed: persons.distressed,
      group: persons.group,
      groupMode: groups.columns.mode,
      groupMeeting: groups.columns.meeting,
      channel: network.channel,
      offsets: network.offsets,
      neighbour: network.neighbour,
    };
  }

  /** The recorded outcomes so far and the run's metrics. */
  results(): RunResult {
    const { world, recorder } = this;
    return {
      seed: world.seed,
      params: world.params,
      days: recorder.recorded,
      subgroups: SUBGROUPS,
      subgroupSizes: world.subgroupSizes,
      subgroupKeys: world.subgroupKeys,
      crisis: world.crisis,
      warmupDays: world.crisis ? Math.max(0, world.crisis.start - 28) : 0,
      daily: recorder.daily,
      world: recorder.world,
      flows: recorder.flows,
      metrics: runMetrics(world, recorder),
      persons: { wbMin: world.persons.wbMin, daysDistressed: world.persons.daysDistressed, everMember: world.persons.everMember },
      timeline: world.timeline.map((e) => ({ ...e })),
    };
  }
}

/** Runs a whole simulation. Throws a ParamError, before anything runs, if the settings are invalid. */
export function run(params: unknown, seed: number, options: RunOptions = {}): RunResult {
  const simulation = new Simulation(params, seed);
  while (!simulation.done) {
    simulation.step();
    options.onDay?.(simulation.view());
  }
  return simulation.results();
}
