/**
 * sim/wasm: every kernel's WebAssembly twin must give its JavaScript kernel's bits. Two worlds of
 * one scenario and seed, one in an arena (twins) and one not, are stepped day by day, and after
 * each day every array a day touches and every recorded outcome must agree byte for byte —
 * with the open ties split into near and far (as beyond 262,144 persons) and not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binaryText, compileTwins } from '../../cli/build-wasm.ts';
import { armNames, armParams, type Scenario } from '../../scenarios/scenario.ts';
import { settle } from '../../sim/day/settle.ts';
import { step } from '../../sim/day/step.ts';
import { buildWorld, type World } from '../../sim/world.ts';
import { allocateOpenTies } from '../../sim/network/open.ts';
import { createRecorder, type Recorder } from '../../sim/record/recorder.ts';
import { Arena, ArenaFull, CONSTANTS_AT, SCRATCH_BYTES } from '../../sim/wasm/arena.ts';
import { MAX_SLOTS } from '../../sim/parallel.ts';
import { inMemory, twinsModule } from '../../sim/wasm/twins.ts';
import { exp, log } from '../../sim/math.ts';
import { resolveParams, Simulation, type Params } from '../../sim/index.ts';

const scenario = (name: string) => JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8')) as Scenario;

interface Run {
  world: World;
  recorder: Recorder;
}

/** A world of day 0, in `arena` or not; open ties in blocks of `block` persons (groups of two) when given. */
function start(params: Params, seed: number, arena: Arena | false, block?: number): Run {
  const world = buildWorld(params, seed, arena);
  if (block !== undefined) world.openTies = allocateOpenTies(world.network, block, arena, 2 * block);
  settle(world);
  return { world, recorder: createRecorder(params.days) };
}

type Typed = Float64Array | Float32Array | Int32Array | Uint8Array;

/** Every typed array a day can write, by name. */
function arraysOf({ world, recorder }: Run): Record<string, Typed> {
  const out: Record<string, Typed> = {};
  for (const [group, holder] of Object.entries({ persons: world.persons, scratch: world.scratch, openTies: world.openTies })) {
    for (const [name, value] of Object.entries(holder)) if (ArrayBuffer.isView(value)) out[`${group}.${name}`] = value as Typed;
  }
  for (const [name, column] of Object.entries(world.groups.columns)) out[`groups.${name}`] = column.subarray(0, world.groups.count);
  out['network.channel'] = world.network.channel;
  out.flowChunks = world.flowChunks;
  out.subgroupSums = world.subgroupSums;
  out.subgroupHistograms = world.subgroupHistograms;
  out.flows = world.flows;
  for (const [name, values] of Object.entries(recorder.daily)) out[`daily.${name}`] = values;
  for (const [name, values] of Object.entries(recorder.world)) out[`world.${name}`] = values;
  out['recorder.flows'] = recorder.flows;
  return out;
}

/** The first array (and item) whose bytes differ, or null. */
function firstDifference(a: Run, b: Run): string | null {
  const left = arraysOf(a);
  const right = arraysOf(b);
  for (const [name, array] of Object.entries(left)) {
    const bytes = (x: Typed) => new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
    const l = bytes(array);
    const r = bytes(right[name]);
    if (l.length !== r.length) return `${name}: ${l.length} against ${r.length} bytes`;
    for (let k = 0; k < l.length; k++) {
      if (l[k] !== r[k]) {
        const item = Math.floor(k / array.BYTES_PER_ELEMENT);
        return `${name}[${item}]: ${array[item]} (JavaScript) against ${right[name][item]} (WebAssembly)`;
      }
    }
  }
  return null;
}

/** Steps both runs to the end, comparing after settling and after every day. */
function compareDayByDay(params: Params, seed: number, block?: number): number {
  const js = start(params, seed, false, block);
  const wasm = start(params, seed, new Arena(), block);
  expect(js.world.twins).toBeNull();
  expect(wasm.world.twins !== null && inMemory(wasm.world, wasm.world.twins), 'the twins run').toBe(true);
  expect(firstDifference(js, wasm), 'after settling').toBeNull();
  for (let day = 0; day < params.days; day++) {
    step(js.world, js.recorder);
    step(wasm.world, wasm.recorder);
    const difference = firstDifference(js, wasm);
    if (difference !== null) return expect.fail(`day ${day}: ${difference}`);
  }
  return wasm.world.openTies.far;
}

