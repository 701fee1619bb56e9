/** The levers: a setting the two arms shown differ in is what they compare, never a lever over both. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/load.ts';
import { armParams } from '../../scenarios/scenario.ts';
import { comparisonParams, type Comparison } from '../../viz/state/comparison.ts';
import { leverSettings, sharedLeverValues } from '../../viz/state/levers.ts';

const read = (file: string) => parseScenario(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'), file);
const compared = (file: string, arms: [string, string]) =>
  leverSettings(read(file), arms)
    .filter((s) => s.compared)
    .map((s) => ({ key: s.lever.key, values: s.values }));

describe('leverSettings', () => {
  it('should mark the share in self-help groups as compared when one arm has none', () => {
    expect(compared('baseline.json', ['no-shg', 'shg'])).toEqual([{ key: 'shg', values: [0, 0.05] }]);
  });

  it('should mark older people online as compared between two arms of the digital divide', () => {
    expect(compared('digital-divide.json', ['older-online-30', 'older-online-90'])).toEqual([{ key: 'older', values: [0.3, 0.9] }]);
  });

  it('should mark nothing when the arms differ only in their timelines', () => {
    expect(compared('covid-lockdown.json', ['no-online-shg', 'online-shg'])).toEqual([]);
  });

  it('should never mark the persons, which the viewer sets for both arms', () => {
    const settings = leverSettings(read('baseline.json'), ['no-shg', 'shg']);
    expect(settings.find((s) => s.lever.key === 'persons')).toMatchObject({ values: [2000, 2000], compared: false });
  });
});

describe('sharedLeverValues', () => {
  it('should drop the values of compared levers and keep the rest', () => {
    const settings = leverSettings(read('baseline.json'), ['no-shg', 'shg']);
    expect(sharedLeverValues({ persons: 300, shg: 0.2, cut: 0.5 }, settings)).toEqual({ persons: 300, cut: 0.5 });
  });

  it('should leave the arms as different as their descriptions say', () => {
    const scenario = read('baseline.json');
    const arms: [string, string] = ['no-shg', 'shg'];
    const levers = sharedLeverValues({ persons: 300, shg: 0.2 }, leverSettings(scenario, arms));
    const c: Comparison = { file: 'baseline.json', scenario, arms, levers, seed: 1, live: [] };
    const [left, right] = comparisonParams(c);
    expect(left.shg.initialShare).toBe(0);
    expect(right.shg.initialShare).toBe(armParams(scenario, 'shg').shg.initialShare);
  });
});
