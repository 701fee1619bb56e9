/**
 * `npm run summary`: Kith's main comparison in the terminal (`npm start` opens it in the viewer) —
 * the covid-lockdown scenario, every arm on the same seeds, and the paired effect of online
 * self-help groups on the depth of the fall in wellbeing. Tables go to stdout; progress to stderr.
 */
import { readFileSync } from 'node:fs';
import { armNames, armParams, type Scenario } from '../scenarios/scenario.ts';
import { run, RUN_METRICS, type RunMetric, type RunResult } from '../sim/index.ts';
import { mean, meanWithCi } from '../sim/output/stats.ts';
import { UsageError } from './errors.ts';
import { runScript } from './script.ts';

const PERSONS = 5000;
const SEEDS = [1, 2, 3, 4, 5];
const SHOWN: RunMetric[] = ['baseline', 'depth', 'loss', 'recoveryDays', 'peakDistress', 'peakLonely'];

const scenario = JSON.parse(readFileSync(new URL('../scenarios/covid-lockdown.json', import.meta.url), 'utf8')) as Scenario;
const arms = armNames(scenario);

/** Progress on stderr: rewritten in place on a terminal, a line at a time otherwise. */
function progress(text: string, last = false): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${text.padEnd(60)}${last ? '\n' : ''}`);
  else if (last || text.endsWith('seed 1')) process.stderr.write(`${text}\n`);
}

const COMMAND = 'npm run summary';

const HELP = `Usage: ${COMMAND}

Kith's main comparison in the terminal (npm start opens it in the viewer): covid-lockdown, every
arm on seeds ${SEEDS.join(', ')} with ${PERSONS.toLocaleString('en')} persons, the resilience metrics of everyone, and the
paired effect of online self-help groups on the depth of the fall in wellbeing. Tables go to
stdout, progress to stderr. kith run and kith compare do the same for any scenario and settings.

  -h, --help     this help`;

/** Runs the arms and prints the tables. */
function summary(): void {
  const results = new Map<string, RunResult[]>();
  const started = performance.now();
  for (const arm of arms) {
    const params = armParams(scenario, arm, { persons: PERSONS });
    results.set(
      arm,
      SEEDS.map((seed) => {
        progress(`kith: ${arm}, seed ${seed}`);
        return run(params, seed);
      }),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  progress(`kith: ${arms.length} arms × ${SEEDS.length} seeds in ${seconds.toFixed(1)} s`, true);

  const everyone = (arm: string, metric: RunMetric) => (results.get(arm) ?? []).map((r) => r.metrics[0][metric]).filter((v): v is number => v !== null);
  const format = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

  console.log(`\n${scenario.name}: ${scenario.description}\n`);
  console.log(`${PERSONS.toLocaleString('en')} persons, ${SEEDS.length} seeds; everyone, means over seeds\n`);
  const width = Math.max(...arms.map((a) => a.length)) + 2;
  console.log('arm'.padEnd(width) + SHOWN.map((m) => m.padStart(14)).join(''));
  for (const arm of arms) {
    console.log(arm.padEnd(width) + SHOWN.map((m) => format(mean(everyone(arm, m)), m === 'recoveryDays' ? 0 : 3).padStart(14)).join(''));
  }

  const effectOf = 'online-shg';
  const differences = SEEDS.map((_, k) => {
    const a = results.get(effectOf)?.[k].metrics[0].depth;
    const b = results.get(scenario.reference)?.[k].metrics[0].depth;
    return (a ?? NaN) - (b ?? NaN);
  });
  const { mean: effect, halfWidth } = meanWithCi(differences);
  const depthDoc = RUN_METRICS.find((m) => m.name === 'depth')?.doc;
  console.log(`\ndepth: ${depthDoc}`);
  console.log(`effect of ${effectOf} against ${scenario.reference} on depth, paired over seeds:`);
  console.log(`  ${format(effect, 4)} (95% CI ${format(effect - halfWidth, 4)} to ${format(effect + halfWidth, 4)})`);
}

runScript(COMMAND, HELP, {}, ({ positionals }) => {
  if (positionals.length > 0) throw new UsageError(`${COMMAND}: takes no arguments (see ${COMMAND} -- --help; kith run takes a scenario)`);
  summary();
});
