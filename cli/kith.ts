#!/usr/bin/env node
/**
 * kith — the command line: run scenarios, validate and describe them, compare results.
 * Exit status: 0 on success, 1 when a run fails, 2 on bad input.
 */
import { describeError, EXIT, exitCodeOf, UsageError } from './errors.ts';
import { executeRun, planRun, RUN_HELP } from './commands/run.ts';
import { VALIDATE_HELP, validate } from './commands/validate.ts';
import { DESCRIBE_HELP, describe } from './commands/describe.ts';
import { COMPARE_HELP, compare } from './commands/compare.ts';
import { SWEEP_HELP, sweep } from './commands/sweep.ts';
import { merge } from './commands/merge.ts';
import { SLURM_HELP, slurm } from './commands/slurm.ts';
import { gitCommit, kithVersion } from './describe-output.ts';
import { nearest } from '../sim/index.ts';

const COMMANDS = ['run', 'validate', 'describe', 'compare', 'sweep', 'merge', 'slurm'];

const HELP = `Usage: kith <command> [options]

Kith simulates support networks under crisis: persons in their environment, lockdowns, and
online self-help groups (docs/ODD.md).

Commands:
  run <scenario>          run a scenario's arms on the same seeds; write outcome tables
  validate <scenario>…    check scenario files
  describe <scenario>     resolved parameters of each arm, and the network's statistics
  compare <DIR>           a table of arms, effects and confidence intervals from kith run's output
  sweep <sweep.json>      run a scenario over a design of parameter settings, with replicates
  merge <DIR>…            combine the shards of a sweep into its final files
  slurm <sweep.json>      write (and --submit) a Slurm job array that runs a sweep in shards

kith <command> --help tells more; kith --version prints the version.`;

/** Before anything runs: effects.csv pairs each arm with the reference, so without it there are none. */
function noteMissingReference(reference: string, arms: readonly string[], chosenBy: string): void {
  if (!arms.includes(reference)) process.stderr.write(`kith: the reference arm ${JSON.stringify(reference)} is not among ${chosenBy}, so effects.csv will have no rows\n`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      console.log(HELP);
      return command === undefined ? EXIT.badInput : EXIT.ok;
    case '-V':
    case '--version':
    case 'version': {
      // The commit too when run from a checkout: a manifest records both (kith run writes one).
      const commit = gitCommit();
      console.log(`kith ${kithVersion()}${commit ? ` (${commit.slice(0, 12)})` : ''}`);
      return EXIT.ok;
    }
    case 'run': {
      const plan = planRun(rest);
      if (plan === 'help') return console.log(RUN_HELP), EXIT.ok;
      if (!plan.quiet) noteMissingReference(plan.scenario.reference, plan.arms, '--arms');
      const out = await executeRun(plan, argv);
      if (!plan.quiet) process.stderr.write(`kith: wrote ${out}\n`);
      return EXIT.ok;
    }
    case 'validate':
      return validate(rest, VALIDATE_HELP);
    case 'describe':
      return describe(rest, DESCRIBE_HELP);
    case 'compare':
      return compare(rest, COMPARE_HELP);
    case 'sweep': {
      const out = await sweep(rest, argv, (plan) => {
        if (!plan.quiet) noteMissingReference(plan.layout.reference, plan.layout.arms, "the sweep file's arms");
      });
      if (out === 'help') return console.log(SWEEP_HELP), EXIT.ok;
      if (!rest.includes('--quiet')) process.stderr.write(`kith: wrote ${out}\n`);
      return EXIT.ok;
    }
    case 'merge':
      return merge(rest, argv);
    case 'slurm':
      return slurm(rest, SLURM_HELP);
    default: {
      const guess = nearest(command, COMMANDS);
      const hint = guess ? `; did you mean "${guess}"?` : '';
      throw new UsageError(`kith: unknown command ${JSON.stringify(command)}${hint} (the commands are ${COMMANDS.join(', ')}; see kith --help)`);
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const text = describeError(error);
    process.stderr.write(`${text.startsWith('kith') ? text : `kith: ${text}`}\n`);
    process.exitCode = exitCodeOf(error);
  },
);
