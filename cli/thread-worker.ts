/**
 * A worker of one run's threads (threads.ts): rebuilds the world from shared memory, then runs
 * the kernel it is ordered to on the units of persons it takes, each time the generation moves
 * on. Its port carries only a kernel's error back.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { worldView, type SharedWorld } from '../sim/share.ts';
import { CONTROL, readOrder, runUnits, type Units } from './threads.ts';

const { shared, slot, units, control: buffer, port } = workerData as {
  shared: SharedWorld;
  slot: number;
  units: Units;
  control: SharedArrayBuffer;
  port: MessagePort;
};
const world = worldView(shared);
const control = new Int32Array(buffer);
parentPort?.postMessage('ready');

for (let done = 0; ; ) {
  Atomics.wait(control, CONTROL.generation, done);
  const generation = Atomics.load(control, CONTROL.generation);
  if (generation === done) continue; // each order once, whatever woke this thread
  done = generation;
  // Written before the generation moved on, so it is there.
  const order = readOrder(control);
  if (order.name === null) break;
  try {
    world.openTies.far = order.far;
    runUnits(control, units, order.name, world, order.context, slot);
  } catch (e) {
    Atomics.store(control, CONTROL.failed, 1);
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  } finally {
    Atomics.store(control, CONTROL.done + slot, generation);
    Atomics.notify(control, CONTROL.done + slot);
  }
}
port.close();
