/**
 * `kith slurm <sweep.json> --tasks N --out DIR`: a sweep on a Slurm cluster. Writes a job array
 * with one task per shard (`kith sweep --shard i/N --resume`, so a requeued task continues where it
 * stopped) and a merge job that starts once every task has succeeded (--dependency=afterok) and
 * writes the files one `kith sweep` would. With --submit, submits both with sbatch.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { integerFlag, parse, type Parsed } from '../args.ts';
import { EXIT, UsageError } from '../errors.ts';
import { checkOutputDir, makeFolder, OutputDir } from '../output.ts';
import { shellWord } from '../sweep/layout.ts';
import { planSweep, SWEEP_OPTIONS } from '../sweep/plan.ts';

export const SLURM_HELP = `Usage: kith slurm <sweep.json> --tasks N --out DIR [options]

Writes a Slurm batch script that runs a sweep as a job array — task i runs kith sweep --shard i/N
into DIR/shard-i — and a merge job that waits for every task (--dependency=afterok) and writes the
sweep's files into DIR with kith merge. With --submit, submits both with sbatch.

Options:
  --tasks N            array tasks, one shard each
  --out DIR            output folder: shards in DIR/shard-i, merged files in DIR, logs in DIR/logs
  --submit             submit with sbatch (otherwise: bash DIR/submit.sh submits)
  --partition P        #SBATCH --partition
  --time T             #SBATCH --time, per task, e.g. 2:00:00
  --mem M              #SBATCH --mem, per task, e.g. 4G
  --cpus-per-task C    cores per task, each running a worker thread   (default 1)
  --persons, --days, --set, --threads, --timeseries, --subgroups, --precision, --metric,
  --max-replicates     as for kith sweep, passed on to every task
  -h, --help           this help

Exit status: 0 on success, 1 when sbatch fails, 2 on bad input.`;

const OPTIONS = {
  ...SWEEP_OPTIONS,
  tasks: { type: 'string' },
  submit: { type: 'boolean' },
  partition: { type: 'string' },
  time: { type: 'string' },
  mem: { type: 'string' },
  'cpus-per-task': { type: 'string' },
} as const;

/** Flags of kith sweep that every task gets as they were given here. */
const PASSED_ON = ['persons', 'days', 'set', 'threads', 'timeseries', 'subgroups', 'precision', 'metric', 'max-replicates'] as const;
/** The files kith slurm writes into DIR, beside the shards' folders and the merged files. */
const SCRIPTS = ['kith-sweep.sbatch', 'kith-merge.sbatch', 'submit.sh'];

/** Flags of kith sweep that kith slurm sets itself. */
const SET_HERE = ['workers', 'resume', 'shard', 'quiet'] as const;

/** How this very kith is started: compiled, or from source through tsx. */
function kithCommand(): string[] {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return [process.execPath, '--import', import.meta.resolve('tsx'), fileURLToPath(new URL('../kith.ts', here))];
  return [process.execPath, fileURLToPath(new URL('../kith.js', here))];
}

function passedOn(values: Parsed['values']): string[] {
  return PASSED_ON.flatMap((flag) => {
    const value = values[flag];
    if (value === undefined || value === false) return [];
    if (value === true) return [`--${flag}`];
    return (Array.isArray(value) ? value : [value]).flatMap((v) => [`--${flag}`, v]);
  });
}

/**
 * A value for an #SBATCH line. sbatch reads these lines with quotes as the shell has them, but a
 * backslash escapes the next character even within single quotes, a line break ends the
 * directive (what follows would be read as directives of its own), and in --output `%` starts a
 * pattern (%a, the task): such values are refused rather than written where they would mean
 * something else.
 */
function sbatchWord(what: string, value: string, pattern = false): string {
  const bad = pattern ? /[\\\n\r%]/ : /[\\\n\r]/;
  if (bad.test(value)) {
    const refused = pattern ? 'a backslash, a line break or %' : 'a backslash or a line break';
    throw new UsageError(`kith slurm: ${what}: Slurm's #SBATCH lines cannot take ${refused}, as in ${JSON.stringify(value)}`);
  }
  return shellWord(value);
}

function header(lines: (string | false)[]): string {
  return lines.filter((l): l is string => l !== false).join('\n');
}

