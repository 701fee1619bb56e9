/**
 * Checkpoints: a copy of everything a day can change in a world and its recorder, so a simulation
 * can go back to an earlier day without replaying from day 0 (the viewer's scrubber). Days are
 * deterministic, so stepping on from a restored checkpoint gives the same bits as never having
 * left (test/sim/checkpoint.test.ts).
 *
 * Every key of a world is STATE, copied; WORKING, space every day fills before it reads it; or
 * KEPT: what no day changes (parameters, the network's structure, subgroups, stream keys) and the
 * run's timeline, which belongs to the simulation rather than to a day — events scheduled after a
 * checkpoint was taken still happen after it is restored, as they would on a replay from day 0.
 * Of the network only the channels change. A test holds the three lists to the World type, so a
 * new field must take a side.
 */
import type { Recorder } from './record/recorder.ts';
import type { World } from './world.ts';

/** What a day changes: copied into a checkpoint and back. */
export const STATE = [
  'persons',
  'scratch',
  'services',
  'groups',
  'env',
  'today',
  'tiesChanged',
  'openTies',
  'channelCounts',
  'flows',
] as const satisfies readonly (keyof World)[];

/** Working space a day fills before reading it: neither copied nor restored. */
export const WORKING = ['flowChunks', 'subgroupSums', 'subgroupHistograms'] as const satisfies readonly (keyof World)[];

/** What a checkpoint leaves as it is (the network but for its channels). */
export const KEPT = [
  'params',
  'seed',
  'n',
  'householdStart',
  'network',
  'subgroupMembers',
  'subgroupSizes',
  'subgroupKeys',
  'crisis',
  'keys',
  'timeline',
  'executor', // the threads that run the kernels: the simulation's, not a day's
  'twins', // the kernels' WebAssembly twins, over the arena the arrays are in
] as const satisfies readonly (keyof World)[];

export interface Checkpoint {
  /** The day the world was about to simulate. */
  readonly day: number;
  /** The world it was taken of: it restores into no other. */
  readonly world: World;
  readonly state: Readonly<Record<(typeof STATE)[number], unknown>>;
  readonly channel: Uint8Array;
  /** Days recorded then (= day). */
  readonly recorded: number;
  /** The bytes it holds, to budget memory by. */
  readonly bytes: number;
}

type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;
type Plain = Record<string, unknown>;

const isTyped = (value: unknown): value is TypedArray => ArrayBuffer.isView(value);
const isObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null;

/**
 * A deep copy: typed arrays copied (onto ordinary memory, whatever they were on), arrays and
 * objects walked, class instances keeping their prototype (the groups store), primitives as they are.
 */
function copy<T>(value: T): T {
  if (isTyped(value)) return value.slice() as T;
  if (Array.isArray(value)) return value.map(copy) as T;
  if (!isObject(value)) return value;
  const out = Object.create(Object.getPrototypeOf(value)) as Plain;
  for (const [key, field] of Object.entries(value)) out[key] = copy(field);
  return out as T;
}

/**
 * Writes `saved` back into `target`: into the same typed arrays where they still fit, so arrays
 * others hold — a thread's view of shared memory, a viewer's — see the restored values; anything
 * that has grown since (the groups store) is replaced by a copy.
 */
function restoreInto(target: Plain, saved: Plain): void {
  for (const [key, value] of Object.entries(saved)) {
    const current = target[key];
    if (isTyped(value) && isTyped(current) && current.constructor === value.constructor && current.length === value.length) {
      current.set(value as never);
    } else if (isObject(value) && !isTyped(value) && !Array.isArray(value) && isObject(current) && !isTyped(current)) {
      restoreInto(current, value);
    } else {
      target[key] = copy(value);
    }
  }
}

/** Bytes of the typed arrays in `value`, and 8 for each other value. */
function sizeOf(value: unknown): number {
  if (isTyped(value)) return value.byteLength;
  if (isObject(value)) return Object.values(value).reduce((sum: number, field) => sum + sizeOf(field), 0);
  return 8;
}

/** Everything a day can change in `world`, and how many days `recorder` holds. */
export function checkpoint(world: World, recorder: Recorder): Checkpoint {
  const state = Object.fromEntries(STATE.map((key) => [key, copy(world[key])])) as Checkpoint['state'];
  const channel = world.network.channel.slice();
  return { day: world.today, world, state, channel, recorded: recorder.recorded, bytes: sizeOf(state) + channel.byteLength };
}

/**
 * Puts `world` and `recorder` back as they were when `saved` was taken: the recorder forgets the
 * days since, as if they had never been simulated.
 */
export function restore(world: World, recorder: Recorder, saved: Checkpoint): void {
  if (saved.world !== world) throw new Error('kith: a checkpoint restores only into the run it was taken of');
  restoreInto(world as unknown as Plain, saved.state);
  world.network.channel.set(saved.channel);
  forgetDays(recorder, saved.recorded);
}

/** Clears every recorded value from day `from` on, as a new recorder holds them (zeros). */
function forgetDays(recorder: Recorder, from: number): void {
  const perDay = (array: Float64Array) => array.length / recorder.days;
  for (const array of [...Object.values(recorder.daily), ...Object.values(recorder.world), recorder.flows]) {
    array.fill(0, from * perDay(array));
  }
  recorder.recorded = from;
}
