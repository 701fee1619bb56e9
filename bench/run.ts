/**
 * `npm run bench -- [--config small,medium] [--repeat N] [--phases]`
 *
 * Runs each fixed configuration (configurations.ts) in a fresh child process, so that the peak
 * memory measured is that configuration's own; prints one row per run and the targets' PASS/FAIL,
 * and writes the same as JSON to bench/results/.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseRunArgs } from './args.ts';
import type { Configuration } from './configurations.ts';
import type { Measurement } from './measure.ts';
import { phaseTable, runTable, targetLine } from './report.ts';
import { gitVersion, thisMachine, toRow, writeResult, type ResultFile, type RunRow } from './results.ts';
import { judge, judgeSame, SAME_OUTCOMES, TARGETS } from './targets.ts';

const WORKER = fileURLToPath(new URL('worker.ts', import.meta.url));
/** The child loads TypeScript through tsx, found from here rather than from the working directory. */
const TSX = import.meta.resolve('tsx');

/** Measures `config` in a child process of its own. */
function measureInChild(config: Configuration, phases: boolean): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [config.name, ...(phases ? ['--phases'] : [])], { execArgv: ['--import', TSX] });
    let result: Measurement | undefined;
    child.on('message', (message) => (result = message as Measurement));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result) resolve(result);
      else reject(new Error(`bench: configuration ${config.name}: the child process ended (${signal ?? `exit code ${code}`}) without a result`));
    });
  });
}

async function main(): Promise<void> {
  const args = parseRunArgs(process.argv.slice(2));
  const date = new Date().toISOString();
  const runs: RunRow[] = [];
  // Repeats in rounds (every configuration once, then again), so a host that slows or speeds up
  // meanwhile weighs on each configuration alike and the ratios the targets judge (two threads
  // against one, 1,000,000 persons against 10,000) stay fair; the table lists them by configuration.
  for (let k = 1; k <= args.repeat; k++) {
    for (const config of args.configs) {
      const which = args.repeat > 1 ? ` (${k} of ${args.repeat})` : '';
      console.error(`running ${config.name}${which}: ${config.persons.toLocaleString('en-US')} persons, ${config.days} days…`);
      runs.push(toRow(await measureInChild(config, args.phases), k));
    }
  }
  const order = (r: RunRow) => args.configs.findIndex((c) => c.name === r.config);
  runs.sort((a, b) => order(a) - order(b) || a.repetition - b.repetition);

  const machine = thisMachine();
  console.log(`\nKith benchmark — node ${machine.node}, ${machine.cpu}, ${machine.cores} cores\n`);
  console.log(runTable(runs, args.repeat));
  if (args.phases) {
    for (const config of args.configs) {
      const own = runs.filter((r) => r.config === config.name);
      console.log(`\nphases of ${config.name}${own.length > 1 ? ` (mean of ${own.length} runs)` : ''}\n`);
      console.log(phaseTable(own));
    }
  }

  const targets = [...TARGETS.map((t) => judge(t, runs)), ...SAME_OUTCOMES.map((c) => judgeSame(c, runs))];
  console.log('');
  for (const outcome of targets) console.log(targetLine(outcome));

  const result: ResultFile = {
    schema: 1,
    date,
    git: gitVersion(),
    machine,
    options: { configs: args.configs.map((c) => c.name), repeat: args.repeat, phases: args.phases },
    runs,
    targets,
  };
  console.log(`\nwritten to ${writeResult(result)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
