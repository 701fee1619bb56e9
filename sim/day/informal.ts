/**
 * Phase 4 — informal support, in three passes:
 *
 *   A. asks:   i asks tie i→j for r = σ·need_i[f]·seek_i·w·rate·open, seek = 0.3 + 0.7·iCan,
 *              scaled so Σ_j r ≤ need_i[f]; so r = ask_i[f]·w·rate with ask_i[f] = k_i·need_i[f].
 *   B. givers: j gathers its requests D_j[f] = Σ_i ask_i[f]·w·rate over open ties (listed by
 *              network/open.ts when channels change: far ties first, then near ones); with capacity
 *              cap_j[f] = capBase·(0.3 + 0.7·wb_j) (× material_j for instrumental), j meets the
 *              share s_j[f] = min(1, cap/D) of each request, and strains: β·max(0, min(1, load) − 0.5).
 *              The same walk over j's ties notes what they could give, Σ w·rate·(0.3 + 0.7·wb_i)
 *              per channel, for perceived support in phase 8: it reads only start-of-day state,
 *              so it is the value phase 8 would compute, with one walk over the ties saved.
 *   C. takers: i receives Σ_j r·s_j[f]·(remote ? effRemote[f] : 1), by source layer, computed as
 *              ask_i[f]·(delivered − withheld): `delivered` = Σ w·rate·(remote ? effRemote[f] : 1)
 *              is fixed between timeline events (phase 3), and `withheld` = the same sum of
 *              w·rate·(1 − s_j[f]) over ties to short givers, who are few. So the day walks every
 *              tie once (B) and the short givers' ties once more, not every taker's ties.
 *
 * Givers' wellbeing is as of the start of the day (phase 9 runs later), so the result does not
 * depend on the order persons are visited.
 */
import { CHANNEL } from '../network/layers.ts';
import { CHUNK } from '../parallel.ts';
import type { World } from '../world.ts';

// Module-local copies: imported bindings can cost a property load per use in hot loops.
const { closed: CLOSED, remote: REMOTE } = CHANNEL;

export function asksKernel(world: World, _context: unknown, from: number, to: number): void {
  const { need, iCan, wb } = world.persons;
  const { ask, openWeight } = world.scratch;
  const sigma = world.params.support.sigma;
  for (let i = from, f = 3 * from, a = 4 * from; i < to; i++, f += 3, a += 4) {
    const perUnit = sigma * (0.3 + 0.7 * iCan[i]);
    const total = perUnit * openWeight[i];
    const k = total > 1 ? perUnit / total : perUnit;
    ask[a] = k * need[f];
    ask[a + 1] = k * need[f + 1];
    ask[a + 2] = k * need[f + 2];
    ask[a + 3] = 0.3 + 0.7 * wb[i];
  }
}

/**
 * The far ties' part of each giver's sums (network/open.ts), for givers `from … to − 1`: requests
 * per function, then what the ties could give face-to-face and remote, into `farSums`, read by the
 * givers' walk next. Adding 0 is exact, so a tie adds its `could` to one channel's sum and 0 to
 * the other without a branch. Its ranges hold whole groups of far ties (cli/threads.ts).
 *
 * A group's sums are zeroed just before its ties are added, not all at once: zeroing brings them
 * into cache in order, where at 1,000,000 persons zeroing all 40 MB first left each group's sums to
 * be fetched from memory line by line at random by its ties (the far pass 49 → 37 ms a lockdown day).
 */
export function farSumsKernel(world: World, _context: unknown, from: number, to: number): void {
  const { group, farStart, farGiver, farAsker, farWeight, farRemote } = world.openTies;
  const { ask, farSums } = world.scratch;
  for (let g = from / group; g < Math.ceil(to / group); g++) {
    farSums.fill(0, 5 * g * group, 5 * Math.min(to, (g + 1) * group));
    for (let q = farStart[g], end = farStart[g + 1]; q < end; q++) {
      const a = 4 * farAsker[q];
      const s = 5 * farGiver[q];
      const w = farWeight[q];
      const remote = farRemote[q];
      const could = w * ask[a + 3];
      farSums[s] += ask[a] * w;
      farSums[s + 1] += ask[a + 1] * w;
      farSums[s + 2] += ask[a + 2] * w;
      farSums[s + 3] += could * (1 - remote);
      farSums[s + 4] += could * remote;
    }
  }
}

