/**
 * A world: the persons, their network, services and groups, and the environment timeline events
 * change. Built once per run from validated parameters and a seed; phases then change it day by day.
 */
import { allocate, newArray, type Sharing } from './fields.ts';
import { initialGroups } from './groups/initial.ts';
import type { Groups } from './groups/store.ts';
import { buildNetwork } from './network/build.ts';
import type { Network } from './network/compile.ts';
import { LAYERS } from './network/layers.ts';
import { allocateOpenTies, type OpenTies } from './network/open.ts';
import { crisisWindow, ParamError, sameParamsExcept, type CrisisWindow, type Params } from './params/index.ts';
import { buildPopulation } from './population/build.ts';
import { DAY_FIELDS, type DayArrays, type Persons } from './population/fields.ts';
import { DAILY_STREAMS, streamKey, type DailyStream } from './random/index.ts';
import { SERIAL_EXECUTOR } from './day/kernels.ts';
import { CHUNK, MAX_SLOTS, type Executor } from './parallel.ts';
import { BINS } from './record/recorder.ts';
import { MEAN_OUTCOMES } from './record/outcomes.ts';
import { assignSubgroups, membershipKey, SUBGROUPS } from './record/subgroups.ts';
import { initialEnvironment, type Environment } from './timeline/environment.ts';
import type { TimelineEvent } from './timeline/schema.ts';
import { Arena } from './wasm/arena.ts';
import { twinsOver, type Twins } from './wasm/twins.ts';

/** Formal services: persons split along the ring into services of `network.serviceSize`. */
export interface Services {
  readonly count: number;
  readonly clients: Int32Array;
  /** Working sums of one day, per service and function. */
  readonly asked: Float64Array;
  readonly met: Float64Array;
}

export interface World {
  readonly params: Params;
  readonly seed: number;
  readonly n: number;
  readonly persons: Persons;
  readonly scratch: DayArrays;
  /** Household h holds persons `householdStart[h] … householdStart[h + 1] − 1`. */
  readonly householdStart: Int32Array;
  readonly network: Network;
  readonly services: Services;
  readonly groups: Groups;
  /** Each subgroup's members in person order (SUBGROUPS order), fixed on day 0. */
  readonly subgroupMembers: Int32Array[];
  readonly subgroupSizes: number[];
  /** Each subgroup's membershipKey: effects pair two arms' runs in a subgroup only where they agree. */
  readonly subgroupKeys: string[];
  readonly crisis: CrisisWindow | null;
  /** The key of each daily stream for this run's seed. */
  readonly keys: Record<DailyStream, number>;
  readonly env: Environment;
  /** Events of the run: the parameters' timeline, then any scheduled live (kept in day order). */
  readonly timeline: TimelineEvent[];
  /** The day being simulated (or about to be). */
  today: number;
  /** Set by events that change channels: contact sums and open ties are refreshed once, then reused. */
  tiesChanged: boolean;
  /** Today's open ties by channel (refreshed with the contact sums; sized for `network`). */
  openTies: OpenTies;
  /** Half-edges on each open channel, counted when ties change. */
  channelCounts: { faceToFace: number; remote: number };
  /** Support given today, summed over persons in person order: `[3 · layer + function]`. */
  readonly flows: Float64Array;
  /** Runs the day's kernels (parallel.ts): on this thread unless threads are started. */
  executor: Executor;
  /** The kernels' WebAssembly twins, for a world built in an arena (wasm/twins.ts); else null. */
  readonly twins: Twins | null;
  /** Phase 4's support per chunk of persons, tie layer and function (parallel.ts). */
  readonly flowChunks: Float64Array;
  /** Phase 11's sums per chunk, subgroup and mean outcome. */
  readonly subgroupSums: Float64Array;
  /** Phase 11's wellbeing histograms per thread slot and subgroup. */
  readonly subgroupHistograms: Int32Array;
}

function buildServices(persons: Persons, n: number, size: number, shared: Sharing): Services {
  const count = Math.ceil(n / size);
  const clients = newArray(Int32Array, count, shared);
  for (let i = 0; i < n; i++) {
    persons.service[i] = Math.floor(i / size);
    clients[persons.service[i]]++;
  }
  return { count, clients, asked: newArray(Float64Array, 3 * count, shared), met: newArray(Float64Array, 3 * count, shared) };
}

