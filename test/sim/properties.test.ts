/**
 * Properties of the engine, one rule per test, over random valid parameters, seeds and timelines
 * (fast-check). Worlds are small so that each property sees many of them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contact } from '../../sim/day/contact.ts';
import { informal } from '../../sim/day/informal.ts';
import { shocks } from '../../sim/day/shocks.ts';
import { timeline } from '../../sim/day/timeline.ts';
import {
  CHANNEL,
  MODE,
  PARAMETERS,
  Simulation,
  mergeParams,
  run,
  validateParams,
  type ParamLeaf,
  type Params,
  type TimelineEvent,
} from '../../sim/index.ts';
import { defaultParams } from '../../sim/params/index.ts';
import type { World } from '../../sim/world.ts';

const RUNS = { numRuns: 25 };

/** A value within a leaf's admissible range (bounded where the range is open). */
function leafValue(leaf: ParamLeaf): fc.Arbitrary<unknown> {
  if (leaf.options) return fc.constantFrom(...leaf.options);
  const r = leaf.range ?? {};
  const min = r.min ?? 0;
  // Open-ended ranges: up to twice the default, at least 1, so worlds stay plausible.
  const max = r.max ?? Math.max(1, 2 * (leaf.default as number));
  if (r.integer) return fc.integer({ min, max: Math.min(max, min + 20) });
  return fc.double({ min, max, noNaN: true, minExcluded: r.minExclusive ?? false });
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

/** Parameters that size or shape the world are kept small; the rest vary over their whole range. */
const SIZE = new Set(['persons', 'days', 'network.serviceSize', 'network.workplaceSize']);
const tunable = PARAMETERS.filter((p) => !SIZE.has(p.path));

const timelineArb = (days: number, withPlatform: boolean): fc.Arbitrary<TimelineEvent[]> => {
  const day = fc.integer({ min: 0, max: days - 1 });
  const kinds: fc.Arbitrary<TimelineEvent>[] = [
    fc.record({ type: fc.constant('lockdown' as const), day }),
    fc.record({ type: fc.constant('reopening' as const), day }),
    fc.record({ type: fc.constant('capacity' as const), day, value: fc.double({ min: 0, max: 1, noNaN: true }), recoverDays: fc.integer({ min: 0, max: 60 }) }),
    fc.record({ type: fc.constant('shock' as const), day, duration: fc.integer({ min: 1, max: 60 }) }),
  ];
  if (withPlatform) kinds.push(fc.record({ type: fc.constant('platform' as const), day, open: fc.boolean() }));
  return fc.array(fc.oneof(...kinds), { maxLength: 5 });
};

/** Each parameter changed with probability ½, anywhere in its range. */
const changesArb = fc.tuple(...tunable.map((l) => fc.option(leafValue(l.leaf).map((v) => [l.path, v] as const), { freq: 2 })));

/** Brings values drawn one by one into line with the rules that tie parameters together. */
function repair(p: Params): Params {
  p.perception.kappaKin = Math.min(p.perception.kappaKin, p.perception.kappa);
  if (p.shg.sizeMin > p.shg.sizeMax) [p.shg.sizeMin, p.shg.sizeMax] = [p.shg.sizeMax, p.shg.sizeMin];
  for (const layer of ['kin', 'friend', 'neighbour', 'coworker'] as const) {
    const t = p.network[layer];
    if (t.strengthMin > t.strengthMax) [t.strengthMin, t.strengthMax] = [t.strengthMax, t.strengthMin];
  }
  return validateParams(p);
}

/** Valid parameters: about half of them changed, and a random timeline. */
const paramsArb = (opts: { withPlatform?: boolean } = {}): fc.Arbitrary<Params> =>
  fc
    .record({ persons: fc.integer({ min: 2, max: 150 }), days: fc.integer({ min: 1, max: 60 }), changes: changesArb })
    .chain(({ persons, days, changes }) =>
      timelineArb(days, opts.withPlatform ?? true).map((events) => {
        const overrides: Record<string, unknown> = { persons, days, timeline: events };
        for (const change of changes) if (change) setPath(overrides, change[0], change[1]);
        return repair(mergeParams(defaultParams(), overrides));
      }),
    );

const seedArb = fc.integer({ min: 0, max: 2 ** 31 });

/** A typed array's own bytes (an arena's arrays share one buffer, sim/wasm/arena.ts). */
const bytesOf = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

function inUnit(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!(values[i] >= 0 && values[i] <= 1)) return false;
  return true;
}

