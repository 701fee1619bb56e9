/** Each arm has one colour wherever it appears; lockdown days have a colour no arm has. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/load.ts';
import { armNames } from '../../scenarios/scenario.ts';
import { armColour, ARM_COLOURS, LOCKDOWN_COLOUR } from '../../viz/palette.ts';

const dir = new URL('../../scenarios/', import.meta.url);
const shipped = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((file) => parseScenario(readFileSync(new URL(file, dir), 'utf8'), file));

describe('armColour', () => {
  it('should colour an arm by its place among its scenario’s arms, not by its panel', () => {
    const covid = shipped.find((s) => s.name === 'covid-lockdown');
    expect(armNames(covid!)).toEqual(['no-lockdown', 'no-online-shg', 'online-shg']);
    expect(armColour(armNames(covid!), 'online-shg')).toBe(ARM_COLOURS[2]);
  });

  it('should give the arms of every shipped scenario different colours, none the lockdown’s', () => {
    for (const scenario of shipped) {
      const colours = armNames(scenario).map((arm) => armColour(armNames(scenario), arm));
      expect(new Set(colours).size, scenario.name).toBe(colours.length);
      expect(colours, scenario.name).not.toContain(LOCKDOWN_COLOUR);
    }
  });
});
