/**
 * The shipped scenarios, bundled into the page at build time (nothing is fetched) and checked
 * with the same loader the command line uses, so an invalid file fails the same way here.
 */
import { checkScenario } from '../scenarios/load.ts';
import type { Scenario } from '../scenarios/scenario.ts';

export interface Shipped {
  /** File name in scenarios/, e.g. covid-lockdown.json. */
  readonly file: string;
  readonly scenario: Scenario;
}

const modules = import.meta.glob<unknown>(['../scenarios/*.json', '!../scenarios/*.schema.json'], { eager: true, import: 'default' });

export const SCENARIOS: readonly Shipped[] = Object.entries(modules)
  .map(([path, json]) => {
    const file = path.slice(path.lastIndexOf('/') + 1);
    return { file, scenario: checkScenario(json, `scenarios/${file}`) };
  })
  .sort((a, b) => a.scenario.name.localeCompare(b.scenario.name));

export function findScenario(name: string): Shipped | undefined {
  return SCENARIOS.find((s) => s.scenario.name === name);
}
