/**
 * The sweep file format: a scenario, the parameters to vary by dotted path (a list of values, or a
 * range), a design, replicates per point and a seed. One zod schema checks sweep files and
 * generates `sweep.schema.json` (npm run schema) for editors, as for scenario files; every rule a
 * file can break is checked here, before anything runs, and reported with the JSON path.
 * Pure: no file access (the command line reads the file and the scenario it names).
 */
import { z } from 'zod';
import { formatPath, issueToError, nearest, PARAMETERS, type ParamLeaf } from '../sim/index.ts';

const LEAVES = new Map<string, ParamLeaf>(PARAMETERS.map((p) => [p.path, p.leaf]));
const PATHS = [...LEAVES.keys()];

const count = (what: string, min: number) => z.int({ error: `expected ${what}, an integer of at least ${min}` }).min(min, { error: `expected ${what}, an integer of at least ${min}` });

const factorSchema = z
  .strictObject(
    {
      path: z.string({ error: 'expected the dotted path of a parameter' }).meta({ enum: PATHS }).describe('the parameter to vary, by dotted path, e.g. lockdown.faceToFaceCut'),
      values: z
        .array(z.union([z.number(), z.string()], { error: 'expected a number, or a text for a setting that takes one' }), { error: 'expected a list of values' })
        .min(1, { error: 'expected at least one value' })
        .optional()
        .describe('the values to run (grid designs)'),
      min: z.number({ error: 'expected a number' }).optional().describe('lower end of the range'),
      max: z.number({ error: 'expected a number' }).optional().describe('upper end of the range'),
      levels: count('the number of levels', 2).optional().describe('grid designs: evenly spaced values over [min, max], ends included'),
    },
    { error: 'expected {"path": …, "values": […]} or {"path": …, "min": …, "max": …}' },
  )
  .describe('a parameter to vary: a list of values, or a range');

const designSchema = z
  .discriminatedUnion(
    'type',
    [
      z.strictObject({ type: z.literal('grid') }).describe('every combination of the parameters’ values'),
      z
        .strictObject({ type: z.literal('latin-hypercube'), points: count('the number of points of the Latin hypercube', 1).describe('points in the hypercube') })
        .describe('n points, one in each of n equal strata of every range (McKay et al. 1979)'),
      z
        .strictObject({
          type: z.literal('morris'),
          trajectories: count('the number of Morris trajectories', 2).describe('trajectories r: the sweep runs r × (parameters + 1) points'),
          levels: count('an even number of levels', 2)
            .refine((p) => p % 2 === 0, { error: 'expected an even number of levels, an integer of at least 2' })
            .default(4)
            .describe('grid levels p of each range; each step moves a parameter by p / (2(p − 1)) of its range'),
        })
        .describe('elementary effects along r trajectories (Morris 1991), for screening'),
    ],
    { error: 'expected a design: {"type": "grid"}, {"type": "latin-hypercube", "points": n} or {"type": "morris", "trajectories": r}' },
  )
  .describe('which points of the parameter space to run');

/** A problem at a path of the file. */
type Problem = (path: (string | number)[], message: string) => void;

/** A value a parameter cannot take, as the parameter's own schema says. */
function checkValue(leaf: ParamLeaf, value: unknown, path: (string | number)[], name: string, problem: Problem): void {
  const checked = leaf.schema.safeParse(value);
  if (!checked.success) problem(path, `${name}: expected ${leaf.expected}, got ${JSON.stringify(value)}`);
}

