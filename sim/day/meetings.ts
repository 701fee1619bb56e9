/**
 * Phase 6 — self-help groups. A group meets face-to-face unless meetings are cut; then a hybrid
 * group meets online, and a face-to-face group meets online only while a platform is open. Online
 * meetings reach only members with internet. Each member who meets receives, as an expected value
 * at `meetRate`:
 *   emotional      shgEmo · residual · meetRate
 *   informational  shgInfo · residual · meetRate · (0.3 + max(0, meanExp_others − exp))  (≤ residual)
 *   instrumental   in savings groups, a payout from the pool, never more than the pool holds
 *   belonging      belong · min(8, active − 1) / 7   (contact-equivalents, used in phase 8)
 * Online meetings scale all but payouts by effRemote; professional leadership (Hedlund et al. 2019) gives
 * more information and less belonging. Group sums are reduced in person order, over the persons
 * in a group (groups/members.ts).
 */
import { KIND, MEETING, MODE, GOVERNANCE } from '../groups/store.ts';
import { listMembers } from '../groups/members.ts';
import { LAYER } from '../network/layers.ts';
import type { Environment } from '../timeline/environment.ts';
import type { World } from '../world.ts';

// Module-local copies: imported bindings can cost a property load per use in hot loops.
const SAVINGS = KIND.savings;
const ONLINE = MEETING.online;
const FACE_TO_FACE = MEETING.faceToFace;
const PROFESSIONAL = GOVERNANCE.professional;

function howGroupMeets(mode: number, env: Environment): number {
  if (mode === MODE.online) return ONLINE;
  if (!env.meetingsCut) return MEETING.faceToFace;
  if (mode === MODE.hybrid || env.platformOpen) return ONLINE;
  return MEETING.none;
}

/** Whether member i takes part in a meeting held this way. */
function takesPart(meeting: number, digital: number): boolean {
  return meeting === FACE_TO_FACE || (meeting === ONLINE && digital === 1);
}

export function meetings(world: World): void {
  const n = world.n;
  const { need, exp, digital, material, group } = world.persons;
  const { received, receivedByLayer, belonging, savingsBelonging, groupReceived, metGroup } = world.scratch;
  const { meeting, active, expSum, savingsAsked, paidIn, kind, governance, pool, alive, mode } = world.groups.columns;
  const p = world.params.shg;
  const remote = world.params.support.effRemote;
  const fromShg = LAYER.shg * n;
  const flows = world.flows;
  const SHG = 3 * LAYER.shg;

  for (let k = 0; k < world.groups.count; k++) {
    meeting[k] = alive[k] ? howGroupMeets(mode[k], world.env) : MEETING.none;
    active[k] = 0;
    expSum[k] = 0;
    savingsAsked[k] = 0;
    paidIn[k] = 0;
  }

  // Only those who meet receive or belong: everyone starts the day's meeting values at 0.
  metGroup.fill(0);
  belonging.fill(0);
  savingsBelonging.fill(0);
  groupReceived.fill(0);
  receivedByLayer.fill(0, fromShg, fromShg + n);

  const members = listMembers(world);
  for (let m = 0; m < members.length; m++) {
    const i = members[m];
    const k = group[i];
    if (!takesPart(meeting[k], digital[i])) continue;
    active[k]++;
    expSum[k] += exp[i];
    if (kind[k] === SAVINGS) {
      savingsAsked[k] += need[3 * i + 2] * p.meetRate;
      paidIn[k] += p.savingsRate * material[i];
    }
  }

  for (let m = 0; m < members.length; m++) {
    const i = members[m];
    const f = 3 * i;
    const k = group[i];
    if (!takesPart(meeting[k], digital[i])) continue;
    const online = meeting[k] === ONLINE;
    const professional = governance[k] === PROFESSIONAL;
    const others = active[k] - 1;
    const meanExpOthers = others > 0 ? (expSum[k] - exp[i]) / others : 0;
    const emotional = Math.min(need[f], p.emotional * need[f] * p.meetRate * (online ? remote.emotional : 1));
    const learning = 0.3 + Math.max(0, meanExpOthers - exp[i]);
    const informational = Math.min(
      need[f + 1],
      p.informational * need[f + 1] * p.meetRate * learning * (professional ? p.professionalInformational : 1) * (online ? remote.informational : 1),
    );
    let instrumental = 0;
    if (kind[k] === SAVINGS && savingsAsked[k] > 0) {
      const payoutShare = Math.min(1, pool[k] / savingsAsked[k]);
      // Not scaled by effRemote: a payout is money, and reaches a member in full online too.
      instrumental = need[f + 2] * p.meetRate * payoutShare;
    }
    need[f] -= emotional;
    need[f + 1] -= informational;
    need[f + 2] -= instrumental;
    received[f] += emotional;
    received[f + 1] += informational;
    received[f + 2] += instrumental;
    flows[SHG] += emotional;
    flows[SHG + 1] += informational;
    flows[SHG + 2] += instrumental;
    const total = emotional + informational + instrumental;
    receivedByLayer[fromShg + i] = total;
    groupReceived[i] = total;
    metGroup[i] = 1;
    belonging[i] =
      (p.belong * Math.min(8, others)) / 7 * (professional ? p.professionalBelonging : 1) * (online ? remote.emotional : 1);
    savingsBelonging[i] = kind[k] === SAVINGS ? belonging[i] : 0;
  }

  // Payouts come out of the pool as it stood this morning, so the pool never pays out more than
  // was paid in; today's payments go in afterwards.
  for (let k = 0; k < world.groups.count; k++) {
    if (kind[k] !== SAVINGS) continue;
    const paidOut = savingsAsked[k] > pool[k] ? pool[k] : savingsAsked[k];
    pool[k] = pool[k] - paidOut + paidIn[k];
    world.groups.columns.paidOutTotal[k] += paidOut;
    world.groups.columns.paidInTotal[k] += paidIn[k];
  }
}