export function slurm(argv: string[], help: string): number {
  const parsed = parse('slurm', argv, OPTIONS);
  const { values, positionals } = parsed;
  if (values.help) return console.log(help), EXIT.ok;
  for (const flag of SET_HERE) if (values[flag] !== undefined) throw new UsageError(`kith slurm: --${flag} is set by kith slurm for each task; leave it out`);
  if (values.tasks === undefined) throw new UsageError('kith slurm: expected --tasks N, the number of array tasks (see kith slurm --help)');
  if (values.out === undefined) throw new UsageError('kith slurm: expected --out DIR, the folder for the shards and the merged files (see kith slurm --help)');
  const tasks = integerFlag('slurm', 'tasks', values.tasks, 1, 1, 100_000);
  const cpus = integerFlag('slurm', 'cpus-per-task', values['cpus-per-task'], 1, 1, 256);
  const dir = resolve(values.out as string);
  checkOutputDir(dir, SCRIPTS);
  checkOutputDir(join(dir, 'logs'), []);
  // The whole sweep, checked as task 1 will check it: a bad file fails here, not on the cluster.
  const plan = planSweep('slurm', { positionals, values: { ...values, out: join(dir, 'shard-1'), shard: `1/${tasks}`, resume: true } });
  const points = plan.layout.points.length;
  // Shards take points in turn (sweep/layout.ts): a task beyond the last point would run nothing.
  if (tasks > points) throw new UsageError(`kith slurm: --tasks: expected at most the sweep's ${points} points, got ${tasks}`);
  const file = positionals[0];
  const kith = kithCommand().map(shellWord).join(' ');
  const shardDir = (i: string) => `${shellWord(join(dir, 'shard-'))}${i}`;
  const common = (name: string, log: string) => [
    '#!/bin/bash',
    `#SBATCH --job-name=${name}`,
    `#SBATCH --chdir=${sbatchWord('the working folder', process.cwd())}`,
    `#SBATCH --output=${sbatchWord('--out', join(dir, 'logs'), true)}/${log}`,
    values.partition !== undefined && `#SBATCH --partition=${sbatchWord('--partition', String(values.partition))}`,
    values.time !== undefined && `#SBATCH --time=${sbatchWord('--time', String(values.time))}`,
    values.mem !== undefined && `#SBATCH --mem=${sbatchWord('--mem', String(values.mem))}`,
  ];
  const name = `kith-${plan.layout.name.replace(/[^\w.-]+/g, '-')}`;
  const sweepScript = header([
    ...common(name, 'shard-%a.out'),
    `#SBATCH --array=1-${tasks}`,
    `#SBATCH --cpus-per-task=${cpus}`,
    `# Kith sweep ${plan.layout.name}: task i runs shard i of ${tasks} (kith slurm wrote this file).`,
    '# --resume: a task that is requeued or run again continues from the runs it saved.',
    'set -euo pipefail',
    `exec ${kith} sweep ${[file, ...passedOn(values)].map(shellWord).join(' ')} --shard "$SLURM_ARRAY_TASK_ID/${tasks}" --out ${shardDir('"$SLURM_ARRAY_TASK_ID"')} --workers ${cpus} --resume --quiet`,
    '',
  ]);
  const shards = Array.from({ length: tasks }, (_, i) => shellWord(join(dir, `shard-${i + 1}`)));
  const mergeScript = header([
    ...common(`${name}-merge`, 'merge.out'),
    '#SBATCH --cpus-per-task=1',
    '#SBATCH --kill-on-invalid-dep=yes',
    `# Kith sweep ${plan.layout.name}: merges the ${tasks} shards once every array task has succeeded.`,
    'set -euo pipefail',
    `exec ${kith} merge ${shards.join(' ')} --out ${shellWord(dir)}`,
    '',
  ]);
  const [sweepFile, mergeFile, submitFile] = SCRIPTS.map((script) => join(dir, script));
  const submitScript = [
    '#!/bin/sh',
    '# Submits the job array, then the merge job that waits for all its tasks to succeed.',
    'set -e',
    `array=$(sbatch --parsable ${shellWord(sweepFile)} | cut -d';' -f1)`,
    `merge=$(sbatch --parsable --dependency=afterok:"$array" ${shellWord(mergeFile)} | cut -d';' -f1)`,
    `echo "submitted job array $array (${tasks} tasks) and merge job $merge, which runs once every task has succeeded"`,
    '',
  ].join('\n');
  // The three scripts all at once or none: DIR's merged files, if any, are not ours to replace.
  const output = new OutputDir(dir, []);
  try {
    output.writeText(SCRIPTS[0], sweepScript);
    output.writeText(SCRIPTS[1], mergeScript);
    output.writeText(SCRIPTS[2], submitScript, 0o755);
    output.commit();
  } catch (e) {
    output.abort();
    throw e;
  }
  makeFolder(join(dir, 'logs'));
  if (values.submit !== true) {
    console.log(`wrote ${sweepFile}, ${mergeFile} and ${submitFile}; submit with: ${shellWord(submitFile)}`);
    return EXIT.ok;
  }
  const sbatch = (args: string[]) => {
    try {
      return execFileSync('sbatch', ['--parsable', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split(';')[0];
    } catch (e) {
      const error = e as NodeJS.ErrnoException & { stderr?: string };
      if (error.code === 'ENOENT') throw new Error(`kith slurm: sbatch not found: submit from a Slurm login node with ${submitFile}`, { cause: e });
      throw new Error(`kith slurm: sbatch failed: ${(error.stderr ?? error.message).trim().split('\n')[0]}`, { cause: e });
    }
  };
  const array = sbatch([sweepFile]);
  const merged = sbatch([`--dependency=afterok:${array}`, mergeFile]);
  console.log(`submitted job array ${array} (${tasks} tasks) and merge job ${merged}, which runs once every task has succeeded; files in ${dir}`);
  return EXIT.ok;
}
