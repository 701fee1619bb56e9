/**
 * A worker thread of the run pool: runs one job at a time — a whole simulation — and posts back
 * what the tables need.
 */
import { parentPort } from 'node:worker_threads';
import { atPoint, captureFrom, csvPart, Simulation, timeseriesRows, type Capture, type CaptureOptions, type CsvPart, type Params } from '../sim/index.ts';
import { startThreads } from './threads.ts';
import { Arena, ArenaFull } from '../sim/wasm/arena.ts';

export interface Job {
  /** Index of the job in its list. */
  readonly id: number;
  /** Says which run this is, in messages. */
  readonly label: string;
  readonly params: Params;
  /** Settings whose day-0 subgroups the run records instead of its own (cli/subgroups.ts). */
  readonly subgroupsFrom?: Params;
  /** Instead of subgroupsFrom: the masks its run on this seed found (cli/reference-masks.ts). */
  readonly subgroupMasks?: Uint8Array;
  /** Send this run's day-0 subgroup masks back, for runs of other arms to record. */
  readonly keepSubgroupMasks?: boolean;
  readonly seed: number;
  readonly options: CaptureOptions;
  /** Threads within the run (threads.ts); 1 when absent. */
  readonly threads?: number;
  /** When given, the worker also formats the run's rows of timeseries.csv, labelled so. */
  readonly timeseries?: TimeseriesLabel;
}

/**
 * What a run's timeseries rows say it is. Formatting them is most of what the main thread did for
 * a run (about 20 ms at 20,000 persons, and done for every run at the end, while the workers sat
 * idle); in the workers it is done as the runs finish, as many at once as there are workers.
 */
export interface TimeseriesLabel {
  readonly scenario: string;
  readonly arm: string;
  readonly replicate: number;
  /** A sweep's design point, in the column after the scenario's (sim/output/sweep.ts atPoint). */
  readonly point?: number;
}

/** A run's capture, with its timeseries rows and subgroup masks when the job asked for them. */
export type JobResult = Capture & { readonly timeseries?: CsvPart; readonly subgroupMasks?: Uint8Array };

function timeseriesOf(label: TimeseriesLabel, seed: number, capture: Capture): CsvPart {
  const rows = timeseriesRows(label.scenario, [{ arm: label.arm, replicate: label.replicate, seed, outcomes: capture.outcomes }]);
  return csvPart(label.point === undefined ? rows : atPoint(label.point, rows));
}

/**
 * Arrays of a result at least this large are moved to the main thread, smaller ones copied.
 * Moving detaches an array's buffer, and the first detached buffer in a thread makes V8 drop the
 * optimised code of every function that assumed none ever would (about 60 of them, compiled again
 * during the next run: 0.2 s of compiling a worker, at 20,000 persons a fifth of a run). A run's
 * outcomes are about a megabyte (1 ms to copy), so they are copied; a snapshot of a million
 * persons' states (--agents) is moved, as copying it would cost time and, for a while, its size
 * again in memory.
 */
const MOVE_FROM_BYTES = 8 * 1024 * 1024;

/** The buffers of the large typed arrays in a value, to move rather than copy (shared ones are shared already). */
function largeBuffers(value: unknown, into = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && value.buffer.byteLength >= MOVE_FROM_BYTES) into.add(value.buffer);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) largeBuffers(v, into);
  }
  return [...into];
}

/** Arenas above this many bytes (a world of about 200,000 persons) are not kept for the next run. */
const KEEP_ARENA_UP_TO = 256 * 1024 * 1024;

/**
 * This thread's arena, reset for each run: a new one for every run meant a 4 GiB reservation, its
 * pages faulted in afresh and, once collected, given back (about 3% of a run at 20,000 persons).
 * A large world's arena is let go, so a sweep does not hold on to its memory.
 */
let arena: Arena | null = null;

function arenaForNextRun(): Arena | undefined {
  if (arena && arena.bytes <= KEEP_ARENA_UP_TO) arena.reset();
  else {
    try {
      arena = new Arena();
    } catch (e) {
      if (!(e instanceof ArenaFull)) throw e;
      arena = null; // no shared memory here: Simulation builds the world outside an arena
    }
  }
  return arena ?? undefined;
}

async function runJob(job: Job): Promise<JobResult> {
  const threads = job.threads ?? 1;
  const { subgroupsFrom, subgroupMasks } = job;
  const simulation = new Simulation(job.params, job.seed, { shared: threads > 1, arena: arenaForNextRun(), subgroupsFrom, subgroupMasks });
  const running = await startThreads(simulation.world, threads);
  try {
    const capture = captureFrom(simulation, job.options);
    return {
      ...capture,
      ...(job.timeseries ? { timeseries: timeseriesOf(job.timeseries, job.seed, capture) } : {}),
      ...(job.keepSubgroupMasks ? { subgroupMasks: simulation.subgroupMasks() } : {}),
    };
  } finally {
    await running.close();
  }
}

parentPort?.on('message', (job: Job) => {
  runJob(job).then(
    (result) => parentPort?.postMessage({ id: job.id, result }, largeBuffers(result)),
    (e: unknown) => parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
