/**
 * The npm scripts beside kith — validate, calibrate, sensitivity, summary — answer --help with
 * their usage, and bad input with one line and exit 2, as kith does: never a stack trace, and
 * never a run started when help was asked for.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/kith.ts';

const SCRIPTS = { validate: 'cli/validate-model.ts', calibrate: 'cli/calibrate.ts', sensitivity: 'cli/sensitivity-report.ts', summary: 'cli/start.ts' } as const;

function script(name: keyof typeof SCRIPTS, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', SCRIPTS[name], ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the npm scripts', () => {
  for (const name of Object.keys(SCRIPTS) as (keyof typeof SCRIPTS)[]) {
    it(`${name} prints its usage for --help, and runs nothing`, () => {
      const r = script(name, ['--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: npm run ${name}`));
      expect(r.stderr).toBe('');
    });
  }

  const bad: [keyof typeof SCRIPTS, string[], string][] = [
    ['validate', ['--persons', 'many'], 'npm run validate: --persons: expected an integer from 100 to 10000000, got "many"'],
    ['validate', ['--set', 'wellbeing.betaX=1'], 'npm run validate: --set wellbeing.betaX=1: wellbeing.betaX: unknown setting; did you mean "betaC"?'],
    ['calibrate', ['--budget', '0.1'], 'npm run calibrate: unknown flag --budget (see npm run calibrate -- --help)'],
    ['calibrate', ['calibration/none.json'], 'npm run calibrate: calibration/none.json: no such file'],
    ['sensitivity', ['out/x'], "npm run sensitivity: expected the sweep's output folder and its sweep file, then optionally the chart's file (see npm run sensitivity -- --help)"],
    ['summary', ['scenarios/baseline.json'], 'npm run summary: takes no arguments (see npm run summary -- --help; kith run takes a scenario)'],
  ];
  for (const [name, args, line] of bad) {
    it(`${name} ${args.join(' ')}: exits 2 with one line`, () => {
      const r = script(name, args);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`${line}\n`);
      expect(r.stdout).toBe('');
    });
  }
});
