/**
 * `npm run validate [-- --persons N --replicates R --seed S --set path=value…]`: every pattern of
 * MODEL.md §9 on seeded runs (5,000 persons, 5 replicates, seeds 101… by default, as the tests),
 * as a table: pattern, target, simulated mean with its 95% CI, pass or fail. `--set` moves a
 * parameter away from its default to see which patterns it breaks. Exit status 1 if any fails.
 */
import { integerFlag } from './args.ts';
import { EXIT } from './errors.ts';
import { parseSets } from './overrides.ts';
import { runScript } from './script.ts';
import { validateModel, type PatternResult } from './validation/run.ts';

function formatValue(r: PatternResult, x: number): string {
  if (!Number.isFinite(x)) return '—';
  return r.pattern.as === 'points' ? `${(100 * x).toFixed(1)}%` : x.toFixed(3);
}

function target(r: PatternResult): string {
  const { low, high } = r.pattern;
  const f = (x: number) => formatValue(r, x);
  if (high === Infinity) return `≥ ${f(low)}`;
  if (low === -Infinity) return `≤ ${f(high)}`;
  return `${f(low)} to ${f(high)}`;
}

export function patternTable(results: readonly PatternResult[]): string {
  const rows = results.map((r) => [
    r.pattern.name,
    target(r),
    formatValue(r, r.mean),
    Number.isFinite(r.halfWidth) ? `[${formatValue(r, r.mean - r.halfWidth)}, ${formatValue(r, r.mean + r.halfWidth)}]` : '—',
    r.pass ? 'pass' : 'FAIL',
  ]);
  const header = ['pattern', 'target', 'simulated mean', '95% CI', ''];
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k].length)));
  return [header, ...rows].map((row) => row.map((cell, k) => cell.padEnd(widths[k])).join('  ').trimEnd()).join('\n');
}

const COMMAND = 'npm run validate';

const HELP = `Usage: ${COMMAND} [-- options]

Checks the model against every pattern of MODEL.md §9 on seeded runs, and prints a table:
pattern, target, simulated mean with its 95% CI, pass or fail.

Options:
  --persons N        persons in each run                     (default 5000)
  --replicates R     runs, on seeds S, S + 1, …               (default 5)
  --seed S           first seed                               (default 101)
  --set path=value   move a parameter from its default, e.g. --set wellbeing.betaC=0.35
                     (repeatable), to see which patterns it breaks
  -h, --help         this help

Exit status: 0 when every pattern passes, 1 when one fails, 2 on bad input.`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = { persons: { type: 'string' }, replicates: { type: 'string' }, seed: { type: 'string' }, set: { type: 'string', multiple: true } } as const;
  runScript(COMMAND, HELP, options, ({ values }) => {
    const settings = {
      persons: integerFlag(COMMAND, 'persons', values.persons, 5000, 100, 10_000_000),
      replicates: integerFlag(COMMAND, 'replicates', values.replicates, 5, 1, 1000),
      seed: integerFlag(COMMAND, 'seed', values.seed, 101, 0),
      overrides: parseSets((values.set as string[] | undefined) ?? []),
    };
    process.stderr.write(`kith: validating on ${settings.replicates} replicates of ${settings.persons} persons…\n`);
    const results = validateModel(settings, (done) => process.stderr.write(`kith: replicate ${done}/${settings.replicates}\n`));
    console.log(patternTable(results));
    return results.every((r) => r.pass) ? EXIT.ok : EXIT.failed;
  });
}
