import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { armNames, armParams, type Scenario } from '../../scenarios/scenario.ts';

const scenario = JSON.parse(readFileSync(new URL('../../scenarios/covid-lockdown.json', import.meta.url), 'utf8')) as Scenario;

describe('scenario arms', () => {
  it('lists the arms of covid-lockdown, with its reference among them', () => {
    expect(armNames(scenario)).toEqual(['no-lockdown', 'no-online-shg', 'online-shg']);
    expect(armNames(scenario)).toContain(scenario.reference);
  });

  it('applies defaults, then the scenario, then the arm, then overrides', () => {
    const withShg = armParams(scenario, 'online-shg', { persons: 123 });
    expect(withShg.persons).toBe(123);
    expect(withShg.timeline.map((e) => e.type)).toEqual(['lockdown', 'platform', 'reopening']);
    expect(withShg.crisis).toEqual({ start: 90, end: 160 });
    expect(armParams(scenario, 'no-lockdown').timeline).toEqual([]);
    expect(armParams(scenario, 'no-online-shg').timeline.map((e) => e.type)).toEqual(['lockdown', 'reopening']);
    const custom: Scenario = { ...scenario, settings: { shg: { pJoin: 0.05 } }, arms: { a: { shg: { pJoin: 0.1 } } }, reference: 'a' };
    expect(armParams(custom, 'a').shg.pJoin).toBe(0.1);
    expect(armParams(custom, 'a', { shg: { pJoin: 0.2 } }).shg.pJoin).toBe(0.2);
    expect(armParams({ ...custom, arms: { a: {} } }, 'a').shg.pJoin).toBe(0.05);
  });

  it('names the arms when asked for one that does not exist', () => {
    expect(() => armParams(scenario, 'online')).toThrow('arm: expected one of "no-lockdown", "no-online-shg", "online-shg", got "online"');
  });
});
