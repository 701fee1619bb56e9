/**
 * One run with what its tables need: the outcomes, and on request each person's state on chosen
 * days and every tie's channel on those days. Used by the command line's workers and the viewer.
 */
import type { Params } from '../params/index.ts';
import { Simulation } from '../simulation.ts';
import type { World } from '../world.ts';
import type { AgentSnapshot, RunOutcomes, TieSnapshot } from './tables.ts';

export interface CaptureOptions {
  /** Days on which to copy each person's state (agents) and each tie's channel (ties). */
  days?: readonly number[];
  agents?: boolean;
  ties?: boolean;
}

export interface Capture {
  outcomes: RunOutcomes;
  agents?: AgentSnapshot;
  ties?: TieSnapshot;
}

type AgentDay = AgentSnapshot['states'][number];

function agentTraits(world: World): Omit<AgentSnapshot, 'days' | 'states' | 'wbMin' | 'daysDistressed' | 'everMember'> {
  const p = world.persons;
  const { offsets, layers: L } = world.network;
  const ties = new Int32Array(world.n * L);
  for (let s = 0; s < world.n * L; s++) ties[s] = offsets[s + 1] - offsets[s];
  return {
    household: p.household.slice(),
    householdSize: p.householdSize.slice(),
    ageBand: p.ageBand.slice(),
    iAm: p.iAm.slice(),
    iCan: p.iCan.slice(),
    material: p.material.slice(),
    digital: p.digital.slice(),
    service: p.service.slice(),
    group: p.group.slice(),
    wb0: p.wb0.slice(),
    ties,
  };
}

function agentDay(world: World): AgentDay {
  const p = world.persons;
  return {
    wb: p.wb.slice(),
    conn: p.conn.slice(),
    iHave: p.iHave.slice(),
    stress: p.stress.slice(),
    lonely: p.lonely.slice(),
    distressed: p.distressed.slice(),
    group: p.group.slice(),
  };
}

/** Every tie once, from the end with the lower id. */
function tieList(world: World): Omit<TieSnapshot, 'days' | 'channels'> & { halves: Int32Array } {
  const { offsets, neighbour, strength, weight, layers: L } = world.network;
  const halves: number[] = [];
  const from: number[] = [];
  const layer: number[] = [];
  for (let i = 0; i < world.n; i++) {
    for (let l = 0; l < L; l++) {
      for (let e = offsets[i * L + l]; e < offsets[i * L + l + 1]; e++) {
        if (i < neighbour[e]) {
          halves.push(e);
          from.push(i);
          layer.push(l);
        }
      }
    }
  }
  const h = Int32Array.from(halves);
  return {
    halves: h,
    a: Int32Array.from(from),
    b: Int32Array.from(h, (e) => neighbour[e]),
    layer: Uint8Array.from(layer),
    strength: Float32Array.from(h, (e) => strength[e]),
    weight: Float64Array.from(h, (e) => weight[e]),
  };
}

export function capture(params: Params, seed: number, options: CaptureOptions = {}): Capture {
  return captureFrom(new Simulation(params, seed), options);
}

/** `capture` of a simulation built by the caller (who may, say, give it threads first). */
export function captureFrom(sim: Simulation, options: CaptureOptions = {}): Capture {
  const days = [...new Set(options.days ?? [])].sort((x, y) => x - y);
  const traits = options.agents ? agentTraits(sim.world) : undefined;
  const ties = options.ties ? tieList(sim.world) : undefined;
  const states: AgentDay[] = [];
  const channels: Uint8Array[] = [];
  while (!sim.done) {
    sim.step();
    const day = sim.day - 1;
    if (!days.includes(day)) continue;
    if (traits) states.push(agentDay(sim.world));
    if (ties) channels.push(Uint8Array.from(ties.halves, (e) => sim.world.network.channel[e]));
  }
  const result = sim.results();
  const p = sim.world.persons;
  const { halves: _halves, ...tieColumns } = ties ?? { halves: undefined };
  return {
    outcomes: result,
    agents: traits && { ...traits, days, states, wbMin: p.wbMin.slice(), daysDistressed: p.daysDistressed.slice(), everMember: p.everMember.slice() },
    ties: ties && ({ ...tieColumns, days, channels } as TieSnapshot),
  };
}

