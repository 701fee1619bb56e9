/**
 * Command-line arguments of run.ts and compare.ts. A mistake ends the process with one line
 * naming it and exit code 2, the usual code for wrong usage.
 */
import { CONFIGURATIONS, DEFAULT_CONFIGURATIONS, configuration, type Configuration } from './configurations.ts';

/** Prints `bench: <message>` and exits with code 2. */
export function usageError(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

export interface RunArgs {
  readonly configs: readonly Configuration[];
  readonly repeat: number;
  readonly phases: boolean;
}

const RUN_USAGE = 'usage: npm run bench -- [--config small,medium] [--repeat N] [--phases]';

/** `--flag value` and `--flag=value` both become [flag, value]; a bare `--flag` has no value. */
function split(arg: string, rest: string[]): [string, string | undefined] {
  const eq = arg.indexOf('=');
  if (eq >= 0) return [arg.slice(0, eq), arg.slice(eq + 1)];
  return [arg, rest[0]?.startsWith('--') ? undefined : rest.shift()];
}

export function parseRunArgs(argv: readonly string[]): RunArgs {
  const rest = [...argv];
  let names = [...DEFAULT_CONFIGURATIONS];
  let repeat = 1;
  let phases = false;
  while (rest.length > 0) {
    const arg = rest.shift() as string;
    if (arg === '--help' || arg === '-h') {
      console.log(RUN_USAGE);
      process.exit(0);
    }
    if (arg === '--phases') {
      phases = true;
      continue;
    }
    const [flag, value] = split(arg, rest);
    if (flag === '--config') {
      if (!value) usageError('--config: expected a configuration name or a comma list, e.g. --config small,large');
      names = value.split(',').filter((s) => s !== '');
      if (names.length === 0) usageError('--config: expected a configuration name or a comma list, e.g. --config small,large');
    } else if (flag === '--repeat') {
      repeat = Number(value);
      if (!value || !Number.isInteger(repeat) || repeat < 1) usageError(`--repeat: expected a whole number of at least 1, got ${JSON.stringify(value ?? '')}`);
    } else {
      usageError(`unknown argument ${JSON.stringify(arg)}; ${RUN_USAGE}`);
    }
  }
  const configs = names.map((name) => {
    const config = configuration(name);
    if (!config) usageError(`--config: unknown configuration "${name}"; expected one of ${CONFIGURATIONS.map((c) => c.name).join(', ')}`);
    return config;
  });
  return { configs, repeat, phases };
}

export interface CompareArgs {
  readonly before: string;
  readonly after: string;
}

const COMPARE_USAGE = 'usage: npm run bench:compare -- BEFORE.json AFTER.json';

export function parseCompareArgs(argv: readonly string[]): CompareArgs {
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      console.log(COMPARE_USAGE);
      process.exit(0);
    }
    if (arg.startsWith('-')) usageError(`unknown argument ${JSON.stringify(arg)}; ${COMPARE_USAGE}`);
  }
  if (argv.length !== 2) usageError(`expected two result files, got ${argv.length}; ${COMPARE_USAGE}`);
  return { before: argv[0], after: argv[1] };
}
