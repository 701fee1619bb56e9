/**
 * What the validation patterns read of one run: everyone's daily shares, each person's mean
 * wellbeing over two windows, and on the last day each person's state and loneliness among their
 * friends and kin. Collected with the run's per-day hook, without keeping every day's state.
 */
import { LAYER } from '../network/layers.ts';
import type { Params } from '../params/index.ts';
import { Simulation, type RunResult } from '../simulation.ts';

export interface Window {
  readonly from: number;
  readonly to: number;
}

export interface Probe {
  readonly result: RunResult;
  /** Per person: mean wb over each requested window. */
  readonly meanWb: Float64Array[];
  /** Per person on the last day. */
  readonly last: {
    readonly wb: Float64Array;
    readonly conn: Float64Array;
    readonly stress: Float64Array;
    readonly iHave: Float64Array;
    readonly lonely: Uint8Array;
  };
  /** Loneliness among friends and kin, counted on the last days (CLUSTER_DAYS before the end). */
  readonly clusters: Clusters;
  /** Was in a group at any time. */
  readonly everMember: Uint8Array;
}

/** Person-days counted: all, lonely, and, per layer, with a lonely tie and lonely among those. */
export interface Clusters {
  personDays: number;
  lonely: number;
  withLonelyFriend: number;
  lonelyWithLonelyFriend: number;
  withLonelyKin: number;
  lonelyWithLonelyKin: number;
}

/** Days before the end of a run on which loneliness clusters are counted (pooled, for precision). */
export const CLUSTER_DAYS = [60, 45, 30, 15, 1];

/** Adds one day's counts: who is lonely, and who has a lonely friend or relative. */
function countClusters(sim: Simulation, into: Clusters): void {
  const { offsets, neighbour, layers: L } = sim.world.network;
  const lonely = sim.world.persons.lonely;
  const hasLonely = (i: number, layer: number) => {
    for (let e = offsets[i * L + layer]; e < offsets[i * L + layer + 1]; e++) if (lonely[neighbour[e]]) return true;
    return false;
  };
  for (let i = 0; i < sim.world.n; i++) {
    into.personDays++;
    into.lonely += lonely[i];
    if (hasLonely(i, LAYER.friend)) {
      into.withLonelyFriend++;
      into.lonelyWithLonelyFriend += lonely[i];
    }
    if (hasLonely(i, LAYER.kin)) {
      into.withLonelyKin++;
      into.lonelyWithLonelyKin += lonely[i];
    }
  }
}

export function probe(params: Params, seed: number, windows: readonly Window[]): Probe {
  const sim = new Simulation(params, seed);
  const sums = windows.map(() => new Float64Array(params.persons));
  const clusters: Clusters = { personDays: 0, lonely: 0, withLonelyFriend: 0, lonelyWithLonelyFriend: 0, withLonelyKin: 0, lonelyWithLonelyKin: 0 };
  const clusterDays = new Set(CLUSTER_DAYS.map((before) => params.days - before));
  while (!sim.done) {
    sim.step();
    const day = sim.day - 1;
    if (clusterDays.has(day)) countClusters(sim, clusters);
    windows.forEach((w, k) => {
      if (day < w.from || day > w.to) return;
      const wb = sim.world.persons.wb;
      const sum = sums[k];
      for (let i = 0; i < wb.length; i++) sum[i] += wb[i];
    });
  }
  const p = sim.world.persons;
  return {
    result: sim.results(),
    meanWb: sums.map((sum, k) => sum.map((x) => x / (windows[k].to - windows[k].from + 1))),
    last: {
      wb: p.wb.slice(),
      conn: p.conn.slice(),
      stress: p.stress.slice(),
      iHave: p.iHave.slice(),
      lonely: p.lonely.slice(),
    },
    clusters,
    everMember: p.everMember.slice(),
  };
}
