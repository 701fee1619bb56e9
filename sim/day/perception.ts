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
import { KIND } from '../groups/store.ts';
import { LAYER } from '../network/layers.ts';
import { formalMultiplier } from '../timeline/environment.ts';
import type { World } from '../world.ts';
import { exp } from '../math.ts';

const { friend: FRIEND, kin: KIN } = LAYER;
const SAVINGS = KIND.savings;

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** count / ties, 0 with no ties. */
const shareOf = (count: number, ties: number) => (ties === 0 ? 0 : count / ties);

/**
 * `gain` is the share of the gap to target closed today: 1/smoothing in a day, 1 when the world is
 * settled before day 0.
 */
export function perception(world: World, gain = 1 / world.params.perception.smoothing): void {
  const n = world.n;
  const { offsets, layers: L } = world.network;
  const { perceived, iHave, conn, contact, group, lonelyFriends: lonelyFriendTies, lonelyKin: lonelyKinTies } = world.persons;
  const { belonging, giving } = world.scratch;
  const { s0, c0, kappa, kappaKin } = world.params.perception;
  const { emotional: r0, informational: r1, instrumental: r2 } = world.params.support.effRemote;
  const formal = world.params.formal;
  const serviceOffer = formal.offer * formalMultiplier(world.env) * (world.env.formalRemote ? formal.teleEff : 1);
  const offer0 = serviceOffer * formal.efficacy.emotional;
  const offer1 = serviceOffer * formal.efficacy.informational;
  const offer2 = serviceOffer * formal.efficacy.instrumental;
  const kind = world.groups.columns.kind;

  for (let i = 0, f = 0; i < n; i++, f += 3) {
    // Σ_ties w·rate·open·(0.3 + 0.7·wb_j), face-to-face and remote: gathered in phase 4.
    const faceToFace = giving[2 * i];
    const remote = giving[2 * i + 1];
    const lonelyFriends = shareOf(lonelyFriendTies[i], offsets[i * L + FRIEND + 1] - offsets[i * L + FRIEND]);
    const lonelyKin = shareOf(lonelyKinTies[i], offsets[i * L + KIN + 1] - offsets[i * L + KIN]);
    // A group offers belonging-sized support; instrumental only in savings groups.
    const fromGroup = belonging[i];
    const groupInstrumental = group[i] >= 0 && kind[group[i]] === SAVINGS ? fromGroup : 0;
    const p0 = faceToFace + r0 * remote + offer0 + fromGroup;
    const p1 = faceToFace + r1 * remote + offer1 + fromGroup;
    const p2 = faceToFace + r2 * remote + offer2 + groupInstrumental;
    perceived[f] += (1 - exp(-p0 / s0) - perceived[f]) * gain;
    perceived[f + 1] += (1 - exp(-p1 / s0) - perceived[f + 1]) * gain;
    perceived[f + 2] += (1 - exp(-p2 / s0) - perceived[f + 2]) * gain;
    iHave[i] = (perceived[f] + perceived[f + 1] + perceived[f + 2]) / 3;

    const spread = kappa * lonelyFriends + kappaKin * lonelyKin;
    const target = clamp01(1 - exp(-(contact[i] + belonging[i]) / c0) - spread);
    conn[i] += (target - conn[i]) * gain;
  }
}
