/**
 * Phase 10 — growth and group dynamics.
 *   learning:    members who met gain experience, exp += min(1, η_exp·(support received in the group))·(1 − exp),
 *                and capacity, iCan += η_can·meetRate·(1 − iCan) (halved under professional lead)
 *   leaving:     a member with stress under `leaveStress` for `leaveDays` leaves with probability
 *                `pLeave` a day, unless a mentor (exp > `mentorExp`)
 *   joining:     while a platform is open, a stressed non-member with internet starts an online
 *                group (probability pForm·iCan) or joins one (pJoin): the lowest-numbered online
 *                group with room that a friend is in, else any online group with room
 *   dissolving:  a group with fewer than `minActive` active members for `dissolveDays` dissolves
 * Decisions read the state at the start of the phase and each person's own draws; who gets the
 * last place in a group is settled in person order, so the result never depends on threads.
 */
import { GOVERNANCE, KIND, MODE } from '../groups/store.ts';
import { listMembers, lowerBound } from '../groups/members.ts';
import { LAYER } from '../network/layers.ts';
import { dayKey, uniformAt } from '../random/index.ts';
import { twinsOf } from '../wasm/twins.ts';
import type { World } from '../world.ts';
import { MEMBER } from './meetings.ts';

/** Draw numbers of the `groups` stream, per person and day. */
const DRAW = { leave: 0, form: 1, join: 2 } as const;

/** `scratch.joining`: who starts a group today, and who asks to join one. */
export const JOINING = { none: 0, founds: 1, joins: 2 } as const;

/** What the phase's kernel is told. */
export interface GrowthContext {
  /** How many members `scratch.members` lists. */
  readonly members: number;
  /** The day's key of the `groups` stream. */
  readonly key: number;
  /** Whether persons may start or join online groups today. */
  readonly platformOpen: boolean;
}

/**
 * Persons `from … to − 1`: members learn and may leave (`memberShare[4m + 1]` is then the group
 * they left, else −1: the group's count is settled in member order afterwards); then, while a
 * platform is open, who starts or asks to join a group is noted in `scratch.joining`.
 */
export function growthKernel(world: World, c: GrowthContext, from: number, to: number): void {
  const { exp, iCan, group, stress, calmDays, digital } = world.persons;
  const { metGroup, groupReceived, members, memberShare, joining } = world.scratch;
  const { experience, capacityBuilding } = world.params.growth;
  const { meetRate, professionalCapacityBuilding, leaveStress, leaveDays, pLeave, mentorExp, joinStress, pJoin, pForm } = world.params.shg;
  for (let m = lowerBound(members, c.members, from), end = lowerBound(members, c.members, to); m < end; m++) {
    const i = members[m];
    if (metGroup[i]) {
      // At most the whole gap: η_exp·received can pass 1 when a member receives a lot.
      exp[i] += Math.min(1, experience * groupReceived[i]) * (1 - exp[i]);
      // Phase 6's flags: the member's group is the same as then.
      const lead = memberShare[4 * m] & MEMBER.professional ? professionalCapacityBuilding : 1;
      iCan[i] += capacityBuilding * meetRate * lead * (1 - iCan[i]);
    }
    memberShare[4 * m + 1] = -1;
    calmDays[i] = stress[i] < leaveStress ? calmDays[i] + 1 : 0;
    if (calmDays[i] >= leaveDays && exp[i] <= mentorExp && uniformAt(c.key, i, DRAW.leave) < pLeave) {
      memberShare[4 * m + 1] = group[i];
      group[i] = -1;
      calmDays[i] = 0;
    }
  }
  if (!c.platformOpen) return;
  for (let i = from; i < to; i++) {
    let choice: number = JOINING.none;
    if (group[i] < 0 && digital[i] && stress[i] > joinStress) {
      if (uniformAt(c.key, i, DRAW.form) < pForm * iCan[i]) choice = JOINING.founds;
      else if (uniformAt(c.key, i, DRAW.join) < pJoin) choice = JOINING.joins;
    }
    joining[i] = choice;
  }
}

