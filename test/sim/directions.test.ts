/**
 * The directions the default settings must give in covid-lockdown (lockdown days 90–160) on 5,000
 * persons, over 10 seeds: wellbeing dips in the lockdown and recovers after it, distress and
 * loneliness rise, and the arm with online self-help groups falls less deep than the arm without,
 * on a paired comparison. (Calibrating magnitudes to MODEL.md §9 is separate work.)
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { armParams, type Scenario } from '../../scenarios/scenario.ts';
import { run, type RunResult } from '../../sim/index.ts';

const scenario = JSON.parse(readFileSync(new URL('../../scenarios/covid-lockdown.json', import.meta.url), 'utf8')) as Scenario;
const SEEDS = Array.from({ length: 10 }, (_, k) => 1 + k);
const PERSONS = 5000;

/** Everyone's daily series of an outcome. */
const everyone = (r: RunResult, name: keyof RunResult['daily']) => (day: number) => r.daily[name][day * r.subgroups.length];
const meanOver = (from: number, to: number, value: (day: number) => number) => {
  let sum = 0;
  for (let t = from; t <= to; t++) sum += value(t);
  return sum / (to - from + 1);
};
const maxOver = (from: number, to: number, value: (day: number) => number) => {
  let max = -Infinity;
  for (let t = from; t <= to; t++) max = Math.max(max, value(t));
  return max;
};
const minOver = (from: number, to: number, value: (day: number) => number) => -maxOver(from, to, (t) => -value(t));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

let without: RunResult[] = [];
let withShg: RunResult[] = [];

beforeAll(() => {
  const params = { without: armParams(scenario, 'no-online-shg', { persons: PERSONS }), with: armParams(scenario, 'online-shg', { persons: PERSONS }) };
  without = SEEDS.map((seed) => run(params.without, seed));
  withShg = SEEDS.map((seed) => run(params.with, seed));
});

describe('covid-lockdown with the default settings', () => {
  it('dips wellbeing during the lockdown', () => {
    for (const r of without) {
      const wb = everyone(r, 'wbMean');
      expect(meanOver(62, 89, wb) - minOver(90, 160, wb)).toBeGreaterThan(0.02);
    }
  });

  it('recovers wellbeing after it', () => {
    for (const r of without) {
      const wb = everyone(r, 'wbMean');
      expect(r.metrics[0].recoveryCensored).toBe(0);
      expect(Math.abs(meanOver(330, 364, wb) - meanOver(62, 89, wb))).toBeLessThan(0.01);
    }
  });

  it('raises distress and loneliness', () => {
    for (const r of without) {
      const distressed = everyone(r, 'distressed');
      const lonely = everyone(r, 'lonely');
      expect(maxOver(90, 160, distressed) - meanOver(62, 89, distressed)).toBeGreaterThan(0.05);
      expect(maxOver(90, 160, lonely) - meanOver(62, 89, lonely)).toBeGreaterThan(0.05);
    }
  });

  it('falls less deep with online self-help groups, on a paired comparison of 10 seeds', () => {
    const differences = SEEDS.map((_, k) => (withShg[k].metrics[0].depth as number) - (without[k].metrics[0].depth as number));
    const m = mean(differences);
    const sd = Math.sqrt(differences.reduce((a, d) => a + (d - m) ** 2, 0) / (differences.length - 1));
    const upper = m + 2.262 * (sd / Math.sqrt(differences.length)); // t(0.975, 9 df)
    expect(upper).toBeLessThan(0);
  });
});
