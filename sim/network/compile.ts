/**
 * The network's engine room: ties compiled into compressed rows grouped by layer. Person i's
 * ties on layer l are the half-edges `offsets[i·L + l] … offsets[i·L + l + 1] − 1`, each with the
 * neighbour, its strength, w·rate, today's channel, and the index of its mate (the same tie seen
 * from the other end). Daily phases gather over these arrays and never touch graphology.
 */
import type { Params } from '../params/index.ts';
import { newArray, Real, type Sharing } from '../fields.ts';
import type { EdgeList } from './edges.ts';
import { CHANNEL, TIE_LAYERS } from './layers.ts';

export interface Network {
  readonly persons: number;
  /** Number of tie layers (L). */
  readonly layers: number;
  /** Length persons·L + 1. */
  readonly offsets: Int32Array;
  readonly neighbour: Int32Array;
  /** Tie strength w. */
  readonly strength: Float32Array;
  /** w · rate: the daily contact weight of the tie. */
  readonly weight: Float64Array;
  /** Today's channel (CHANNEL): written by timeline events, to both halves of a tie at once. */
  readonly channel: Uint8Array;
  /** Index of the other half of the same tie. */
  readonly mate: Int32Array;
}

/** Sort one person-layer segment by (neighbour, edge id): segments are short, so insertion sort. */
function sortSegment(neighbour: Int32Array, edge: Int32Array, start: number, end: number): void {
  for (let a = start + 1; a < end; a++) {
    const nb = neighbour[a];
    const ed = edge[a];
    let b = a - 1;
    while (b >= start && (neighbour[b] > nb || (neighbour[b] === nb && edge[b] > ed))) {
      neighbour[b + 1] = neighbour[b];
      edge[b + 1] = edge[b];
      b--;
    }
    neighbour[b + 1] = nb;
    edge[b + 1] = ed;
  }
}

/**
 * With `shared`, the network's arrays are on shared memory (fields.ts newArray). Each step is a
 * function of its own with one loop: a build runs each loop once, so V8 optimises a loop while it
 * runs (on-stack replacement), and code compiled that way for one loop of a longer function fell
 * back to the interpreter where the next loop began, in every later build of a run-pool worker,
 * until it was compiled again (--trace-deopt: six such fallbacks a build, for the first runs).
 */
export function compileNetwork(edges: EdgeList, persons: number, params: Params, shared: Sharing = false): Network {
  const L = TIE_LAYERS.length;
  const raw = rawOffsets(edges, persons * L, L);
  const { rawNeighbour, rawEdge } = placeHalfEdges(edges, raw, L);
  const offsets = dropRepeats(raw, rawNeighbour, rawEdge, shared);
  const rateOf = TIE_LAYERS.map((layer) => params.network[layer].rate);
  const { neighbour, strength, weight, halves } = compact(edges, raw, rawNeighbour, rawEdge, offsets[persons * L], rateOf, shared);
  const mate = linkMates(halves, neighbour.length, shared);
  const channel = newArray(Uint8Array, neighbour.length, shared).fill(CHANNEL.faceToFace);
  return { persons, layers: L, offsets, neighbour, strength, weight, channel, mate };
}

/** 1a. Where each (person, layer)'s half-edges start, duplicates included: `segments + 1` offsets. */
function rawOffsets(edges: EdgeList, segments: number, L: number): Int32Array {
  return runningSums(halfEdgeCounts(edges, segments, L));
}

/** Half-edges per (person, layer), at `[s + 1]`. */
function halfEdgeCounts(edges: EdgeList, segments: number, L: number): Int32Array {
  const counts = new Int32Array(segments + 1);
  for (let e = 0; e < edges.size; e++) {
    counts[edges.from[e] * L + edges.layer[e] + 1]++;
    counts[edges.to[e] * L + edges.layer[e] + 1]++;
  }
  return counts;
}

