/**
 * Planning a sweep: the sweep file, its scenario, the command line's settings and flags, the
 * design's points, and every point × arm resolved to valid parameters — all checked before
 * anything runs or is written, so bad input exits 2 with one line and leaves no trace.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { InputError } from '../../scenarios/load.ts';
import { armNames, armParams } from '../../scenarios/scenario.ts';
import { leafAt } from '../../scenarios/sweep.ts';
import { designPoints, designSize, mergeParams, ParamError, RUN_METRICS, settingAt, valueAtPath, type Factor, type FactorValue, type ParamOverrides, type Params } from '../../sim/index.ts';
import { MAX_SLOTS } from '../../sim/parallel.ts';
import { integerFlag, type Options, type Parsed } from '../args.ts';
import { kithVersion, sha256 } from '../describe-output.ts';
import { UsageError } from '../errors.ts';
import { checkOutputDir, defaultOut } from '../output.ts';
import { commandLineSettings } from '../overrides.ts';
import { readSweep } from './file.ts';
import { setting, type Shard, type SweepLayout } from './layout.ts';
import { journalPath, lockHolder, readPlanFile, type PlanFile } from './state.ts';
import { checkJournal } from './journal.ts';
import { subgroupBasis, subgroupsFrom, type SubgroupBasis } from '../subgroups.ts';

/** The flags of `kith sweep`; `kith slurm` passes the same ones on to every task. */
export const SWEEP_OPTIONS: Options = {
  out: { type: 'string' },
  workers: { type: 'string' },
  threads: { type: 'string' },
  resume: { type: 'boolean' },
  shard: { type: 'string' },
  persons: { type: 'string' },
  days: { type: 'string' },
  set: { type: 'string', multiple: true },
  timeseries: { type: 'boolean' },
  subgroups: { type: 'string' },
  precision: { type: 'string' },
  metric: { type: 'string' },
  'max-replicates': { type: 'string' },
  quiet: { type: 'boolean' },
};

export interface SweepPlan {
  readonly file: string;
  readonly layout: SweepLayout;
  readonly shard: Shard | null;
  /** The validated parameters of one run. */
  params(point: number, arm: number): Params;
  /** Settings whose day-0 subgroups a run records instead of its own (cli/subgroups.ts). */
  subgroupsFrom(point: number, arm: number): Params | undefined;
  readonly out: string;
  readonly workers: number;
  /** Threads within each run (`kith run --threads`). */
  readonly threads: number;
  readonly resume: boolean;
  readonly quiet: boolean;
}

/** `--shard i/N`: 1-based, as Slurm numbers array tasks. */
export function parseShard(command: string, value: unknown): Shard | null {
  if (value === undefined) return null;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(String(value));
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(index >= 1 && index <= count)) {
    throw new UsageError(`kith ${command}: --shard ${String(value)}: expected i/N with i from 1 to N, e.g. --shard 1/4 … --shard 4/4`);
  }
  return { index, count };
}

function sequentialOf(command: string, values: Parsed['values'], replicates: number): SweepLayout['sequential'] {
  if (values.precision === undefined) {
    for (const flag of ['metric', 'max-replicates']) if (values[flag] !== undefined) throw new UsageError(`kith ${command}: --${flag} goes with --precision (see kith sweep --help)`);
    return null;
  }
  const precision = Number(values.precision);
  if (!(Number.isFinite(precision) && precision > 0)) throw new UsageError(`kith ${command}: --precision: expected a number above 0, got ${JSON.stringify(values.precision)}`);
  const metric = (values.metric as string | undefined) ?? 'depth';
  const metrics = RUN_METRICS.map((m) => m.name as string);
  if (!metrics.includes(metric)) throw new UsageError(`kith ${command}: --metric: expected one of ${metrics.join(', ')}, got ${JSON.stringify(metric)}`);
  const max = integerFlag(command, 'max-replicates', values['max-replicates'], Math.max(100, replicates), replicates);
  return { precision, metric, max };
}

/** JSON with every object's keys in sorted order: the same text for the same content. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** A point's values as nested overrides. */
function pointOverrides(factors: readonly Factor[], values: readonly FactorValue[]): ParamOverrides {
  return factors.reduce<ParamOverrides>((root, f, j) => mergeParams(root, settingAt(f.path, values[j])), {});
}

function columnType(factor: Factor, values: readonly (readonly FactorValue[])[], j: number): 'number' | 'integer' | 'string' {
  if (values.some((p) => typeof p[j] === 'string')) return 'string';
  return factor.integer ? 'integer' : 'number';
}

