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
import { listMembers } from '../groups/members.ts';
import { LAYER } from '../network/layers.ts';
import { dayKey, uniformAt } from '../random/index.ts';
import type { World } from '../world.ts';

/** Draw numbers of the `groups` stream, per person and day. */
const DRAW = { leave: 0, form: 1, join: 2 } as const;

function learning(world: World, members: Int32Array): void {
  const { exp, iCan, group } = world.persons;
  const { metGroup, groupReceived } = world.scratch;
  const { experience, capacityBuilding } = world.params.growth;
  const { meetRate, professionalCapacityBuilding } = world.params.shg;
  const governance = world.groups.columns.governance;
  for (let m = 0; m < members.length; m++) {
    const i = members[m];
    if (!metGroup[i]) continue;
    // At most the whole gap: η_exp·received can pass 1 when a member receives a lot.
    exp[i] += Math.min(1, experience * groupReceived[i]) * (1 - exp[i]);
    const lead = governance[group[i]] === GOVERNANCE.professional ? professionalCapacityBuilding : 1;
    iCan[i] += capacityBuilding * meetRate * lead * (1 - iCan[i]);
  }
}

function leaving(world: World, key: number, persons: Int32Array): void {
  const { group, stress, exp, calmDays } = world.persons;
  const { leaveStress, leaveDays, pLeave, mentorExp } = world.params.shg;
  const members = world.groups.columns.members;
  for (let m = 0; m < persons.length; m++) {
    const i = persons[m];
    const k = group[i];
    calmDays[i] = stress[i] < leaveStress ? calmDays[i] + 1 : 0;
    if (calmDays[i] >= leaveDays && exp[i] <= mentorExp && uniformAt(key, i, DRAW.leave) < pLeave) {
      group[i] = -1;
      calmDays[i] = 0;
      members[k]--;
    }
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

function joining(world: World, key: number): void {
  const n = world.n;
  if (!world.env.platformOpen) return;
  const { group, digital, stress, iCan, everMember } = world.persons;
  const { joinStress, pJoin, pForm } = world.params.shg;

  // Who starts or joins a group, and which group a friend is in: read before anyone moves.
  const founders: number[] = [];
  const joiners: number[] = [];
  const viaFriend: number[] = [];
  for (let i = 0; i < n; i++) {
    if (group[i] >= 0 || !digital[i] || stress[i] <= joinStress) continue;
    if (uniformAt(key, i, DRAW.form) < pForm * iCan[i]) founders.push(i);
    else if (uniformAt(key, i, DRAW.join) < pJoin) {
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
  const n = world.n;
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
  for (let i = 0; i < n; i++) {
    const k = group[i];
    if (k >= 0 && !g.alive[k]) {
      group[i] = -1;
      world.persons.calmDays[i] = 0;
      g.members[k]--;
    }
  }
}

export function growth(world: World): void {
  const key = dayKey(world.keys.groups, world.today);
  // Learning and leaving concern members only: those in a group as phase 10 begins.
  const members = listMembers(world);
  learning(world, members);
  leaving(world, key, members);
  joining(world, key);
  dissolving(world);
}