describe('engine properties', () => {
  it('keeps every state variable in range, and nothing NaN', () => {
    fc.assert(
      fc.property(paramsArb(), seedArb, (params, seed) => {
        const sim = new Simulation(params, seed);
        while (!sim.done) {
          sim.step();
          const p = sim.world.persons;
          for (const field of ['wb', 'conn', 'perceived', 'iAm', 'iCan', 'iHave', 'stress', 'exp'] as const) {
            expect(inUnit(p[field]), field).toBe(true);
          }
          for (let i = 0; i < p.need.length; i++) expect(p.need[i]).toBeGreaterThanOrEqual(0);
          for (let i = 0; i < p.contactRef.length; i++) expect(Number.isFinite(p.contactRef[i])).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('never has a giver give more than its capacity', () => {
    fc.assert(
      fc.property(paramsArb(), seedArb, fc.integer({ min: 0, max: 30 }), (params, seed, days) => {
        const sim = new Simulation(params, seed);
        for (let d = 0; d < Math.min(days, params.days - 1); d++) sim.step();
        const world = sim.world;
        timeline(world);
        shocks(world);
        contact(world);
        informal(world);
        // Given by j = Σ over open ties of (request r) · (share j meets), checked independently.
        const { offsets, neighbour, weight, channel, layers: L } = world.network;
        const { ask, share } = world.scratch;
        const { capBase } = world.params.support;
        for (let j = 0; j < world.n; j++) {
          const cap = capBase * (0.3 + 0.7 * world.persons.wb[j]);
          const capacity = [cap, cap, cap * world.persons.material[j]];
          for (let f = 0; f < 3; f++) {
            let given = 0;
            for (let e = offsets[j * L]; e < offsets[(j + 1) * L]; e++) {
              if (channel[e] !== CHANNEL.closed) given += ask[4 * neighbour[e] + f] * weight[e] * share[3 * j + f];
            }
            expect(given).toBeLessThanOrEqual(capacity[f] * (1 + 1e-12) + 1e-300);
          }
        }
      }),
      RUNS,
    );
  });

  it('gives identical results for the same seed', () => {
    fc.assert(
      fc.property(paramsArb(), seedArb, (params, seed) => {
        const a = run(params, seed);
        const b = run(params, seed);
        expect(b.metrics).toEqual(a.metrics);
        for (const name of Object.keys(a.daily) as (keyof typeof a.daily)[]) {
          expect(Buffer.from(b.daily[name].buffer).equals(Buffer.from(a.daily[name].buffer)), name).toBe(true);
        }
      }),
      { numRuns: 10 },
    );
  });

  it('shares persons, network and life events between arms that differ only in SHG settings', () => {
    const shgLeaves = PARAMETERS.filter((p) => p.path.startsWith('shg.'));
    const armArb = fc.array(fc.constantFrom(...shgLeaves), { minLength: 1, maxLength: 6 }).chain((leaves) =>
      fc.tuple(...leaves.map((l) => leafValue(l.leaf).map((v) => [l.path, v] as const))),
    );
    fc.assert(
      fc.property(paramsArb(), armArb, seedArb, (params, changes, seed) => {
        const other: Record<string, unknown> = structuredClone(params);
        for (const [path, value] of changes) setPath(other, path, value);
        fc.pre((() => { try { validateParams(other); return true; } catch { return false; } })());
        const a = new Simulation(params, seed).world;
        const b = new Simulation(other, seed).world;
        for (const field of ['household', 'ageBand', 'iAm', 'iCan', 'material', 'digital', 'wb0'] as const) {
          expect(bytesOf(b.persons[field]).equals(bytesOf(a.persons[field])), field).toBe(true);
        }
        for (const field of ['offsets', 'neighbour', 'weight'] as const) {
          expect(bytesOf(b.network[field]).equals(bytesOf(a.network[field])), field).toBe(true);
        }
        // Life events: which persons a shock hits, and by how much, on each day.
        for (let day = 0; day < Math.min(params.days, 20); day++) {
          expect(shockDeltas(b, day)).toEqual(shockDeltas(a, day));
        }
      }),
      RUNS,
    );
  });

  it('never raises face-to-face contact with a lockdown', () => {
    fc.assert(
      fc.property(paramsArb(), seedArb, fc.integer({ min: 0, max: 20 }), (params, seed, before) => {
        const day = Math.min(before, params.days - 1);
        // The lockdown is that day's only event: a reopening the same day would raise contact.
        const sim = new Simulation({ ...params, timeline: params.timeline.filter((e) => e.day !== day) }, seed);
        while (sim.day < day) sim.step();
        const faceToFace = () => faceToFaceContact(sim.world);
        const was = faceToFace();
        sim.schedule({ type: 'lockdown', day });
        sim.step();
        const now = faceToFace();
        for (let i = 0; i < sim.world.n; i++) expect(now[i]).toBeLessThanOrEqual(was[i]);
      }),
      RUNS,
    );
  });

  it('has no online group while no platform has opened', () => {
    fc.assert(
      fc.property(paramsArb({ withPlatform: false }), seedArb, (params, seed) => {
        const sim = new Simulation(params, seed);
        while (!sim.done) {
          sim.step();
          const g = sim.world.groups.columns;
          for (let k = 0; k < sim.world.groups.count; k++) expect(g.alive[k] === 1 && g.mode[k] === MODE.online).toBe(false);
        }
      }),
      RUNS,
    );
  });
});

/** Need added by phase 2 on `day` to a copy of the world with no need and no lost contact. */
function shockDeltas(world: World, day: number): number[] {
  const probe: World = { ...world, persons: { ...world.persons, need: new Float64Array(world.persons.need.length), contactRef: world.persons.contact.slice() }, today: day };
  shocks(probe);
  return Array.from(probe.persons.need);
}

/** Each person's face-to-face contact: Σ w·rate over face-to-face ties. */
function faceToFaceContact(world: World): Float64Array {
  const { offsets, weight, channel, layers: L } = world.network;
  const out = new Float64Array(world.n);
  for (let i = 0; i < world.n; i++) {
    for (let e = offsets[i * L]; e < offsets[(i + 1) * L]; e++) if (channel[e] === CHANNEL.faceToFace) out[i] += weight[e];
  }
  return out;
}
