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
 * more information and less belonging.
 *
 * Members are scattered among the persons, so reading and writing their state waits on memory;
 * that is done by two kernels over ranges of persons (threads split it), and what crosses persons
 * — group sums, and the support flows — is summed here between them, in member order (person
 * order, groups/members.ts), over `scratch.memberShare`, four numbers per listed member m:
 *   takePart kernel  2·group + internet, exp, what a payout would be asked, what would be paid in
 *   describe (here)  MEMBER flags (0: not meeting), active others, the group's Σ exp, payout share
 *   give kernel      flags kept; emotional, informational, instrumental support given
 * Phase 10 (growth.ts) reads the flags again: the members and their groups are the same then.
 */
import { KIND, MEETING, MODE, GOVERNANCE } from '../groups/store.ts';
import { listMembers, lowerBound } from '../groups/members.ts';
import { LAYER } from '../network/layers.ts';
import type { Environment } from '../timeline/environment.ts';
import type { World } from '../world.ts';

/** A member's meeting today, as flags in `memberShare[4m]`; 0 for a member who does not meet. */
export const MEMBER = { meets: 1, online: 2, professional: 4, savings: 8, payout: 16 } as const;

/** What the phase's kernels are told: how many members `scratch.members` lists. */
export interface MeetingsContext {
  readonly members: number;
}

// Module-local copies: imported bindings can cost a property load per use in hot loops.
const SAVINGS = KIND.savings;
const ONLINE = MEETING.online;
const FACE_TO_FACE = MEETING.faceToFace;
const PROFESSIONAL = GOVERNANCE.professional;
const { meets: MEETS, online: MEETS_ONLINE, professional: LED, savings: SAVES, payout: PAYOUT } = MEMBER;

function howGroupMeets(mode: number, env: Environment): number {
  if (mode === MODE.online) return ONLINE;
  if (!env.meetingsCut) return MEETING.faceToFace;
  if (mode === MODE.hybrid || env.platformOpen) return ONLINE;
  return MEETING.none;
}

/** Whether a member with internet access `digital` takes part in a meeting held this way. */
function takesPart(meeting: number, digital: number): boolean {
  return meeting === FACE_TO_FACE || (meeting === ONLINE && digital === 1);
}

/**
 * Persons `from … to − 1` start the day's meeting values at 0 (only those who meet receive or
 * belong); their members note what the group sums need.
 */
export function meetingsTakePartKernel(world: World, c: MeetingsContext, from: number, to: number): void {
  const n = world.n;
  const { need, exp, digital, material, group } = world.persons;
  const { receivedByLayer, belonging, savingsBelonging, groupReceived, metGroup, members, memberShare } = world.scratch;
  const { meetRate, savingsRate } = world.params.shg;
  metGroup.fill(0, from, to);
  belonging.fill(0, from, to);
  savingsBelonging.fill(0, from, to);
  groupReceived.fill(0, from, to);
  receivedByLayer.fill(0, LAYER.shg * n + from, LAYER.shg * n + to);
  for (let m = lowerBound(members, c.members, from), end = lowerBound(members, c.members, to); m < end; m++) {
    const i = members[m];
    memberShare[4 * m] = 2 * group[i] + digital[i];
    memberShare[4 * m + 1] = exp[i];
    memberShare[4 * m + 2] = need[3 * i + 2] * meetRate;
    memberShare[4 * m + 3] = savingsRate * material[i];
  }
}

/**
 * Each group's active members and their sums, in member order; then each member's meeting. A
 * member who does not meet is marked −1 on the first pass (a code 2·group + internet never is),
 * so the second reads the group only of those who do.
 */
function sumGroups(world: World, count: number): void {
  const { memberShare: share } = world.scratch;
  const { meeting, active, expSum, savingsAsked, paidIn, kind, governance, pool } = world.groups.columns;
  for (let v = 0; v < 4 * count; v += 4) {
    const code = share[v];
    const k = code >>> 1;
    if (!takesPart(meeting[k], code & 1)) {
      share[v] = -1;
      continue;
    }
    active[k]++;
    expSum[k] += share[v + 1];
    if (kind[k] === SAVINGS) {
      savingsAsked[k] += share[v + 2];
      paidIn[k] += share[v + 3];
    }
  }
  for (let v = 0; v < 4 * count; v += 4) {
    if (share[v] < 0) {
      share[v] = 0;
      continue;
    }
    const k = share[v] >>> 1;
    const savings = kind[k] === SAVINGS;
    const payout = savings && savingsAsked[k] > 0;
    share[v] = MEETS | (meeting[k] === ONLINE ? MEETS_ONLINE : 0) | (governance[k] === PROFESSIONAL ? LED : 0) | (savings ? SAVES : 0) | (payout ? PAYOUT : 0);
    share[v + 1] = active[k] - 1;
    share[v + 2] = expSum[k];
    share[v + 3] = payout ? Math.min(1, pool[k] / savingsAsked[k]) : 0;
  }
}

