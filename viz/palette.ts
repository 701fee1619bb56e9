/**
 * Colours and type, in one place. Layers, arms and functions use the Okabe–Ito palette, which
 * people with any common colour-vision deficiency can tell apart; wellbeing uses viridis, which
 * stays ordered in lightness in grey and for colour-blind viewers.
 */
import { interpolateViridis, scaleSequential } from 'd3';
import { LAYERS, type Layer } from '../sim/index.ts';

export const LAYER_COLOURS: Record<Layer, string> = {
  household: '#CC79A7',
  kin: '#D55E00',
  friend: '#0072B2',
  neighbour: '#009E73',
  coworker: '#E69F00',
  formal: '#666666',
  shg: '#56B4E9',
};
export const LAYER_LIST = LAYERS.map((layer) => ({ layer, colour: LAYER_COLOURS[layer] }));

/** Arms' colours, by the arm's place in its scenario (armColour). */
export const ARM_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

/**
 * An arm's colour: by its place among its scenario's arms, so an arm has one colour wherever it
 * appears — in either panel, in any pair shown, and in a results folder of all the arms.
 */
export function armColour(arms: readonly string[], arm: string): string {
  return ARM_COLOURS[Math.max(0, arms.indexOf(arm)) % ARM_COLOURS.length];
}

/** Days of lockdown: a dark purple that no arm has. */
export const LOCKDOWN_COLOUR = '#6A3D9A';

/**
 * The page's accent (style.css --accent: the Play button, focus rings, hovered buttons, the day
 * scrubber, the ⓘ icons): a dark rust that no arm has and none of them looks like, to normal and
 * colour-blind eyes alike (CIEDE2000 over 20 from every arm's and the lockdown's colour, with
 * protanopia, deuteranopia and tritanopia simulated too), so a control never reads as an arm's.
 * White on it, and it on white, contrast 10:1.
 */
export const ACCENT_COLOUR = '#7C2400';

/**
 * The levers' sliders: light grey at the scenario's value, dark grey once moved. Neutrals, because
 * every hue on the page has a meaning (arms, layers, lockdown): a moved lever must not look like one.
 */
export const LEVER_COLOURS = { scenario: '#B0B0B6', changed: '#4D4D52' };

export const FUNCTION_COLOURS = ['#CC79A7', '#0072B2', '#E69F00'];

/** Online self-help groups and face-to-face ones. */
export const GROUP_COLOURS = { faceToFace: '#333333', online: '#0096D6' };

/** Wellbeing 0.5 (dark purple) … 1 (yellow); below 0.5 stays darkest. */
export const WELLBEING_DOMAIN: [number, number] = [0.5, 1];
export const wellbeingColour = scaleSequential(interpolateViridis).domain(WELLBEING_DOMAIN).clamp(true);

/** Type and strokes; presenter mode enlarges both. */
export const theme = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontSize: 11,
  titleSize: 13,
  stroke: 1.5,
  text: '#1d1d1f',
  muted: '#6b6b70',
  grid: '#e6e6ea',
  crisis: '#f1e3c8',
  lockdown: LOCKDOWN_COLOUR,
  presenter: false,
};

/**
 * Runs `draw` with the charts' type at `size` pixels, then restores the theme's: the person's
 * panel sets its charts in the smaller type of its tables in presenter mode on a short screen.
 */
export function withFontSize<T>(size: number, draw: () => T): T {
  const saved = theme.fontSize;
  theme.fontSize = size;
  try {
    return draw();
  } finally {
    theme.fontSize = saved;
  }
}

export function setPresenter(on: boolean): void {
  Object.assign(theme, on ? { fontSize: 16, titleSize: 19, stroke: 2.5, text: '#000000', muted: '#222222', grid: '#cccccc', crisis: '#f5d9a6' } : { fontSize: 11, titleSize: 13, stroke: 1.5, text: '#1d1d1f', muted: '#6b6b70', grid: '#e6e6ea', crisis: '#f1e3c8' });
  theme.presenter = on;
}
