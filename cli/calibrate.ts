/**
 * `npm run calibrate [-- calibration/targets.json] [--out calibration/fit.json]`:
 * fits the free parameters to the patterns of MODEL.md §9 — a Latin hypercube over the bounds,
 * then Nelder–Mead from the best points, every candidate run on the same seeds — checks the fit on
 * larger runs with other seeds, and writes the fitted values, the distance per pattern and the
 * method's settings. Deterministic: the same targets file gives the same fit.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { InputError, parseJson } from '../scenarios/load.ts';
import { readInputText } from './scenario-file.ts';
import { z } from 'zod';
import { PARAMETERS } from '../sim/index.ts';
import { distance, gapOf, settingsAt, type FreeParameter } from './calibration/objective.ts';
import { latinHypercube, nelderMead, type Point } from './calibration/search.ts';
import { validateModel, type PatternResult, type ValidationSettings } from './validation/run.ts';
import { patternTable } from './validate-model.ts';
import { UsageError } from './errors.ts';
import { runScript } from './script.ts';

const settings = z.strictObject({ persons: z.int().min(100), replicates: z.int().min(1), seed: z.int().min(0) });
const targetsSchema = z.strictObject({
  description: z.string(),
  search: settings,
  check: settings,
  method: z.strictObject({
    latinHypercubePoints: z.int().min(1),
    nelderMeadStarts: z.int().min(0),
    nelderMeadEvaluations: z.int().min(0),
    seed: z.int().min(0),
  }),
  scales: z.record(z.string(), z.number().positive()),
  parameters: z.record(z.string(), z.tuple([z.number(), z.number()])),
  /** A point to refine from as well as the hypercube's best (e.g. a previous fit), by path. */
  start: z.record(z.string(), z.number()).optional(),
});
export type Targets = z.infer<typeof targetsSchema>;

export function readTargets(file: string): Targets {
  const checked = targetsSchema.safeParse(parseJson(readInputText(file, 'a targets file'), file));
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new InputError(file, `${issue.path.join('.') || '(the file)'}: ${issue.message}`);
  }
  const targets = checked.data;
  for (const path of Object.keys(targets.parameters)) {
    const known = PARAMETERS.find((p) => p.path === path);
    if (!known) throw new InputError(file, `parameters.${path}: not a parameter of Kith`);
    const [low, high] = targets.parameters[path];
    const r = known.leaf.range ?? {};
    if (!(low < high) || (r.min !== undefined && low < r.min) || (r.max !== undefined && high > r.max)) {
      throw new InputError(file, `parameters.${path}: expected bounds low < high within ${known.leaf.expected}`);
    }
    const start = targets.start?.[path];
    if (targets.start && (start === undefined || start < low || start > high)) throw new InputError(file, `start.${path}: expected a value from ${low} to ${high}`);
  }
  return targets;
}

export interface Fit {
  method: Targets['method'] & { search: Targets['search']; check: Targets['check']; evaluations: number };
  parameters: Record<string, number>;
  distance: number;
  search: PatternRow[];
  check: PatternRow[];
}

interface PatternRow {
  pattern: string;
  low: number | null;
  high: number | null;
  mean: number;
  halfWidth: number | null;
  gap: number;
  pass: boolean;
}

const rowsOf = (results: readonly PatternResult[]): PatternRow[] =>
  results.map((r) => ({
    pattern: r.pattern.name,
    low: Number.isFinite(r.pattern.low) ? r.pattern.low : null,
    high: Number.isFinite(r.pattern.high) ? r.pattern.high : null,
    mean: r.mean,
    halfWidth: Number.isFinite(r.halfWidth) ? r.halfWidth : null,
    gap: gapOf(r),
    pass: r.pass,
  }));

/** Values rounded to 4 significant digits: what a parameter table can state and defend. */
const round = (x: number) => Number(x.toPrecision(4));

