/**
 * The world on shared memory, for threads within one run (parallel.ts): every typed array the
 * kernels read or write, copied into a SharedArrayBuffer, and the same arrays rebuilt as a view in
 * another thread. Serial phases keep working on the same arrays.
 */
import { newArray } from './fields.ts';
import type { Params } from './params/index.ts';
import type { World } from './world.ts';

type Typed = Float64Array | Float32Array | Int32Array | Uint8Array;
type Constructor = 'Float64Array' | 'Float32Array' | 'Int32Array' | 'Uint8Array';
const CONSTRUCTORS = { Float64Array, Float32Array, Int32Array, Uint8Array } as const;

/** A typed array as it crosses to another thread: its shared buffer and its type. */
export interface SharedArray {
  readonly type: Constructor;
  readonly buffer: SharedArrayBuffer;
  readonly length: number;
}

/** What a thread needs to rebuild the world's arrays (`worldView`). */
export interface SharedWorld {
  readonly params: Params;
  readonly n: number;
  readonly layers: number;
  readonly block: number;
  readonly groups: Record<'persons' | 'scratch' | 'network' | 'openTies', Record<string, SharedArray>>;
  readonly arrays: Record<'flowChunks' | 'subgroupSums' | 'subgroupHistograms', SharedArray>;
  readonly subgroupMembers: SharedArray[];
}

/** `array` itself when it is on shared memory already (a world built shared), else a shared copy. */
function toShared(array: Typed): Typed {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = newArray(CONSTRUCTORS[array.constructor.name as Constructor], array.length, true);
  copy.set(array as never);
  return copy;
}

const describe = (array: Typed): SharedArray => ({ type: array.constructor.name as Constructor, buffer: array.buffer as SharedArrayBuffer, length: array.length });
const rebuild = (a: SharedArray): Typed => new CONSTRUCTORS[a.type](a.buffer as unknown as ArrayBuffer, 0, a.length);

/** Moves each typed array held by `holder` to shared memory, in place; describes them. */
function shareFields(holder: object): Record<string, SharedArray> {
  const fields = holder as Record<string, unknown>;
  const out: Record<string, SharedArray> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!ArrayBuffer.isView(value)) continue;
    fields[name] = toShared(value as Typed);
    out[name] = describe(fields[name] as Typed);
  }
  return out;
}

/** Puts the world's arrays on shared memory (once) and describes them for other threads. */
export function shareWorld(world: World): SharedWorld {
  const w = world as unknown as Record<string, unknown>;
  const arrays = {} as SharedWorld['arrays'];
  for (const name of ['flowChunks', 'subgroupSums', 'subgroupHistograms'] as const) {
    w[name] = toShared(world[name]);
    arrays[name] = describe(world[name]);
  }
  world.subgroupMembers.forEach((members, s) => (world.subgroupMembers[s] = toShared(members) as Int32Array));
  return {
    params: world.params,
    n: world.n,
    layers: world.network.layers,
    block: world.openTies.block,
    groups: { persons: shareFields(world.persons), scratch: shareFields(world.scratch), network: shareFields(world.network), openTies: shareFields(world.openTies) },
    arrays,
    subgroupMembers: world.subgroupMembers.map(describe),
  };
}

/**
 * The world as another thread sees it: the shared arrays and the parameters, enough for every
 * kernel (a kernel never reads groups, services, the environment or the timeline: what it needs
 * of them comes in its context).
 */
export function worldView(shared: SharedWorld): World {
  const fields = (group: Record<string, SharedArray>) => Object.fromEntries(Object.entries(group).map(([name, a]) => [name, rebuild(a)]));
  const { groups, arrays } = shared;
  return {
    params: shared.params,
    n: shared.n,
    persons: fields(groups.persons),
    scratch: fields(groups.scratch),
    network: { ...fields(groups.network), persons: shared.n, layers: shared.layers },
    openTies: { ...fields(groups.openTies), block: shared.block, far: 0 },
    flowChunks: rebuild(arrays.flowChunks),
    subgroupSums: rebuild(arrays.subgroupSums),
    subgroupHistograms: rebuild(arrays.subgroupHistograms),
    subgroupMembers: shared.subgroupMembers.map(rebuild),
  } as unknown as World;
}
