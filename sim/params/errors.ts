/**
 * Errors that say where: one line naming the setting by its path, what was expected and what was
 * given — for parameters, scenario files and command-line overrides alike.
 */
import type { z } from 'zod';

/** Thrown when settings are invalid: names the setting, what was expected and what was given. */
export class ParamError extends Error {
  /** Path of the setting, e.g. `timeline[1].day`. */
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

export function formatValue(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

/** `a.b[2].c` from a path; keys that are not identifiers are quoted: `arms["online-shg"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    if (!PLAIN_KEY.test(name)) return `${out}[${JSON.stringify(name)}]`;
    return out ? `${out}.${name}` : name;
  }, '');
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
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

type Node = z.core.$ZodType;

/** Looks through wrappers (optional, nullable, default, pipe) to the schema that holds keys. */
function unwrap(schema: Node): Node[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return unwrap(def.innerType as Node);
    case 'pipe':
      return [...unwrap(def.in as Node), ...unwrap(def.out as Node)];
    case 'union':
      return (def.options as Node[]).flatMap(unwrap);
    default:
      return [schema];
  }
}

/** The schemas a path can lead to (several through unions). */
function schemasAt(schema: Node, path: readonly PropertyKey[]): Node[] {
  let current = unwrap(schema);
  for (const key of path) {
    current = current.flatMap((s) => {
      const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
      if (def.type === 'object') {
        const child = (def.shape as Record<string, Node>)[String(key)];
        return child ? unwrap(child) : [];
      }
      if (def.type === 'record') return unwrap(def.valueType as Node);
      if (def.type === 'array') return unwrap(def.element as Node);
      return [];
    });
  }
  return current;
}

/** The keys a schema allows at a path (for "did you mean"). */
export function keysAt(schema: Node, path: readonly PropertyKey[]): string[] {
  const keys = schemasAt(schema, path).flatMap((s) => {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    return def.type === 'object' ? Object.keys(def.shape as object) : [];
  });
  return [...new Set(keys)];
}

/** Days of the timeline and the crisis window, whose range depends on the run's length. */
function isDayPath(path: readonly PropertyKey[]): boolean {
  const n = path.length;
  return (n >= 3 && path[n - 3] === 'timeline' && path[n - 1] === 'day') || (n >= 2 && path[n - 2] === 'crisis');
}

export interface IssueContext {
  /** The schema that was checked (for the valid keys near an unknown one). */
  schema: Node;
  /** What was checked (for the value given). */
  input: unknown;
  /** Days in the run, when known: a day is then expected from 0 to days − 1. */
  days?: number;
}

/** One zod issue as a ParamError. */
export function issueToError(issue: z.core.$ZodIssue, context: IssueContext): ParamError {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const guess = nearest(key, keysAt(context.schema, issue.path));
    return new ParamError(formatPath([...issue.path, key]), `unknown setting${guess ? `; did you mean "${guess}"?` : ''}`, undefined);
  }
  const given = valueAt(context.input, issue.path);
  let expected = issue.message.startsWith('expected') ? issue.message : `expected ${issue.message}`;
  if (isDayPath(issue.path) && issue.code !== 'custom') {
    expected = context.days ? `expected an integer from 0 to ${context.days - 1}` : 'expected an integer day of at least 0';
  }
  return new ParamError(formatPath(issue.path), expected, given);
}
