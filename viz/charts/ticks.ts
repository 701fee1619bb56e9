import type { NumberValue, ScaleLinear } from 'd3';
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

/** The ticks a bottom axis draws, and their labels' format. */
export interface SpacedTicks {
  readonly values: number[];
  readonly format: (value: NumberValue) => string;
}

/**
 * Ticks for a bottom axis whose centred labels stand at least `gap` pixels apart. d3's count is a
 * hint that knows nothing of the labels' widths: at presenter mode's type, `−0.02 −0.01 0.00` in
 * a narrow panel came within a pixel of each other. So the count is lowered from `count` until
 * the labels fit, the ticks staying evenly spaced; where even one tick's step is too close, every
 * tick too close to the last one kept is left out.
 */
export function spacedTicks(scale: ScaleLinear<number, number>, count: number, specifier: string, gap: number, size?: number): SpacedTicks {
  const labelled = (n: number) => {
    const format = scale.tickFormat(n, specifier);
    return { format, marks: scale.ticks(n).map((value) => ({ value, at: scale(value), half: textWidth(format(value), size) / 2 })) };
  };
  for (let n = Math.max(1, Math.floor(count)); n >= 1; n--) {
    const { format, marks } = labelled(n);
    if (marks.every((m, k) => k === 0 || m.at - m.half - (marks[k - 1].at + marks[k - 1].half) >= gap)) return { values: marks.map((m) => m.value), format };
  }
  const { format, marks } = labelled(1);
  const kept: typeof marks = [];
  for (const m of marks) {
    const last = kept[kept.length - 1];
    if (!last || m.at - m.half - (last.at + last.half) >= gap) kept.push(m);
  }
  return { values: kept.map((m) => m.value), format };
}