/** Members among persons `from … to − 1` who meet receive support and belonging. */
export function meetingsGiveKernel(world: World, c: MeetingsContext, from: number, to: number): void {
  const n = world.n;
  const { need, exp } = world.persons;
  const { received, receivedByLayer, belonging, savingsBelonging, groupReceived, metGroup, members, memberShare: share } = world.scratch;
  const p = world.params.shg;
  const remote = world.params.support.effRemote;
  const fromShg = LAYER.shg * n;
  for (let m = lowerBound(members, c.members, from), end = lowerBound(members, c.members, to); m < end; m++) {
    const v = 4 * m;
    const flags = share[v];
    if (flags === 0) continue;
    const i = members[m];
    const f = 3 * i;
    const online = (flags & MEETS_ONLINE) !== 0;
    const professional = (flags & LED) !== 0;
    const others = share[v + 1];
    const meanExpOthers = others > 0 ? (share[v + 2] - exp[i]) / others : 0;
    const emotional = Math.min(need[f], p.emotional * need[f] * p.meetRate * (online ? remote.emotional : 1));
    const learning = 0.3 + Math.max(0, meanExpOthers - exp[i]);
    const informational = Math.min(
      need[f + 1],
      p.informational * need[f + 1] * p.meetRate * learning * (professional ? p.professionalInformational : 1) * (online ? remote.informational : 1),
    );
    // Not scaled by effRemote: a payout is money, and reaches a member in full online too.
    const instrumental = flags & PAYOUT ? need[f + 2] * p.meetRate * share[v + 3] : 0;
    need[f] -= emotional;
    need[f + 1] -= informational;
    need[f + 2] -= instrumental;
    received[f] += emotional;
    received[f + 1] += informational;
    received[f + 2] += instrumental;
    share[v + 1] = emotional;
    share[v + 2] = informational;
    share[v + 3] = instrumental;
    const total = emotional + informational + instrumental;
    receivedByLayer[fromShg + i] = total;
    groupReceived[i] = total;
    metGroup[i] = 1;
    belonging[i] =
      (p.belong * Math.min(8, others)) / 7 * (professional ? p.professionalBelonging : 1) * (online ? remote.emotional : 1);
    savingsBelonging[i] = flags & SAVES ? belonging[i] : 0;
  }
}

export function meetings(world: World): void {
  const g = world.groups.columns;
  for (let k = 0; k < world.groups.count; k++) {
    g.meeting[k] = g.alive[k] ? howGroupMeets(g.mode[k], world.env) : MEETING.none;
    g.active[k] = 0;
    g.expSum[k] = 0;
    g.savingsAsked[k] = 0;
    g.paidIn[k] = 0;
  }

  const context: MeetingsContext = { members: listMembers(world).length };
  world.executor.run(world, 'meetingsTakePart', context);
  sumGroups(world, context.members);
  world.executor.run(world, 'meetingsGive', context);

  // The flows, summed in member order.
  const { flows } = world;
  const share = world.scratch.memberShare;
  const SHG = 3 * LAYER.shg;
  for (let v = 0; v < 4 * context.members; v += 4) {
    if (share[v] === 0) continue;
    flows[SHG] += share[v + 1];
    flows[SHG + 1] += share[v + 2];
    flows[SHG + 2] += share[v + 3];
  }

  // Payouts come out of the pool as it stood this morning, so the pool never pays out more than
  // was paid in; today's payments go in afterwards.
  for (let k = 0; k < world.groups.count; k++) {
    if (g.kind[k] !== SAVINGS) continue;
    const paidOut = g.savingsAsked[k] > g.pool[k] ? g.pool[k] : g.savingsAsked[k];
    g.pool[k] = g.pool[k] - paidOut + g.paidIn[k];
    g.paidOutTotal[k] += paidOut;
    g.paidInTotal[k] += g.paidIn[k];
  }
}
