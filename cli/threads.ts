/**
 * Threads within one run (`kith run --threads N`): the day's kernels (sim/parallel.ts) split among
 * this thread and N − 1 workers over shared memory. Each order — a kernel and its context — is
 * written to a shared buffer (v8-serialised, so −0, NaN and Infinity survive) before a shared
 * generation counter moves on and wakes the workers (Atomics.notify); each worker then writes the
 * generation it has done into a word of its own, which this thread waits for. (A count of pending
 * workers, and orders on message ports, let a run hang now and then with --threads and several
 * --workers: the count went below zero and a worker found its port empty.) Persons
 * are split in whole chunks (the far ties' sums in whole groups of far ties), so every sum is made
 * per chunk as on one thread: results are the same bits for any N.
 */
import { once } from 'node:events';
import { deserialize, serialize } from 'node:v8';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { runKernel, type KernelName } from '../sim/day/kernels.ts';
import { CHUNK, MAX_SLOTS, ranges, type Executor } from '../sim/parallel.ts';
import { shareWorld } from '../sim/share.ts';
import type { World } from '../sim/world.ts';
import { startWorker } from './spawn.ts';

/**
 * Words of the control array: the generation, whether a worker failed, the order's length in
 * bytes, then for each thread slot the generation it has done; the order's bytes follow.
 */
export const CONTROL = { generation: 0, failed: 1, orderBytes: 2, done: 3 } as const;

/** A thread's persons: whole chunks, and for the far ties' sums whole groups of far ties. */
export interface ThreadRange {
  readonly from: number;
  readonly to: number;
  readonly farFrom: number;
  readonly farTo: number;
}

/** The one kernel whose ranges hold whole groups of far ties (network/open.ts), not just chunks. */
const FAR_SUMS: KernelName = 'farSums';

/** Runs the kernel of `order` on this thread's persons. */
export function runOn(range: ThreadRange, name: KernelName, world: World, context: unknown, slot: number): void {
  const [from, to] = name === FAR_SUMS ? [range.farFrom, range.farTo] : [range.from, range.to];
  runKernel(name, world, context, from, to, slot);
}
const CONTROL_WORDS = CONTROL.done + MAX_SLOTS;
/** Room for an order: a kernel's context is a few numbers. */
const ORDER_ROOM = 64 * 1024;

/** Writes `order` into the control buffer (before the generation moves on). */
function writeOrder(control: Int32Array, order: Order): void {
  const bytes = serialize(order);
  if (bytes.length > ORDER_ROOM) throw new Error(`kith: a thread order of ${bytes.length} bytes does not fit in ${ORDER_ROOM}`);
  new Uint8Array(control.buffer, 4 * CONTROL_WORDS, bytes.length).set(bytes);
  Atomics.store(control, CONTROL.orderBytes, bytes.length);
}

/** Reads the order the generation just announced. */
export function readOrder(control: Int32Array): Order {
  const length = Atomics.load(control, CONTROL.orderBytes);
  // A copy: deserialize() reads ordinary memory.
  return deserialize(new Uint8Array(control.buffer, 4 * CONTROL_WORDS, length).slice()) as Order;
}

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
  // Whole chunks of sums, as equal as may be; the far ties' sums in whole groups of far ties.
  const { block, group } = world.openTies;
  const bounds = ranges(world.n, count, CHUNK);
  const farBounds = block < world.n ? ranges(world.n, count, leastCommonMultiple(CHUNK, group)) : bounds;
  const rangeOf = (slot: number): ThreadRange => ({ from: bounds[slot], to: bounds[slot + 1], farFrom: farBounds[slot], farTo: farBounds[slot + 1] });
  const control = new Int32Array(new SharedArrayBuffer(4 * CONTROL_WORDS + ORDER_ROOM));
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  for (let slot = 1; slot < count; slot++) {
    const { port1, port2 } = new MessageChannel();
    const worker = startWorker('thread-worker', { shared, slot, range: rangeOf(slot), control: control.buffer, port: port2 }, [port2]);
    workers.push(worker);
    ports.push(port1);
  }
  // once() rejects if a worker fails to start (an 'error' event) instead of waiting for ever.
  await Promise.all(workers.map((w) => once(w, 'message')));

  /** Posts `message` and moves the generation on; returns the new generation. */
  const order = (message: Order): number => {
    writeOrder(control, message);
    const generation = Atomics.add(control, CONTROL.generation, 1) + 1;
    Atomics.notify(control, CONTROL.generation);
    return generation;
  };
  const serial = world.executor;
  const threaded: Executor = {
    slots: count,
    run(w, name, context) {
      const generation = order({ name: name as KernelName, context, far: w.openTies.far });
      let error: unknown;
      try {
        runOn(rangeOf(0), name as KernelName, w, context, 0);
      } catch (e) {
        error = e;
      }
      workers.forEach((worker, k) => {
        const word = CONTROL.done + k + 1;
        for (let seen; (seen = Atomics.load(control, word)) !== generation; ) {
          // A worker that has stopped (threadId −1, which is known before its 'exit' event, which
          // this blocked thread could not see) will never answer: fail rather than wait for ever.
          if (Atomics.wait(control, word, seen, 1000) === 'timed-out' && worker.threadId === -1) {
            throw new Error(`a thread stopped while running ${name}`);
          }
        }
      });
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