export function calibrate(targets: Targets, log: (line: string) => void = () => {}): { fit: Fit; checked: PatternResult[] } {
  const free: FreeParameter[] = Object.entries(targets.parameters).map(([path, [low, high]]) => ({ path, low, high }));
  const search: ValidationSettings = { ...targets.search };
  let evaluations = 0;
  const objective = (point: Point) => {
    evaluations++;
    const value = distance(validateModel({ ...search, overrides: settingsAt(point, free) }), targets.scales);
    log(`evaluation ${evaluations}: distance ${value.toFixed(3)}`);
    return value;
  };
  const { latinHypercubePoints, nelderMeadStarts, nelderMeadEvaluations, seed } = targets.method;
  const explored = latinHypercube(latinHypercubePoints, free.length, seed).map((point) => ({ point, value: objective(point) }));
  explored.sort((a, b) => a.value - b.value);
  const given = targets.start ? [{ point: free.map((p) => ((targets.start as Record<string, number>)[p.path] - p.low) / (p.high - p.low)) }] : [];
  let best = explored[0];
  for (const start of [...given, ...explored.slice(0, nelderMeadStarts)]) {
    const refined = nelderMead(objective, start.point, nelderMeadEvaluations);
    if (refined.value < best.value) best = { point: refined.point, value: refined.value };
  }
  const parameters = Object.fromEntries(
    free.map((p, j) => [p.path, round(p.low + best.point[j] * (p.high - p.low))]),
  );
  if (parameters['perception.kappaKin'] > parameters['perception.kappa']) parameters['perception.kappaKin'] = parameters['perception.kappa'];
  const rounded = settingsAt(
    free.map((p) => (parameters[p.path] - p.low) / (p.high - p.low)),
    free,
  );
  const searched = validateModel({ ...search, overrides: rounded });
  const checked = validateModel({ ...targets.check, overrides: rounded });
  return {
    fit: {
      method: { ...targets.method, search: targets.search, check: targets.check, evaluations },
      parameters,
      distance: distance(searched, targets.scales),
      search: rowsOf(searched),
      check: rowsOf(checked),
    },
    checked,
  };
}

const COMMAND = 'npm run calibrate';

const HELP = `Usage: ${COMMAND} [-- TARGETS] [--out FILE]

Fits the free parameters to the patterns of MODEL.md §9: a Latin hypercube over the bounds in
TARGETS, then Nelder–Mead from its best points, every candidate run on the same seeds; checks the
fit on larger runs with other seeds; writes the fitted values, the distance per pattern and the
method's settings to FILE. The targets file sets the sizes of the search and of the check (the
committed one takes a few minutes on two cores). Deterministic: the same targets give the same fit.

Arguments and options:
  TARGETS        the targets file                      (default calibration/targets.json)
  --out FILE     where the fit is written              (default calibration/fit.json)
  -h, --help     this help

Exit status: 0 on success, 2 on bad input.`;

if (import.meta.url === `file://${process.argv[1]}`) {
  runScript(COMMAND, HELP, { out: { type: 'string' } }, ({ values, positionals }) => {
    if (positionals.length > 1) throw new UsageError(`${COMMAND}: expected at most one targets file, got ${positionals.length} (see ${COMMAND} -- --help)`);
    const file = positionals[0] ?? 'calibration/targets.json';
    const out = (values.out as string | undefined) ?? 'calibration/fit.json';
    const { fit, checked } = calibrate(readTargets(file), (line) => process.stderr.write(`kith calibrate: ${line}\n`));
    writeFileSync(`${out}.tmp`, `${JSON.stringify(fit, null, 2)}\n`);
    renameSync(`${out}.tmp`, out);
    console.log(`fitted values (written to ${out}):`);
    for (const [path, value] of Object.entries(fit.parameters)) console.log(`  ${path.padEnd(24)} ${value}`);
    console.log(`\ncheck on ${fit.method.check.replicates} replicates of ${fit.method.check.persons} persons:\n${patternTable(checked)}`);
  });
}
