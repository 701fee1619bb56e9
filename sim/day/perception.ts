/**
 * Phase 8 — perceived support and connectedness.
 *   potential[f] = Σ_ties w·rate·open·(remote ? effRemote[f] : 1)·(0.3 + 0.7·wb_j)
 *                  + what one's service offers + what one's group offers today
 *   perceived[f] += (1 − e^(−potential[f]/s0) − perceived[f]) / 14;  iHave = mean perceived
 *   target = clamp(1 − e^(−(contact + belonging)/c0) − κ·lonelyFriends − κ_kin·lonelyKin)
 *   conn += (target − conn) / 14
 * lonelyFriends is the share of one's friends lonely at the start of the day (0 with no friends),
 * likewise kin: loneliness spreads, more through friends than family (Cacioppo et al. 2009). The
 * counts of lonely friends and kin are kept as flags change (loneliness.ts).
 */
import { LAYER } from '../network/layers.ts';
import { formalMultiplier } from '../timeline/environment.ts';
import type { World } from '../world.ts';
import { exp } from '../math.ts';

const { friend: FRIEND, kin: KIN } = LAYER;

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** count / ties, 0 with no ties. */
const shareOf = (count: number, ties: number) => (ties === 0 ? 0 : count / ties);

/** What services offer per function today, worked out once; `gain` as below. */
export interface PerceptionContext {
  readonly offer: readonly [number, number, number];
  readonly gain: number;
}

export function perceptionKernel(world: World, context: PerceptionContext, from: number, to: number): void {
  const { offsets, layers: L } = world.network;
  const { perceived, iHave, conn, contact, lonelyFriends: lonelyFriendTies, lonelyKin: lonelyKinTies } = world.persons;
  const { belonging, savingsBelonging, giving } = world.scratch;
  const { s0, c0, kappa, kappaKin } = world.params.perception;
  const { emotional: r0, informational: r1, instrumental: r2 } = world.params.support.effRemote;
  const [offer0, offer1, offer2] = context.offer;
  const gain = context.gain;

  for (let i = from, f = 3 * from; i < to; i++, f += 3) {
    // Σ_ties w·rate·open·(0.3 + 0.7·wb_j), face-to-face and remote: gathered in phase 4.
    const faceToFace = giving[2 * i];
    const remote = giving[2 * i + 1];
    const lonelyFriends = shareOf(lonelyFriendTies[i], offsets[i * L + FRIEND + 1] - offsets[i * L + FRIEND]);
    const lonelyKin = shareOf(lonelyKinTies[i], offsets[i * L + KIN + 1] - offsets[i * L + KIN]);
    // A group offers belonging-sized support; instrumental only in savings groups.
    const fromGroup = belonging[i];
    const p0 = faceToFace + r0 * remote + offer0 + fromGroup;
    const p1 = faceToFace + r1 * remote + offer1 + fromGroup;
    const p2 = faceToFace + r2 * remote + offer2 + savingsBelonging[i];
    perceived[f] += (1 - exp(-p0 / s0) - perceived[f]) * gain;
    perceived[f + 1] += (1 - exp(-p1 / s0) - perceived[f + 1]) * gain;
    perceived[f + 2] += (1 - exp(-p2 / s0) - perceived[f + 2]) * gain;
    iHave[i] = (perceived[f] + perceived[f + 1] + perceived[f + 2]) / 3;

    const spread = kappa * lonelyFriends + kappaKin * lonelyKin;
    const target = clamp01(1 - exp(-(contact[i] + belonging[i]) / c0) - spread);
    conn[i] += (target - conn[i]) * gain;
  }
}

/**
 * `gain` is the share of the gap to target closed today: 1/smoothing in a day, 1 when the world is
 * settled before day 0.
 */
export function perception(world: World, gain = 1 / world.params.perception.smoothing): void {
  const formal = world.params.formal;
  const serviceOffer = formal.offer * formalMultiplier(world.env) * (world.env.formalRemote ? formal.teleEff : 1);
  const context: PerceptionContext = {
    offer: [serviceOffer * formal.efficacy.emotional, serviceOffer * formal.efficacy.informational, serviceOffer * formal.efficacy.instrumental],
    gain,
  };
  world.executor.run(world, 'perception', context);
}
