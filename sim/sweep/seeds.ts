/**
 * The seed of each run of a sweep: a pure function of (sweep seed, point, replicate), so every
 * arm at a point runs on the same seeds (paired, as in `kith run`), any run can be reproduced
 * alone with `kith run --seed`, and no seed depends on how the sweep was split, scheduled or
 * resumed.
 */
import { hashIntegers } from '../random/keyed.ts';

/** Tells sweep seeds apart from other hashes of the same integers ("Swp"). */
const SWEEP_TAG = 0x537770;

/**
 * `hashIntegers([0x537770, sweepSeed, point, replicate])`: murmur3 rounds over each value's low and
 * high 32-bit words, then the count, finalised to an unsigned 32-bit integer (sim/random/keyed.ts).
 */
export function runSeed(sweepSeed: number, point: number, replicate: number): number {
  return hashIntegers([SWEEP_TAG, sweepSeed, point, replicate]);
}
