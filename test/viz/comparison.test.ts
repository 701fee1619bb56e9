/** The comparison as a scenario file: what the viewer runs, exports and `kith run` reproduces. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/load.ts';
import { armNames, armParams } from '../../scenarios/scenario.ts';
import { comparisonParams, comparisonScenario, commandLines, commandText, referenceArm, scenarioFileText, type Comparison } from '../../viz/state/comparison.ts';
import { leverFlags, leverOverrides } from '../../viz/state/levers.ts';

const dir = new URL('../../scenarios/', import.meta.url);
const shipped = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((file) => ({ file, scenario: parseScenario(readFileSync(new URL(file, dir), 'utf8'), file) }));
const levers = { persons: 300, cut: 0.5, formal: 0.3, older: 0.9, shg: 0.1 };

function comparison(file: string, live: Comparison['live'] = []): Comparison {
  const { scenario } = shipped.find((s) => s.file === file) as (typeof shipped)[number];
  const arms = armNames(scenario);
  return { file, scenario, arms: [arms[0], arms[arms.length - 1]], levers, seed: 7, live };
}

describe('comparisonScenario', () => {
  it('should give each arm the parameters kith run gives it with the same flags', () => {
    for (const { file, scenario } of shipped) {
      const c = comparison(file);
      const exported = comparisonScenario(c);
      for (const arm of c.arms) expect(armParams(exported, arm), `${file}: ${arm}`).toEqual(armParams(scenario, arm, leverOverrides(levers)));
    }
  });

  it('should be a valid scenario file whose arms resolve as the viewer runs them', () => {
    for (const { file } of shipped) {
      const c = comparison(file, [{ type: 'lockdown', day: 30 }, { type: 'reopening', day: 60 }]);
      const reread = parseScenario(scenarioFileText(c), 'exported.json');
      expect(reread.reference).toBe(referenceArm(c));
      expect(Object.keys(reread.arms)).toEqual(armNames(c.scenario).filter((a) => c.arms.includes(a)));
      const [left, right] = comparisonParams(c);
      expect(armParams(reread, c.arms[0])).toEqual(left);
      expect(armParams(reread, c.arms[1])).toEqual(right);
    }
  });

  it('should add live events after the events already on their day', () => {
    const c = comparison('covid-lockdown.json', [{ type: 'reopening', day: 90 }, { type: 'lockdown', day: 20 }]);
    const [, right] = comparisonParams(c);
    expect(right.timeline.map((e) => `${e.type}@${e.day}`)).toEqual(['lockdown@20', 'platform@20', 'lockdown@90', 'platform@90', 'reopening@90', 'reopening@160']);
  });

  it('should open the platform with a live lockdown in an arm that opens it with its own lockdown', () => {
    const c = comparison('covid-lockdown.json', [{ type: 'lockdown', day: 30 }]);
    const timelines = comparisonParams(c).map((p) => p.timeline.map((e) => `${e.type}@${e.day}${e.type === 'platform' ? `:${e.open}` : ''}`));
    expect(c.arms).toEqual(['no-lockdown', 'online-shg']);
    expect(timelines).toEqual([['lockdown@30'], ['lockdown@30', 'platform@30:true', 'lockdown@90', 'platform@90:true', 'reopening@160']]);
  });

  it('should not open a platform that an arm opens on another day than its lockdown', () => {
    const c = comparison('social-workers-mutual-aid.json', [{ type: 'lockdown', day: 30 }]);
    const [, right] = comparisonParams(c);
    expect(c.arms[1]).toBe('mutual-aid-platform');
    expect(right.timeline.map((e) => `${e.type}@${e.day}`)).toEqual(['lockdown@30', 'lockdown@90', 'platform@100', 'reopening@160']);
  });

  it('should fall back to the left arm as reference when the scenario reference is not shown', () => {
    const c: Comparison = { ...comparison('covid-lockdown.json'), arms: ['online-shg', 'no-lockdown'] };
    expect(comparisonScenario(c).reference).toBe('online-shg');
    expect(commandLines(c).shipped).toBeNull();
  });
});

describe('commandLines', () => {
  it('should name the shipped file, the arms in scenario order, the seed and every lever', () => {
    const c: Comparison = { ...comparison('covid-lockdown.json'), arms: ['online-shg', 'no-online-shg'] };
    expect(commandLines(c).shipped).toBe(`npx kith run scenarios/covid-lockdown.json --arms no-online-shg,online-shg --replicates 1 --seed 7 ${leverFlags(levers).join(' ')}`);
    expect(commandLines(c).exported).toBe('npx kith run covid-lockdown-viewer.json --replicates 1 --seed 7');
  });
});

describe('commandText', () => {
  it('should offer the exported file as the other way only where there is a first', () => {
    const c: Comparison = { ...comparison('covid-lockdown.json'), arms: ['no-online-shg', 'online-shg'] };
    const { shipped, exported } = commandLines(c);
    expect(commandText(c)).toEqual([shipped, '# or, with the exported scenario file (covid-lockdown-viewer.json):', exported]);
    // After a live click there is no shipped command: the menu read '# or, …' after nothing.
    const live: Comparison = { ...c, live: [{ type: 'lockdown', day: 11 }] };
    expect(commandText(live)).toEqual(['# with the exported scenario file (covid-lockdown-viewer.json):', 'npx kith run covid-lockdown-viewer.json --replicates 1 --seed 7']);
  });
});
