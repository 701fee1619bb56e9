/** The shipped scenario files: valid, runnable, and described by an up-to-date JSON Schema. */
import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../cli/schema.ts';
import { parseScenario } from '../../scenarios/load.ts';
import { armNames } from '../../scenarios/scenario.ts';
import { kith, ROOT, tempDir } from '../helpers/kith.ts';

const FILES = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => `scenarios/${f}`);

describe('shipped scenarios', () => {
  it('are the seven of MODEL.md §7', () => {
    expect(FILES.map((f) => f.replace(/^scenarios\/|\.json$/g, '')).sort()).toEqual(
      ['baseline', 'covid-lockdown', 'digital-divide', 'formal-collapse', 'norway-model', 'savings-groups', 'social-workers-mutual-aid'].sort(),
    );
  });

  it('all pass kith validate', () => {
    const r = kith(['validate', ...FILES]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(FILES.length);
  });

  it('each name the JSON Schema, for editors', () => {
    for (const file of FILES) expect(JSON.parse(readFileSync(join(ROOT, file), 'utf8')).$schema, file).toBe('./scenario.schema.json');
  });

  for (const file of FILES) {
    it(`${file} runs with 2,000 persons and 2 replicates`, () => {
      const out = tempDir();
      const r = kith(['run', file, '--persons', '2000', '--replicates', '2', '--quiet', '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const scenario = parseScenario(readFileSync(join(ROOT, file), 'utf8'), file);
      const runs = parse(readFileSync(join(out, 'runs.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
      expect(runs).toHaveLength(armNames(scenario).length * 2 * 8);
      expect(runs.filter((row) => row.subgroup === 'everyone').every((row) => Number(row.n) === 2000)).toBe(true);
    });
  }
});

describe('a scenario file saved with a byte order mark', () => {
  it('reads as the same scenario, and its errors are placed as without the mark', () => {
    const text = readFileSync(join(ROOT, 'scenarios/covid-lockdown.json'), 'utf8');
    expect(parseScenario(`\uFEFF${text}`, 'x.json')).toEqual(parseScenario(text, 'x.json'));
    expect(() => parseScenario('\uFEFF{\n  "name": }', 'x.json')).toThrow('x.json: line 2, column 11: invalid JSON');
  });
});

describe('a scenario file with a key given twice', () => {
  // JSON.parse keeps the last: the first arm, or the first settings, went without a word.
  it('is refused, naming the key and where its second is', () => {
    const scenario = '{\n  "name": "x",\n  "description": "d",\n  "reference": "a",\n  "arms": {\n    "a": { "description": "first" },\n    "a": { "description": "copied" }\n  }\n}';
    expect(() => parseScenario(scenario, 'x.json')).toThrow(/^x\.json: line 7, column 5: arms\.a is given twice; give each key once \(JSON would keep only the last\)$/);
  });

  it('is refused at any depth, and not for one key in two objects', () => {
    expect(() => parseScenario('{"settings": {"shg": {"pJoin": 0.1, "pJoin": 0.2}}}', 'x.json')).toThrow('x.json: line 1, column 37: settings.shg.pJoin is given twice');
    const text = readFileSync(join(ROOT, 'scenarios/covid-lockdown.json'), 'utf8');
    expect(() => parseScenario(text, 'x.json')).not.toThrow();
  });
});

describe('scenario.schema.json', () => {
  it('is the one generated from the schema (npm run schema)', () => {
    expect(readFileSync(join(ROOT, 'scenarios/scenario.schema.json'), 'utf8') === schemaText(), 'scenarios/scenario.schema.json is out of date: run npm run schema').toBe(true);
  });

  it('is refused as a scenario, with a line that says why', () => {
    expect(() => parseScenario(readFileSync(join(ROOT, 'scenarios/scenario.schema.json'), 'utf8'), 'scenario.schema.json')).toThrow(
      'scenario.schema.json: this is a JSON Schema, not a scenario',
    );
  });
});

describe('a file that is not a scenario', () => {
  it('is called a sweep file when it is one, with the command that runs it', () => {
    const file = 'scenarios/sweeps/lockdown-grid.json';
    expect(() => parseScenario(readFileSync(join(ROOT, file), 'utf8'), file)).toThrow(`${file}: this is a sweep file, not a scenario: run it with kith sweep`);
  });

  it('is said not to be a scenario when it has neither arms nor a reference arm', () => {
    for (const text of ['{"name": "kith", "version": "0.1.0"}', '[1, 2]', '7']) {
      expect(() => parseScenario(text, 'other.json')).toThrow('other.json: expected a scenario: an object with "arms" and a "reference" arm (scenarios/covid-lockdown.json is one)');
    }
  });

  it('still has its first wrong field named when it has arms', () => {
    expect(() => parseScenario('{"arms": {}}', 'x.json')).toThrow('x.json: name: expected a name');
  });
});
