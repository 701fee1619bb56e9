/**
 * A worker thread of the run pool: runs one job at a time — a whole simulation — and posts back
 * what the tables need, moving its typed arrays rather than copying them.
 */
import { parentPort } from 'node:worker_threads';
import { captureFrom, Simulation, type Capture, type CaptureOptions, type Params } from '../sim/index.ts';
import { startThreads } from './threads.ts';

export interface Job {
  /** Index of the job in its list. */
  readonly id: number;
  /** Says which run this is, in messages. */
  readonly label: string;
  readonly params: Params;
  readonly seed: number;
  readonly options: CaptureOptions;
  /** Threads within the run (threads.ts); 1 when absent. */
  readonly threads?: number;
}

/** The buffers of every typed array in a value, to transfer rather than copy (shared ones are shared already). */
function buffers(value: unknown, into = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) into.add(value.buffer);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) buffers(v, into);
  }
  return [...into];
}

async function runJob(job: Job): Promise<Capture> {
  const threads = job.threads ?? 1;
  const simulation = new Simulation(job.params, job.seed, { shared: threads > 1 });
  const running = await startThreads(simulation.world, threads);
  try {
    return captureFrom(simulation, job.options);
  } finally {
    await running.close();
  }
}

parentPort?.on('message', (job: Job) => {
  runJob(job).then(
    (result) => parentPort?.postMessage({ id: job.id, result }, buffers(result)),
    (e: unknown) => parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
