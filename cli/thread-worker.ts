/**
 * A worker of one run's threads (threads.ts): rebuilds the world from shared memory, then runs
 * the kernel it is ordered to on its range of persons, each time the generation moves on.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { runKernel } from '../sim/day/kernels.ts';
import { worldView, type SharedWorld } from '../sim/share.ts';
import { CONTROL, type Order } from './threads.ts';

const { shared, slot, from, to, control: buffer, port } = workerData as {
  shared: SharedWorld;
  slot: number;
  from: number;
  to: number;
  control: SharedArrayBuffer;
  port: MessagePort;
};
const world = worldView(shared);
const control = new Int32Array(buffer);
parentPort?.postMessage('ready');

for (let generation = 0; ; ) {
  Atomics.wait(control, CONTROL.generation, generation);
  generation = Atomics.load(control, CONTROL.generation);
  // The order was posted before the generation moved on, so it is there or about to be.
  let received = receiveMessageOnPort(port);
  while (!received) received = receiveMessageOnPort(port);
  const order = received.message as Order;
  if (order.name === null) break;
  try {
    world.openTies.far = order.far;
    runKernel(order.name, world, order.context, from, to, slot);
  } catch (e) {
    Atomics.store(control, CONTROL.failed, 1);
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
  } finally {
    if (Atomics.sub(control, CONTROL.pending, 1) === 1) Atomics.notify(control, CONTROL.pending);
  }
}
port.close();
