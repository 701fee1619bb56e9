/**
 * docs/ODD.md is the model's description for people who cite it: it must name every parameter
 * (by its dotted path, in backticks, as scenario files and `--set` write it) and every phase of
 * the day, so a parameter or phase added to the engine cannot go undocumented.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../sim/day/step.ts';
import { PARAMETERS } from '../../sim/params/index.ts';

const ODD_PATH = 'docs/ODD.md';
const odd = readFileSync(new URL('../../docs/ODD.md', import.meta.url), 'utf8');

/** The names, each written in backticks, that the document does not contain. */
function missingFromOdd(names: readonly string[]): string[] {
  return names.filter((name) => !odd.includes(`\`${name}\``));
}

function report(what: string, missing: readonly string[], where: string): string {
  return `${ODD_PATH} does not name ${missing.length} ${what} (in backticks): ${missing.join(', ')}. Describe them in ${where}.`;
}

describe('docs/ODD.md', () => {
  it('names every parameter by its dotted path', () => {
    const missing = missingFromOdd(PARAMETERS.map((p) => p.path));
    expect(missing, report('parameter(s)', missing, 'section 8, Parameters')).toEqual([]);
  });

  it('names every phase of the day', () => {
    const missing = missingFromOdd(PHASES.map(([name]) => name));
    expect(missing, report('phase(s)', missing, 'section 3, Process overview, and section 7, Submodels')).toEqual([]);
  });
});
