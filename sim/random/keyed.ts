/**
 * Counter-based randomness for the daily loop (MODEL.md §5).
 *
 * A daily draw is a pure function of (seed, stream, day, person, draw number): nothing is
 * consumed, so a person's shocks cannot depend on anyone else's draws, on the order persons are
 * visited, on the arm, or on how persons are split among threads. Two arms run with one seed
 * therefore share every life event and differ only where their settings do.
 */

/** Streams of daily draws, one per purpose. */
export const DAILY_STREAMS = ['shocks', 'timeline', 'groups'] as const;
export type DailyStream = (typeof DAILY_STREAMS)[number];

// murmur3's 32-bit finaliser: full avalanche, so neighbouring counters give unrelated bits.
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

// One murmur3 body round: folds a 32-bit word into the running hash.
function absorb(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function hashString(text: string, h: number): number {
  for (let i = 0; i < text.length; i++) h = absorb(h, text.charCodeAt(i));
  return fmix(h ^ text.length);
}

/** The key of one stream of one run: mixes the seed (any safe integer) and the stream's name. */
export function streamKey(seed: number, stream: DailyStream): number {
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  return hashString(stream, absorb(absorb(0x4b697468 /* "Kith" */, low), high));
}

/** The key of one day of a stream; compute once a day, then draw per person. */
export function dayKey(stream: number, day: number): number {
  return fmix(absorb(stream, day));
}

const TWO_TO_MINUS_32 = 1 / 4294967296;

/**
 * A uniform draw in [0, 1) for (day key, item, draw number): `item` is a person, a tie or a
 * group, `draw` tells apart the draws one item takes on one day.
 */
export function uniformAt(key: number, item: number, draw: number): number {
  const h = fmix(absorb(absorb(key, item), draw) ^ 8);
  return (h >>> 0) * TWO_TO_MINUS_32;
}

/** A 32-bit unsigned murmur3 hash of 32-bit words, from `seed`. */
export function hashWords(words: Int32Array, seed: number): number {
  let h = seed;
  for (let i = 0; i < words.length; i++) h = absorb(h, words[i]);
  return fmix(h ^ words.length) >>> 0;
}

/**
 * A 32-bit unsigned hash of a list of non-negative safe integers (each folded in as two 32-bit
 * words, low then high, then the count), by the same murmur3 rounds as the daily draws. Pure and
 * simple to re-implement in any language, so a seed derived from others can be checked by hand.
 */
export function hashIntegers(values: readonly number[]): number {
  let h = 0x4b697468; // "Kith"
  for (const v of values) h = absorb(absorb(h, v >>> 0), Math.floor(v / 4294967296) >>> 0);
  return fmix(h ^ values.length) >>> 0;
}