function checkFactor(f: z.infer<typeof factorSchema>, i: number, design: string, problem: Problem, seen: Map<string, number>): void {
  const at = (...rest: (string | number)[]) => ['parameters', i, ...rest];
  const leaf = LEAVES.get(f.path);
  if (!leaf) {
    const guess = nearest(f.path, PATHS);
    return problem(at('path'), `unknown parameter ${JSON.stringify(f.path)}${guess ? `; did you mean "${guess}"?` : ''}`);
  }
  if (seen.has(f.path)) return problem(at('path'), `${f.path} is already varied by parameters[${seen.get(f.path)}]`);
  seen.set(f.path, i);
  const ranged = f.min !== undefined || f.max !== undefined;
  if (f.values && ranged) return problem(at(), 'expected either values or a range (min and max), not both');
  if (f.values) {
    if (f.levels !== undefined) return problem(at('levels'), 'levels spaces a range; a list of values needs none');
    if (design !== 'grid') return problem(at('values'), `a ${design} design needs a range (min and max), not a list of values`);
    f.values.forEach((v, k) => checkValue(leaf, v, at('values', k), f.path, problem));
    return;
  }
  if (f.min === undefined || f.max === undefined) return problem(at(), `expected values or a range (min and max) for ${f.path}`);
  if (!leaf.range) return problem(at(), `${f.path} takes ${leaf.expected}: give its values, not a range`);
  if (!(f.min < f.max)) return problem(at(), `empty range: min (${f.min}) must be below max (${f.max})`);
  checkValue(leaf, f.min, at('min'), f.path, problem);
  checkValue(leaf, f.max, at('max'), f.path, problem);
  if (design === 'grid' && f.levels === undefined) return problem(at('levels'), 'a grid design needs values, or levels over the range');
  if (design !== 'grid' && f.levels !== undefined) return problem(at('levels'), `levels spaces a grid; a ${design} design places its own points`);
}

export const sweepSchema = z
  .strictObject({
    $schema: z.string({ error: 'expected the path of the JSON Schema' }).optional(),
    name: z.string({ error: 'expected a name' }).min(1, { error: 'expected a non-empty name' }).describe('short name of the sweep'),
    description: z.string({ error: 'expected a text' }).default('').describe('what the sweep explores'),
    scenario: z.string({ error: 'expected the path of a scenario file' }).min(1, { error: 'expected the path of a scenario file' }).describe('the scenario file, relative to this file'),
    arms: z
      .array(z.string({ error: 'expected an arm name' }), { error: 'expected a list of arm names' })
      .min(1, { error: 'expected at least one arm' })
      .optional()
      .describe('the scenario’s arms to run at every point (default: all); effects need the reference arm'),
    parameters: z.array(factorSchema, { error: 'expected a list of parameters' }).min(1, { error: 'expected at least one parameter' }).describe('the parameters to vary'),
    design: designSchema,
    replicates: count('replicates per point', 1).default(5).describe('replicates per point; with --precision, the size of each batch'),
    seed: z.int({ error: 'expected an integer seed of at least 0' }).min(0, { error: 'expected an integer seed of at least 0' }).default(1).describe('the sweep’s seed: every run’s seed derives from it, the point and the replicate'),
  })
  .superRefine((s, ctx) => {
    const problem: Problem = (path, message) => ctx.addIssue({ code: 'custom', path, message });
    const seen = new Map<string, number>();
    s.parameters.forEach((f, i) => checkFactor(f, i, s.design.type, problem, seen));
  });

export type SweepFile = z.output<typeof sweepSchema>;

/** The parameter leaf at a dotted path (a path the schema accepted). */
export function leafAt(path: string): ParamLeaf {
  return LEAVES.get(path) as ParamLeaf;
}

/** The first problem of a sweep file, as one line: `path: what is wrong`. */
export function sweepProblem(error: z.ZodError, input: unknown): string {
  const issue = error.issues[0];
  if (issue.code === 'custom') return `${formatPath(issue.path)}: ${issue.message}`;
  return issueToError(issue, { schema: sweepSchema, input }).message;
}

/** The JSON Schema editors read, from the zod schema. */
export function sweepJsonSchema(): object {
  return {
    ...z.toJSONSchema(sweepSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Kith sweep',
    description: 'A Kith sweep: a scenario, the parameters to vary, a design, replicates and a seed (see the README, Sweeps).',
  };
}
