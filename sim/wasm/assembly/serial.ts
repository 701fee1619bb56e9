// Twins of loops in the serial phases (sim/groups/members.ts, sim/record/recorder.ts,
// sim/day/formal.ts), run on the main thread: the same arithmetic in the same order.
import { CLOSED, f64At, FACE_TO_FACE, i32At, receive, REMOTE, setF64, setI32, u8At } from './memory';
import { uniform } from './random';

/** The persons in a group (group ≥ 0), in person order, into the list at `listP`; returns how many. */
export function listMembers(n: i32, groupP: usize, listP: usize): i32 {
  let count = 0;
  for (let i = 0; i < n; i++) {
    setI32(listP, count, i);
    count += <i32>(<u32>~i32At(groupP, i) >> 31);
  }
  return count;
}

/** The persons whose byte at `flagsP` is not 0 (phase 10's joining), in person order, into the list at `listP`; returns how many. */
export function listJoining(n: i32, flagsP: usize, listP: usize): i32 {
  let count = 0;
  for (let i = 0; i < n; i++) {
    setI32(listP, count, i);
    count += <i32>(u8At(flagsP, i) != 0);
  }
  return count;
}

/** The persons whose lonely flag (conn below `threshold`) is not what it was, in person order; returns how many. */
export function lonelyChanges(n: i32, connP: usize, lonelyP: usize, threshold: f64, listP: usize): i32 {
  let count = 0;
  for (let i = 0; i < n; i++) {
    setI32(listP, count, i);
    count += <i32>((f64At(connP, i) < threshold) != (u8At(lonelyP, i) == 1));
  }
  return count;
}

/** What each service's clients above `threshold` ask, per function, summed in person order. */
export function formalAsked(n: i32, needP: usize, serviceP: usize, askedP: usize, threshold: f64): void {
  for (let i = 0; i < n; i++) {
    const f = 3 * i;
    const n0 = f64At(needP, f);
    const n1 = f64At(needP, f + 1);
    const n2 = f64At(needP, f + 2);
    if (n0 + n1 + n2 <= threshold) continue;
    const s = 3 * i32At(serviceP, i);
    setF64(askedP, s, f64At(askedP, s) + n0);
    setF64(askedP, s + 1, f64At(askedP, s + 1) + n1);
    setF64(askedP, s + 2, f64At(askedP, s + 2) + n2);
  }
}

/** Each asker's share of its service, given `met` per service and function; flows summed in person order. */
export function formalGiven(n: i32, needP: usize, serviceP: usize, metP: usize, receivedP: usize, fromFormalP: usize, unmetFormalP: usize, flowsP: usize, threshold: f64): void {
  let flow0 = load<f64>(flowsP);
  let flow1 = load<f64>(flowsP, 8);
  let flow2 = load<f64>(flowsP, 16);
  for (let i = 0; i < n; i++) {
    const f = 3 * i;
    const n0 = f64At(needP, f);
    const n1 = f64At(needP, f + 1);
    const n2 = f64At(needP, f + 2);
    const total = n0 + n1 + n2;
    if (total <= threshold) {
      setF64(fromFormalP, i, 0);
      setF64(unmetFormalP, i, 0);
      continue;
    }
    const s = 3 * i32At(serviceP, i);
    const g0 = n0 * f64At(metP, s);
    const g1 = n1 * f64At(metP, s + 1);
    const g2 = n2 * f64At(metP, s + 2);
    receive(needP, receivedP, f, g0, g1, g2);
    flow0 += g0;
    flow1 += g1;
    flow2 += g2;
    setF64(fromFormalP, i, g0 + g1 + g2);
    setF64(unmetFormalP, i, total - (g0 + g1 + g2));
  }
  store<f64>(flowsP, flow0);
  store<f64>(flowsP, flow1, 8);
  store<f64>(flowsP, flow2, 16);
}

/**
 * Per person, the sums over open ties that stay fixed until channels change (day/contact.ts
 * refreshTieSums): contact, Σ w·rate, and per layer and function what the ties deliver. The
 * half-edges on each open channel are counted into `countsP` (face-to-face, remote).
 */