/**
 * Each person's subgroup mask in the world `params` builds from `seed` on day 0 (its population,
 * network and groups: all that membership depends on), for a world of `persons` whose subgroups
 * are to be that world's: the same persons, followed into another arm (intention to treat).
 */
function subgroupMasksOf(params: Params, seed: number, persons: number): Uint8Array {
  if (params.persons !== persons) {
    throw new ParamError('persons', `subgroups can be taken only from a world of as many persons (${persons})`, params.persons);
  }
  const { population, network } = buildPeople(params, seed, false);
  assignSubgroups(population.persons, network);
  return population.persons.subgroups;
}

/**
 * Whether two settings build the same world of day 0 from any seed: settings differing only in what
 * happens later (their timeline) and for how long (their days), as covid-lockdown's arms do. Then a
 * run following the other's subgroups has them already, and the other world is not built.
 */
export function sameDayZero(a: Params, b: Params): boolean {
  return sameParamsExcept(a, b, ['timeline', 'days']);
}

/**
 * Whose day-0 subgroups a world records instead of its own: another arm's settings (its world is
 * built from the same seed to find them), or the masks a run of them on the same seed already
 * found (Simulation.subgroupMasks), which saves building that world again.
 */
export type SubgroupSource = Params | Uint8Array;

/** The masks `source` gives a world of `params` from `seed`; none where they would be its own. */
function givenSubgroupMasks(params: Params, seed: number, source: SubgroupSource): Uint8Array | undefined {
  if (source instanceof Uint8Array) return source;
  // Built before this world, so that its arrays can be collected before this one's are made.
  return sameDayZero(params, source) ? undefined : subgroupMasksOf(source, seed, params.persons);
}

/** The persons of day 0, their network and first groups: all that subgroup membership depends on. */
function buildPeople(params: Params, seed: number, shared: Sharing) {
  const population = buildPopulation(params, seed, shared);
  const network = buildNetwork(params, population, seed, shared);
  const groups = initialGroups(params, population.persons, network, seed);
  return { population, network, groups };
}

/**
 * Builds the world of day 0. `params` must be validated. With `shared`, every array the day's
 * kernels use is on shared memory, ready for threads (parallel.ts); in an arena, the kernels run
 * as their WebAssembly twins.
 */
export function buildWorld(params: Params, seed: number, shared: Sharing = false, subgroupsFrom?: SubgroupSource): World {
  const givenMasks = subgroupsFrom ? givenSubgroupMasks(params, seed, subgroupsFrom) : undefined;
  const { population, network, groups } = buildPeople(params, seed, shared);
  const { persons } = population;
  // Services only number their clients along the ring: built after the groups, which never read them.
  const services = buildServices(persons, params.persons, params.network.serviceSize, shared);
  const subgroupMembers = assignSubgroups(persons, network, givenMasks).map((members) => {
    const placed = newArray(Int32Array, members.length, shared);
    placed.set(members);
    return placed;
  });
  const keys = Object.fromEntries(DAILY_STREAMS.map((s) => [s, streamKey(seed, s)])) as Record<DailyStream, number>;
  return {
    params,
    seed,
    n: params.persons,
    persons,
    scratch: allocate(DAY_FIELDS, params.persons, shared),
    householdStart: population.householdStart,
    network,
    services,
    groups,
    subgroupMembers,
    subgroupSizes: subgroupMembers.map((m) => m.length),
    subgroupKeys: subgroupMembers.map(membershipKey),
    crisis: crisisWindow(params),
    keys,
    env: initialEnvironment(params),
    timeline: params.timeline.map((e) => ({ ...e })).sort((a, b) => a.day - b.day),
    today: 0,
    tiesChanged: true,
    openTies: allocateOpenTies(network, undefined, shared),
    channelCounts: { faceToFace: network.channel.length, remote: 0 },
    flows: newArray(Float64Array, 3 * LAYERS.length, shared),
    executor: SERIAL_EXECUTOR,
    twins: shared instanceof Arena ? twinsOver(shared.memory, shared.buffers) : null,
    flowChunks: newArray(Float64Array, Math.ceil(params.persons / CHUNK) * 3 * network.layers, shared),
    subgroupSums: newArray(Float64Array, Math.ceil(params.persons / CHUNK) * SUBGROUPS.length * MEAN_OUTCOMES.length, shared),
    subgroupHistograms: newArray(Int32Array, MAX_SLOTS * SUBGROUPS.length * BINS, shared),
  };
}
