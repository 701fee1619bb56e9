/**
 * `--subgroups own|reference` of kith run and kith sweep: whose day-0 subgroups each run records.
 *
 * By default each arm's subgroups are its own persons' on day 0, so an arm that changes who is in
 * a subgroup (who has internet, say) records other persons there, and effects.csv leaves that
 * subgroup's paired effect empty. With `reference`, every arm records the reference arm's day-0
 * subgroups — the same persons, whatever the arm did to them (intention to treat) — and every
 * subgroup is paired. The runs themselves are the same either way.
 */
import type { Params } from '../sim/index.ts';
import { UsageError } from './errors.ts';

export type SubgroupBasis = 'own' | 'reference';

/** The flag's lines of a command's help, its text starting at `column`. */
export function subgroupsFlagHelp(column: number): string {
  const text = [
    "own: each arm's subgroups are its own persons' on day 0;",
    "reference: every arm records the reference arm's, so each",
    'subgroup holds the same persons in every arm, and effects.csv',
    'pairs every subgroup (intention to treat)   (default: own)',
  ];
  return text.map((line, i) => (i === 0 ? '  --subgroups B'.padEnd(column) : ' '.repeat(column)) + line).join('\n');
}

export function subgroupBasis(command: string, value: unknown): SubgroupBasis {
  if (value === undefined || value === 'own') return 'own';
  if (value === 'reference') return 'reference';
  throw new UsageError(`kith ${command}: --subgroups: expected own or reference, got ${JSON.stringify(String(value))}`);
}

/**
 * With --subgroups reference, the settings whose day-0 subgroups the runs of `arm` record
 * (Simulation's subgroupsFrom): none for the reference arm itself, whose own they are.
 */
export function subgroupsFrom(arm: string, reference: string, params: Params, referenceParams: Params, where: string): Params | undefined {
  if (arm === reference) return undefined;
  if (params.persons !== referenceParams.persons) {
    throw new UsageError(
      `${where}: --subgroups reference: arm ${JSON.stringify(arm)} has ${params.persons} persons and the reference arm ${JSON.stringify(reference)} ${referenceParams.persons}; the same persons can be followed only between arms of as many`,
    );
  }
  return referenceParams;
}