/**
 * The givers' walk over each giver's near ties (every tie, below FAR_FROM persons), on top of the
 * far sums: requests per function and what the ties could give, then the shares each giver meets
 * and the strain of giving. Its twin (wasm/assembly/informal.ts) also reads each block's asks in
 * order before walking the block, which only changes what is in cache when the ties read them.
 */
export function giversKernel(world: World, _context: unknown, from: number, to: number): void {
  const { start, remoteStart, neighbour, weight, far } = world.openTies;
  const { wb, material } = world.persons;
  const { ask, share, strain, giving, shortGiver, farSums } = world.scratch;
  const { capBase, strain: betaStrain } = world.params.support;
  const anyFar = far > 0;
  for (let j = from, f = 3 * from, e = start[from]; j < to; j++, f += 3) {
    // The far ties' sums, then the near ties, face-to-face then remote: two walks with no test
    // of channel inside.
    let d0 = anyFar ? farSums[5 * j] : 0;
    let d1 = anyFar ? farSums[5 * j + 1] : 0;
    let d2 = anyFar ? farSums[5 * j + 2] : 0;
    let givingFace = anyFar ? farSums[5 * j + 3] : 0;
    let givingRemote = anyFar ? farSums[5 * j + 4] : 0;
    for (const end = remoteStart[j]; e < end; e++) {
      const a = 4 * neighbour[e];
      const w = weight[e];
      d0 += ask[a] * w;
      d1 += ask[a + 1] * w;
      d2 += ask[a + 2] * w;
      givingFace += w * ask[a + 3];
    }
    for (const end = start[j + 1]; e < end; e++) {
      const a = 4 * neighbour[e];
      const w = weight[e];
      d0 += ask[a] * w;
      d1 += ask[a + 1] * w;
      d2 += ask[a + 2] * w;
      givingRemote += w * ask[a + 3];
    }
    giving[2 * j] = givingFace;
    giving[2 * j + 1] = givingRemote;
    const cap = capBase * (0.3 + 0.7 * wb[j]);
    const capInstrumental = cap * material[j];
    share[f] = d0 > cap ? cap / d0 : 1;
    share[f + 1] = d1 > cap ? cap / d1 : 1;
    share[f + 2] = d2 > capInstrumental ? capInstrumental / d2 : 1;
    shortGiver[j] = d0 > cap || d1 > cap || d2 > capInstrumental ? 1 : 0;
    const load = (loadOf(d0, cap) + loadOf(d1, cap) + loadOf(d2, capInstrumental)) / 3;
    strain[j] = betaStrain * Math.max(0, Math.min(1, load) - 0.5);
  }
}

/** D / cap, with a giver who has nothing to give and is asked counted as fully loaded. */
function loadOf(demand: number, capacity: number): number {
  if (demand === 0) return 0;
  return capacity > 0 ? demand / capacity : 1;
}

/**
 * What short givers withhold, gathered per taker: for each tie to a giver j who meets the share
 * s_j[f] < 1 of requests, w·rate·(1 − s_j[f])·(remote ? effRemote[f] : 1), by the tie's layer.
 * Short givers are few (under 1% of persons in the reference scenarios), so this walks only their
 * ties, in giver order; the takers they touch are marked in `shortNearby`. The range is of
 * takers: each thread walks every short giver's ties and adds only to its own takers, so each
 * taker's sum is added in giver order however the takers are split.
 */
