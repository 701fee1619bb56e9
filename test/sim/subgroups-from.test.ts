/**
 * A run that records another arm's day-0 subgroups (Simulation's subgroupsFrom, kith run
 * --subgroups reference): its subgroups hold that arm's persons, and nothing else changes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/load.ts';
import { armParams } from '../../scenarios/scenario.ts';
import { mergeParams, ParamError, Simulation, SUBGROUPS } from '../../sim/index.ts';
import { sameDayZero } from '../../sim/world.ts';

const scenario = parseScenario(readFileSync('scenarios/digital-divide.json', 'utf8'), 'digital-divide.json');
const settings = { persons: 600, days: 180 };
const reference = armParams(scenario, 'no-platform', settings);
const arm = armParams(scenario, 'older-online-90', settings);
const NO_INTERNET = SUBGROUPS.indexOf('no-internet');

function runOf(params: typeof arm, options = {}) {
  const simulation = new Simulation(params, 3, options);
  while (!simulation.done) simulation.step();
  return simulation;
}

describe('subgroups taken from another arm', () => {
  const ownRun = runOf(arm);
  const referenceRun = runOf(reference);
  const followed = runOf(arm, { subgroupsFrom: reference });

  it('are that arm’s persons, subgroup by subgroup', () => {
    // The arm gives more older persons internet, so its own no-internet subgroup is smaller.
    expect(ownRun.world.subgroupSizes[NO_INTERNET]).toBeLessThan(referenceRun.world.subgroupSizes[NO_INTERNET]);
    expect(followed.world.subgroupKeys).toEqual(referenceRun.world.subgroupKeys);
    expect(followed.world.subgroupSizes).toEqual(referenceRun.world.subgroupSizes);
    expect(Buffer.from(followed.world.persons.subgroups).equals(Buffer.from(referenceRun.world.persons.subgroups))).toBe(true);
  });

  it('leave the run itself as it was: every person’s state and the whole population’s outcomes', () => {
    for (const field of ['wb', 'conn', 'need', 'group', 'digital'] as const) {
      const bytes = (s: Simulation) => Buffer.from(s.world.persons[field].buffer, s.world.persons[field].byteOffset, s.world.persons[field].byteLength);
      expect(bytes(followed).equals(bytes(ownRun)), field).toBe(true);
    }
    const everyone = (s: Simulation) => s.results().daily.wbMean.filter((_, k) => k % SUBGROUPS.length === 0);
    expect(everyone(followed)).toEqual(everyone(ownRun));
  });

  it('record the followed persons’ outcomes, not the arm’s own subgroup’s', () => {
    const mean = (s: Simulation, day: number) => s.results().daily.wbMean[day * SUBGROUPS.length + NO_INTERNET];
    expect(mean(followed, 150)).not.toBe(mean(ownRun, 150));
    const { wb, subgroups } = followed.world.persons;
    let sum = 0;
    let count = 0;
    for (let i = 0; i < wb.length; i++) {
      if ((subgroups[i] >>> NO_INTERNET) & 1) {
        sum += wb[i];
        count++;
      }
    }
    expect(mean(followed, settings.days - 1)).toBeCloseTo(sum / count, 12);
  });

  it('must come from a world of as many persons', () => {
    expect(() => new Simulation(arm, 3, { subgroupsFrom: { ...reference, persons: 500 } })).toThrow(ParamError);
    expect(() => new Simulation(arm, 3, { subgroupsFrom: { ...reference, persons: 500 } })).toThrow(/as many persons \(600\)/);
  });

  it('may come as the masks that arm’s run found on the same seed, with the same outcomes to the bit', () => {
    const masks = referenceRun.subgroupMasks();
    expect(Buffer.from(masks).equals(Buffer.from(referenceRun.world.persons.subgroups))).toBe(true);
    const handed = runOf(arm, { subgroupMasks: masks });
    expect(handed.world.subgroupKeys).toEqual(followed.world.subgroupKeys);
    expect(handed.results().daily).toEqual(followed.results().daily);
    expect(handed.results().metrics).toEqual(followed.results().metrics);
  });

  it('as masks, must be one a person, each holding everyone, and not beside settings', () => {
    const masks = referenceRun.subgroupMasks();
    expect(() => new Simulation(arm, 3, { subgroupMasks: masks.subarray(1) })).toThrow('subgroupMasks: expected a Uint8Array of 600 masks, one a person, got "599 masks"');
    expect(() => new Simulation(arm, 3, { subgroupMasks: [...masks] as unknown as Uint8Array })).toThrow(/subgroupMasks: expected a Uint8Array/);
    const broken = masks.slice();
    broken[42] = 0b10;
    expect(() => new Simulation(arm, 3, { subgroupMasks: broken })).toThrow('subgroupMasks[42]: expected a mask holding the subgroup everyone (bit 0)');
    expect(() => new Simulation(arm, 3, { subgroupMasks: masks, subgroupsFrom: reference })).toThrow('subgroupMasks: expected subgroupsFrom or subgroupMasks, not both');
  });
});

describe('the other world of day 0', () => {
  const lockdown = parseScenario(readFileSync('scenarios/covid-lockdown.json', 'utf8'), 'covid-lockdown.json');
  const withPlatform = armParams(lockdown, 'online-shg', settings);
  const withoutPlatform = armParams(lockdown, 'no-online-shg', settings);

  it('is this one where the settings differ only in their timeline and days', () => {
    expect(withPlatform.timeline).not.toEqual(withoutPlatform.timeline);
    expect(sameDayZero(withPlatform, withoutPlatform)).toBe(true);
    expect(sameDayZero(withPlatform, { ...withoutPlatform, days: 90 })).toBe(true);
  });

  it('is another where anything that builds day 0 differs', () => {
    expect(sameDayZero(arm, reference)).toBe(false); // internet by age: the population
    expect(sameDayZero(withPlatform, { ...withPlatform, persons: 601 })).toBe(false);
    expect(sameDayZero(withPlatform, mergeParams(withPlatform, { shg: { initialShare: withPlatform.shg.initialShare / 2 } }))).toBe(false);
    expect(sameDayZero(withPlatform, mergeParams(withPlatform, { network: { friendsAhead: { older: 1 } } }))).toBe(false);
  });
});