/** The command line's own settings must not fight the sweep over a parameter. */
function checkConflicts(command: string, overrides: ParamOverrides, factors: readonly Factor[]): void {
  for (const f of factors) {
    if (valueAtPath(overrides, f.path) !== undefined) throw new UsageError(`kith ${command}: ${f.path} is varied by the sweep; drop it from --set, --persons or --days`);
  }
}

/** What a sweep is planned from, by the name a user knows it by, in the order it is most often changed. */
const PLANNED: [string, (l: SweepLayout) => unknown][] = [
  ['settings (--set, --persons, --days)', (l) => l.source?.settings],
  ['--timeseries', (l) => l.timeseries],
  ['--subgroups', (l) => l.subgroups ?? 'own'],
  ['--precision, --metric and --max-replicates', (l) => l.sequential],
  ['scenario', (l) => l.source?.scenarioSha256],
  ['arms', (l) => l.arms],
  ['parameters', (l) => l.parameters.map((p) => p.path)],
  ['design', (l) => l.design],
  ['points', (l) => l.points],
  ['replicates', (l) => l.replicates],
  ['seed', (l) => l.seed],
];

/**
 * How the sweep saved in a folder differs from another (the one planned, or another shard's): the
 * first of PLANNED that does, with both values — labelled as `labels` say — where they are short
 * enough to read. A plan of a version before `source` was saved cannot tell its settings or
 * scenario; only Kith's version is left when nothing else differs.
 */
export function howItDiffers(saved: SweepLayout, other: SweepLayout, labels: [string, string] = ['its', "this one's"]): string {
  const comparable = PLANNED.filter(([name]) => saved.source !== undefined || (name !== 'scenario' && !name.startsWith('settings')));
  const found = comparable.find(([, of]) => canonicalJson(of(saved)) !== canonicalJson(of(other)));
  if (!found) return saved.source ? 'it was made by another version of Kith' : 'another file, setting or version of Kith';
  const [name, of] = found;
  if (name === 'scenario') return 'the scenario file differs';
  const shown = (value: unknown) => (value === null || value === undefined ? 'none' : canonicalJson(value));
  const [there, here] = [shown(of(saved)), shown(of(other))];
  return there.length + here.length > 120 ? `the ${name} differ` : `${labels[0]} ${name}: ${there}, ${labels[1]}: ${here}`;
}

/**
 * Refuses a folder that holds another sweep, or this one without --resume; returns the plan saved
 * there, if any.
 */
function checkState(command: string, out: string, layout: SweepLayout, shard: Shard | null, resume: boolean): PlanFile | undefined {
  checkOutputDir(out);
  const saved = readPlanFile(out);
  const started = saved !== undefined || existsSync(journalPath(out));
  if (started && !resume) throw new UsageError(`kith ${command}: --out ${out} holds a sweep already; add --resume to continue it, or choose another folder`);
  if (!saved && started) {
    // Without the plan, nothing says which sweep the journal's runs belong to.
    throw new UsageError(`kith ${command}: --out ${out} holds a journal but no .sweep/plan.json, so it cannot be told to be this sweep's; choose another folder`);
  }
  if (!saved) return undefined;
  // Before the lock is taken: a folder that cannot be resumed is left as it was.
  if (existsSync(journalPath(out))) checkJournal(journalPath(out));
  if (saved.layout.fingerprint !== layout.fingerprint) {
    throw new UsageError(`kith ${command}: --out ${out} holds a different sweep — ${howItDiffers(saved.layout, layout)}; choose another folder, or resume with the same sweep file and flags`);
  }
  const flag = (s: Shard | null) => (s ? `--shard ${s.index}/${s.count}` : 'no --shard');
  if (flag(saved.shard) !== flag(shard)) {
    const held = saved.shard ? `shard ${saved.shard.index}/${saved.shard.count} of this sweep` : 'this sweep unsharded';
    // kith slurm sets --shard itself, from --tasks.
    const resumeWith = command === 'slurm' && saved.shard ? `--tasks ${saved.shard.count}` : flag(saved.shard);
    throw new UsageError(`kith ${command}: --out ${out} holds ${held}: resume it with ${resumeWith}, or choose another folder`);
  }
  const holder = lockHolder(out);
  if (holder !== undefined) throw new UsageError(`kith ${command}: --out ${out}: another kith sweep (process ${holder}) is writing to this folder`);
  return saved;
}

/** Every point × arm resolves to valid parameters, or the first that does not is named. */
function checkPoints(file: string, arms: readonly string[], plan: Pick<SweepPlan, 'params' | 'subgroupsFrom'>, layout: Pick<SweepLayout, 'points' | 'parameters'>): void {
  layout.points.forEach((values, p) => {
    arms.forEach((arm, a) => {
      try {
        plan.params(p, a);
        plan.subgroupsFrom(p, a);
      } catch (e) {
        if (!(e instanceof ParamError)) throw e;
        const where = layout.parameters.map((f, j) => setting(f.path, values[j])).join(', ');
        throw new InputError(file, `point ${p} (${where}), arm ${JSON.stringify(arm)}: ${e.message}`);
      }
    });
  });
}

