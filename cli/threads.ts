/**
 * Threads within one run (`kith run --threads N`): the day's kernels (sim/parallel.ts) split among
 * this thread and N − 1 workers over shared memory. Each kernel's context goes to the workers on
 * their ports; a shared generation counter wakes them (Atomics.notify) and a pending count tells
 * this thread when all are done. Persons are split in whole chunks (and whole blocks of far ties),
 * so every sum is made per chunk as on one thread: results are the same bits for any N.
 */
import { once } from 'node:events';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { runKernel, type KernelName } from '../sim/day/kernels.ts';
import { CHUNK, MAX_SLOTS, ranges, type Executor } from '../sim/parallel.ts';
import { shareWorld } from '../sim/share.ts';
import type { World } from '../sim/world.ts';
import { startWorker } from './spawn.ts';

/** Words of the control array. */
export const CONTROL = { generation: 0, pending: 1, failed: 2 } as const;

/** What a worker is told each time: a kernel and its context, or `null` to stop. */
export interface Order {
  readonly name: KernelName | null;
  readonly context: unknown;
  /** Far ties listed today (they change at timeline events, in this thread). */
  readonly far: number;
}

const greatestCommonDivisor = (a: number, b: number): number => (b === 0 ? a : greatestCommonDivisor(b, a % b));
const leastCommonMultiple = (a: number, b: number) => (a / greatestCommonDivisor(a, b)) * b;

export interface Threads {
  /** The worker threads (this thread is the first of the run's threads, and not among them). */
  readonly workers: readonly Worker[];
  /** Stops the workers; the world runs on this thread again. */
  close(): Promise<void>;
}

/** Starts `count − 1` workers and gives `world` an executor that uses them and this thread. */
export async function startThreads(world: World, count: number): Promise<Threads> {
  if (count <= 1) return { workers: [], close: async () => {} };
  if (count > MAX_SLOTS) throw new Error(`kith: at most ${MAX_SLOTS} threads`);
  const shared = shareWorld(world);
  // Whole chunks of sums, and whole blocks of far ties when there are any.
  const align = world.openTies.block < world.n ? leastCommonMultiple(CHUNK, world.openTies.block) : CHUNK;
  const bounds = ranges(world.n, count, align);
  const control = new Int32Array(new SharedArrayBuffer(4 * 3));
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  for (let slot = 1; slot < count; slot++) {
    const { port1, port2 } = new MessageChannel();
    const worker = startWorker('thread-worker', { shared, slot, from: bounds[slot], to: bounds[slot + 1], control: control.buffer, port: port2 }, [port2]);
    workers.push(worker);
    ports.push(port1);
  }
  // once() rejects if a worker fails to start (an 'error' event) instead of waiting for ever.
  await Promise.all(workers.map((w) => once(w, 'message')));

  const order = (message: Order) => {
    for (const port of ports) port.postMessage(message);
    Atomics.store(control, CONTROL.pending, count - 1);
    Atomics.add(control, CONTROL.generation, 1);
    Atomics.notify(control, CONTROL.generation);
  };
  const serial = world.executor;
  const threaded: Executor = {
    slots: count,
    run(w, name, context) {
      order({ name: name as KernelName, context, far: w.openTies.far });
      let error: unknown;
      try {
        runKernel(name, w, context, bounds[0], bounds[1], 0);
      } catch (e) {
        error = e;
      }
      for (let left; (left = Atomics.load(control, CONTROL.pending)) !== 0; ) {
        // A worker that has stopped (threadId −1, which is known before its 'exit' event, which
        // this blocked thread could not see) will never count down: fail rather than wait for ever.
        if (Atomics.wait(control, CONTROL.pending, left, 1000) === 'timed-out' && workers.some((worker) => worker.threadId === -1)) {
          throw new Error(`a thread stopped while running ${name}`);
        }
      }
      if (error) throw error;
      if (Atomics.load(control, CONTROL.failed)) {
        const reports = ports.map((p) => receiveMessageOnPort(p)?.message as { error: string } | undefined).filter((m) => m);
        throw new Error(`a thread failed in ${name}: ${reports.map((m) => m?.error).join('; ')}`);
      }
    },
  };
  world.executor = threaded;
  return {
    workers,
    close: async () => {
      world.executor = serial;
      const running = workers.filter((w) => w.threadId !== -1);
      order({ name: null, context: null, far: 0 });
      await Promise.all(running.map((w) => once(w, 'exit')));
    },
  };
}