function hasRoom(world: World, k: number): boolean {
  const g = world.groups.columns;
  return g.alive[k] === 1 && g.mode[k] === MODE.online && g.members[k] < world.params.shg.maxOnline;
}

/** The lowest-numbered online group with room that one of i's friends is in, or −1. */
function friendsGroup(world: World, i: number): number {
  const { offsets, neighbour, layers: L } = world.network;
  let best = -1;
  for (let e = offsets[i * L + LAYER.friend]; e < offsets[i * L + LAYER.friend + 1]; e++) {
    const k = world.persons.group[neighbour[e]];
    if (k >= 0 && (best < 0 || k < best) && hasRoom(world, k)) best = k;
  }
  return best;
}

/** The persons `scratch.joining` names, in person order, into `scratch.changed`. */
function listJoining(world: World): Int32Array {
  const twins = twinsOf(world);
  if (twins) return twins.serial.listJoining(world);
  const { joining, changed: list } = world.scratch;
  let count = 0;
  for (let i = 0; i < world.n; i++) {
    list[count] = i;
    count += joining[i] === JOINING.none ? 0 : 1;
  }
  return list.subarray(0, count);
}

function joining(world: World): void {
  const { group, everMember } = world.persons;
  const { joining: choice } = world.scratch;

  // Who starts or joins a group, and which group a friend is in: read before anyone moves.
  const founders: number[] = [];
  const joiners: number[] = [];
  const viaFriend: number[] = [];
  for (const i of listJoining(world)) {
    if (choice[i] === JOINING.founds) founders.push(i);
    else {
      joiners.push(i);
      viaFriend.push(friendsGroup(world, i));
    }
  }

  // Places are taken in person order.
  const members = () => world.groups.columns.members;
  let anyOpen = 0;
  joiners.forEach((i, n) => {
    let k = viaFriend[n];
    if (k < 0 || !hasRoom(world, k)) {
      while (anyOpen < world.groups.count && !hasRoom(world, anyOpen)) anyOpen++;
      k = anyOpen < world.groups.count ? anyOpen : -1;
    }
    if (k < 0) return;
    group[i] = k;
    everMember[i] = 1;
    members()[k]++;
  });
  for (const i of founders) {
    const k = world.groups.add(MODE.online, GOVERNANCE[world.params.shg.governance], KIND[world.params.shg.kind], world.today);
    group[i] = k;
    everMember[i] = 1;
    members()[k] = 1;
  }
}

function dissolving(world: World): void {
  const g = world.groups.columns;
  const { minActive, dissolveDays } = world.params.shg;
  let dissolved = false;
  for (let k = 0; k < world.groups.count; k++) {
    if (!g.alive[k] || g.created[k] === world.today) continue;
    g.lowDays[k] = g.active[k] < minActive ? g.lowDays[k] + 1 : 0;
    if (g.lowDays[k] >= dissolveDays) {
      g.alive[k] = 0;
      dissolved = true;
    }
  }
  if (!dissolved) return;
  const { group } = world.persons;
  for (const i of listMembers(world)) {
    const k = group[i];
    if (k >= 0 && !g.alive[k]) {
      group[i] = -1;
      world.persons.calmDays[i] = 0;
      g.members[k]--;
    }
  }
}

export function growth(world: World): void {
  // Learning and leaving concern members only: those in a group as phase 10 begins.
  const context: GrowthContext = {
    members: listMembers(world).length,
    key: dayKey(world.keys.groups, world.today),
    platformOpen: world.env.platformOpen,
  };
  world.executor.run(world, 'growth', context);
  const { memberShare } = world.scratch;
  const count = world.groups.columns.members;
  for (let v = 1; v < 4 * context.members; v += 4) if (memberShare[v] >= 0) count[memberShare[v]]--;
  if (context.platformOpen) joining(world);
  dissolving(world);
}
