/**
 * The building blocks of the parameter table: each parameter is one leaf carrying its default,
 * unit, admissible range, whether it is calibrated, and its source. Defaults, validation, the
 * JSON Schema and the ODD parameter table are all read off the same leaves.
 */
import { z } from 'zod';

export interface ParamLeaf<T = unknown> {
  readonly isParam: true;
  readonly default: T;
  /** Unit of measure, as written in MODEL.md §6. */
  readonly unit: string;
  /** What a valid value looks like, phrased to follow "expected". */
  readonly expected: string;
  /** Marked free in MODEL.md §6: to be calibrated. */
  readonly free: boolean;
  /** Meaning and source. */
  readonly doc: string;
  readonly schema: z.ZodType<T>;
  /** Admissible range of a numeric parameter. */
  readonly range?: Range;
  /** Admissible values of a categorical parameter. */
  readonly options?: readonly string[];
}

export interface Range {
  min?: number;
  max?: number;
  /** The bound itself is not allowed (a rate that must be positive, say). */
  minExclusive?: boolean;
  integer?: boolean;
}

/** A nested table of parameter leaves. */
export interface ParamTree {
  readonly [key: string]: ParamLeaf | ParamTree;
}

/** The value type a table of leaves describes. */
export type ValuesOf<S> = {
  -readonly [K in keyof S]: S[K] extends ParamLeaf<infer T> ? T : ValuesOf<S[K]>;
};

export function isLeaf(node: ParamLeaf | ParamTree): node is ParamLeaf {
  return (node as ParamLeaf).isParam === true;
}

interface Describe {
  unit: string;
  doc: string;
  free?: boolean;
}

type NumberRange = Describe & Range;

function describeRange(r: Range): string {
  const what = r.integer ? 'an integer' : 'a number';
  const { min, max } = r;
  if (min !== undefined && max !== undefined && !r.minExclusive) return `${what} from ${min} to ${max}`;
  if (min !== undefined && max !== undefined) return `${what} above ${min} and at most ${max}`;
  if (min !== undefined) return r.minExclusive ? `${what} above ${min}` : `${what} of at least ${min}`;
  if (max !== undefined) return `${what} of at most ${max}`;
  return `a finite ${what.slice(what.indexOf(' ') + 1)}`;
}

/** A number schema whose every failure says the same thing: what was expected. */
export function rangeSchema(r: Range): z.ZodNumber {
  const error = `expected ${describeRange(r)}`;
  let schema = z.number({ error });
  if (r.integer) schema = schema.int({ error });
  if (r.min !== undefined) schema = r.minExclusive ? schema.gt(r.min, { error }) : schema.gte(r.min, { error });
  if (r.max !== undefined) schema = schema.lte(r.max, { error });
  return schema;
}

function leaf<T>(value: T, expected: string, d: Describe, schema: z.ZodType<T>, extra: Partial<ParamLeaf<T>> = {}): ParamLeaf<T> {
  return {
    ...extra,
    isParam: true,
    default: value,
    unit: d.unit,
    expected,
    free: d.free ?? false,
    doc: d.doc,
    schema: schema.describe(`${d.doc} [${d.unit}]`) as z.ZodType<T>,
  };
}

export function num(value: number, r: NumberRange): ParamLeaf<number> {
  const range: Range = { min: r.min, max: r.max, minExclusive: r.minExclusive, integer: r.integer };
  return leaf(value, describeRange(r), r, rangeSchema(r), { range });
}

export function int(value: number, r: Omit<NumberRange, 'integer'>): ParamLeaf<number> {
  return num(value, { ...r, integer: true });
}

/** A share or probability in [0, 1]. */
export function share(value: number, d: Describe): ParamLeaf<number> {
  return num(value, { ...d, min: 0, max: 1 });
}

/** A non-negative number. */
export function nonNegative(value: number, d: Describe): ParamLeaf<number> {
  return num(value, { ...d, min: 0 });
}

/** A strictly positive number. */
export function positive(value: number, d: Describe): ParamLeaf<number> {
  return num(value, { ...d, min: 0, minExclusive: true });
}

export function choice<const T extends readonly [string, ...string[]]>(
  value: T[number],
  options: T,
  d: Describe,
): ParamLeaf<T[number]> {
  const expected = `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
  return leaf(value, expected, d, z.enum(options, { error: `expected ${expected}` }) as z.ZodType<T[number]>, { options });
}

/** The three functions of support (Thoits 2011), in the order every per-function array uses. */
export const FUNCTIONS = ['emotional', 'informational', 'instrumental'] as const;
export type SupportFunction = (typeof FUNCTIONS)[number];

/** One leaf per function of support, built by the same maker with each function's default. */
export function perFunction(
  values: readonly [number, number, number],
  make: (value: number) => ParamLeaf<number>,
): Record<SupportFunction, ParamLeaf<number>> {
  return { emotional: make(values[0]), informational: make(values[1]), instrumental: make(values[2]) };
}

/** The default values of a table. */
export function defaultsOf<S extends ParamTree>(tree: S): ValuesOf<S> {
  const out: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(tree)) {
    out[key] = isLeaf(node) ? structuredClone(node.default) : defaultsOf(node);
  }
  return out as ValuesOf<S>;
}

/** A strict zod object for a table: unknown keys are errors, every leaf required. */
export function schemaOf(tree: ParamTree): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, node] of Object.entries(tree)) shape[key] = isLeaf(node) ? node.schema : schemaOf(node);
  return z.strictObject(shape, { error: 'expected an object of settings' });
}

/** A strict zod object in which every setting is optional: overrides of the defaults. */
export function partialSchemaOf(tree: ParamTree): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, node] of Object.entries(tree)) shape[key] = (isLeaf(node) ? node.schema : partialSchemaOf(node)).optional();
  return z.strictObject(shape, { error: 'expected an object of settings' });
}

/** Every leaf with its dotted path, in table order (for documentation and `--set`). */
export function leavesOf(tree: ParamTree, prefix = ''): { path: string; leaf: ParamLeaf }[] {
  return Object.entries(tree).flatMap(([key, node]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return isLeaf(node) ? [{ path, leaf: node }] : leavesOf(node, path);
  });
}
