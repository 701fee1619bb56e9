/**
 * Today's open ties, listed apart from the full network: for each person, the face-to-face ties,
 * then the remote ones, each with its neighbour and w·rate. Channels change only at timeline
 * events, so the lists are rebuilt then (phase 3); the givers' walk of phase 4, which visits every
 * open tie every day, then runs without testing channels, and never visits a closed tie.
 */
import { CHANNEL } from './layers.ts';
import type { Network } from './compile.ts';

export interface OpenTies {
  /** Person j's open ties are `start[j] … start[j + 1] − 1`; face-to-face first. Length n + 1. */
  readonly start: Int32Array;
  /** Person j's remote ties begin at `remoteStart[j]`. */
  readonly remoteStart: Int32Array;
  readonly neighbour: Int32Array;
  /** w·rate, as `Network.weight`. */
  readonly weight: Float64Array;
}

/** Lists room for every tie of `network`, all closed until `listOpenTies`. */
export function allocateOpenTies(network: Network): OpenTies {
  const halfEdges = network.neighbour.length;
  return {
    start: new Int32Array(network.persons + 1),
    remoteStart: new Int32Array(network.persons),
    neighbour: new Int32Array(halfEdges),
    weight: new Float64Array(halfEdges),
  };
}

/** Fills `into` from the network's channels of today; ties keep their order within a channel. */
export function listOpenTies(network: Network, into: OpenTies): void {
  const { offsets, neighbour, weight, channel, layers: L, persons: n } = network;
  const { start, remoteStart, neighbour: openNeighbour, weight: openWeight } = into;
  let q = 0;
  const copy = (j: number, wanted: number) => {
    for (let e = offsets[j * L]; e < offsets[(j + 1) * L]; e++) {
      if (channel[e] !== wanted) continue;
      openNeighbour[q] = neighbour[e];
      openWeight[q++] = weight[e];
    }
  };
  for (let j = 0; j < n; j++) {
    start[j] = q;
    copy(j, CHANNEL.faceToFace);
    remoteStart[j] = q;
    copy(j, CHANNEL.remote);
  }
  start[n] = q;
}
