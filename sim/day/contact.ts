/**
 * Phase 3 — contact: contact = Σ_ties w·rate·open·(remote ? effRemote[emotional] : 1), and the
 * contact one is used to follows it with a 30-day time constant. Channels change only at timeline
 * events, so the tie sums are recomputed only then (`world.tiesChanged`).
 */
import { CHANNEL } from '../network/layers.ts';
import type { World } from '../world.ts';

const { closed: CLOSED, remote: REMOTE } = CHANNEL;

/** Per person: today's contact, and Σ w·rate over open ties (which scales requests in phase 4). */
export function refreshTieSums(world: World): void {
  const n = world.n;
  const { offsets, weight, channel, layers: L } = world.network;
  const { contact } = world.persons;
  const { openWeight } = world.scratch;
  const remoteContact = world.params.support.effRemote.emotional;
  let faceToFace = 0;
  let remote = 0;
  for (let i = 0; i < n; i++) {
    let sumContact = 0;
    let sumOpen = 0;
    for (let e = offsets[i * L]; e < offsets[(i + 1) * L]; e++) {
      const c = channel[e];
      if (c === CLOSED) continue;
      sumOpen += weight[e];
      if (c === REMOTE) {
        sumContact += weight[e] * remoteContact;
        remote++;
      } else {
        sumContact += weight[e];
        faceToFace++;
      }
    }
    contact[i] = sumContact;
    openWeight[i] = sumOpen;
  }
  world.channelCounts = { faceToFace, remote };
  world.tiesChanged = false;
}

export function contact(world: World): void {
  const n = world.n;
  if (world.tiesChanged) refreshTieSums(world);
  const { contact, contactRef } = world.persons;
  const memory = world.params.perception.contactMemory;
  for (let i = 0; i < n; i++) contactRef[i] += (contact[i] - contactRef[i]) / memory;
}
