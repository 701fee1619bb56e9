/**
 * Parameters: the typed `Params`, their defaults, and validation in one place. Everything that
 * reaches the engine — `run()`, scenario files, `--set` — passes through `validateParams`.
 */
import { z } from 'zod';
import { eventSchema, type TimelineEvent } from '../timeline/schema.ts';
import { issueToError, valueAt } from './errors.ts';
import { rangeSchema, defaultsOf, schemaOf, partialSchemaOf, leavesOf, type ValuesOf } from './spec.ts';
import { PARAM_TABLE } from './table.ts';

export { PARAM_TABLE } from './table.ts';
export { ParamError, formatPath, nearest, issueToError, formatValue } from './errors.ts';
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

const timelineSchema = z.array(eventSchema, { error: 'expected a list of events' });
const crisisSchema = z.strictObject({ start: day, end: day }, { error: 'expected {"start": day, "end": day} or null' }).nullable();

/**
 * Settings that override the defaults: any subset of the parameters, nested as in
 * `defaultParams()`, with the timeline and crisis window. Scenario files and arms use it.
 */
export const overridesSchema = partialSchemaOf(PARAM_TABLE).extend({ timeline: timelineSchema.optional(), crisis: crisisSchema.optional() });

/**
 * One setting by its path (`kith --set`): as overrides, but a crisis window may be given one end
 * at a time, to be merged onto the scenario's; the merged window is checked with the rest.
 */
export const settingSchema = overridesSchema.extend({ crisis: crisisSchema.unwrap().partial().nullable().optional() });

const paramsSchema = schemaOf(PARAM_TABLE)
  .extend({
    timeline: timelineSchema,
    crisis: crisisSchema,
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
    // Relative weights are drawn from in proportion: all zero would leave nothing to draw.
    for (const set of ['householdSize', 'ageLivingAlone', 'ageWithOthers'] as const) {
      const weights: Record<string, number> = v.population[set];
      if (Object.values(weights).every((w) => w === 0)) problem(['population', set], 'expected relative weights with at least one above 0');
    }
    for (const layer of ['kin', 'friend', 'neighbour', 'coworker'] as const) {
      const { strengthMin, strengthMax } = v.network[layer];
      if (strengthMin > strengthMax) problem(['network', layer, 'strengthMin'], `expected at most network.${layer}.strengthMax (${strengthMax})`);
    }
  });

/** Days of a run, if `input` holds a valid number of them. */
function daysOf(input: unknown): number | undefined {
  const days = valueAt(input, ['days']);
  return typeof days === 'number' && Number.isInteger(days) && days >= 1 ? days : undefined;
}

/** Check complete settings; throws a `ParamError` naming the first problem. */
export function validateParams(input: unknown): Params {
  const result = paramsSchema.safeParse(input);
  if (!result.success) throw issueToError(result.error.issues[0], { schema: paramsSchema, input, days: daysOf(input) });
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

/** Whether two settings are equal but for the top-level keys in `except` (values compared deeply). */
export function sameParamsExcept(a: Params, b: Params, except: readonly (keyof Params)[]): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Params)[]);
  for (const key of keys) if (!except.includes(key) && !sameValue(a[key], b[key])) return false;
  return true;
}

/** Deep equality of plain values: numbers, strings, booleans, null, arrays and plain objects. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]));
}

/** Overrides that set one parameter by its dotted path: `settingAt('shg.pJoin', 0.05)`. */
export function settingAt(path: string, value: unknown): ParamOverrides {
  return path
    .split('.')
    .reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as ParamOverrides;
}

/** The value at a dotted path of parameters or overrides; undefined where there is none. */
export function valueAtPath(tree: unknown, path: string): unknown {
  return valueAt(tree, path.split('.'));
}

/** Defaults with `overrides` merged on, validated. */
export function resolveParams(overrides: ParamOverrides = {}): Params {
  return validateParams(mergeParams(defaultParams(), overrides));
}

/** The crisis window in force: the declared one, else the first lockdown and the reopening after it. */
export function crisisWindow(params: Params): CrisisWindow | null {
  if (params.crisis) return params.crisis;
  const byDay = [...params.timeline].sort((a, b) => a.day - b.day);
  const lockdown = byDay.find((e) => e.type === 'lockdown');
  if (!lockdown) return null;
  const reopening = byDay.find((e) => e.type === 'reopening' && e.day > lockdown.day);
  return { start: lockdown.day, end: reopening ? reopening.day : params.days - 1 };
}