export function withheldKernel(world: World, _context: unknown, from: number, to: number): void {
  const n = world.n;
  const { offsets, neighbour, weight, channel, layers: L } = world.network;
  const { share, shortGiver, shortNearby, withheld } = world.scratch;
  const { emotional: r0, informational: r1, instrumental: r2 } = world.params.support.effRemote;
  for (let j = 0; j < n; j++) {
    if (shortGiver[j] === 0) continue;
    const short0 = 1 - share[3 * j];
    const short1 = 1 - share[3 * j + 1];
    const short2 = 1 - share[3 * j + 2];
    for (let l = 0; l < L; l++) {
      for (let e = offsets[j * L + l]; e < offsets[j * L + l + 1]; e++) {
        const c = channel[e];
        const i = neighbour[e];
        if (c === CLOSED || i < from || i >= to) continue;
        const w = weight[e];
        const d = 3 * (i * L + l);
        // The tie's layer and weight are the same seen from either end.
        if (c === REMOTE) {
          withheld[d] += w * short0 * r0;
          withheld[d + 1] += w * short1 * r1;
          withheld[d + 2] += w * short2 * r2;
        } else {
          withheld[d] += w * short0;
          withheld[d + 1] += w * short1;
          withheld[d + 2] += w * short2;
        }
        shortNearby[i] = 1;
      }
    }
  }
}

/**
 * Each chunk's support by source layer and function goes to its own row of `flowChunks`
 * (`[chunk · 3L + 3 · layer + f]`), summed over the chunk in person order; informal() adds the
 * rows in chunk order.
 */
export function takersKernel(world: World, _context: unknown, from: number, to: number): void {
  const n = world.n;
  const L = world.network.layers;
  const { need } = world.persons;
  const { ask, received, receivedByLayer, delivered, withheld, shortNearby } = world.scratch;
  const flowChunks = world.flowChunks;
  for (let i = from, f = 3 * from; i < to; i++, f += 3) {
    const row = 3 * L * Math.floor(i / CHUNK);
    const touched = shortNearby[i] === 1;
    const a0 = ask[4 * i];
    const a1 = ask[4 * i + 1];
    const a2 = ask[4 * i + 2];
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    // Formal services and groups (the layers after the tie layers) give in phases 5 and 6.
    for (let l = 0, d = 3 * i * L; l < L; l++, d += 3) {
      let l0 = delivered[d];
      let l1 = delivered[d + 1];
      let l2 = delivered[d + 2];
      if (touched) {
        // max(): what is withheld never exceeds what the ties deliver, but for rounding.
        l0 = Math.max(0, l0 - withheld[d]);
        l1 = Math.max(0, l1 - withheld[d + 1]);
        l2 = Math.max(0, l2 - withheld[d + 2]);
        withheld[d] = withheld[d + 1] = withheld[d + 2] = 0;
      }
      const x0 = a0 * l0;
      const x1 = a1 * l1;
      const x2 = a2 * l2;
      receivedByLayer[l * n + i] = x0 + x1 + x2;
      flowChunks[row + 3 * l] += x0;
      flowChunks[row + 3 * l + 1] += x1;
      flowChunks[row + 3 * l + 2] += x2;
      g0 += x0;
      g1 += x1;
      g2 += x2;
    }
    shortNearby[i] = 0;
    received[f] = g0;
    received[f + 1] = g1;
    received[f + 2] = g2;
    // Σ r ≤ need and each request is met at most in full, so need stays ≥ 0; max() only guards
    // against rounding.
    need[f] = Math.max(0, need[f] - g0);
    need[f + 1] = Math.max(0, need[f + 1] - g1);
    need[f + 2] = Math.max(0, need[f + 2] - g2);
  }
}

export function informal(world: World): void {
  const { executor, flows, flowChunks } = world;
  executor.run(world, 'asks', null);
  if (world.openTies.far > 0) executor.run(world, 'farSums', null);
  executor.run(world, 'givers', null);
  executor.run(world, 'withheld', null);
  flowChunks.fill(0);
  executor.run(world, 'takers', null);
  // Formal services and groups (the layers after the tie layers) add theirs in phases 5 and 6.
  flows.fill(0);
  const row = 3 * world.network.layers;
  for (let c = 0; c < flowChunks.length; c += row) {
    for (let k = 0; k < row; k++) flows[k] += flowChunks[c + k];
  }
}
