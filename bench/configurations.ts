/**
 * The benchmark's fixed configurations: each names a population size, a run length, a seed and the
 * scenario settings, so two results measured on different days or commits ran the same world.
 * Add a configuration here, never change one in place: its name is what compare.ts pairs results by.
 */
import type { ParamOverrides, TimelineEvent } from '../sim/index.ts';

export interface Configuration {
  /** What `--config` and result files call it. */
  readonly name: string;
  readonly persons: number;
  readonly days: number;
  readonly seed: number;
  /** The scenario's timeline, merged onto the default parameters. */
  readonly timeline: readonly TimelineEvent[];
  /** Threads within the run (`kith run --threads`); 1 when absent. */
  readonly threads?: number;
}

/** The default covid-lockdown timeline: lockdown and an online platform on day 90, reopening on day 160. */
const COVID_LOCKDOWN: readonly TimelineEvent[] = [
  { type: 'lockdown', day: 90 },
  { type: 'platform', day: 90, open: true },
  { type: 'reopening', day: 160 },
];

const covidYear = (name: string, persons: number): Configuration => ({ name, persons, days: 365, seed: 1, timeline: COVID_LOCKDOWN });

export const CONFIGURATIONS: readonly Configuration[] = [
  covidYear('small', 10_000),
  covidYear('medium', 100_000),
  covidYear('large', 1_000_000), // minutes, and about 1.5 GB peak RSS: run on request only
  { ...covidYear('large-threads', 1_000_000), threads: 2 }, // large on two threads: the same outcomes, sooner
];

/** What `npm run bench` runs without `--config`. */
export const DEFAULT_CONFIGURATIONS: readonly string[] = ['small', 'medium'];

/** The configuration called `name`, or undefined. */
export function configuration(name: string): Configuration | undefined {
  return CONFIGURATIONS.find((c) => c.name === name);
}

/** The parameter overrides that `new Simulation()` is given for a configuration. */
export function paramsOf(config: Configuration): ParamOverrides {
  return { persons: config.persons, days: config.days, timeline: config.timeline.map((e) => ({ ...e })) };
}
