// Reads and writes of the world's arrays by index, at the byte offsets the twins are given
// (twins.ts): the arrays live in the one memory the module imports (arena.ts); and the channel codes.

@inline export function i32At(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2));
}
@inline export function f64At(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}
@inline export function u8At(base: usize, i: i32): u8 {
  return load<u8>(base + <usize>i);
}
@inline export function setF64(base: usize, i: i32, value: f64): void {
  store<f64>(base + (<usize>i << 3), value);
}
@inline export function setI32(base: usize, i: i32, value: i32): void {
  store<i32>(base + (<usize>i << 2), value);
}
@inline export function setU8(base: usize, i: i32, value: u8): void {
  store<u8>(base + <usize>i, value);
}
@inline export function addF64(base: usize, i: i32, value: f64): void {
  const at = base + (<usize>i << 3);
  store<f64>(at, load<f64>(at) + value);
}

/** Support g0, g1, g2 given to the person whose three needs start at `f`: need −= g, received += g. */
@inline export function receive(needP: usize, receivedP: usize, f: i32, g0: f64, g1: f64, g2: f64): void {
  setF64(needP, f, f64At(needP, f) - g0);
  setF64(needP, f + 1, f64At(needP, f + 1) - g1);
  setF64(needP, f + 2, f64At(needP, f + 2) - g2);
  addF64(receivedP, f, g0);
  addF64(receivedP, f + 1, g1);
  addF64(receivedP, f + 2, g2);
}

/**
 * Reads one word of each 64-byte line of the `bytes` at `p`, in order, so that a walk reading them
 * at random next finds them in cache rather than waiting on memory for each line it touches first.
 * The words are dropped: a load may trap, so neither Binaryen nor V8 removes it (timed at
 * 1,000,000 persons, the givers' walk takes 28 ns an agent-day with these reads, 38 without).
 */
export function touchLines(p: usize, bytes: i32): void {
  for (let k = 0; k < bytes; k += 64) load<i32>(p + <usize>k);
}

/** The first place among the first `length` persons of the ascending list at `listP` holding `person` or more. */
export function lowerBound(listP: usize, length: i32, person: i32): i32 {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (i32At(listP, mid) < person) low = mid + 1;
    else high = mid;
  }
  return low;
}

// CHANNEL in sim/network/layers.ts.
export const CLOSED: u8 = 0;
export const FACE_TO_FACE: u8 = 1;
export const REMOTE: u8 = 2;
