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

/** With `shared`, the network's arrays are on shared memory (fields.ts newArray). */
export function compileNetwork(edges: EdgeList, persons: number, params: Params, shared: Sharing = false): Network {
  const L = TIE_LAYERS.length;
  const segments = persons * L;
  const rateOf = TIE_LAYERS.map((layer) => params.network[layer].rate);

  // 1. Count half-edges per (person, layer) and place them, duplicates included.
  const counts = new Int32Array(segments + 1);
  for (let e = 0; e < edges.size; e++) {
    counts[edges.from[e] * L + edges.layer[e] + 1]++;
    counts[edges.to[e] * L + edges.layer[e] + 1]++;
  }
  for (let s = 0; s < segments; s++) counts[s + 1] += counts[s];
  const raw = counts; // now offsets of the raw rows
  const cursor = raw.slice(0, segments);
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

  // 2. One tie per pair and layer: sorted by (neighbour, edge id), a repeat of a pair is dropped,
  //    and since both ends see the same edges of a pair, both drop the same (later) edge.
  const offsets = newArray(Int32Array, segments + 1, shared);
  let kept = 0;
  for (let s = 0; s < segments; s++) {
    sortSegment(rawNeighbour, rawEdge, raw[s], raw[s + 1]);
    for (let p = raw[s]; p < raw[s + 1]; p++) {
      if (p === raw[s] || rawNeighbour[p] !== rawNeighbour[p - 1]) kept++;
    }
    offsets[s + 1] = kept;
  }

  // 3. Compact, recording where each edge's two halves landed to link mates.
  const neighbour = newArray(Int32Array, kept, shared);
  const strength = newArray(Float32Array, kept, shared);
  const weight = newArray(Real, kept, shared);
  const mate = newArray(Int32Array, kept, shared);
  const halves = new Int32Array(2 * edges.size).fill(-1);
  let q = 0;
  for (let s = 0; s < segments; s++) {
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
  for (let e = 0; e < edges.size; e++) {
    const a = halves[2 * e];
    const b = halves[2 * e + 1];
    if (a >= 0) {
      mate[a] = b;
      mate[b] = a;
    }
  }
  const channel = newArray(Uint8Array, kept, shared).fill(CHANNEL.faceToFace);
  return { persons, layers: L, offsets, neighbour, strength, weight, channel, mate };
}

/** Number of ties (not half-edges) on each tie layer. */
export function tiesPerLayer(network: Network): number[] {
  const counts = new Array<number>(network.layers).fill(0);
  for (let s = 0; s < network.persons * network.layers; s++) {
    counts[s % network.layers] += network.offsets[s + 1] - network.offsets[s];
  }
  return counts.map((halfEdges) => halfEdges / 2);
}
