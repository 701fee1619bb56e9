/**
 * Runs jobs on worker threads, a job at a time per worker, and hands each result back with its
 * job's id, so callers can order results whatever order they finish in.
 */
import { Worker } from 'node:worker_threads';
import type { Capture } from '../sim/index.ts';
import type { Job } from './worker.ts';

/** The worker script beside this module: compiled JavaScript, or TypeScript run through tsx. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

function startWorker(): Worker {
  if (!FROM_SOURCE) return new Worker(new URL('./worker.js', import.meta.url));
  return new Worker(new URL('./worker-source.mjs', import.meta.url), { workerData: { entry: new URL('./worker.ts', import.meta.url).href } });
}

type Reply = { id: number; result: Capture } | { id: number; error: string };

export interface PoolHandle {
  /** Stops every worker (on Ctrl-C). */
  stop(): Promise<void>;
}

export async function runPool(
  jobs: readonly Job[],
  workers: number,
  onResult: (job: Job, result: Capture) => void,
  onStart?: (handle: PoolHandle) => void,
): Promise<void> {
  const threads: Worker[] = [];
  const handle: PoolHandle = { stop: async () => void (await Promise.all(threads.map((t) => t.terminate()))) };
  onStart?.(handle);
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const give = (thread: Worker) => {
        if (next >= jobs.length) {
          if (running === 0) resolve();
          return;
        }
        running++;
        thread.postMessage(jobs[next++]);
      };
      for (let w = 0; w < Math.min(workers, jobs.length); w++) {
        const thread = startWorker();
        threads.push(thread);
        thread.on('message', (reply: Reply) => {
          running--;
          const job = jobs[reply.id];
          if ('error' in reply) return reject(new Error(`run failed (${job.label}): ${reply.error}`));
          onResult(job, reply.result);
          give(thread);
        });
        thread.on('error', (e) => reject(new Error(`a worker failed: ${e.message}`)));
        thread.on('exit', (code) => {
          if (code !== 0 && next <= jobs.length && running > 0) reject(new Error(`a worker stopped with code ${code}`));
        });
        give(thread);
      }
      if (jobs.length === 0) resolve();
    });
  } finally {
    await handle.stop();
  }
}
