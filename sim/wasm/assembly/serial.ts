// Twins of loops in the serial phases (sim/groups/members.ts, sim/record/recorder.ts,
// sim/day/formal.ts), run on the main thread: the same arithmetic in the same order.
import { f64At, i32At, setF64, setI32, u8At } from './memory';

/** The persons in a group (group ≥ 0), in person order, into the list at `listP`; returns how many. */
export function listMembers(n: i32, groupP: usize, listP: usize): i32 {
  let count = 0;
  for (let i = 0; i < n; i++) {
    setI32(listP, count, i);
    count += <i32>(<u32>~i32At(groupP, i) >> 31);
  }
  return count;
}

/** The persons whose lonely flag (conn below `threshold`) is not what it was, in person order; returns how many. */
export function lonelyChanges(n: i32, connP: usize, lonelyP: usize, threshold: f64, listP: usize): i32 {
  let count = 0;
  for (let i = 0; i < n; i++) {
    setI32(listP, count, i);
    count += <i32>((f64At(connP, i) < threshold) != (u8At(lonelyP, i) == 1));
  }
  return count;
}

/** What each service's clients above `threshold` ask, per function, summed in person order. */
export function formalAsked(n: i32, needP: usize, serviceP: usize, askedP: usize, threshold: f64): void {
  for (let i = 0; i < n; i++) {
    const f = 3 * i;
    const n0 = f64At(needP, f);
    const n1 = f64At(needP, f + 1);
    const n2 = f64At(needP, f + 2);
    if (n0 + n1 + n2 <= threshold) continue;
    const s = 3 * i32At(serviceP, i);
    setF64(askedP, s, f64At(askedP, s) + n0);
    setF64(askedP, s + 1, f64At(askedP, s + 1) + n1);
    setF64(askedP, s + 2, f64At(askedP, s + 2) + n2);
  }
}

/** Each asker's share of its service, given `met` per service and function; flows summed in person order. */
export function formalGiven(n: i32, needP: usize, serviceP: usize, metP: usize, receivedP: usize, fromFormalP: usize, unmetFormalP: usize, flowsP: usize, threshold: f64): void {
  let flow0 = load<f64>(flowsP);
  let flow1 = load<f64>(flowsP, 8);
  let flow2 = load<f64>(flowsP, 16);
  for (let i = 0; i < n; i++) {
    const f = 3 * i;
    const n0 = f64At(needP, f);
    const n1 = f64At(needP, f + 1);
    const n2 = f64At(needP, f + 2);
    const total = n0 + n1 + n2;
    if (total <= threshold) {
      setF64(fromFormalP, i, 0);
      setF64(unmetFormalP, i, 0);
      continue;
    }
    const s = 3 * i32At(serviceP, i);
    const g0 = n0 * f64At(metP, s);
    const g1 = n1 * f64At(metP, s + 1);
    const g2 = n2 * f64At(metP, s + 2);
    setF64(needP, f, n0 - g0);
    setF64(needP, f + 1, n1 - g1);
    setF64(needP, f + 2, n2 - g2);
    setF64(receivedP, f, f64At(receivedP, f) + g0);
    setF64(receivedP, f + 1, f64At(receivedP, f + 1) + g1);
    setF64(receivedP, f + 2, f64At(receivedP, f + 2) + g2);
    flow0 += g0;
    flow1 += g1;
    flow2 += g2;
    setF64(fromFormalP, i, g0 + g1 + g2);
    setF64(unmetFormalP, i, total - (g0 + g1 + g2));
  }
  store<f64>(flowsP, flow0);
  store<f64>(flowsP, flow1, 8);
  store<f64>(flowsP, flow2, 16);
}
