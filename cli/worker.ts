/**
 * A worker thread of the run pool: runs one job at a time — a whole simulation — and posts back
 * what the tables need, moving its typed arrays rather than copying them.
 */
import { parentPort } from 'node:worker_threads';
import { capture, type CaptureOptions, type Params } from '../sim/index.ts';

export interface Job {
  /** Index of the job in its list. */
  readonly id: number;
  /** Says which run this is, in messages. */
  readonly label: string;
  readonly params: Params;
  readonly seed: number;
  readonly options: CaptureOptions;
}

/** The buffers of every typed array in a value, to transfer rather than copy. */
function buffers(value: unknown, into = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) into.add(value.buffer as ArrayBuffer);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) buffers(v, into);
  return [...into];
}

parentPort?.on('message', (job: Job) => {
  try {
    const result = capture(job.params, job.seed, job.options);
    parentPort?.postMessage({ id: job.id, result }, buffers(result));
  } catch (e) {
    parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});
