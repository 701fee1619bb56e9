/**
 * One measured run of one configuration, in this process: build the world, step it to the end,
 * and read the clock and the memory. worker.ts calls this in a fresh child process, so that the
 * peak RSS it reports belongs to this configuration alone.
 */
import { createHash } from 'node:crypto';
import { startThreads } from '../cli/threads.ts';
import { resolveParams, Simulation, type RunResult } from '../sim/index.ts';
import { paramsOf, type Configuration } from './configurations.ts';
import { profiledStep, type PhaseTimes } from './profile.ts';

/** `process.memoryUsage()` at one moment, in bytes. */
export type MemorySnapshot = NodeJS.MemoryUsage;

/** What a child process reports for one run. */
export interface Measurement {
  readonly config: string;
  readonly persons: number;
  readonly days: number;
  readonly seed: number;
  /** Ties in the day-0 network (half-edges / 2). */
  readonly ties: number;
  /** Wall seconds of `new Simulation()`: validation, population, network, groups, settling. */
  readonly buildSeconds: number;
  /** Wall seconds of stepping every day. */
  readonly runSeconds: number;
  /** `process.resourceUsage().maxRSS`, converted from kilobytes to bytes. */
  readonly peakRssBytes: number;
  readonly memory: { readonly start: MemorySnapshot; readonly afterBuild: MemorySnapshot; readonly afterRun: MemorySnapshot };
  /** Seconds in each phase over the run, when profiled. */
  readonly phases?: PhaseTimes;
  /** Threads within the run. */
  readonly threads: number;
  /** SHA-256 of every daily outcome and flow, to check runs on other thread counts against. */
  readonly outcomesSha256: string;
}

/** The recorded outcomes' bytes, hashed. */
function outcomesHash(result: RunResult): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(result.daily).sort()) hash.update(new Uint8Array(result.daily[name as keyof RunResult['daily']].buffer));
  hash.update(new Uint8Array(result.flows.buffer));
  return hash.digest('hex');
}

export interface MeasureOptions {
  /** Time each phase (adds two clock reads per phase per day; negligible beside a phase). */
  readonly phases?: boolean;
}

export async function measure(config: Configuration, options: MeasureOptions = {}): Promise<Measurement> {
  // Defaults merged before the clock starts: build time is the engine's own.
  const params = resolveParams(paramsOf(config));
  const start = process.memoryUsage();

  const t0 = performance.now();
  const sim = new Simulation(params, config.seed, { shared: (config.threads ?? 1) > 1 });
  const t1 = performance.now();
  const afterBuild = process.memoryUsage();
  const ties = sim.world.network.neighbour.length / 2;
  const threads = await startThreads(sim.world, config.threads ?? 1);

  let phases: PhaseTimes | undefined;
  const t2 = performance.now();
  if (options.phases) {
    phases = {};
    while (!sim.done) profiledStep(sim, phases);
  } else {
    while (!sim.done) sim.step();
  }
  const t3 = performance.now();
  await threads.close();

  return {
    config: config.name,
    persons: config.persons,
    days: config.days,
    seed: config.seed,
    ties,
    buildSeconds: (t1 - t0) / 1000,
    runSeconds: (t3 - t2) / 1000,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    memory: { start, afterBuild, afterRun: process.memoryUsage() },
    ...(phases ? { phases } : {}),
    threads: config.threads ?? 1,
    outcomesSha256: outcomesHash(sim.results()),
  };
}
