/**
 * Threads within one run (`kith run --threads N`): the day's kernels (sim/parallel.ts) split among
 * this thread and N − 1 workers over shared memory. Each order — a kernel and its context — is
 * written to a shared buffer (v8-serialised, so −0, NaN and Infinity survive) before a shared
 * generation counter moves on and wakes the workers (Atomics.notify); each worker then writes the
 * generation it has done into a word of its own, which this thread waits for. (A count of pending
 * workers, and orders on message ports, let a run hang now and then with --threads and several
 * --workers: the count went below zero and a worker found its port empty.)
 *
 * Persons are cut into units of whole chunks (the far ties' sums into whole groups of far ties,
 * the givers' walk into whole blocks), so every sum is made per chunk as on one thread: results
 * are the same bits for any N, whichever thread takes a unit. The threads take units in turn from
 * a shared counter until none is left: a thread that starts late (a worker is woken for each
 * kernel) or whose persons cost more takes fewer. Halves fixed in advance left the first thread
 * waiting for the other in most kernels, 6–9 ns an agent-day at 1,000,000 persons.
 */
import { once } from 'node:events';
import { deserialize, serialize } from 'node:v8';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { KERNELS, runKernel, type KernelName } from '../sim/day/kernels.ts';
import { CHUNK, MAX_SLOTS, ranges, type Executor } from '../sim/parallel.ts';
import { shareWorld } from '../sim/share.ts';
import type { World } from '../sim/world.ts';
import { startWorker } from './spawn.ts';

/**
 * Words of the control array: the generation, whether a worker failed, the order's length in
 * bytes, the next unit of persons to take, then for each thread slot the generation it has done;
 * the order's bytes follow.
 */
export const CONTROL = { generation: 0, failed: 1, orderBytes: 2, nextUnit: 3, done: 4 } as const;

/** Per kernel, its units of persons: unit u is `bounds[u] … bounds[u + 1] − 1`. */
export type Units = Readonly<Record<KernelName, readonly number[]>>;

/** Units a thread may take, at most (about eight a thread, so that the threads even out). */
const UNITS_A_THREAD = 8;
/** Chunks a unit holds, at most: taking a unit then costs nothing against its work. */
const UNIT_CHUNKS = 16;

/**
 * Kernels each of whose units walks every short giver's ties and adds to its own takers
 * (day/informal.ts withheldKernel): one unit a thread, its own, or a thread that took both would
 * walk them twice while the other waited.
 */
export const OWN_UNIT: ReadonlySet<KernelName> = new Set(['withheld']);

/** The units of each kernel for `count` threads. */
export function unitsOf(world: World, count: number): Units {
  const n = world.n;
  const { block, group } = world.openTies;
  const cut = (persons: number) => ranges(n, Math.ceil(n / persons), persons);
  const chunks = Math.ceil(n / CHUNK);
  const persons = cut(CHUNK * Math.max(1, Math.min(UNIT_CHUNKS, Math.floor(chunks / (UNITS_A_THREAD * count)))));
  const units = Object.fromEntries(Object.keys(KERNELS).map((name) => [name, persons])) as unknown as Record<KernelName, readonly number[]>;
  units.withheld = ranges(n, count, CHUNK);
  if (block < n) {
    // The far ties' sums are made group by group; the givers' walk touches a block's asks first.
    units.farSums = cut(leastCommonMultiple(CHUNK, group));
    units.givers = cut(leastCommonMultiple(CHUNK, block));
  }
  return units;
}

/** Runs kernel `name` on the units this thread takes (on its own unit, for OWN_UNIT kernels). */
export function runUnits(control: Int32Array, units: Units, name: KernelName, world: World, context: unknown, slot: number): void {
  const bounds = units[name];
  if (OWN_UNIT.has(name)) return runKernel(name, world, context, bounds[slot], bounds[slot + 1], slot);
  for (let u = Atomics.add(control, CONTROL.nextUnit, 1); u < bounds.length - 1; u = Atomics.add(control, CONTROL.nextUnit, 1)) {
    runKernel(name, world, context, bounds[u], bounds[u + 1], slot);
  }
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
  const units = unitsOf(world, count);
  const control = new Int32Array(new SharedArrayBuffer(4 * CONTROL_WORDS + ORDER_ROOM));
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  for (let slot = 1; slot < count; slot++) {
    const { port1, port2 } = new MessageChannel();
    const worker = startWorker('thread-worker', { shared, slot, units, control: control.buffer, port: port2 }, [port2]);
    workers.push(worker);
    ports.push(port1);
  }
  // once() rejects if a worker fails to start (an 'error' event) instead of waiting for ever.
  await Promise.all(workers.map((w) => once(w, 'message')));

  /** Posts `message` and moves the generation on; returns the new generation. */
  const order = (message: Order): number => {
    writeOrder(control, message);
    // Every worker has finished the last order (run() waited for it), so none takes a unit now.
    Atomics.store(control, CONTROL.nextUnit, 0);
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
        runUnits(control, units, name as KernelName, w, context, 0);
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
