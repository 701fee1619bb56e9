// The self-help groups' kernels (sim/day/meetings.ts, sim/day/growth.ts): the same arithmetic in
// the same order, so the same bits. Each walks the listed members among persons from … to − 1.
import { f64At, i32At, lowerBound, receive, setF64, setI32, setU8, u8At } from './memory';
import { uniform } from './random';

// MEMBER in sim/day/meetings.ts.
const MEETS_ONLINE = 2;
const LED = 4;
const SAVES = 8;
const PAYOUT = 16;

export function meetingsTakePart(from: i32, to: i32, count: i32, membersP: usize, groupP: usize, digitalP: usize, expP: usize, needP: usize, materialP: usize, metGroupP: usize, belongingP: usize, savingsBelongingP: usize, groupReceivedP: usize, fromShgP: usize, shareP: usize, meetRate: f64, savingsRate: f64): void {
  const persons = <usize>(to - from);
  memory.fill(metGroupP + <usize>from, 0, persons);
  memory.fill(belongingP + (<usize>from << 3), 0, persons << 3);
  memory.fill(savingsBelongingP + (<usize>from << 3), 0, persons << 3);
  memory.fill(groupReceivedP + (<usize>from << 3), 0, persons << 3);
  memory.fill(fromShgP + (<usize>from << 3), 0, persons << 3);
  for (let m = lowerBound(membersP, count, from), end = lowerBound(membersP, count, to); m < end; m++) {
    const i = i32At(membersP, m);
    const v = 4 * m;
    setF64(shareP, v, <f64>(2 * i32At(groupP, i) + <i32>u8At(digitalP, i)));
    setF64(shareP, v + 1, f64At(expP, i));
    setF64(shareP, v + 2, f64At(needP, 3 * i + 2) * meetRate);
    setF64(shareP, v + 3, savingsRate * f64At(materialP, i));
  }
}

export function meetingsGive(from: i32, to: i32, count: i32, membersP: usize, needP: usize, expP: usize, receivedP: usize, fromShgP: usize, groupReceivedP: usize, metGroupP: usize, belongingP: usize, savingsBelongingP: usize, shareP: usize, emotionalShare: f64, informationalShare: f64, meetRate: f64, professionalInformational: f64, professionalBelonging: f64, belong: f64, remoteEmotional: f64, remoteInformational: f64): void {
  for (let m = lowerBound(membersP, count, from), end = lowerBound(membersP, count, to); m < end; m++) {
    const v = 4 * m;
    const flags = <i32>f64At(shareP, v);
    if (flags == 0) continue;
    const i = i32At(membersP, m);
    const f = 3 * i;
    const online = (flags & MEETS_ONLINE) != 0;
    const professional = (flags & LED) != 0;
    const others = f64At(shareP, v + 1);
    const e = f64At(expP, i);
    const meanExpOthers = others > 0 ? (f64At(shareP, v + 2) - e) / others : 0;
    const need0 = f64At(needP, f);
    const need1 = f64At(needP, f + 1);
    const need2 = f64At(needP, f + 2);
    const emotional = min(need0, emotionalShare * need0 * meetRate * (online ? remoteEmotional : 1));
    const learning = 0.3 + max(0, meanExpOthers - e);
    const informational = min(need1, informationalShare * need1 * meetRate * learning * (professional ? professionalInformational : 1) * (online ? remoteInformational : 1));
    const instrumental = flags & PAYOUT ? need2 * meetRate * f64At(shareP, v + 3) : 0;
    receive(needP, receivedP, f, emotional, informational, instrumental);
    setF64(shareP, v + 1, emotional);
    setF64(shareP, v + 2, informational);
    setF64(shareP, v + 3, instrumental);
    const total = emotional + informational + instrumental;
    setF64(fromShgP, i, total);
    setF64(groupReceivedP, i, total);
    setU8(metGroupP, i, 1);
    const belonging = ((belong * min(8, others)) / 7) * (professional ? professionalBelonging : 1) * (online ? remoteEmotional : 1);
    setF64(belongingP, i, belonging);
    setF64(savingsBelongingP, i, flags & SAVES ? belonging : 0);
  }
}

export function growth(from: i32, to: i32, count: i32, membersP: usize, expP: usize, iCanP: usize, groupP: usize, stressP: usize, calmDaysP: usize, digitalP: usize, metGroupP: usize, groupReceivedP: usize, shareP: usize, joiningP: usize, key: i32, platformOpen: i32, experience: f64, capacityBuilding: f64, meetRate: f64, professionalCapacityBuilding: f64, leaveStress: f64, leaveDays: f64, pLeave: f64, mentorExp: f64, joinStress: f64, pJoin: f64, pForm: f64): void {
  for (let m = lowerBound(membersP, count, from), end = lowerBound(membersP, count, to); m < end; m++) {
    const i = i32At(membersP, m);
    if (u8At(metGroupP, i) != 0) {
      setF64(expP, i, f64At(expP, i) + min(1, experience * f64At(groupReceivedP, i)) * (1 - f64At(expP, i)));
      const lead = <i32>f64At(shareP, 4 * m) & LED ? professionalCapacityBuilding : 1;
      setF64(iCanP, i, f64At(iCanP, i) + capacityBuilding * meetRate * lead * (1 - f64At(iCanP, i)));
    }
    setF64(shareP, 4 * m + 1, -1);
    const calm = f64At(stressP, i) < leaveStress ? i32At(calmDaysP, i) + 1 : 0;
    setI32(calmDaysP, i, calm);
    if (<f64>calm >= leaveDays && f64At(expP, i) <= mentorExp && uniform(key, i, 0) < pLeave) {
      setF64(shareP, 4 * m + 1, <f64>i32At(groupP, i));
      setI32(groupP, i, -1);
      setI32(calmDaysP, i, 0);
    }
  }
  if (!platformOpen) return;
  for (let i = from; i < to; i++) {
    let choice: u8 = 0;
    if (i32At(groupP, i) < 0 && u8At(digitalP, i) != 0 && f64At(stressP, i) > joinStress) {
      if (uniform(key, i, 1) < pForm * f64At(iCanP, i)) choice = 1;
      else if (uniform(key, i, 2) < pJoin) choice = 2;
    }
    setU8(joiningP, i, choice);
  }
}
