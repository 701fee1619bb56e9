/**
 * Today's open ties, listed apart from the full network for the givers' walk of phase 4, which
 * visits every open tie every day. Channels change only at timeline events, so the lists are
 * rebuilt then (phase 3), and the walk runs without testing channels and never visits a closed
 * tie.
 *
 * For each tie the walk reads the asking neighbour's block of asks. Persons are numbered along
 * the neighbourhood ring, so most ties join persons near each other in memory; kin and coworker
 * ties join persons anywhere. Up to FAR_FROM persons all asks (32 bytes a person) stay in cache
 * and every tie is listed per giver. Beyond, persons are cut into blocks of FAR_BLOCK: ties
 * within a block are "near" and listed per giver; ties between blocks are "far" and listed apart,
 * sorted by the giver's group of FAR_GROUP persons (a whole number of blocks), then by the asker.
 * Walked in that order the asks are read in ascending order, once per group, and the givers' sums
 * they add to stay within one group (5.2 MB, in cache). At 1,000,000 persons this halves the walk
 * (470 → 265 ms a day in JavaScript): in giver order it reads 32 MB of asks at random and waits on
 * memory for most far ties. Below FAR_FROM the extra pass costs more than it saves (7% at 100,000
 * persons). Both sizes are fixed, so a result depends on the scenario alone, never on the machine;
 * the group's size does not change a result at all: each giver's far ties are added in the order
 * of their askers whatever it is.
 */
import { CHANNEL } from './layers.ts';
import { newArray, type Sharing } from '../fields.ts';
import type { Network } from './compile.ts';

/** Persons beyond which ties are cut into near and far: 2^18, whose asks take 8 MB. */
export const FAR_FROM = 1 << 18;
/** Persons per block: 2^16, whose asks take 2 MB. */
export const FAR_BLOCK = 1 << 16;
/**
 * Givers per group of the far ties' pass: 2^17, whose far sums take 5.2 MB. Fewer, larger groups
 * read the asks fewer times, until their sums no longer stay in cache. At 1,000,000 persons, days
 * 15–23 of the benchmark's year, a whole day took 231–235 ms with groups of 2^16, 218–222 with
 * 2^17 or 2^18; on two threads 143–147, 135–137 and 147–148 (two threads' sums share the cache).
 * The far pass alone, on one thread: 2^15 98 ms, 2^16 60, 2^17 48, 2^18 40–42, 2^19 79; since its
 * sums are zeroed group by group (day/informal.ts), on a lockdown day: 2^15 73, 2^16 52–54,
 * 2^17 33–36, 2^18 43–44.
 */
export const FAR_GROUP = 1 << 17;

export interface OpenTies {
  /** Persons per block: all persons up to FAR_FROM, else FAR_BLOCK (other sizes in tests). */
  readonly block: number;
  /** Givers per group of the far ties' pass: a whole number of blocks (FAR_GROUP, else all persons). */
  readonly group: number;
  /** Giver j's near ties are `start[j] … start[j + 1] − 1`, face-to-face first. Length n + 1. */
  readonly start: Int32Array;
  /** Giver j's near remote ties begin at `remoteStart[j]`. */
  readonly remoteStart: Int32Array;
  /** The asking end of each near tie. */
  readonly neighbour: Int32Array;
  /** w·rate, as `Network.weight`. */
  readonly weight: Float64Array;
  /** Far ties listed today: entries 0 … far − 1 of the far arrays. */
  far: number;
  /** Far ties of givers in group g are entries `farStart[g] … farStart[g + 1] − 1`. */
  readonly farStart: Int32Array;
  readonly farGiver: Int32Array;
  readonly farAsker: Int32Array;
  readonly farWeight: Float64Array;
  /** 1 for a remote tie, 0 face-to-face. */
  readonly farRemote: Uint8Array;
}

/** Lists room for every tie of `network` (near and far as they would be if all were open). */
export function allocateOpenTies(
  network: Network,
  block = network.persons > FAR_FROM ? FAR_BLOCK : network.persons,
  shared: Sharing = false,
  group = Math.min(network.persons, Math.ceil(FAR_GROUP / block) * block),
): OpenTies {
  const { offsets, neighbour, layers: L, persons: n } = network;
  if (group % block !== 0 && group !== n) throw new RangeError(`kith: a group of the far ties (${group}) holds whole blocks (${block})`);
  let farRoom = 0;
  if (block < n) {
    for (let j = 0; j < n; j++) {
      for (let e = offsets[j * L]; e < offsets[(j + 1) * L]; e++) if (Math.floor(neighbour[e] / block) !== Math.floor(j / block)) farRoom++;
    }
  }
  const nearRoom = neighbour.length - farRoom;
  return {
    block,
    group,
    start: newArray(Int32Array, n + 1, shared),
    remoteStart: newArray(Int32Array, n, shared),
    neighbour: newArray(Int32Array, nearRoom, shared),
    weight: newArray(Float64Array, nearRoom, shared),
    far: 0,
    farStart: newArray(Int32Array, Math.ceil(n / block) + 1, shared), // room for groups as small as a block
    farGiver: newArray(Int32Array, farRoom, shared),
    farAsker: newArray(Int32Array, farRoom, shared),
    farWeight: newArray(Float64Array, farRoom, shared),
    farRemote: newArray(Uint8Array, farRoom, shared),
  };
}

/** Fills `into` from the network's channels of today. */
export function listOpenTies(network: Network, into: OpenTies): void {
  const { offsets, neighbour, weight, channel, layers: L, persons: n } = network;
  const { block, start, remoteStart, neighbour: nearNeighbour, weight: nearWeight } = into;
  const blockOf = (person: number) => Math.floor(person / block);

  // Near ties, per giver j, face-to-face then remote, in the network's order.
  let q = 0;
  const copyNear = (j: number, wanted: number) => {
    for (let e = offsets[j * L]; e < offsets[(j + 1) * L]; e++) {
      if (channel[e] !== wanted || blockOf(neighbour[e]) !== blockOf(j)) continue;
      nearNeighbour[q] = neighbour[e];
      nearWeight[q++] = weight[e];
    }
  };
  for (let j = 0; j < n; j++) {
    start[j] = q;
    copyNear(j, CHANNEL.faceToFace);
    remoteStart[j] = q;
    copyNear(j, CHANNEL.remote);
  }
  start[n] = q;

  // Far ties, by the giver's group, then by asker: a counting sort over the askers' half-edges
  // (a tie's weight and channel are the same seen from either end).
  const groupOf = (person: number) => Math.floor(person / into.group);
  const groups = Math.ceil(n / into.group);
  const next = new Int32Array(groups + 1);
  const forEachFar = (visit: (giver: number, asker: number, e: number) => void) => {
    for (let i = 0; i < n; i++) {
      for (let e = offsets[i * L]; e < offsets[(i + 1) * L]; e++) {
        const j = neighbour[e];
        if (channel[e] !== CHANNEL.closed && blockOf(j) !== blockOf(i)) visit(j, i, e);
      }
    }
  };
  forEachFar((j) => next[groupOf(j) + 1]++);
  for (let g = 0; g < groups; g++) next[g + 1] += next[g];
  into.farStart.set(next);
  into.far = next[groups];
  forEachFar((j, i, e) => {
    const at = next[groupOf(j)]++;
    into.farGiver[at] = j;
    into.farAsker[at] = i;
    into.farWeight[at] = weight[e];
    into.farRemote[at] = channel[e] === CHANNEL.remote ? 1 : 0;
  });
}
