/**
 * Threads within one run (`--threads`): persons split among threads over shared memory give the
 * same bits as one thread — through the command, and in the engine with far ties split by block
 * and in the self-help groups' phases, whose kernels walk the members among each thread's persons.
 */
import { createHash, type Hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OWN_UNIT, startThreads, unitsOf } from '../../cli/threads.ts';
import { runKernel, type KernelName } from '../../sim/day/kernels.ts';
import { resolveParams, Simulation } from '../../sim/index.ts';
import { constructionStream, randomIndex, shuffle } from '../../sim/random/index.ts';
import type { Executor } from '../../sim/parallel.ts';
import type { World } from '../../sim/world.ts';
import { allocateOpenTies, listOpenTies } from '../../sim/network/open.ts';
import { armParams, type Scenario } from '../../scenarios/scenario.ts';
import { kith, read, tempDir } from '../helpers/kith.ts';

const CSVS = ['timeseries.csv', 'runs.csv', 'summary.csv', 'effects.csv', 'agents.csv', 'ties.csv', 'flows.csv'];

describe('kith run --threads', () => {
  it('writes byte-identical files with 1, 2 and 3 threads', () => {
    // 10,000 persons: five chunks of sums, so each thread sums whole chunks of its own.
    const args = ['run', 'scenarios/covid-lockdown.json', '--persons', '10000', '--days', '200', '--replicates', '1', '--workers', '1', '--quiet'];
    const extra = ['--agents', '--ties', '--flows', '--agent-days', '89,120,199'];
    const outs = [1, 2, 3].map((threads) => {
      const out = tempDir();
      const r = kith([...args, ...extra, '--threads', String(threads), '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      return out;
    });
    for (const file of [...CSVS, 'datapackage.json']) {
      expect(read(outs[1], file) === read(outs[0], file), `${file}, 2 threads`).toBe(true);
      expect(read(outs[2], file) === read(outs[0], file), `${file}, 3 threads`).toBe(true);
    }
    expect(JSON.parse(read(outs[1], 'manifest.json')).threads).toBe(2);
  });

  it('refuses a thread count out of range, naming the flag', () => {
    const r = kith(['run', 'scenarios/covid-lockdown.json', '--threads', '0', '--quiet', '--out', tempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--threads/);
  });
});

/** A hash of a finished run's daily outcomes and flows, to which more may be added. */
function resultsHash(sim: Simulation): Hash {
  const r = sim.results();
  const hash = createHash('sha256');
  for (const name of Object.keys(r.daily).sort()) hash.update(new Uint8Array(r.daily[name as keyof typeof r.daily].buffer));
  hash.update(new Uint8Array(r.flows.buffer));
  return hash;
}

describe('threads in the engine', () => {
  /** A run's daily outcomes and flows, hashed; far ties in blocks of 1,024 persons, groups of 4,096 (so threads split the far sums otherwise than the rest). */
  async function hashOf(threads: number, executor?: (world: World) => Executor): Promise<string> {
    const sim = new Simulation(resolveParams({ persons: 6000, days: 60, timeline: [{ type: 'lockdown', day: 20 }, { type: 'platform', day: 20, open: true }] }), 9, { shared: threads > 1 });
    sim.world.openTies = allocateOpenTies(sim.world.network, 1024, threads > 1, 4096);
    listOpenTies(sim.world.network, sim.world.openTies);
    if (executor) sim.world.executor = executor(sim.world);
    const running = await startThreads(sim.world, executor ? 1 : threads);
    try {
      while (!sim.done) sim.step();
    } finally {
      await running.close();
    }
    expect(sim.world.openTies.far).toBeGreaterThan(0);
    return resultsHash(sim).digest('hex');
  }

  it('gives the same bits on 1, 2 and 4 threads with far ties split by block', async () => {
    const one = await hashOf(1);
    expect(await hashOf(2)).toBe(one);
    expect(await hashOf(4)).toBe(one);
  });

  it('gives the same bits whichever thread takes each unit of persons, in whatever order', async () => {
    // On this thread: each kernel's units (those of 3 threads) in a shuffled order, on a random
    // slot, as threads taking units from the shared counter may take them (withheld's units are
    // each thread's own). A seeded stream, so a failure can be replayed.
    const rng = constructionStream(1, 'groups');
    const scrambled = (world: World): Executor => {
      const units = unitsOf(world, 3);
      return {
        slots: 3,
        run(w, name, context) {
          const kernel = name as KernelName;
          const bounds = units[kernel];
          const order = Int32Array.from(bounds.slice(1), (_, u) => u);
          shuffle(rng, order);
          for (const u of order) runKernel(name, w, context, bounds[u], bounds[u + 1], OWN_UNIT.has(kernel) ? u : randomIndex(rng, 3));
        },
      };
    };
    expect(await hashOf(3, scrambled)).toBe(await hashOf(1));
  });

  it('gives the same bits on 1 and 3 threads in the groups’ phases: savings pools, and online groups joined and dissolving', async () => {
    // 7,000 persons: four chunks, so each of three threads walks members of its own.
    const cases = [
      ['savings-groups', 'savings-groups'],
      ['covid-lockdown', 'online-shg'],
    ] as const;
    for (const [name, arm] of cases) {
      const scenario = JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8')) as Scenario;
      const params = armParams(scenario, arm, { persons: 7000, days: 240 });
      for (const kernels of ['wasm', 'js'] as const) {
        const hashOn = async (threads: number) => {
          const sim = new Simulation(params, 4, { shared: threads > 1, kernels });
          const running = await startThreads(sim.world, threads);
          try {
            while (!sim.done) sim.step();
          } finally {
            await running.close();
          }
          expect(sim.world.twins !== null).toBe(kernels === 'wasm');
          expect(Math.max(...sim.results().daily.shgMembers)).toBeGreaterThan(0.05); // members in every thread's persons
          const hash = resultsHash(sim);
          for (const column of Object.values(sim.world.groups.columns)) hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
          return hash.digest('hex');
        };
        expect(await hashOn(3), `${name} ${arm} ${kernels}`).toBe(await hashOn(1));
      }
    }
  });

  it('fails the step, rather than waiting for ever, when a thread has stopped', async () => {
    const sim = new Simulation(resolveParams({ persons: 5000, days: 10 }), 2, { shared: true });
    const running = await startThreads(sim.world, 2);
    await running.workers[0].terminate();
    expect(() => sim.step()).toThrow(/a thread stopped while running/);
    await running.close();
  });
});
