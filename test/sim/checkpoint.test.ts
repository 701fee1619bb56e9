/**
 * sim/checkpoint.ts: a simulation taken back to a checkpoint must step on to the same bits as a run
 * that never went back — the recorded outcomes and every array of the world.
 */
import { describe, expect, it } from 'vitest';
import { KEPT, STATE, WORKING } from '../../sim/checkpoint.ts';
import { resolveParams, Simulation, type TimelineEvent } from '../../sim/index.ts';

const LOCKDOWN: TimelineEvent[] = [
  { type: 'lockdown', day: 60 },
  { type: 'platform', day: 60, open: true },
  { type: 'reopening', day: 120 },
];
const paramsWith = (timeline: TimelineEvent[], crisis?: { start: number; end: number }) =>
  resolveParams({ persons: 600, days: 200, timeline, shg: { initialShare: 0.05 }, ...(crisis ? { crisis } : {}) });
const params = paramsWith(LOCKDOWN);

function stepTo(sim: Simulation, day: number): Simulation {
  while (sim.day < day) sim.step();
  return sim;
}

/** Every array and number a day can change, as plain values to compare. */
function stateOf(sim: Simulation) {
  const { persons, scratch, groups, env, openTies, network, today } = sim.world;
  const columns = Object.fromEntries(Object.entries(groups.columns).map(([name, column]) => [name, column.slice(0, groups.count)]));
  return { persons, scratch, columns, count: groups.count, env, openTies, channel: network.channel, today };
}

describe('checkpoints', () => {
  it('should step on from a restored checkpoint to the bits of a run that never went back', () => {
    const straight = stepTo(new Simulation(params, 4), 200);
    const sim = new Simulation(params, 4);
    const beforeLockdown = stepTo(sim, 50).checkpoint();
    const inLockdown = stepTo(sim, 90).checkpoint();
    const groupsThen = sim.world.groups.count;
    stepTo(sim, 150);
    expect(sim.world.groups.count, 'groups formed since the checkpoint (the store grows)').toBeGreaterThan(groupsThen);

    sim.restore(inLockdown);
    expect(sim.day).toBe(90);
    expect(sim.world.groups.count).toBe(groupsThen);
    stepTo(sim, 200);
    expect(sim.results()).toEqual(straight.results());
    expect(stateOf(sim)).toEqual(stateOf(straight));

    // The same checkpoint again, and one from before the lockdown: its events happen again.
    sim.restore(beforeLockdown);
    expect(sim.world.env.lockdown).toBe(false);
    stepTo(sim, 200);
    expect(sim.results()).toEqual(straight.results());
    expect(stateOf(sim)).toEqual(stateOf(straight));
  });

  it('should give back the day as it was, with the days since forgotten', () => {
    const fresh = stepTo(new Simulation(params, 9), 90);
    const sim = new Simulation(params, 9);
    const saved = stepTo(sim, 90).checkpoint();
    stepTo(sim, 170);
    sim.restore(saved);
    expect(stateOf(sim)).toEqual(stateOf(fresh));
    expect(sim.results()).toEqual(fresh.results());
    const recorded = ({ daily, world, flows, recorded }: Simulation['recorder']) => ({ daily, world, flows, recorded });
    expect(recorded(sim.recorder)).toEqual(recorded(fresh.recorder));
  });

  it('should keep events scheduled after the checkpoint was taken', () => {
    // The crisis window is fixed when a run is built, so both runs name it.
    const window = { start: 100, end: 160 };
    const planned = stepTo(new Simulation(paramsWith([{ type: 'lockdown', day: 100 }], window), 2), 200);
    const sim = new Simulation(paramsWith([], window), 2);
    const saved = stepTo(sim, 50).checkpoint();
    stepTo(sim, 80);
    sim.schedule({ type: 'lockdown', day: 100 });
    sim.restore(saved);
    stepTo(sim, 200);
    // All but the parameters, whose timeline had the event from the start in one run.
    const { params: _, ...outcomes } = sim.results();
    const { params: __, ...expected } = planned.results();
    expect(outcomes).toEqual(expected);
    expect(outcomes.timeline).toEqual([{ type: 'lockdown', day: 100 }]);
  });

  it('should restore into the arrays the world already has, shared memory staying shared', () => {
    const sim = new Simulation(params, 1, { shared: true });
    const wb = sim.world.persons.wb;
    const saved = stepTo(sim, 10).checkpoint();
    stepTo(sim, 20);
    sim.restore(saved);
    expect(saved.bytes).toBeGreaterThan(sim.world.persons.wb.byteLength * 50);
    expect(sim.world.persons.wb).toBe(wb);
    expect(wb.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(stateOf(sim)).toEqual(stateOf(stepTo(new Simulation(params, 1), 10)));
  });

  it('should refuse a checkpoint of another run', () => {
    const saved = new Simulation(params, 1).checkpoint();
    expect(() => new Simulation(params, 1).restore(saved)).toThrow('a checkpoint restores only into the run it was taken of');
  });

  it('should sort every key of a world into state, working space or kept', () => {
    const keys = Object.keys(new Simulation(params, 1).world).sort();
    expect(keys).toEqual([...STATE, ...WORKING, ...KEPT].sort());
  });
});
