// Phase 4's kernels (sim/day/informal.ts), the same arithmetic in the same order, so the same bits.
import { addF64, CLOSED, f64At, i32At, REMOTE, setF64, setU8, touchLines, u8At } from './memory';

export function asks(from: i32, to: i32, needP: usize, iCanP: usize, wbP: usize, askP: usize, openWeightP: usize, sigma: f64): void {
  for (let i = from; i < to; i++) {
    const perUnit = sigma * (0.3 + 0.7 * f64At(iCanP, i));
    const total = perUnit * f64At(openWeightP, i);
    const k = total > 1 ? perUnit / total : perUnit;
    const f = 3 * i;
    const a = 4 * i;
    setF64(askP, a, k * f64At(needP, f));
    setF64(askP, a + 1, k * f64At(needP, f + 1));
    setF64(askP, a + 2, k * f64At(needP, f + 2));
    setF64(askP, a + 3, 0.3 + 0.7 * f64At(wbP, i));
  }
}

/**
 * The far ties' sums of givers `from … to − 1` into farSums (informal.ts gatherFar): requests
 * (d0, d1) in one pair of lanes, (d2, what the tie could give face-to-face) in another, and what
 * it could give remote beside them. A tie adds its `could` to one channel's sum and 0 to the
 * other, as there (adding 0 is exact); lane 0 of the second pair is multiplied by 1, exactly.
 */
export function gatherFar(from: i32, to: i32, group: i32, farStartP: usize, farGiverP: usize, farAskerP: usize, farWeightP: usize, farRemoteP: usize, askP: usize, farSumsP: usize): void {
  for (let g = from / group; g < (to + group - 1) / group; g++) {
    // Zeroed group by group, which brings the group's sums into cache in order (informal.ts).
    const first = g * group;
    memory.fill(farSumsP + (<usize>(5 * first) << 3), 0, <usize>(5 * (min(to, first + group) - first)) << 3);
    for (let q = i32At(farStartP, g), end = i32At(farStartP, g + 1); q < end; q++) {
      const a = askP + (<usize>i32At(farAskerP, q) << 5);
      const s = farSumsP + <usize>(5 * i32At(farGiverP, q)) * 8;
      const w = f64x2.splat(f64At(farWeightP, q));
      const remote = <f64>u8At(farRemoteP, q);
      const asked2Could = f64x2.mul(v128.load(a, 16), w); // (ask2 · w, could)
      v128.store(s, f64x2.add(v128.load(s), f64x2.mul(v128.load(a), w)));
      v128.store(s, f64x2.add(v128.load(s, 16), f64x2.mul(asked2Could, f64x2.replace_lane(f64x2.splat(1), 1, 1 - remote))), 16);
      store<f64>(s, load<f64>(s, 32) + f64x2.extract_lane(asked2Could, 1) * remote, 32);
    }
  }
}

@inline function loadOf(demand: f64, capacity: f64): f64 {
  return demand == 0 ? 0 : capacity > 0 ? demand / capacity : 1;
}

/**
 * The givers' walk. Two lanes carry (d0, d1) and two (d2, what the ties could give): each lane
 * adds in the order of the JavaScript kernel's sums, so each sum has the same bits.
 *
 * Where persons are cut into blocks (anyFar), a block's asks are touched in order before its
 * givers are walked: its near ties read them at random, and at 1,000,000 persons they are no
 * longer in cache by then (the far pass has streamed all 32 MB of asks since), so each line read
 * first waited on memory (the walk 39 → 29 ms a lockdown day).
 */
export function givers(from: i32, to: i32, n: i32, block: i32, anyFar: bool, startP: usize, remoteStartP: usize, neighbourP: usize, weightP: usize, askP: usize, farSumsP: usize, wbP: usize, materialP: usize, shareP: usize, strainP: usize, givingP: usize, shortGiverP: usize, capBase: f64, betaStrain: f64): void {
  let e = i32At(startP, from);
  for (let blockFrom = from; blockFrom < to; ) {
    const first = blockFrom - blockFrom % block;
    const blockTo = min(to, first + block);
    if (anyFar) touchLines(askP + (<usize>first << 5), (min(n, first + block) - first) << 5);
    for (let j = blockFrom; j < blockTo; j++) {
      let d01 = f64x2.splat(0);
      let d2Face = f64x2.splat(0);
      let givingRemote: f64 = 0;
      if (anyFar) {
        const s = farSumsP + <usize>(5 * j) * 8;
        d01 = v128.load(s);
        d2Face = v128.load(s, 16);
        givingRemote = load<f64>(s, 32);
      }
      for (const end = i32At(remoteStartP, j); e < end; e++) {
        const a = askP + (<usize>i32At(neighbourP, e) << 5);
        const w = f64x2.splat(f64At(weightP, e));
        d01 = f64x2.add(d01, f64x2.mul(v128.load(a), w));
        d2Face = f64x2.add(d2Face, f64x2.mul(v128.load(a, 16), w));
      }
      let d2Remote = f64x2.replace_lane(d2Face, 1, givingRemote);
      for (const end = i32At(startP, j + 1); e < end; e++) {
        const a = askP + (<usize>i32At(neighbourP, e) << 5);
        const w = f64x2.splat(f64At(weightP, e));
        d01 = f64x2.add(d01, f64x2.mul(v128.load(a), w));
        d2Remote = f64x2.add(d2Remote, f64x2.mul(v128.load(a, 16), w));
      }
      const d0 = f64x2.extract_lane(d01, 0);
      const d1 = f64x2.extract_lane(d01, 1);
      const d2 = f64x2.extract_lane(d2Remote, 0);
      setF64(givingP, 2 * j, f64x2.extract_lane(d2Face, 1));
      setF64(givingP, 2 * j + 1, f64x2.extract_lane(d2Remote, 1));
      const cap = capBase * (0.3 + 0.7 * f64At(wbP, j));
      const capInstrumental = cap * f64At(materialP, j);
      const f = 3 * j;
      setF64(shareP, f, d0 > cap ? cap / d0 : 1);
      setF64(shareP, f + 1, d1 > cap ? cap / d1 : 1);
      setF64(shareP, f + 2, d2 > capInstrumental ? capInstrumental / d2 : 1);
      setU8(shortGiverP, j, d0 > cap || d1 > cap || d2 > capInstrumental ? 1 : 0);
      const load = (loadOf(d0, cap) + loadOf(d1, cap) + loadOf(d2, capInstrumental)) / 3;
      setF64(strainP, j, betaStrain * Math.max(0, Math.min(1, load) - 0.5));
    }
    blockFrom = blockTo;
  }
}

