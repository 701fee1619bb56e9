/**
 * The seeded baseline: one small covid-lockdown run per arm, summarised, must give exactly the
 * numbers stored in baseline.json. Any change to the model's results fails here; when the change
 * is intended, regenerate the file and commit it with the change:
 *
 *   UPDATE_BASELINE=1 npx vitest run test/sim/baseline.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { armNames, armParams, type Scenario } from '../../scenarios/scenario.ts';
import { run, type RunResult } from '../../sim/index.ts';

const BASELINE = new URL('./baseline.json', import.meta.url);
const scenario = JSON.parse(readFileSync(new URL('../../scenarios/covid-lockdown.json', import.meta.url), 'utf8')) as Scenario;
const DAYS = [0, 30, 60, 89, 90, 100, 120, 140, 159, 160, 200, 250, 300, 364];

function summary(r: RunResult) {
  const S = r.subgroups.length;
  const daily = Object.fromEntries(
    (['wbMean', 'wbP10', 'distressed', 'lonely', 'conn', 'needEmotional', 'fromKin', 'fromShg', 'shgMembers'] as const).map((name) => [
      name,
      DAYS.map((d) => r.daily[name][d * S]),
    ]),
  );
  const metrics = Object.fromEntries(r.subgroups.map((s, k) => [s, r.metrics[k]]));
  return { daily, groups: DAYS.map((d) => r.world.groups[d]), metrics };
}

function current() {
  return Object.fromEntries(armNames(scenario).map((arm) => [arm, summary(run(armParams(scenario, arm, { persons: 800 }), 11))]));
}

describe('seeded baseline', () => {
  it('reproduces baseline.json exactly', () => {
    const now = JSON.parse(JSON.stringify(current()));
    if (process.env.UPDATE_BASELINE) {
      writeFileSync(BASELINE, `${JSON.stringify(now, null, 1)}\n`);
      return;
    }
    const stored = JSON.parse(readFileSync(BASELINE, 'utf8'));
    const hint =
      'Kith results changed against test/sim/baseline.json. If the change is intended, regenerate it with\n' +
      '  UPDATE_BASELINE=1 npx vitest run test/sim/baseline.test.ts\n' +
      'and commit the new baseline with the change that caused it.';
    expect(now, hint).toEqual(stored);
  });
});
