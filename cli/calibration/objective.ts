/**
 * The calibration's objective: a candidate's distance to the patterns of MODEL.md §9. Each
 * pattern adds (gap / scale)², where gap is how far the mean over replicates lies outside the
 * target interval (0 inside it); a statistic that cannot be computed costs as much as a gap of 10.
 */
import { mergeParams, settingAt, type ParamOverrides } from '../../sim/index.ts';
import type { PatternResult } from '../validation/run.ts';

export interface FreeParameter {
  readonly path: string;
  readonly low: number;
  readonly high: number;
}

/** The settings a point of the unit cube stands for (κ_kin kept at most κ). */
export function settingsAt(point: readonly number[], parameters: readonly FreeParameter[]): ParamOverrides {
  let overrides: Record<string, unknown> = {};
  parameters.forEach((p, j) => {
    overrides = mergeParams(overrides, settingAt(p.path, p.low + point[j] * (p.high - p.low)));
  });
  const perception = overrides.perception as { kappa?: number; kappaKin?: number } | undefined;
  if (perception?.kappa !== undefined && perception.kappaKin !== undefined) perception.kappaKin = Math.min(perception.kappaKin, perception.kappa);
  return overrides as ParamOverrides;
}

export function gapOf(r: PatternResult): number {
  if (!Number.isFinite(r.mean)) return NaN;
  return r.mean < r.pattern.low ? r.pattern.low - r.mean : r.mean > r.pattern.high ? r.mean - r.pattern.high : 0;
}

export function distance(results: readonly PatternResult[], scales: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const r of results) {
    const gap = gapOf(r);
    total += Number.isFinite(gap) ? (gap / (scales[r.pattern.name] ?? 1)) ** 2 : 100;
  }
  return total;
}
