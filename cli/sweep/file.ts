/**
 * Reading a sweep file and the scenario it names, with the sweep file named in every error:
 * `scenarios/sweeps/x.json: parameters[1].path: unknown parameter "lockdown.cut"; did you mean …`.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { InputError, looksLikeScenario, parseJson } from '../../scenarios/load.ts';
import type { Scenario } from '../../scenarios/scenario.ts';
import { sweepProblem, sweepSchema, type SweepFile } from '../../scenarios/sweep.ts';
import { readInputText, readScenario } from '../scenario-file.ts';

export interface LoadedSweep {
  readonly sweep: SweepFile;
  /** The scenario file's path as the sweep file names it, from where kith runs. */
  readonly scenarioFile: string;
  readonly scenario: Scenario;
}

export function readSweep(file: string): LoadedSweep {
  const input = parseJson(readInputText(file, 'a sweep file'), file);
  const declared = (input as { $schema?: unknown } | null)?.$schema;
  if (typeof declared === 'string' && declared.includes('json-schema.org')) throw new InputError(file, 'this is a JSON Schema, not a sweep');
  if (looksLikeScenario(input)) {
    throw new InputError(file, 'this is a scenario, not a sweep: kith run runs it; a sweep file names a scenario and the parameters to vary (see scenarios/sweeps/)');
  }
  const checked = sweepSchema.safeParse(input);
  if (!checked.success) throw new InputError(file, sweepProblem(checked.error, input));
  const sweep = checked.data;
  const scenarioFile = isAbsolute(sweep.scenario) ? sweep.scenario : join(dirname(file), sweep.scenario);
  let scenario: Scenario;
  try {
    scenario = readScenario(scenarioFile).scenario;
  } catch (e) {
    if (e instanceof InputError) throw new InputError(file, `scenario: ${e.message}`);
    throw e;
  }
  const arms = Object.keys(scenario.arms);
  sweep.arms?.forEach((arm, i) => {
    if (!arms.includes(arm)) throw new InputError(file, `arms[${i}]: unknown arm ${JSON.stringify(arm)}; the arms of ${scenario.name} are ${arms.map((a) => JSON.stringify(a)).join(', ')}`);
  });
  return { sweep, scenarioFile, scenario };
}
