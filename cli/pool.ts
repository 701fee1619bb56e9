/**
 * Runs jobs on worker threads, a job at a time per worker, and hands each result back with its
 * job, so callers can order results whatever order they finish in. Jobs come from a list, or from
 * a queue that may offer more work once results come in (a sweep's sequential replication).
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from './spawn.ts';
import type { Job, JobResult } from './worker.ts';

type Reply = { id: number; result: JobResult } | { id: number; error: string };

export interface PoolHandle {
  /** Stops every worker (on Ctrl-C). */
  stop(): Promise<void>;
}

/**
 * Work handed out one job at a time. `next()` returns undefined when nothing can start now; the
 * pool asks again after each result, and finishes when nothing is running and nothing is offered.
 */
export interface JobQueue {
  next(): Job | undefined;
}

function queueOf(jobs: readonly Job[]): JobQueue {
  let next = 0;
  return { next: () => (next < jobs.length ? jobs[next++] : undefined) };
}

export async function runPool(
  jobs: readonly Job[] | JobQueue,
  workers: number,
  onResult: (job: Job, result: JobResult) => void,
  onStart?: (handle: PoolHandle) => void,
): Promise<void> {
  const queue = Array.isArray(jobs) ? queueOf(jobs) : (jobs as JobQueue);
  const threads: Worker[] = [];
  const idle: Worker[] = [];
  const running = new Map<number, Job>();
  let stopping = false;
  const handle: PoolHandle = {
    stop: async () => {
      stopping = true;
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
  onStart?.(handle);
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (e: Error) => {
        stopping = true;
        reject(e);
      };
      // Gives work to idle threads, starting threads up to `workers` while there is work.
      const dispatch = () => {
        for (;;) {
          if (stopping) return;
          if (idle.length === 0 && threads.length >= workers) break;
          const job = queue.next();
          if (!job) break;
          const thread = idle.pop() ?? spawn();
          running.set(job.id, job);
          thread.postMessage(job);
        }
        if (running.size === 0) resolve();
      };
      const spawn = (): Worker => {
        const thread = startWorker('worker');
        threads.push(thread);
        thread.on('message', (reply: Reply) => {
          const job = running.get(reply.id) as Job;
          running.delete(reply.id);
          if ('error' in reply) return fail(new Error(`run failed (${job.label}): ${reply.error}`));
          try {
            onResult(job, reply.result);
          } catch (e) {
            return fail(e as Error);
          }
          idle.push(thread);
          dispatch();
        });
        thread.on('error', (e) => fail(new Error(`a worker failed: ${e.message}`)));
        thread.on('exit', (code) => {
          if (code !== 0 && !stopping && running.size > 0) fail(new Error(`a worker stopped with code ${code}`));
        });
        return thread;
      };
      dispatch();
    });
  } finally {
    await handle.stop();
  }
}
