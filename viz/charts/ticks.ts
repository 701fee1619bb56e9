import type { ScaleLinear } from 'd3';
import { textWidth } from './measure.ts';

/**
 * Tick label formats: a d3-format type without a precision, which `scale.tickFormat()` (or
 * `axis.ticks(count, format)`) sets from the ticks' step. A fixed precision can print two ticks
 * alike: `.2~f` shows ticks 0.005 apart as 0, 0.01, 0.01, 0.01, 0.02. (Not `g`, whose precision
 * d3 takes from the ends of the domain: it can round 0.0012 to 0.001 beside 0.001.)
 */
export const TICKS = {
  /** 0.000, 0.005, 0.010 … */
  decimal: 'f',
  /** 0%, 5%, 10% … or 0.5%, 1.0% … */
  percent: '%',
} as const;

/** d3's axes draw a label 6 px of tick and 3 px of padding from the axis line. */
const TICK_AND_PADDING = 9;

/** How far a left axis's labels reach from the axis line: the widest label, its tick and padding. */
export function leftAxisWidth(scale: ScaleLinear<number, number>, count: number, specifier: string): number {
  const format = scale.tickFormat(count, specifier);
  return TICK_AND_PADDING + Math.max(0, ...scale.ticks(count).map((t) => textWidth(format(t))));
}