/** Each entry plus all before it, in place. */
function runningSums(values: Int32Array): Int32Array {
  for (let s = 1; s < values.length; s++) values[s] += values[s - 1];
  return values;
}

/** 1b. Each edge's two halves placed in their segments: the far end and the edge id. */
function placeHalfEdges(edges: EdgeList, raw: Int32Array, L: number): { rawNeighbour: Int32Array; rawEdge: Int32Array } {
  const cursor = raw.slice(0, raw.length - 1);
  const rawNeighbour = new Int32Array(2 * edges.size);
  const rawEdge = new Int32Array(2 * edges.size);
  for (let e = 0; e < edges.size; e++) {
    const a = edges.from[e];
    const b = edges.to[e];
    const l = edges.layer[e];
    let p = cursor[a * L + l]++;
    rawNeighbour[p] = b;
    rawEdge[p] = e;
    p = cursor[b * L + l]++;
    rawNeighbour[p] = a;
    rawEdge[p] = e;
  }
  return { rawNeighbour, rawEdge };
}

/**
 * 2. One tie per pair and layer: each segment sorted by (neighbour, edge id), a repeat of a pair is
 * dropped, and since both ends see the same edges of a pair, both drop the same (later) edge.
 * Returns the offsets of the ties kept.
 */
function dropRepeats(raw: Int32Array, rawNeighbour: Int32Array, rawEdge: Int32Array, shared: Sharing): Int32Array {
  const segments = raw.length - 1;
  const offsets = newArray(Int32Array, segments + 1, shared);
  let kept = 0;
  for (let s = 0; s < segments; s++) {
    sortSegment(rawNeighbour, rawEdge, raw[s], raw[s + 1]);
    for (let p = raw[s]; p < raw[s + 1]; p++) {
      if (p === raw[s] || rawNeighbour[p] !== rawNeighbour[p - 1]) kept++;
    }
    offsets[s + 1] = kept;
  }
  return offsets;
}

/** 3. The kept half-edges compacted, recording where each edge's two halves landed (−1: dropped). */
function compact(edges: EdgeList, raw: Int32Array, rawNeighbour: Int32Array, rawEdge: Int32Array, kept: number, rateOf: readonly number[], shared: Sharing) {
  const L = rateOf.length;
  const neighbour = newArray(Int32Array, kept, shared);
  const strength = newArray(Float32Array, kept, shared);
  const weight = newArray(Real, kept, shared);
  const halves = new Int32Array(2 * edges.size).fill(-1);
  let q = 0;
  for (let s = 0; s < raw.length - 1; s++) {
    const rate = rateOf[s % L];
    for (let p = raw[s]; p < raw[s + 1]; p++) {
      if (p !== raw[s] && rawNeighbour[p] === rawNeighbour[p - 1]) continue;
      const e = rawEdge[p];
      neighbour[q] = rawNeighbour[p];
      strength[q] = edges.strength[e];
      weight[q] = edges.strength[e] * rate;
      halves[2 * e + (halves[2 * e] < 0 ? 0 : 1)] = q;
      q++;
    }
  }
  return { neighbour, strength, weight, halves };
}

/** 4. Each kept half-edge's mate: the other half of the same edge. */
function linkMates(halves: Int32Array, kept: number, shared: Sharing): Int32Array {
  const mate = newArray(Int32Array, kept, shared);
  for (let e = 0; 2 * e < halves.length; e++) {
    const a = halves[2 * e];
    const b = halves[2 * e + 1];
    if (a >= 0) {
      mate[a] = b;
      mate[b] = a;
    }
  }
  return mate;
}

/** Number of ties (not half-edges) on each tie layer. */
export function tiesPerLayer(network: Network): number[] {
  const counts = new Array<number>(network.layers).fill(0);
  for (let s = 0; s < network.persons * network.layers; s++) {
    counts[s % network.layers] += network.offsets[s + 1] - network.offsets[s];
  }
  return counts.map((halfEdges) => halfEdges / 2);
}