export function refreshTieSums(n: i32, layers: i32, offsetsP: usize, weightP: usize, channelP: usize, contactP: usize, openWeightP: usize, deliveredP: usize, r0: f64, r1: f64, r2: f64, countsP: usize): void {
  let faceToFace = 0;
  let remote = 0;
  for (let i = 0; i < n; i++) {
    let sumContact: f64 = 0;
    let sumOpen: f64 = 0;
    for (let l = 0; l < layers; l++) {
      let l0: f64 = 0;
      let l1: f64 = 0;
      let l2: f64 = 0;
      const end = i32At(offsetsP, i * layers + l + 1);
      for (let e = i32At(offsetsP, i * layers + l); e < end; e++) {
        const c = u8At(channelP, e);
        if (c == CLOSED) continue;
        const w = f64At(weightP, e);
        sumOpen += w;
        if (c == REMOTE) {
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
      const d = 3 * (i * layers + l);
      setF64(deliveredP, d, l0);
      setF64(deliveredP, d + 1, l1);
      setF64(deliveredP, d + 2, l2);
    }
    setF64(contactP, i, sumContact);
    setF64(openWeightP, i, sumOpen);
  }
  setI32(countsP, 0, faceToFace);
  setI32(countsP, 1, remote);
}

/** Giver j's near ties on channel `wanted`, in the network's order, from `q` on; returns the next q. */
@inline function copyNear(j: i32, wanted: u8, q: i32, layers: i32, block: i32, offsetsP: usize, neighbourP: usize, weightP: usize, channelP: usize, nearNeighbourP: usize, nearWeightP: usize): i32 {
  const end = i32At(offsetsP, (j + 1) * layers);
  for (let e = i32At(offsetsP, j * layers); e < end; e++) {
    const i = i32At(neighbourP, e);
    if (u8At(channelP, e) != wanted || i / block != j / block) continue;
    setI32(nearNeighbourP, q, i);
    setF64(nearWeightP, q, f64At(weightP, e));
    q++;
  }
  return q;
}

/**
 * Today's open-tie lists (network/open.ts listOpenTies): near ties per giver, face-to-face then
 * remote; far ties by the giver's group, then by asker, by a counting sort whose running
 * positions are kept in farStart itself and moved back a place after. Returns the far ties.
 */
export function listOpenTies(n: i32, layers: i32, block: i32, group: i32, offsetsP: usize, neighbourP: usize, weightP: usize, channelP: usize, startP: usize, remoteStartP: usize, nearNeighbourP: usize, nearWeightP: usize, farStartP: usize, farGiverP: usize, farAskerP: usize, farWeightP: usize, farRemoteP: usize): i32 {
  let q = 0;
  for (let j = 0; j < n; j++) {
    setI32(startP, j, q);
    q = copyNear(j, FACE_TO_FACE, q, layers, block, offsetsP, neighbourP, weightP, channelP, nearNeighbourP, nearWeightP);
    setI32(remoteStartP, j, q);
    q = copyNear(j, REMOTE, q, layers, block, offsetsP, neighbourP, weightP, channelP, nearNeighbourP, nearWeightP);
  }
  setI32(startP, n, q);

  const groups = (n + group - 1) / group;
  for (let g = 0; g <= groups; g++) setI32(farStartP, g, 0);
  for (let i = 0; i < n; i++) {
    const end = i32At(offsetsP, (i + 1) * layers);
    for (let e = i32At(offsetsP, i * layers); e < end; e++) {
      const j = i32At(neighbourP, e);
      if (u8At(channelP, e) != CLOSED && j / block != i / block) setI32(farStartP, j / group + 1, i32At(farStartP, j / group + 1) + 1);
    }
  }
  for (let g = 0; g < groups; g++) setI32(farStartP, g + 1, i32At(farStartP, g + 1) + i32At(farStartP, g));
  const far = i32At(farStartP, groups);
  // Placed at farStart[g], which moves on; afterwards farStart[g] is where group g + 1 starts.
  for (let i = 0; i < n; i++) {
    const end = i32At(offsetsP, (i + 1) * layers);
    for (let e = i32At(offsetsP, i * layers); e < end; e++) {
      const j = i32At(neighbourP, e);
      const c = u8At(channelP, e);
      if (c == CLOSED || j / block == i / block) continue;
      const at = i32At(farStartP, j / group);
      setI32(farStartP, j / group, at + 1);
      setI32(farGiverP, at, j);
      setI32(farAskerP, at, i);
      setF64(farWeightP, at, f64At(weightP, e));
      store<u8>(farRemoteP + <usize>at, c == REMOTE ? 1 : 0);
    }
  }
  for (let g = groups; g > 0; g--) setI32(farStartP, g, i32At(farStartP, g - 1));
  setI32(farStartP, 0, 0);
  return far;
}

/**
 * A lockdown's cut of one layer's face-to-face ties (timeline/events.ts cutTies): each, drawn once
 * per tie, is cut with probability `cut` and then goes remote with probability `shift` where
 * `remoteWhere` allows it (0 never, 1 always, 2 when both ends have internet), else closes.
 */
export function cutTies(n: i32, layers: i32, layer: i32, offsetsP: usize, neighbourP: usize, channelP: usize, mateP: usize, digitalP: usize, key: i32, cut: f64, shift: f64, remoteWhere: i32): void {
  for (let i = 0; i < n; i++) {
    const end = i32At(offsetsP, i * layers + layer + 1);
    for (let e = i32At(offsetsP, i * layers + layer); e < end; e++) {
      const j = i32At(neighbourP, e);
      if (j < i || u8At(channelP, e) != FACE_TO_FACE) continue;
      if (uniform(key, e, 0) >= cut) continue;
      const canGoRemote = remoteWhere == 1 || (remoteWhere == 2 && u8At(digitalP, i) == 1 && u8At(digitalP, j) == 1);
      const channel: u8 = canGoRemote && uniform(key, e, 1) < shift ? REMOTE : CLOSED;
      store<u8>(channelP + <usize>e, channel);
      store<u8>(channelP + <usize>i32At(mateP, e), channel);
    }
  }
}
