/** Each arm has one colour wherever it appears; lockdown days and moved levers have colours no arm has. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/load.ts';
import { armNames } from '../../scenarios/scenario.ts';
import { armColour, ARM_COLOURS, LEVER_COLOURS, LOCKDOWN_COLOUR } from '../../viz/palette.ts';

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

describe('the levers’ colours', () => {
  const rgb = (hex: string) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));

  it('should be greys, no arm’s colour and not the lockdown’s, the moved lever the darker', () => {
    for (const colour of Object.values(LEVER_COLOURS)) {
      const [r, g, b] = rgb(colour);
      expect(Math.max(r, g, b) - Math.min(r, g, b), colour).toBeLessThanOrEqual(12);
      expect([...ARM_COLOURS, LOCKDOWN_COLOUR], colour).not.toContain(colour);
      // Nor near black, the seventh arm's colour: every channel above 64.
      expect(Math.min(r, g, b), colour).toBeGreaterThan(64);
    }
    const lightness = (hex: string) => rgb(hex).reduce((a, c) => a + c, 0);
    expect(lightness(LEVER_COLOURS.changed)).toBeLessThan(lightness(LEVER_COLOURS.scenario) - 150);
  });

  it('should be the colours style.css gives the sliders, as the lockdown’s is', () => {
    const css = readFileSync(new URL('../../viz/style.css', import.meta.url), 'utf8').toLowerCase();
    expect(css).toContain(`--lever: ${LEVER_COLOURS.scenario.toLowerCase()};`);
    expect(css).toContain(`--lever-changed: ${LEVER_COLOURS.changed.toLowerCase()};`);
    expect(css).toContain(`--lockdown: ${LOCKDOWN_COLOUR.toLowerCase()};`);
    expect(css).not.toContain('#b4572c');
  });
});
