/**
 * The address carries every setting, so a link reproduces the view: scenario, arms, seed, levers,
 * live events, day, speed, the subgroup the charts show, the resilience metric, the person whose
 * panel is open, and presenter mode. Reading is forgiving — anything unknown or out of range is replaced by its
 * default and reported, as text, in `problems`.
 */
import { RUN_METRICS, SUBGROUPS } from '../../sim/index.ts';
import type { LiveEvent } from './comparison.ts';
import { LEVERS, validLeverValue } from './levers.ts';

export interface ViewState {
  /** Scenario name (its `name`, which is also its file name). */
  scenario: string;
  /** Left and right arm; null: the scenario's defaults. */
  arms: [string, string] | null;
  seed: number;
  levers: Record<string, number>;
  live: LiveEvent[];
  /** The day shown (the last simulated). */
  day: number;
  /** Days per second while playing. */
  speed: number;
  subgroup: string;
  /** The metric of "Resilience per subgroup" (one of RUN_METRICS). */
  metric: string;
  person: number | null;
  presenter: boolean;
}

export const SPEEDS = [1, 2, 5, 10, 20, 50] as const;
export const DEFAULT_SCENARIO = 'covid-lockdown';
const DEFAULT_SPEED = 10;
const METRICS: readonly string[] = RUN_METRICS.map((m) => m.name);

export function defaultState(scenario = DEFAULT_SCENARIO): ViewState {
  return { scenario, arms: null, seed: 1, levers: {}, live: [], day: 0, speed: DEFAULT_SPEED, subgroup: 'everyone', metric: 'depth', person: null, presenter: false };
}

const isCount = (text: string) => /^\d{1,9}$/.test(text);
/** A seed as `kith run --seed` takes it: any safe integer from 0 (the seed field takes the same). */
const isSeed = (text: string) => /^\d{1,16}$/.test(text) && Number.isSafeInteger(Number(text));

/** Reads the address's query; `scenarios` are the names the viewer knows. */
export function parseState(search: string, scenarios: readonly string[]): { state: ViewState; problems: string[] } {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const state = defaultState(scenarios.includes(DEFAULT_SCENARIO) ? DEFAULT_SCENARIO : scenarios[0]);
  const scenario = q.get('scenario');
  if (scenario !== null) {
    if (scenarios.includes(scenario)) state.scenario = scenario;
    else problems.push(`There is no scenario “${scenario}”; showing ${state.scenario}.`);
  }
  const a = q.get('a');
  const b = q.get('b');
  if (a !== null && b !== null) state.arms = [a, b];
  const seed = q.get('seed');
  if (seed !== null) {
    if (isSeed(seed)) state.seed = Number(seed);
    else problems.push(`The seed must be a whole number from 0; got “${seed}”, using ${state.seed}.`);
  }
  for (const lever of LEVERS) {
    const text = q.get(lever.key);
    if (text === null) continue;
    const value = Number(text);
    if (text.trim() !== '' && validLeverValue(lever, value)) state.levers[lever.key] = value;
    else problems.push(`${lever.label}: expected ${lever.min} to ${lever.max}; got “${text}”, using the scenario's value.`);
  }
  const live = q.get('live');
  if (live) {
    for (const item of live.split(',')) {
      const m = /^(lockdown|reopening)@(\d{1,4})$/.exec(item);
      if (m) state.live.push({ type: m[1] as LiveEvent['type'], day: Number(m[2]) });
      else problems.push(`A live event is written lockdown@day or reopening@day; ignored “${item}”.`);
    }
  }
  const day = q.get('day');
  if (day !== null) {
    if (isCount(day)) state.day = Number(day);
    else problems.push(`The day must be a whole number; got “${day}”.`);
  }
  const speed = q.get('speed');
  if (speed !== null) {
    if ((SPEEDS as readonly number[]).includes(Number(speed))) state.speed = Number(speed);
    else problems.push(`The speed must be one of ${SPEEDS.join(', ')} days a second; got “${speed}”.`);
  }
  const subgroup = q.get('subgroup');
  if (subgroup !== null) {
    if ((SUBGROUPS as readonly string[]).includes(subgroup)) state.subgroup = subgroup;
    else problems.push(`There is no subgroup “${subgroup}”; showing everyone.`);
  }
  const metric = q.get('metric');
  if (metric !== null) {
    if (METRICS.includes(metric)) state.metric = metric;
    else problems.push(`There is no resilience metric “${metric}”; showing ${state.metric}.`);
  }
  const person = q.get('person');
  if (person !== null) {
    if (isCount(person)) state.person = Number(person);
    else problems.push(`A person is a whole number; got “${person}”.`);
  }
  state.presenter = q.get('presenter') === '1';
  return { state, problems };
}

/** The query of a state: only what differs from the defaults, in a fixed order. */
export function formatState(state: ViewState): string {
  const q = new URLSearchParams();
  const d = defaultState(state.scenario);
  q.set('scenario', state.scenario);
  if (state.arms) {
    q.set('a', state.arms[0]);
    q.set('b', state.arms[1]);
  }
  if (state.seed !== d.seed) q.set('seed', String(state.seed));
  for (const lever of LEVERS) if (state.levers[lever.key] !== undefined) q.set(lever.key, String(state.levers[lever.key]));
  if (state.live.length) q.set('live', state.live.map((e) => `${e.type}@${e.day}`).join(','));
  if (state.day !== d.day) q.set('day', String(state.day));
  if (state.speed !== d.speed) q.set('speed', String(state.speed));
  if (state.subgroup !== d.subgroup) q.set('subgroup', state.subgroup);
  if (state.metric !== d.metric) q.set('metric', state.metric);
  if (state.person !== null) q.set('person', String(state.person));
  if (state.presenter) q.set('presenter', '1');
  return `?${q.toString()}`;
}