/** Doubles at every edge the exp and log ports branch on, a few ulps either side, and a spread between. */
function edgeInputs(): Float64Array {
  const bits = new Float64Array(1);
  const words = new Int32Array(bits.buffer);
  const fromHigh = (high: number, low = 0) => ((words[1] = high), (words[0] = low), bits[0]);
  const edges = [0, 0.5, 1, 2, 700, 709, 709.78, 709.79, 745.1, 745.2, 1e-300, 5e-324, 2.2250738585072014e-308, Math.LN2, 1e-5, 0.1, 3, 30];
  for (const high of [0x40862e42, 0x3fd62e43, 0x3ff0a2b2, 0x3e300000, 0x00100000, 0x3fe6a09e, 0x3ff6a09e]) edges.push(fromHigh(high));
  const values: number[] = [NaN, Infinity, -Infinity];
  for (const edge of edges) {
    for (const sign of [1, -1]) {
      values.push(sign * edge);
      bits[0] = sign * edge;
      for (let step = 1; step <= 3; step++) {
        const at = bits[0];
        for (const delta of [step, -step]) {
          bits[0] = at;
          words[0] += delta; // a few ulps away (the low word only: fine for these)
          values.push(bits[0]);
          bits[0] = at;
        }
      }
    }
  }
  // A spread: every binade from 2^−40 to 2^10, both signs, several mantissas.
  for (let e = -40; e <= 10; e++) for (const m of [1, 1.1, 1.37, 1.5, 1.73, 1.999]) values.push(m * 2 ** e, -m * 2 ** e);
  if (values.length % 2 === 1) values.push(0.25);
  return Float64Array.from(values);
}

describe('the arena', () => {
  it('cuts zeroed, aligned arrays after the twins’ working space, which stay valid as it grows', () => {
    const arena = new Arena();
    expect(MAX_SLOTS * SCRATCH_BYTES).toBeLessThanOrEqual(CONSTANTS_AT); // every slot's working space below the constants
    const first = arena.allocate(Float64Array, 3);
    first.set([1, 2, 3]);
    const big = arena.allocate(Uint8Array, 20_000_000); // grows the memory
    const after = arena.allocate(Int32Array, 5);
    expect(first.byteOffset).toBeGreaterThanOrEqual(CONSTANTS_AT + 256);
    for (const array of [first, big, after]) expect(array.byteOffset % 64).toBe(0);
    expect([...first]).toEqual([1, 2, 3]);
    expect(big.every((v) => v === 0) && after.every((v) => v === 0)).toBe(true);
    expect(arena.memory.buffer.byteLength).toBeGreaterThanOrEqual(after.byteOffset + after.byteLength);
  });

  it('reports ArenaFull for more than wasm32’s 4 GiB, so the world is built outside it', () => {
    expect(() => new Arena().allocate(Float64Array, 2 ** 29 + 1)).toThrow(ArenaFull);
  });

  it('holds no more than the bytes it was made for, and a world that needs more is built outside it, the same', () => {
    const arena = new Arena(1 << 20);
    expect(arena.memory.buffer.byteLength).toBe(65536);
    arena.allocate(Uint8Array, 900_000); // grows within the megabyte
    expect(() => arena.allocate(Uint8Array, 200_000)).toThrow(ArenaFull);
    // The viewer's arenas (viz/engine/session.ts) are bounded so: a world too large for one runs
    // on the JavaScript kernels, with the same results.
    const params = resolveParams({ persons: 2000, days: 20 });
    const outside = new Simulation(params, 4, { arena: new Arena(1 << 20) });
    const inside = new Simulation(params, 4, { arena: new Arena(64 << 20) });
    expect(outside.world.twins).toBeNull();
    expect(inside.world.twins).not.toBeNull();
    while (!outside.done) outside.step();
    while (!inside.done) inside.step();
    expect(outside.results()).toEqual(inside.results());
  });

  it('once reset, holds the next world as a new arena would: zeroed, from the start, the same results', () => {
    const params = resolveParams({ persons: 3000, days: 60, timeline: [{ type: 'lockdown', day: 10 }, { type: 'platform', day: 10, open: true }] });
    const run = (seed: number, arena?: Arena) => {
      const sim = new Simulation(params, seed, { arena });
      while (!sim.done) sim.step();
      return sim;
    };
    const arena = new Arena();
    const first = run(1, arena);
    const used = arena.bytes;
    arena.reset();
    expect(new Uint8Array(arena.memory.buffer, 0, used).every((b) => b === 0)).toBe(true);
    const again = run(2, arena);
    expect(again.world.twins?.memory).toBe(arena.memory);
    // The same instance, its table of exp2's constants written again after the reset zeroed it:
    // without, exp2 would take its slow path for every value (the same bits, so only this shows it).
    expect(again.world.twins).toBe(first.world.twins);
    expect(Array.from(new Float64Array(arena.memory.buffer, CONSTANTS_AT, 2))).toEqual([700, 700]);
    expect(again.world.persons.wb.byteOffset).toBe(first.world.persons.wb.byteOffset);
    expect(again.results()).toEqual(run(2).results());
  });

  it('can be reset before anything was cut from it, and then cuts from the start', () => {
    const arena = new Arena();
    arena.reset();
    const first = arena.allocate(Int32Array, 4);
    expect(Array.from(first)).toEqual([0, 0, 0, 0]);
    arena.reset();
    expect(arena.allocate(Int32Array, 4).byteOffset).toBe(first.byteOffset);
  });
});

