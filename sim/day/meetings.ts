/**
 * Phase 6 — self-help groups. A group meets face-to-face unless meetings are cut; then a hybrid
 * group meets online, and a face-to-face group meets online only while a platform is open. Online
 * meetings reach only members with internet. Each member who meets receives, as an expected value
 * at `meetRate`:
 *   emotional      shgEmo · residual · meetRate
 *   informational  shgInfo · residual · meetRate · (0.3 + max(0, meanExp_others − exp))  (≤ residual)
 *   instrumental   in savings groups, a payout from the pool, never more than the pool holds
 *   belonging      belong · min(8, active − 1) / 7   (contact-equivalents, used in phase 8)
 * Online meetings scale these by effRemote; professional leadership (Hedlund et al. 2019) gives
 * more information and less belonging. Group sums are reduced in person order.
 */
import { KIND, MEETING, MODE, GOVERNANCE } from '../groups/store.ts';
import { LAYER } from '../network/layers.ts';
import type { Environment } from '../timeline/environment.ts';
import type { World } from '../world.ts';

function howGroupMeets(mode: number, env: Environment): number {
  if (mode === MODE.online) return MEETING.online;
  if (!env.meetingsCut) return MEETING.faceToFace;
  if (mode === MODE.hybrid || env.platformOpen) return MEETING.online;
  return MEETING.none;
}

/** Whether member i takes part in a meeting held this way. */
function takesPart(meeting: number, digital: number): boolean {
  return meeting === MEETING.faceToFace || (meeting === MEETING.online && digital === 1);
}

export function meetings(world: World): void {
  const n = world.n;
  const { need, exp, digital, material, group } = world.persons;
  const { received, receivedByLayer, belonging, groupReceived, metGroup } = world.scratch;
  const g = world.groups.columns;
  const p = world.params.shg;
  const remote = world.params.support.effRemote;
  const fromShg = LAYER.shg * n;

  for (let k = 0; k < world.groups.count; k++) {
    g.meeting[k] = g.alive[k] ? howGroupMeets(g.mode[k], world.env) : MEETING.none;
    g.active[k] = 0;
    g.expSum[k] = 0;
    g.savingsAsked[k] = 0;
    g.paidIn[k] = 0;
  }

  for (let i = 0; i < n; i++) {
    const k = group[i];
    if (k < 0 || !takesPart(g.meeting[k], digital[i])) continue;
    g.active[k]++;
    g.expSum[k] += exp[i];
    if (g.kind[k] === KIND.savings) {
      g.savingsAsked[k] += need[3 * i + 2] * p.meetRate;
      g.paidIn[k] += p.savingsRate * material[i];
    }
  }

  for (let i = 0, f = 0; i < n; i++, f += 3) {
    const k = group[i];
    if (k < 0 || !takesPart(g.meeting[k], digital[i])) {
      metGroup[i] = 0;
      belonging[i] = 0;
      groupReceived[i] = 0;
      receivedByLayer[fromShg + i] = 0;
      continue;
    }
    const online = g.meeting[k] === MEETING.online;
    const professional = g.governance[k] === GOVERNANCE.professional;
    const others = g.active[k] - 1;
    const meanExpOthers = others > 0 ? (g.expSum[k] - exp[i]) / others : 0;
    const emotional = Math.min(need[f], p.emotional * need[f] * p.meetRate * (online ? remote.emotional : 1));
    const learning = 0.3 + Math.max(0, meanExpOthers - exp[i]);
    const informational = Math.min(
      need[f + 1],
      p.informational * need[f + 1] * p.meetRate * learning * (professional ? p.professionalInformational : 1) * (online ? remote.informational : 1),
    );
    let instrumental = 0;
    if (g.kind[k] === KIND.savings && g.savingsAsked[k] > 0) {
      const payoutShare = Math.min(1, g.pool[k] / g.savingsAsked[k]);
      instrumental = need[f + 2] * p.meetRate * payoutShare * (online ? remote.instrumental : 1);
    }
    need[f] -= emotional;
    need[f + 1] -= informational;
    need[f + 2] -= instrumental;
    received[f] += emotional;
    received[f + 1] += informational;
    received[f + 2] += instrumental;
    const total = emotional + informational + instrumental;
    receivedByLayer[fromShg + i] = total;
    groupReceived[i] = total;
    metGroup[i] = 1;
    belonging[i] =
      (p.belong * Math.min(8, others)) / 7 * (professional ? p.professionalBelonging : 1) * (online ? remote.emotional : 1);
  }

  // Payouts come out of the pool as it stood this morning, so the pool never pays out more than
  // was paid in; today's payments go in afterwards.
  for (let k = 0; k < world.groups.count; k++) {
    if (g.kind[k] !== KIND.savings) continue;
    const paidOut = g.savingsAsked[k] > g.pool[k] ? g.pool[k] : g.savingsAsked[k];
    g.pool[k] = g.pool[k] - paidOut + g.paidIn[k];
    g.paidOutTotal[k] += paidOut;
    g.paidInTotal[k] += g.paidIn[k];
  }
}
