// exp and log of sim/math.ts (fdlibm's), step for step, so they give its bits.

@inline function highWord(x: f64): i32 {
  return <i32>(reinterpret<i64>(x) >> 32);
}
@inline function lowWord(x: f64): i32 {
  return <i32>reinterpret<i64>(x);
}
@inline function withHighWord(x: f64, high: i32): f64 {
  return reinterpret<f64>((<i64>high << 32) | (reinterpret<i64>(x) & 0xffffffff));
}
@inline function fromHighWord(high: i32): f64 {
  return reinterpret<f64>(<i64>high << 32);
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
const TWO_M1000 = 9.33263618503218878990e-302;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

export function exp(x: f64): f64 {
  const ax = Math.abs(x);
  if (!(ax < fromHighWord(0x40862e42))) {
    if (x != x) return NaN;
    if (x > 7.09782712893383973096e2) return Infinity;
    if (x < -7.45133219101941108420e2) return 0;
  }
  let hi: f64 = 0;
  let lo: f64 = 0;
  let k: i32 = 0;
  if (ax >= fromHighWord(0x3fd62e43)) {
    if (ax < fromHighWord(0x3ff0a2b2)) {
      hi = x > 0 ? x - LN2_HI : x + LN2_HI;
      lo = x > 0 ? LN2_LO : -LN2_LO;
      k = x > 0 ? 1 : -1;
    } else {
      const kf = Math.trunc(INV_LN2 * x + (x > 0 ? 0.5 : -0.5));
      hi = x - kf * LN2_HI;
      lo = kf * LN2_LO;
      k = <i32>kf;
    }
    x = hi - lo;
  } else if (ax < fromHighWord(0x3e300000)) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) return k <= 1023 ? y * fromHighWord((k + 1023) << 20) : y * 2 * fromHighWord((k + 1022) << 20);
  return withHighWord(y, highWord(y) + ((k + 1000) << 20)) * TWO_M1000;
}

const TWO54 = 1.8014398509481984e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

export function log(x: f64): f64 {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k: i32 = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) == 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i0 ^ 0x3ff00000));
  k += i0 >> 20;
  const f = x - 1;
  const dk = <f64>k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f == 0) return k == 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k == 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  let i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const r = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k == 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k == 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

// Offsets in the table written by writeExpConstants().
const C700 = 0;
const HALF = 16;
const MINUS_HALF = 32;
const ZERO = 48;
const C_INV_LN2 = 64;
const C_LN2_HI = 80;
const C_LN2_LO = 96;
const C_P1 = 112;
const C_P2 = 128;
const C_P3 = 144;
const C_P4 = 160;
const C_P5 = 176;
const TWO = 192;
const ONE = 208;
const EXPONENT_BIAS = 224; // 1023 + 2^52
const TINY = 240; // 2^−28

/**
 * exp2()'s constants, each in both lanes, written into the memory (at `at`, 256 bytes) once: a
 * vector constant in the code is rebuilt from general registers at each use, where a load from
 * this table is one instruction (a quarter off exp2()).
 */
export function writeExpConstants(at: usize): void {
  v128.store(at, f64x2.splat(700), C700);
  v128.store(at, f64x2.splat(0.5), HALF);
  v128.store(at, f64x2.splat(-0.5), MINUS_HALF);
  v128.store(at, f64x2.splat(0), ZERO);
  v128.store(at, f64x2.splat(INV_LN2), C_INV_LN2);
  v128.store(at, f64x2.splat(LN2_HI), C_LN2_HI);
  v128.store(at, f64x2.splat(LN2_LO), C_LN2_LO);
  v128.store(at, f64x2.splat(P1), C_P1);
  v128.store(at, f64x2.splat(P2), C_P2);
  v128.store(at, f64x2.splat(P3), C_P3);
  v128.store(at, f64x2.splat(P4), C_P4);
  v128.store(at, f64x2.splat(P5), C_P5);
  v128.store(at, f64x2.splat(2), TWO);
  v128.store(at, f64x2.splat(1), ONE);
  v128.store(at, f64x2.splat(1023 + 4503599627370496), EXPONENT_BIAS);
  v128.store(at, f64x2.splat(3.725290298461914e-9), TINY);
}

/**
 * exp() of two values in the two lanes, each lane with exp()'s bits; `c` is the constants'
 * table. exp() reduces x by k·ln 2 with k = trunc(x/ln 2 ± ½) from 1½·ln 2 up, k = ±1 from
 * ½·ln 2, and not at all below; the first formula gives those k too (±1 from ½·ln 2 to
 * 1½·ln 2, ±0 below, and a reduction by ±0 leaves x as it is, exactly), so one path serves
 * every lane. Lanes under 2^−28 give 1 + x as exp() does; beyond |x| ≥ 700, where exp() takes
 * its overflow and subnormal paths, both lanes go through exp().
 */
@inline export function exp2(x: v128, c: usize): v128 {
  const ax = f64x2.abs(x);
  if (!i64x2.all_true(f64x2.lt(ax, v128.load(c, C700)))) {
    return f64x2.replace_lane(f64x2.splat(exp(f64x2.extract_lane(x, 0))), 1, exp(f64x2.extract_lane(x, 1)));
  }
  const half = v128.bitselect(v128.load(c, HALF), v128.load(c, MINUS_HALF), f64x2.gt(x, v128.load(c, ZERO)));
  const k = f64x2.trunc(f64x2.add(f64x2.mul(v128.load(c, C_INV_LN2), x), half));
  const hi = f64x2.sub(x, f64x2.mul(k, v128.load(c, C_LN2_HI)));
  const lo = f64x2.mul(k, v128.load(c, C_LN2_LO));
  const r = f64x2.sub(hi, lo);
  const t = f64x2.mul(r, r);
  let p = f64x2.add(v128.load(c, C_P4), f64x2.mul(t, v128.load(c, C_P5)));
  p = f64x2.add(v128.load(c, C_P3), f64x2.mul(t, p));
  p = f64x2.add(v128.load(c, C_P2), f64x2.mul(t, p));
  p = f64x2.add(v128.load(c, C_P1), f64x2.mul(t, p));
  const cc = f64x2.sub(r, f64x2.mul(t, p));
  const q = f64x2.div(f64x2.mul(r, cc), f64x2.sub(v128.load(c, TWO), cc));
  const y = f64x2.sub(v128.load(c, ONE), f64x2.sub(f64x2.sub(lo, q), hi));
  // 2^k: k + 1023 in the low bits of k + 1023 + 2^52 (exact, k being a small whole number),
  // shifted into the exponent.
  const scale = i64x2.shl(f64x2.add(k, v128.load(c, EXPONENT_BIAS)), 52);
  return v128.bitselect(f64x2.add(v128.load(c, ONE), x), f64x2.mul(y, scale), f64x2.lt(ax, v128.load(c, TINY)));
}

/** exp2() over `count` (even) doubles at `xP`, two at a time, into `outP`, constants at `c`: for the tests. */
export function expPairs(xP: usize, outP: usize, count: i32, c: usize): void {
  for (let k = 0; k < count; k += 2) v128.store(outP + (<usize>k << 3), exp2(v128.load(xP + (<usize>k << 3)), c));
}

/** log() over `count` doubles at `xP`, into `outP`: for the tests. */
export function logs(xP: usize, outP: usize, count: i32): void {
  for (let k = 0; k < count; k++) store<f64>(outP + (<usize>k << 3), log(load<f64>(xP + (<usize>k << 3))));
}