/** `kith run <scenario> …` with the command line's own settings, to which each point adds its. */
function runCommand(scenarioFile: string, values: Parsed['values'], arms: readonly string[] | null, subgroups: SubgroupBasis): string[] {
  const command = ['kith', 'run', scenarioFile];
  for (const flag of ['persons', 'days'] as const) if (values[flag] !== undefined) command.push(`--${flag}`, String(values[flag]));
  for (const s of (values.set as string[] | undefined) ?? []) command.push('--set', s);
  if (arms) command.push('--arms', arms.join(','));
  if (subgroups === 'reference') command.push('--subgroups', 'reference');
  return command;
}

/** The most points a sweep's design may have: each point's values are held in memory. */
const MAX_POINTS = 1_000_000;

/** Plans `kith <command> <sweep.json> [flags]` from parsed flags. */
export function planSweep(command: string, { values, positionals }: Parsed): SweepPlan {
  if (positionals.length !== 1) throw new UsageError(`kith ${command}: expected one sweep file, got ${positionals.length} (see kith ${command} --help)`);
  const file = positionals[0];
  const { sweep, scenarioFile, scenario } = readSweep(file);
  const overrides = commandLineSettings(command, values);
  const shard = parseShard(command, values.shard);
  const factors: Factor[] = sweep.parameters.map((f) => ({ ...f, integer: leafAt(f.path).range?.integer === true }));
  checkConflicts(command, overrides, factors);
  const arms = sweep.arms ? armNames(scenario).filter((a) => sweep.arms?.includes(a)) : armNames(scenario);
  const sequential = sequentialOf(command, values, sweep.replicates);
  const size = designSize(factors, sweep.design);
  if (size > MAX_POINTS) {
    throw new UsageError(`${file}: design: it has ${size.toLocaleString('en')} points; a sweep holds at most ${MAX_POINTS.toLocaleString('en')} (split it, or use fewer levels or points)`);
  }
  const { values: points, unit } = designPoints(factors, sweep.design, sweep.seed);
  const paramsAt = (point: number, arm: string) => armParams(scenario, arm, mergeParams(overrides, pointOverrides(factors, points[point])));
  const params = (point: number, arm: number) => paramsAt(point, arms[arm]);
  const subgroups = subgroupBasis(command, values.subgroups);
  const from = (point: number, arm: number) =>
    subgroups === 'own' ? undefined : subgroupsFrom(arms[arm], scenario.reference, params(point, arm), paramsAt(point, scenario.reference), `${file}: point ${point}`);
  const parameters = factors.map((f, j) => ({ path: f.path, type: columnType(f, points, j), description: leafAt(f.path).doc }));
  const runs = {
    name: sweep.name,
    scenario: scenario.name,
    reference: scenario.reference,
    arms,
    parameters,
    design: sweep.design,
    points,
    unit,
    replicates: sweep.replicates,
    seed: sweep.seed,
    sequential,
    timeseries: values.timeseries === true,
    // Only where asked for, so that the fingerprints of sweeps before the flag stay as they were.
    ...(subgroups === 'reference' ? { subgroups } : {}),
  };
  checkPoints(file, arms, { params, subgroupsFrom: from }, runs);
  // What decides the results: the above, the scenario, the command line's settings, Kith's version;
  // not the order they were written in (--set a --set b, or --persons against --set persons=).
  const fingerprint = sha256(canonicalJson({ kith: kithVersion(), scenarioFile: scenario, overrides, ...runs }));
  const source = { scenario, scenarioSha256: sha256(canonicalJson(scenario)), settings: overrides };
  const layout: SweepLayout = { ...runs, command: runCommand(scenarioFile, values, sweep.arms ? arms : null, subgroups), fingerprint, source };
  const out = (values.out as string | undefined) ?? defaultOut(sweep.name);
  const resume = values.resume === true;
  const saved = checkState(command, out, layout, shard, resume);
  return {
    file,
    // The same runs either way; the saved plan keeps the reproducing command as first written.
    layout: saved?.layout ?? layout,
    shard,
    params,
    subgroupsFrom: from,
    out,
    workers: integerFlag(command, 'workers', values.workers, availableParallelism(), 1, 256),
    threads: integerFlag(command, 'threads', values.threads, 1, 1, MAX_SLOTS),
    resume,
    quiet: values.quiet === true,
  };
}