/** What short givers withhold from takers `from … to − 1`, in giver order (informal.ts). */
export function withheld(from: i32, to: i32, n: i32, layers: i32, offsetsP: usize, neighbourP: usize, weightP: usize, channelP: usize, shareP: usize, shortGiverP: usize, shortNearbyP: usize, withheldP: usize, r0: f64, r1: f64, r2: f64): void {
  for (let j = 0; j < n; j++) {
    if (u8At(shortGiverP, j) == 0) continue;
    const short0 = 1 - f64At(shareP, 3 * j);
    const short1 = 1 - f64At(shareP, 3 * j + 1);
    const short2 = 1 - f64At(shareP, 3 * j + 2);
    for (let l = 0; l < layers; l++) {
      const end = i32At(offsetsP, j * layers + l + 1);
      for (let e = i32At(offsetsP, j * layers + l); e < end; e++) {
        const c = u8At(channelP, e);
        const i = i32At(neighbourP, e);
        if (c == CLOSED || i < from || i >= to) continue;
        const w = f64At(weightP, e);
        const d = 3 * (i * layers + l);
        if (c == REMOTE) {
          addF64(withheldP, d, w * short0 * r0);
          addF64(withheldP, d + 1, w * short1 * r1);
          addF64(withheldP, d + 2, w * short2 * r2);
        } else {
          addF64(withheldP, d, w * short0);
          addF64(withheldP, d + 1, w * short1);
          addF64(withheldP, d + 2, w * short2);
        }
        setU8(shortNearbyP, i, 1);
      }
    }
  }
}

/**
 * Support received, by layer and function, and into each chunk's row of flows (informal.ts):
 * emotional and informational in two lanes, instrumental beside them.
 */
export function takers(from: i32, to: i32, n: i32, layers: i32, chunk: i32, needP: usize, askP: usize, receivedP: usize, receivedByLayerP: usize, deliveredP: usize, withheldP: usize, shortNearbyP: usize, flowChunksP: usize): void {
  const zero = f64x2.splat(0);
  for (let i = from; i < to; i++) {
    const f = 3 * i;
    const rowP = flowChunksP + (<usize>(3 * layers * (i / chunk)) << 3);
    const touched = u8At(shortNearbyP, i) == 1;
    const a01 = v128.load(askP + (<usize>i << 5));
    const a2 = f64At(askP, 4 * i + 2);
    let g01 = zero;
    let g2: f64 = 0;
    for (let l = 0, d = 3 * i * layers; l < layers; l++, d += 3) {
      const deliveredAt = deliveredP + (<usize>d << 3);
      let l01 = v128.load(deliveredAt);
      let l2 = load<f64>(deliveredAt, 16);
      if (touched) {
        const withheldAt = withheldP + (<usize>d << 3);
        l01 = f64x2.max(zero, f64x2.sub(l01, v128.load(withheldAt)));
        l2 = Math.max(0, l2 - load<f64>(withheldAt, 16));
        v128.store(withheldAt, zero);
        store<f64>(withheldAt, 0, 16);
      }
      const x01 = f64x2.mul(a01, l01);
      const x2 = a2 * l2;
      setF64(receivedByLayerP, l * n + i, f64x2.extract_lane(x01, 0) + f64x2.extract_lane(x01, 1) + x2);
      const flowAt = rowP + (<usize>(3 * l) << 3);
      v128.store(flowAt, f64x2.add(v128.load(flowAt), x01));
      store<f64>(flowAt, load<f64>(flowAt, 16) + x2, 16);
      g01 = f64x2.add(g01, x01);
      g2 += x2;
    }
    setU8(shortNearbyP, i, 0);
    const receivedAt = receivedP + (<usize>f << 3);
    v128.store(receivedAt, g01);
    store<f64>(receivedAt, g2, 16);
    const needAt = needP + (<usize>f << 3);
    v128.store(needAt, f64x2.max(zero, f64x2.sub(v128.load(needAt), g01)));
    store<f64>(needAt, Math.max(0, load<f64>(needAt, 16) - g2), 16);
  }
}
