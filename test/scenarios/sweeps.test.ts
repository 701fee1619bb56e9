/** The shipped sweep files: valid, every point runnable, and described by an up-to-date JSON Schema. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepSchemaText } from '../../cli/schema.ts';
import { readSweep } from '../../cli/sweep/file.ts';
import { planSweep } from '../../cli/sweep/plan.ts';
import { PARAMETERS } from '../../sim/index.ts';
import { ROOT, tempDir } from '../helpers/kith.ts';

const FILES = readdirSync(join(ROOT, 'scenarios/sweeps'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(ROOT, 'scenarios/sweeps', f));

describe('shipped sweeps', () => {
  it('are a grid on covid-lockdown, a digital-divide sweep and a Morris screening', () => {
    expect(FILES.map((f) => f.replace(/^.*\/|\.json$/g, '')).sort()).toEqual(['digital-divide', 'lockdown-grid', 'morris-free-parameters']);
  });

  for (const file of FILES) {
    it(`${file.replace(ROOT, '')} is valid, names the JSON Schema, and every point of every arm resolves`, () => {
      expect(JSON.parse(readFileSync(file, 'utf8')).$schema).toBe('../sweep.schema.json');
      const plan = planSweep('sweep', { positionals: [file], values: { out: join(tempDir(), 'out') } });
      expect(plan.layout.points.length).toBeGreaterThan(1);
    });
  }

  it('grid face-to-face cut × formal capacity on covid-lockdown', () => {
    const { sweep, scenario } = readSweep(join(ROOT, 'scenarios/sweeps/lockdown-grid.json'));
    expect(scenario.name).toBe('covid-lockdown');
    expect(sweep.design.type).toBe('grid');
    expect(sweep.parameters.map((p) => p.path)).toEqual(['lockdown.faceToFaceCut', 'lockdown.formalCapacity']);
  });

  it('screen exactly the free parameters with Morris', () => {
    const { sweep } = readSweep(join(ROOT, 'scenarios/sweeps/morris-free-parameters.json'));
    expect(sweep.design.type).toBe('morris');
    const free = PARAMETERS.filter((p) => p.leaf.free).map((p) => p.path);
    expect(sweep.parameters.map((p) => p.path).sort()).toEqual(free.sort());
  });
});

describe('sweep.schema.json', () => {
  it('is the one generated from the schema (npm run schema)', () => {
    expect(readFileSync(join(ROOT, 'scenarios/sweep.schema.json'), 'utf8') === sweepSchemaText(), 'scenarios/sweep.schema.json is out of date: run npm run schema').toBe(true);
  });

  it('is refused as a sweep, with a line that says why', () => {
    expect(() => readSweep(join(ROOT, 'scenarios/sweep.schema.json'))).toThrow(/sweep\.schema\.json: this is a JSON Schema, not a sweep$/);
  });
});

describe('a scenario given as a sweep', () => {
  it('is refused with a line that says what it is and what a sweep file holds', () => {
    expect(() => readSweep(join(ROOT, 'scenarios/covid-lockdown.json'))).toThrow(
      /covid-lockdown\.json: this is a scenario, not a sweep: kith run runs it; a sweep file names a scenario and the parameters to vary \(see scenarios\/sweeps\/\)$/,
    );
  });
});
