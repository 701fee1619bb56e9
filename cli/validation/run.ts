/**
 * Runs what the patterns need — per seed, covid-lockdown's online-shg and no-online-shg arms and
 * the baseline scenario's world with groups — and sums each pattern up over the replicates.
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../scenarios/load.ts';
import { armParams, type Scenario } from '../../scenarios/scenario.ts';
import { meanWithCi, type ParamOverrides } from '../../sim/index.ts';
import { probe } from '../../sim/validation/probe.ts';
import { PATTERNS, WINDOWS, type Pattern, type Replicate } from './patterns.ts';

const scenarioAt = (name: string): Scenario => {
  const file = new URL(`../../scenarios/${name}.json`, import.meta.url);
  return parseScenario(readFileSync(file, 'utf8'), `scenarios/${name}.json`);
};

export interface ValidationSettings {
  persons: number;
  replicates: number;
  seed: number;
  /** Settings applied on top of every arm (a calibration's candidate values). */
  overrides?: ParamOverrides;
}

export interface PatternResult {
  readonly pattern: Pattern;
  readonly values: number[];
  readonly mean: number;
  readonly halfWidth: number;
  readonly pass: boolean;
}

/** One replicate of the three runs the patterns read. */
export function replicate(settings: ValidationSettings, seed: number): Replicate {
  const covid = scenarioAt('covid-lockdown');
  const baseline = scenarioAt('baseline');
  const overrides = { ...(settings.overrides ?? {}), persons: settings.persons };
  return {
    online: probe(armParams(covid, 'online-shg', overrides), seed, WINDOWS),
    offline: probe(armParams(covid, 'no-online-shg', overrides), seed, WINDOWS),
    baseline: probe(armParams(baseline, 'shg', overrides), seed, []),
  };
}

/** Each pattern's per-replicate values, their mean with a 95% t interval, and whether it passes. */
export function summarise(replicates: readonly Replicate[]): PatternResult[] {
  return PATTERNS.map((pattern) => {
    const values = replicates.map(pattern.measure);
    const { mean, halfWidth } = meanWithCi(values);
    return { pattern, values, mean, halfWidth, pass: mean >= pattern.low && mean <= pattern.high };
  });
}

export function validateModel(settings: ValidationSettings, onReplicate?: (done: number) => void): PatternResult[] {
  const replicates: Replicate[] = [];
  for (let r = 0; r < settings.replicates; r++) {
    replicates.push(replicate(settings, settings.seed + r));
    onReplicate?.(r + 1);
  }
  return summarise(replicates);
}
