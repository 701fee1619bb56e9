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
    /** Has at least one lonely friend / relative on the last day (−1: has none). */
    readonly lonelyFriend: Int8Array;
    readonly lonelyKin: Int8Array;
  };
  /** Was in a group at any time. */
  readonly everMember: Uint8Array;
}

/** 1 if any tie of `layer` leads to a lonely person, 0 if none does, −1 with no such ties. */
function anyLonely(sim: Simulation, layer: number): Int8Array {
  const { offsets, neighbour, layers: L } = sim.world.network;
  const lonely = sim.world.persons.lonely;
  const out = new Int8Array(sim.world.n);
  for (let i = 0; i < sim.world.n; i++) {
    const start = offsets[i * L + layer];
    const end = offsets[i * L + layer + 1];
    if (start === end) out[i] = -1;
    for (let e = start; e < end && out[i] === 0; e++) if (lonely[neighbour[e]]) out[i] = 1;
  }
  return out;
}

export function probe(params: Params, seed: number, windows: readonly Window[]): Probe {
  const sim = new Simulation(params, seed);
  const sums = windows.map(() => new Float64Array(params.persons));
  while (!sim.done) {
    sim.step();
    const day = sim.day - 1;
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
      lonelyFriend: anyLonely(sim, LAYER.friend),
      lonelyKin: anyLonely(sim, LAYER.kin),
    },
    everMember: p.everMember.slice(),
  };
}
