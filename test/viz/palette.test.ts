/**
 * Each arm has one colour wherever it appears; lockdown days, moved levers and the page's accent
 * have colours no arm has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/load.ts';
import { armNames } from '../../scenarios/scenario.ts';
import { ACCENT_COLOUR, armColour, ARM_COLOURS, LEVER_COLOURS, LOCKDOWN_COLOUR } from '../../viz/palette.ts';
import { contrast, deltaE2000, difference, VISIONS } from '../helpers/colour.ts';

const dir = new URL('../../scenarios/', import.meta.url);
const css = readFileSync(new URL('../../viz/style.css', import.meta.url), 'utf8').toLowerCase();
/** style.css's value of a custom property on :root. */
const cssVariable = (name: string) => new RegExp(`${name}:\\s*(#[0-9a-f]{6});`).exec(css)?.[1];
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
    expect(css).toContain(`--lever: ${LEVER_COLOURS.scenario.toLowerCase()};`);
    expect(css).toContain(`--lever-changed: ${LEVER_COLOURS.changed.toLowerCase()};`);
    expect(css).toContain(`--lockdown: ${LOCKDOWN_COLOUR.toLowerCase()};`);
    expect(css).not.toContain('#b4572c');
  });
});

describe('the colour measures', () => {
  it('should give CIEDE2000 differences of Sharma, Wu and Dalal’s test pairs', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
    expect(deltaE2000([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387])).toBeCloseTo(1.2644, 4);
  });

  it('should give WCAG contrast ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('the accent', () => {
  const page = '#f4f4f6';

  it('should look like no arm’s colour nor the lockdown’s, to normal and colour-blind eyes', () => {
    expect([...ARM_COLOURS, LOCKDOWN_COLOUR]).not.toContain(ACCENT_COLOUR);
    for (const colour of [...ARM_COLOURS, LOCKDOWN_COLOUR]) {
      for (const vision of VISIONS) expect(difference(ACCENT_COLOUR, colour, vision), `${colour}, ${vision}`).toBeGreaterThan(20);
    }
  });

  it('should not look like the moved levers’ grey or the text either', () => {
    for (const colour of [LEVER_COLOURS.changed, '#1d1d1f']) {
      for (const vision of VISIONS) expect(difference(ACCENT_COLOUR, colour, vision), `${colour}, ${vision}`).toBeGreaterThan(10);
    }
  });

  it('should keep WCAG AA contrast as text, under white text and as a focus ring', () => {
    // Text in it on white (the Pause button, the ⓘ icons) and white on it (the Play button).
    expect(contrast(ACCENT_COLOUR, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    // A focus ring, a non-text indicator, on the page's grey: 3:1.
    expect(contrast(ACCENT_COLOUR, page)).toBeGreaterThanOrEqual(3);
  });

  it('should be the colour style.css gives --accent, and its ring a tint of it', () => {
    expect(cssVariable('--accent')).toBe(ACCENT_COLOUR.toLowerCase());
    const soft = cssVariable('--accent-soft') as string;
    expect(difference(soft, '#ffffff')).toBeGreaterThan(10);
    expect(css).not.toContain('#b9d3e6');
  });
});
