/**
 * Phase 4 — informal support, in three gathers over ties (never scatters):
 *
 *   A. asks:   i asks tie i→j for r = σ·need_i[f]·seek_i·w·rate·open, seek = 0.3 + 0.7·iCan,
 *              scaled so Σ_j r ≤ need_i[f]; so r = ask_i[f]·w·rate with ask_i[f] = k_i·need_i[f].
 *   B. givers: j gathers its requests D_j[f] = Σ_i ask_i[f]·w·rate over open ties; with capacity
 *              cap_j[f] = capBase·(0.3 + 0.7·wb_j) (× material_j for instrumental), j meets the
 *              share min(1, cap/D) of each request, and strains: β·max(0, min(1, load) − 0.5).
 *              The same walk over j's ties notes what they could give, Σ w·rate·(0.3 + 0.7·wb_i)
 *              per channel, for perceived support in phase 8: it reads only start-of-day state,
 *              so it is the value phase 8 would compute, with one walk over the ties saved.
 *   C. takers: i receives Σ_j r·share_j[f]·(remote ? effRemote[f] : 1), by source layer.
 *              A giver with room meets requests in full (share 1), so a person with no short
 *              giver among their ties receives ask_i[f]·Σ w·rate·(remote ? effRemote[f] : 1):
 *              sums fixed between timeline events (phase 3), the same bits as the walk they save.
 *              Short givers mark their ties' ends; marks are idempotent, so their order is moot.
 *
 * Givers' wellbeing is as of the start of the day (phase 9 runs later), so the result does not
 * depend on the order persons are visited.
 */
import { CHANNEL } from '../network/layers.ts';
import type { World } from '../world.ts';

// Module-local copies: imported bindings can cost a property load per use in hot loops.
const { closed: CLOSED, remote: REMOTE } = CHANNEL;

function asks(world: World): void {
  const n = world.n;
  const { need, iCan, wb } = world.persons;
  const { ask, openWeight } = world.scratch;
  const sigma = world.params.support.sigma;
  for (let i = 0, f = 0, a = 0; i < n; i++, f += 3, a += 4) {
    const perUnit = sigma * (0.3 + 0.7 * iCan[i]);
    const total = perUnit * openWeight[i];
    const k = total > 1 ? perUnit / total : perUnit;
    ask[a] = k * need[f];
    ask[a + 1] = k * need[f + 1];
    ask[a + 2] = k * need[f + 2];
    ask[a + 3] = 0.3 + 0.7 * wb[i];
  }
}

function givers(world: World): void {
  const n = world.n;
  const { offsets, neighbour, weight, channel, layers: L } = world.network;
  const { wb, material } = world.persons;
  const { ask, share, strain, giving, shortGiver } = world.scratch;
  const { capBase, strain: betaStrain } = world.params.support;
  for (let j = 0, f = 0; j < n; j++, f += 3) {
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let givingFace = 0;
    let givingRemote = 0;
    for (let e = offsets[j * L]; e < offsets[(j + 1) * L]; e++) {
      const c = channel[e];
      if (c === CLOSED) continue;
      const a = 4 * neighbour[e];
      const w = weight[e];
      d0 += ask[a] * w;
      d1 += ask[a + 1] * w;
      d2 += ask[a + 2] * w;
      const could = w * ask[a + 3];
      if (c === REMOTE) givingRemote += could;
      else givingFace += could;
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

/** Marks every person with a short giver among their ties. */
function markShortNearby(world: World): void {
  const n = world.n;
  const { offsets, neighbour, layers: L } = world.network;
  const { shortGiver, shortNearby } = world.scratch;
  shortNearby.fill(0);
  for (let j = 0; j < n; j++) {
    if (!shortGiver[j]) continue;
    for (let e = offsets[j * L]; e < offsets[(j + 1) * L]; e++) shortNearby[neighbour[e]] = 1;
  }
}

function takers(world: World): void {
  const n = world.n;
  const { offsets, neighbour, weight, channel, layers: L } = world.network;
  const { need } = world.persons;
  const { ask, share, received, receivedByLayer, delivered, shortNearby } = world.scratch;
  const { emotional: r0, informational: r1, instrumental: r2 } = world.params.support.effRemote;
  const flows = world.flows;
  markShortNearby(world);
  for (let i = 0, f = 0; i < n; i++, f += 3) {
    const walk = shortNearby[i] === 1;
    const a0 = ask[4 * i];
    const a1 = ask[4 * i + 1];
    const a2 = ask[4 * i + 2];
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let l = 0; l < L; l++) {
      const d = 3 * (i * L + l);
      let l0 = walk ? 0 : delivered[d];
      let l1 = walk ? 0 : delivered[d + 1];
      let l2 = walk ? 0 : delivered[d + 2];
      const end = walk ? offsets[i * L + l + 1] : 0;
      for (let e = offsets[i * L + l]; e < end; e++) {
        const c = channel[e];
        if (c === CLOSED) continue;
        const s = 3 * neighbour[e];
        const w = weight[e];
        if (c === REMOTE) {
          l0 += w * share[s] * r0;
          l1 += w * share[s + 1] * r1;
          l2 += w * share[s + 2] * r2;
        } else {
          l0 += w * share[s];
          l1 += w * share[s + 1];
          l2 += w * share[s + 2];
        }
      }
      const got = a0 * l0 + a1 * l1 + a2 * l2;
      receivedByLayer[l * n + i] = got;
      flows[3 * l] += a0 * l0;
      flows[3 * l + 1] += a1 * l1;
      flows[3 * l + 2] += a2 * l2;
      g0 += a0 * l0;
      g1 += a1 * l1;
      g2 += a2 * l2;
    }
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
  world.flows.fill(0);
  asks(world);
  givers(world);
  takers(world);
}
