// The kernels that update each person from their own state (sim/day/*.ts, sim/record/recorder.ts),
// the same arithmetic in the same order, so the same bits.
import { exp2, log } from './math';
import { uniform } from './random';
import { f64At, i32At, setF64, setU8, u8At } from './memory';

export function shocks(from: i32, to: i32, needP: usize, materialP: usize, contactP: usize, contactRefP: usize, key: i32, pEmotional: f64, pInformational: f64, poverty: f64, rateInstrumental: f64, mean: f64, isolation: f64): void {
  for (let i = from; i < to; i++) {
    const f = 3 * i;
    if (uniform(key, i, 0) < pEmotional) setF64(needP, f, f64At(needP, f) - mean * log(1 - uniform(key, i, 1)));
    if (uniform(key, i, 2) < pInformational) setF64(needP, f + 1, f64At(needP, f + 1) - mean * log(1 - uniform(key, i, 3)));
    const pInstrumental = Math.min(1, rateInstrumental * (1 + poverty * (1 - f64At(materialP, i))));
    if (uniform(key, i, 4) < pInstrumental) setF64(needP, f + 2, f64At(needP, f + 2) - mean * log(1 - uniform(key, i, 5)));
    const lost = f64At(contactRefP, i) - f64At(contactP, i);
    if (lost > 0) setF64(needP, f, f64At(needP, f) + isolation * lost);
  }
}

export function contactMemory(from: i32, to: i32, contactP: usize, contactRefP: usize, memory: f64): void {
  for (let i = from; i < to; i++) setF64(contactRefP, i, f64At(contactRefP, i) + (f64At(contactP, i) - f64At(contactRefP, i)) / memory);
}

export function needs(from: i32, to: i32, needP: usize, iAmP: usize, decay: f64): void {
  for (let i = from; i < to; i++) {
    const f = 3 * i;
    const keep = Math.max(0, 1 - decay * (0.5 + f64At(iAmP, i)));
    setF64(needP, f, f64At(needP, f) * keep);
    setF64(needP, f + 1, f64At(needP, f + 1) * keep);
    setF64(needP, f + 2, f64At(needP, f + 2) * keep);
  }
}