describe('the WebAssembly exp and log', () => {
  const memory = new WebAssembly.Memory({ initial: 4, maximum: 4, shared: true });
  const x = new WebAssembly.Instance(twinsModule(), { env: { memory } }).exports as Record<string, (...args: number[]) => void>;
  const inputs = edgeInputs();
  x.writeExpConstants(0);
  const run = (name: string, xs: Float64Array) => {
    new Float64Array(memory.buffer, 65536, xs.length).set(xs);
    x[name](65536, 65536 + 8 * xs.length, xs.length, 0);
    return new Float64Array(memory.buffer, 65536 + 8 * xs.length, xs.length).slice();
  };
  const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

  it('exp in pairs of lanes gives sim/math.ts exp’s bits, each lane whatever the other holds', () => {
    // Each value beside each of a few others, so lanes that take different paths meet.
    for (const partner of [0, 1e-10, -0.2, 0.5, -1, 2, 800, NaN]) {
      const xs = Float64Array.from(Array.from(inputs, (v) => [v, partner]).flat());
      const out = run('expPairs', xs);
      xs.forEach((v, k) => expect(same(out[k], exp(v)), `exp(${v}) beside ${partner}: ${out[k]} against ${exp(v)}`).toBe(true));
    }
  });

  it('log gives sim/math.ts log’s bits', () => {
    const xs = Float64Array.from([...inputs, ...Array.from(inputs, Math.abs)]);
    const out = run('logs', xs);
    xs.forEach((v, k) => expect(same(out[k], log(v)), `log(${v})`).toBe(true));
  });
});

describe('the kernels’ WebAssembly twins', () => {
  it('are compiled from their sources as committed (npm run build:wasm)', async () => {
    const committed = readFileSync(new URL('../../sim/wasm/binary.ts', import.meta.url), 'utf8');
    expect(committed, 'sim/wasm/binary.ts is out of date: run npm run build:wasm').toBe(binaryText(await compileTwins()));
  }, 60_000);

  for (const [name, persons] of [
    ['covid-lockdown', 1500],
    ['savings-groups', 1200],
    ['digital-divide', 1200],
  ] as const) {
    it(`give the JavaScript kernels' bits every day of each arm of ${name}`, () => {
      const s = scenario(name);
      for (const arm of armNames(s)) compareDayByDay(armParams(s, arm, { persons, days: 250 }), 7);
    }, 120_000);
  }

  it('give the same bits with the open ties split into near and far blocks', () => {
    const s = scenario('covid-lockdown');
    for (const arm of armNames(s)) expect(compareDayByDay(armParams(s, arm, { persons: 3000, days: 200 }), 3, 512)).toBeGreaterThan(0);
  }, 120_000);

  it('run wherever shared WebAssembly memory exists, unless JavaScript kernels are asked for', () => {
    const params = resolveParams({ persons: 300, days: 5 });
    expect(new Simulation(params, 1).world.twins).not.toBeNull();
    expect(new Simulation(params, 1, { kernels: 'js' }).world.twins).toBeNull();
  });

  it('give way to the JavaScript kernels when an array is put in from outside the arena', () => {
    const params = resolveParams({ persons: 400, days: 30 });
    const sim = new Simulation(params, 5);
    const twins = sim.world.twins!;
    expect(inMemory(sim.world, twins)).toBe(true);
    sim.world.openTies = allocateOpenTies(sim.world.network);
    sim.world.tiesChanged = true;
    expect(inMemory(sim.world, twins)).toBe(false);
    while (!sim.done) sim.step();
    const reference = new Simulation(params, 5, { kernels: 'js' });
    while (!reference.done) reference.step();
    expect(sim.results().daily.wbMean).toEqual(reference.results().daily.wbMean);
  });
});
