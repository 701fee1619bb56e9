/**
 * Johannes Baagøe's Alea generator, bit for bit as seedrandom 3 implements it
 * (seedrandom/lib/alea.js; test/random/alea.test.ts checks the two agree), written as a class.
 *
 * seedrandom hands back each generator as a new closure. A thread that builds world after world
 * (a run pool's worker) then called a new function at every draw site in each world's build, and
 * V8 threw away the optimised code of the build's functions in the second run of every worker
 * ('wrong call target'), compiling it again. A class's `next` is one function for every
 * generator, so the call sites keep their target from run to run.
 */

/** 2^−32. */
const TWO_TO_MINUS_32 = 2.3283064365386963e-10;

/** A stream of uniform draws in [0, 1). */
export interface Rng {
  next(): number;
}

export class Alea implements Rng {
  private c = 1;
  private s0: number;
  private s1: number;
  private s2: number;

  constructor(seed: string) {
    const mash = mashOf();
    this.s0 = mash(' ');
    this.s1 = mash(' ');
    this.s2 = mash(' ');
    this.s0 -= mash(seed);
    if (this.s0 < 0) this.s0 += 1;
    this.s1 -= mash(seed);
    if (this.s1 < 0) this.s1 += 1;
    this.s2 -= mash(seed);
    if (this.s2 < 0) this.s2 += 1;
  }

  next(): number {
    const t = 2091639 * this.s0 + this.c * TWO_TO_MINUS_32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }
}

/** Alea's seeding hash: each call folds the text into a running state and returns it in [0, 1). */
function mashOf(): (text: string) => number {
  let n = 0xefc8249d;
  return (text) => {
    for (let i = 0; i < text.length; i++) {
      n += text.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    return (n >>> 0) * TWO_TO_MINUS_32;
  };
}
