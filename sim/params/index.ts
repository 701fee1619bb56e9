/**
 * Parameters: the typed `Params`, their defaults, and validation in one place. Everything that
 * reaches the engine — `run()`, scenario files, `--set` — passes through `validateParams`.
 */
import { z } from 'zod';
import { eventSchema, type TimelineEvent } from '../timeline/schema.ts';
import { rangeSchema, defaultsOf, schemaOf, leavesOf, type ValuesOf } from './spec.ts';
import { PARAM_TABLE } from './table.ts';

export { PARAM_TABLE } from './table.ts';
export { FUNCTIONS, type SupportFunction, type ParamLeaf } from './spec.ts';

/** The days resilience is measured against (MODEL.md §8). */
export interface CrisisWindow {
  start: number;
  end: number;
}

export type Params = ValuesOf<typeof PARAM_TABLE> & {
  /** Events applied at the start of their day, in this order. */
  timeline: TimelineEvent[];
  /** The crisis window; `null` takes the first lockdown and the reopening after it. */
  crisis: CrisisWindow | null;
};

/** Partial settings merged onto the defaults (arrays, such as the timeline, are replaced). */
export type ParamOverrides = DeepPartial<Params>;
type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** A fresh copy of every default; the timeline is empty (no crisis). */
export function defaultParams(): Params {
  return { ...defaultsOf(PARAM_TABLE), timeline: [], crisis: null };
}

/** Every tunable parameter with its dotted path, unit, range and source. */
export const PARAMETERS = leavesOf(PARAM_TABLE);

const day = rangeSchema({ integer: true, min: 0 });

const paramsSchema = schemaOf(PARAM_TABLE)
  .extend({
    timeline: z.array(eventSchema, { error: 'expected a list of events' }),
    crisis: z.strictObject({ start: day, end: day }, { error: 'expected {"start": day, "end": day} or null' }).nullable(),
  })
  .superRefine((p, ctx) => {
    const v = p as unknown as Params;
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    v.timeline.forEach((e, i) => {
      if (e.day >= v.days) problem(['timeline', i, 'day'], `expected an integer from 0 to ${v.days - 1}`);
    });
    if (v.crisis) {
      if (v.crisis.end >= v.days) problem(['crisis', 'end'], `expected an integer from 0 to ${v.days - 1}`);
      if (v.crisis.end < v.crisis.start) problem(['crisis', 'end'], `expected a day not before crisis.start (${v.crisis.start})`);
    }
    if (v.perception.kappaKin > v.perception.kappa) {
      problem(['perception', 'kappaKin'], `expected at most perception.kappa (${v.perception.kappa}): loneliness spreads less through kin`);
    }
    if (v.shg.sizeMin > v.shg.sizeMax) problem(['shg', 'sizeMin'], `expected at most shg.sizeMax (${v.shg.sizeMax})`);
    for (const layer of ['kin', 'friend', 'neighbour', 'coworker'] as const) {
      const { strengthMin, strengthMax } = v.network[layer];
      if (strengthMin > strengthMax) problem(['network', layer, 'strengthMin'], `expected at most network.${layer}.strengthMax (${strengthMax})`);
    }
  });

/** Thrown when settings are invalid: names the parameter, what was expected and what was given. */
export class ParamError extends Error {
  /** Dotted path of the setting, e.g. `timeline[1].day`. */
  readonly path: string;
  readonly expected: string;
  readonly given: unknown;

  constructor(path: string, expected: string, given: unknown) {
    super(`${path}: ${expected}${given === undefined ? '' : `, got ${formatValue(given)}`}`);
    this.name = 'ParamError';
    this.path = path;
    this.expected = expected;
    this.given = given;
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `a.b[2].c` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** The closest of `options` to `word` by edit distance, if any is close enough to be a typo. */
export function nearest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [option, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function toParamError(issue: z.core.$ZodIssue, input: unknown): ParamError {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const guess = nearest(key, knownKeys(issue.path));
    const where = formatPath([...issue.path, key]);
    return new ParamError(where, `unknown setting${guess ? `; did you mean "${guess}"?` : ''}`, undefined);
  }
  const given = valueAt(input, issue.path);
  const message = isDayPath(issue.path) && issue.code !== 'custom' ? expectedDay(input) : issue.message.startsWith('expected') ? issue.message : `expected ${issue.message}`;
  return new ParamError(formatPath(issue.path), message, given);
}

/** Days in the timeline and the crisis window: their range depends on `days`. */
function isDayPath(path: readonly PropertyKey[]): boolean {
  return (path[0] === 'timeline' && path[2] === 'day' && path.length === 3) || (path[0] === 'crisis' && path.length === 2);
}

function expectedDay(input: unknown): string {
  const days = valueAt(input, ['days']);
  const valid = typeof days === 'number' && Number.isInteger(days) && days >= 1;
  return valid ? `expected an integer from 0 to ${days - 1}` : 'expected an integer day of at least 0';
}

/** The valid keys at a path of the parameters (for "did you mean"). */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let node: unknown = { ...PARAM_TABLE, timeline: [], crisis: { start: 0, end: 0 } };
  for (const key of path) {
    if (typeof key === 'number') return [];
    node = (node as Record<string, unknown>)?.[key as string];
  }
  return node && typeof node === 'object' && !('isParam' in node) ? Object.keys(node) : [];
}

/** Check complete settings; throws a `ParamError` naming the first problem. */
export function validateParams(input: unknown): Params {
  const result = paramsSchema.safeParse(input);
  if (!result.success) throw toParamError(result.error.issues[0], input);
  return result.data as unknown as Params;
}

/** Merge `overrides` onto `base` (objects merge key by key; arrays and values replace). */
export function mergeParams<T>(base: T, overrides: unknown): T {
  if (overrides === undefined) return structuredClone(base);
  if (!isPlainObject(base) || !isPlainObject(overrides)) return structuredClone(overrides) as T;
  const out: Record<string, unknown> = structuredClone(base) as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) out[key] = key in out ? mergeParams(out[key], value) : structuredClone(value);
  return out as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Defaults with `overrides` merged on, validated. */
export function resolveParams(overrides: ParamOverrides = {}): Params {
  return validateParams(mergeParams(defaultParams(), overrides));
}

/** The crisis window in force: the declared one, else the first lockdown and the reopening after it. */
export function crisisWindow(params: Params): CrisisWindow | null {
  if (params.crisis) return params.crisis;
  const lockdown = params.timeline.find((e) => e.type === 'lockdown');
  if (!lockdown) return null;
  const reopening = params.timeline.find((e) => e.type === 'reopening' && e.day > lockdown.day);
  return { start: lockdown.day, end: reopening ? reopening.day : params.days - 1 };
}