@inline function clamp01(x: f64): f64 {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
@inline function pair(a: f64, b: f64): v128 {
  return f64x2.replace_lane(f64x2.splat(a), 1, b);
}

/**
 * Persons per block of the kernels whose exponentials are worked out apart (perception,
 * wellbeing): their arguments for a block go to the thread's working space at `scratchP` (1 KB,
 * arena.ts SCRATCH_BYTES: a block's four arguments a person fill it), then one tight loop takes
 * the exponentials two at a time — independent of each other, so the processor overlaps them
 * rather than waiting out each one's chain of dependent operations — then the block is finished.
 * Each value is computed as the JavaScript kernel computes it; only the order of independent
 * operations changes.
 */
const BLOCK = 32;

/** exp2() over the `count` (even) doubles at `at`, in place; `c` is its constants' table. */
@inline function expInPlace(at: usize, count: i32, c: usize): void {
  for (let k = 0; k < count; k += 2) {
    const p = at + (<usize>k << 3);
    v128.store(p, exp2(v128.load(p), c));
  }
}

export function perception(from: i32, to: i32, scratchP: usize, constantsP: usize, layers: i32, friend: i32, kin: i32, offsetsP: usize, perceivedP: usize, iHaveP: usize, connP: usize, contactP: usize, lonelyFriendsP: usize, lonelyKinP: usize, belongingP: usize, savingsBelongingP: usize, givingP: usize, s0: f64, c0: f64, kappa: f64, kappaKin: f64, r0: f64, r1: f64, r2: f64, offer0: f64, offer1: f64, offer2: f64, gain: f64): void {
  const e = scratchP;
  for (let first = from; first < to; first += BLOCK) {
    const end = min(first + BLOCK, to);
    // The exponentials' arguments, four a person: perceived support per function, connectedness.
    for (let i = first, at = e; i < end; i++, at += 32) {
      const faceToFace = f64At(givingP, 2 * i);
      const remote = f64At(givingP, 2 * i + 1);
      const fromGroup = f64At(belongingP, i);
      const p0 = faceToFace + r0 * remote + offer0 + fromGroup;
      const p1 = faceToFace + r1 * remote + offer1 + fromGroup;
      const p2 = faceToFace + r2 * remote + offer2 + f64At(savingsBelongingP, i);
      // Divided in pairs of lanes: a division is the slowest operation here.
      v128.store(at, f64x2.div(pair(-p0, -p1), f64x2.splat(s0)));
      v128.store(at, f64x2.div(pair(-p2, -(f64At(contactP, i) + fromGroup)), pair(s0, c0)), 16);
    }
    expInPlace(e, 4 * (end - first), constantsP);
    for (let i = first, at = e; i < end; i++, at += 32) {
      const f = 3 * i;
      // The shares of one's friends and kin who are lonely (0 with none), in a pair of lanes.
      const friends = i32At(offsetsP, i * layers + friend + 1) - i32At(offsetsP, i * layers + friend);
      const kinTies = i32At(offsetsP, i * layers + kin + 1) - i32At(offsetsP, i * layers + kin);
      const ties = pair(<f64>friends, <f64>kinTies);
      const lonely = f64x2.div(pair(<f64>i32At(lonelyFriendsP, i), <f64>i32At(lonelyKinP, i)), ties);
      const shares = v128.bitselect(lonely, f64x2.splat(0), f64x2.ne(ties, f64x2.splat(0)));
      const lonelyFriends = f64x2.extract_lane(shares, 0);
      const lonelyKin = f64x2.extract_lane(shares, 1);
      const q0 = f64At(perceivedP, f) + (1 - load<f64>(at) - f64At(perceivedP, f)) * gain;
      const q1 = f64At(perceivedP, f + 1) + (1 - load<f64>(at, 8) - f64At(perceivedP, f + 1)) * gain;
      const q2 = f64At(perceivedP, f + 2) + (1 - load<f64>(at, 16) - f64At(perceivedP, f + 2)) * gain;
      setF64(perceivedP, f, q0);
      setF64(perceivedP, f + 1, q1);
      setF64(perceivedP, f + 2, q2);
      setF64(iHaveP, i, (q0 + q1 + q2) / 3);
      const spread = kappa * lonelyFriends + kappaKin * lonelyKin;
      const target = clamp01(1 - load<f64>(at, 24) - spread);
      setF64(connP, i, f64At(connP, i) + (target - f64At(connP, i)) * gain);
    }
  }
}

export function wellbeing(from: i32, to: i32, scratchP: usize, constantsP: usize, settle: bool, needP: usize, stressP: usize, wbP: usize, wb0P: usize, connP: usize, iHaveP: usize, iAmP: usize, iCanP: usize, strainP: usize, betaC: f64, betaS: f64, gamma: f64, rho: f64): void {
  const e = scratchP;
  for (let first = from; first < to; first += BLOCK) {
    const end = min(first + BLOCK, to);
    // Two exponentials a person: stress, and the pace of recovery (unused when settling).
    for (let i = first, at = e; i < end; i++, at += 16) {
      const f = 3 * i;
      const resilience = (f64At(iAmP, i) + f64At(iCanP, i) + f64At(iHaveP, i)) / 3;
      store<f64>(at, -(f64At(needP, f) + f64At(needP, f + 1) + f64At(needP, f + 2)));
      store<f64>(at, -rho * (0.5 + resilience), 8);
    }
    expInPlace(e, 2 * (end - first), constantsP);
    for (let i = first, at = e; i < end; i++, at += 16) {
      const s = 1 - load<f64>(at);
      setF64(stressP, i, s);
      const target = clamp01(f64At(wb0P, i) + betaC * (f64At(connP, i) - 0.5) - betaS * s * (1 - gamma * f64At(iHaveP, i)) - f64At(strainP, i));
      const wb = f64At(wbP, i);
      setF64(wbP, i, wb + (settle ? 1 : 1 - load<f64>(at, 8)) * (target - wb));
    }
  }
}

export function distress(from: i32, to: i32, tracking: bool, inWindow: bool, wbP: usize, distressedP: usize, wbMinP: usize, daysDistressedP: usize, distressedInWindowP: usize, distressBelow: f64): void {
  for (let i = from; i < to; i++) {
    const wb = f64At(wbP, i);
    const distressed: u8 = wb < distressBelow ? 1 : 0;
    setU8(distressedP, i, distressed);
    if (!tracking) continue;
    if (wb < f64At(wbMinP, i)) setF64(wbMinP, i, wb);
    if (distressed) {
      store<i32>(daysDistressedP + (<usize>i << 2), i32At(daysDistressedP, i) + 1);
      if (inWindow) setU8(distressedInWindowP, i, 1);
    }
  }
}
