// The daily draws of sim/random/keyed.ts (uniformAt): murmur3's finaliser and body round.
@inline function fmix(h: i32): i32 {
  h ^= <i32>(<u32>h >>> 16);
  h *= 0x85ebca6b;
  h ^= <i32>(<u32>h >>> 13);
  h *= 0xc2b2ae35;
  h ^= <i32>(<u32>h >>> 16);
  return h;
}
@inline function absorb(h: i32, word: i32): i32 {
  let k = word * 0xcc9e2d51;
  k = rotl<i32>(k, 15);
  k *= 0x1b873593;
  h ^= k;
  h = rotl<i32>(h, 13);
  return h * 5 + 0xe6546b64;
}
@inline export function uniform(key: i32, item: i32, draw: i32): f64 {
  return <f64><u32>fmix(absorb(absorb(key, item), draw) ^ 8) * (1.0 / 4294967296.0);
}

