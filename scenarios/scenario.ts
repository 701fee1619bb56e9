/**
 * A scenario: settings merged onto the defaults, a timeline, a crisis window, and arms — named
 * variants run on the same seeds, each of which may override anything, the timeline included.
 * Settings apply in one order: defaults, scenario, arm, then command-line overrides.
 * Pure: no file access here (the command line reads files; the viewer fetches them).
 */
import { defaultParams, mergeParams, validateParams, ParamError, type CrisisWindow, type ParamOverrides, type Params } from '../sim/index.ts';
import type { TimelineEvent } from '../sim/index.ts';

export interface Scenario {
  name: string;
  description: string;
  /** Overrides of the defaults, by the parameters' own structure. */
  settings: ParamOverrides;
  timeline: TimelineEvent[];
  crisis: CrisisWindow | null;
  /** The arm effects are measured against. */
  reference: string;
  arms: Record<string, Arm>;
}

/** An arm: overrides of anything, the timeline included, and what it stands for. */
export type Arm = ParamOverrides & { description?: string };

/** The names of a scenario's arms, in file order. */
export function armNames(scenario: Scenario): string[] {
  return Object.keys(scenario.arms);
}

/** The validated parameters of one arm: defaults ← scenario ← arm ← `overrides`. */
export function armParams(scenario: Scenario, arm: string, overrides: ParamOverrides = {}): Params {
  if (!(arm in scenario.arms)) {
    throw new ParamError('arm', `expected one of ${armNames(scenario).map((a) => JSON.stringify(a)).join(', ')}`, arm);
  }
  const withScenario = mergeParams(defaultParams(), { ...scenario.settings, timeline: scenario.timeline, crisis: scenario.crisis });
  const { description: _description, ...armSettings } = scenario.arms[arm];
  return validateParams(mergeParams(mergeParams(withScenario, armSettings), overrides));
}
