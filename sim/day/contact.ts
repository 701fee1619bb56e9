/**
 * Phase 3 — contact: contact = Σ_ties w·rate·open·(remote ? effRemote[emotional] : 1), and the
 * contact one is used to follows it with a 30-day time constant. Channels change only at timeline
 * events, so the tie sums are recomputed only then (`world.tiesChanged`).
 */
import { CHANNEL } from '../network/layers.ts';
import { listOpenTies } from '../network/open.ts';
import type { World } from '../world.ts';
import { twinsOf } from '../wasm/twins.ts';

const { closed: CLOSED, remote: REMOTE } = CHANNEL;

/**
 * Per person, sums over open ties that stay fixed until channels change: today's contact;
 * Σ w·rate (which scales requests in phase 4); and, per layer and function, what the ties deliver
 * per unit asked when every giver has room (phase 4's takers). Lists the open ties for phase 4's
 * givers. Both walk every tie, and run as WebAssembly where the world has twins (wasm/twins.ts).
 */
export function refreshTieSums(world: World): void {
  const twins = twinsOf(world);
  if (twins) {
    world.channelCounts = twins.serial.refreshTieSums(world);
    twins.serial.listOpenTies(world);
  } else {
    world.channelCounts = sumTies(world);
    listOpenTies(world.network, world.openTies);
  }
  world.tiesChanged = false;
}

/** refreshTieSums's sums in JavaScript; returns the half-edges on each open channel. */
function sumTies(world: World): { faceToFace: number; remote: number } {
  const n = world.n;
  const { offsets, weight, channel, layers: L } = world.network;
  const { contact } = world.persons;
  const { openWeight, delivered } = world.scratch;
  const { emotional: r0, informational: r1, instrumental: r2 } = world.params.support.effRemote;
  let faceToFace = 0;
  let remote = 0;
  for (let i = 0; i < n; i++) {
    let sumContact = 0;
    let sumOpen = 0;
    for (let l = 0; l < L; l++) {
      // Summed as phase 4 sums a layer's ties, so its shortcut gives the same bits.
      let l0 = 0;
      let l1 = 0;
      let l2 = 0;
      for (let e = offsets[i * L + l]; e < offsets[i * L + l + 1]; e++) {
        const c = channel[e];
        if (c === CLOSED) continue;
        const w = weight[e];
        sumOpen += w;
        if (c === REMOTE) {
          sumContact += w * r0;
          l0 += w * r0;
          l1 += w * r1;
          l2 += w * r2;
          remote++;
        } else {
          sumContact += w;
          l0 += w;
          l1 += w;
          l2 += w;
          faceToFace++;
        }
      }
      const d = 3 * (i * L + l);
      delivered[d] = l0;
      delivered[d + 1] = l1;
      delivered[d + 2] = l2;
    }
    contact[i] = sumContact;
    openWeight[i] = sumOpen;
  }
  return { faceToFace, remote };
}

export function contactMemoryKernel(world: World, _context: unknown, from: number, to: number): void {
  const { contact, contactRef } = world.persons;
  const memory = world.params.perception.contactMemory;
  for (let i = from; i < to; i++) contactRef[i] += (contact[i] - contactRef[i]) / memory;
}

export function contact(world: World): void {
  if (world.tiesChanged) refreshTieSums(world);
  world.executor.run(world, 'contactMemory', null);
}
