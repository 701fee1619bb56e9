/**
 * sim/math.ts: exp, log, pow, sin and cos in plain IEEE arithmetic, so a run gives the same bits
 * in Node and in the browser. Exact answers on special values, agreement with the engine's own
 * Math within an ulp, and fixed bit patterns that every JavaScript engine must reproduce.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cos, exp, log, pow, sin } from '../../sim/math.ts';

const view = new DataView(new ArrayBuffer(8));
const hex = (x: number) => (view.setFloat64(0, x), view.getBigUint64(0).toString(16).padStart(16, '0'));
/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  view.setFloat64(0, a);
  const x = view.getBigInt64(0);
  view.setFloat64(0, b);
  const d = x - view.getBigInt64(0);
  return Number(d < 0n ? -d : d);
}
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

describe('sim/math', () => {
  it('should give the exact answers of special values', () => {
    expect([exp(0), exp(-Infinity), exp(Infinity), exp(710), exp(-746)]).toEqual([1, 0, Infinity, Infinity, 0]);
    expect(exp(NaN)).toBeNaN();
    expect([log(1), log(0), log(-0), log(Infinity)]).toEqual([0, -Infinity, -Infinity, Infinity]);
    expect(log(-1)).toBeNaN();
    expect([pow(2, 10), pow(9, 0.5), pow(0, 2), pow(0, -1), pow(5, 0), pow(-2, 3), pow(1, Infinity)]).toEqual([1024, 3, 0, Infinity, 1, -8, NaN]);
    expect([sin(0), cos(0), Object.is(sin(-0), -0)]).toEqual([0, 1, true]);
    expect(cos(NaN)).toBeNaN();
  });

  it('should agree with Math.exp within an ulp', () => {
    fc.assert(fc.property(finite(-745, 709), (x) => ulps(exp(x), Math.exp(x)) <= 1));
  });

  it('should agree with Math.log within an ulp', () => {
    fc.assert(fc.property(finite(Number.MIN_VALUE, 1e300), (x) => ulps(log(x), Math.log(x)) <= 1));
  });

  it('should agree with Math.sin and Math.cos within an ulp', () => {
    fc.assert(fc.property(finite(-1e5, 1e5), (x) => ulps(sin(x), Math.sin(x)) <= 1 && ulps(cos(x), Math.cos(x)) <= 1));
  });

  it('should agree with Math.pow within an ulp where the result is a normal number', () => {
    fc.assert(
      fc.property(finite(1e-10, 1e10), finite(-30, 30), (x, y) => {
        const expected = Math.pow(x, y);
        return expected < 2.3e-308 || expected > 1e308 || ulps(pow(x, y), expected) <= 1;
      }),
    );
  });

  it('should give these bits in every JavaScript engine', () => {
    const golden: [string, number, number | string, string?][] = [
      ['exp', -20.5, '3e157a3afeed00ab'],
      ['exp', -1e-3, '3feff7cfe56f1a9e'],
      ['exp', 0.5, '3ffa61298e1e069c'],
      ['exp', 2.5, '40285d6fd931e0bb'],
      ['exp', 700, '7f0d945df4f8ec8e'],
      ['log', 1e-300, 'c085963447f87fb5'],
      ['log', 0.3, 'bff34378fcbda721'],
      ['log', 1.0001, '3f1a368d0657fcd4'],
      ['log', 10, '40026bb1bbb55516'],
      ['sin', 2.5, '3fe326af0dcfcab0'],
      ['cos', 4, 'bfe4eaa606db24c1'],
      ['cos', 6.2, '3fefe3ac4079a9ce'],
      ['sin', 100, 'bfe03425b78c4db8'],
      ['pow', 2, -9.5, '3f56a09e667f3bcc'],
      ['pow', 0.7, 1.4285714285714286, '3fe3398b6e0ef6f8'],
      ['pow', 10, -3.3, '3f406c4363887513'],
    ];
    const f = { exp, log, sin, cos } as Record<string, (x: number) => number>;
    for (const [name, x, a, b] of golden) {
      const got = name === 'pow' ? pow(x, a as number) : f[name](x);
      expect(hex(got), `${name}(${x}${name === 'pow' ? `, ${a}` : ''})`).toBe(name === 'pow' ? b : a);
    }
  });
});
