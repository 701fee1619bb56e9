/**
 * The world on shared memory, for threads within one run (parallel.ts): every typed array the
 * kernels read or write, copied into a SharedArrayBuffer, and the same arrays rebuilt as a view in
 * another thread. Serial phases keep working on the same arrays.
 */
import { newArray } from './fields.ts';
import type { Params } from './params/index.ts';
import type { World } from './world.ts';
import { twinsOver } from './wasm/twins.ts';

type Typed = Float64Array | Float32Array | Int32Array | Uint8Array;
type Constructor = 'Float64Array' | 'Float32Array' | 'Int32Array' | 'Uint8Array';
const CONSTRUCTORS = { Float64Array, Float32Array, Int32Array, Uint8Array } as const;

/** A typed array as it crosses to another thread: its shared buffer, where in it, and its type. */
export interface SharedArray {
  readonly type: Constructor;
  /** Cut from the world's arena (wasm/arena.ts), where the kernels' twins reach it. */
  readonly inArena: boolean;
  readonly buffer: SharedArrayBuffer;
  readonly byteOffset: number;
  readonly length: number;
}

/** What a thread needs to rebuild the world's arrays (`worldView`). */
export interface SharedWorld {
  readonly params: Params;
  readonly n: number;
  readonly layers: number;
  readonly block: number;
  readonly group: number;
  readonly groups: Record<'persons' | 'scratch' | 'network' | 'openTies', Record<string, SharedArray>>;
  readonly arrays: Record<'flowChunks' | 'subgroupSums' | 'subgroupHistograms', SharedArray>;
  readonly subgroupMembers: SharedArray[];
  /** The arena's memory, when the world is in one: each thread instantiates the twins over it. */
  readonly memory: WebAssembly.Memory | null;
}

/** `array` itself when it is on shared memory already (a world built shared), else a shared copy. */
function toShared(array: Typed): Typed {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = newArray(CONSTRUCTORS[array.constructor.name as Constructor], array.length, true);
  copy.set(array as never);
  return copy;
}

const describe = (array: Typed, arena: WeakSet<ArrayBufferLike> | undefined): SharedArray => ({
  type: array.constructor.name as Constructor,
  inArena: arena?.has(array.buffer) ?? false,
  buffer: array.buffer as SharedArrayBuffer,
  byteOffset: array.byteOffset,
  length: array.length,
});
const rebuild = (a: SharedArray): Typed => new CONSTRUCTORS[a.type](a.buffer as unknown as ArrayBuffer, a.byteOffset, a.length);

/** Moves each typed array held by `holder` to shared memory, in place; describes them. */
function shareFields(holder: object, arena: WeakSet<ArrayBufferLike> | undefined): Record<string, SharedArray> {
  const fields = holder as Record<string, unknown>;
  const out: Record<string, SharedArray> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!ArrayBuffer.isView(value)) continue;
    fields[name] = toShared(value as Typed);
    out[name] = describe(fields[name] as Typed, arena);
  }
  return out;
}

/** Puts the world's arrays on shared memory (once) and describes them for other threads. */
export function shareWorld(world: World): SharedWorld {
  const w = world as unknown as Record<string, unknown>;
  const arena = world.twins?.buffers;
  const arrays = {} as SharedWorld['arrays'];
  for (const name of ['flowChunks', 'subgroupSums', 'subgroupHistograms'] as const) {
    w[name] = toShared(world[name]);
    arrays[name] = describe(world[name], arena);
  }
  world.subgroupMembers.forEach((members, s) => (world.subgroupMembers[s] = toShared(members) as Int32Array));
  const { persons, scratch, network, openTies } = world;
  return {
    params: world.params,
    n: world.n,
    layers: network.layers,
    block: openTies.block,
    group: openTies.group,
    groups: { persons: shareFields(persons, arena), scratch: shareFields(scratch, arena), network: shareFields(network, arena), openTies: shareFields(openTies, arena) },
    arrays,
    subgroupMembers: world.subgroupMembers.map((members) => describe(members, arena)),
    memory: world.twins?.memory ?? null,
  };
}

/**
 * The world as another thread sees it: the shared arrays and the parameters, enough for every
 * kernel (a kernel never reads groups, services, the environment or the timeline: what it needs
 * of them comes in its context), and the twins over the arena's memory when there is one.
 */
export function worldView(shared: SharedWorld): World {
  const arena = new WeakSet<ArrayBufferLike>();
  const view = (a: SharedArray): Typed => {
    const array = rebuild(a);
    if (a.inArena) arena.add(array.buffer);
    return array;
  };
  const fields = (group: Record<string, SharedArray>) => Object.fromEntries(Object.entries(group).map(([name, a]) => [name, view(a)]));
  const { groups, arrays } = shared;
  return {
    params: shared.params,
    n: shared.n,
    persons: fields(groups.persons),
    scratch: fields(groups.scratch),
    network: { ...fields(groups.network), persons: shared.n, layers: shared.layers },
    openTies: { ...fields(groups.openTies), block: shared.block, group: shared.group, far: 0 },
    flowChunks: view(arrays.flowChunks),
    subgroupSums: view(arrays.subgroupSums),
    subgroupHistograms: view(arrays.subgroupHistograms),
    subgroupMembers: shared.subgroupMembers.map(view),
    twins: shared.memory ? twinsOver(shared.memory, arena) : null,
  } as unknown as World;
}
