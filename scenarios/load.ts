/**
 * Reading a scenario: JSON with line and column on a syntax error, the schema with the JSON path
 * of any problem, then every arm resolved and validated. Every error is one line that names the
 * file: `scenarios/x.json: timeline[1].day: expected an integer from 0 to 364, got "ninety"`.
 */
import { parse as parseTolerant, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { defaultParams, formatPath, issueToError, ParamError } from '../sim/index.ts';
import { armNames, armParams, type Scenario } from './scenario.ts';
import { scenarioSchema } from './schema.ts';

/** A problem with an input file, reported as one line naming the file. */
export class InputError extends Error {
  readonly file: string;
  readonly detail: string;

  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'InputError';
    this.file = file;
    this.detail = detail;
  }
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Refuses a key given twice in one object. JSON.parse keeps the last, so an arm copied and not
 * renamed, or a second "settings", would drop the first without a word.
 */
function checkDuplicateKeys(text: string, file: string): void {
  const keysOfOpenObjects: Set<string>[] = [];
  let twice: { path: string; offset: number } | undefined;
  visit(text, {
    onObjectBegin: () => void keysOfOpenObjects.push(new Set()),
    onObjectEnd: () => void keysOfOpenObjects.pop(),
    onObjectProperty: (key, offset, _length, _line, _column, pathOfObject) => {
      const keys = keysOfOpenObjects[keysOfOpenObjects.length - 1];
      if (keys.has(key)) twice ??= { path: formatPath([...pathOfObject(), key]), offset };
      keys.add(key);
    },
  });
  if (!twice) return;
  const { line, column } = lineAndColumn(text, twice.offset);
  throw new InputError(file, `line ${line}, column ${column}: ${twice.path} is given twice; give each key once (JSON would keep only the last)`);
}

/**
 * Parses JSON, or throws an InputError with the line and column of the first syntax error or key
 * given twice. A byte order mark at the start (Windows editors write one) is skipped, as RFC 8259
 * allows.
 */
export function parseJson(withMark: string, file: string): unknown {
  const text = withMark.charCodeAt(0) === 0xfeff ? withMark.slice(1) : withMark;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse does not say where on every input; a tolerant parser finds the first error.
    const errors: ParseError[] = [];
    parseTolerant(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const offset = first ? first.offset : text.length;
    const { line, column } = lineAndColumn(text, offset);
    const what = first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'unexpected end';
    throw new InputError(file, `line ${line}, column ${column}: invalid JSON: ${what}`);
  }
  checkDuplicateKeys(text, file);
  return parsed;
}

/** Days of a run as a scenario sets them (for the range of timeline days). */
function daysIn(input: unknown): number {
  const days = (input as { settings?: { days?: unknown } } | null)?.settings?.days;
  return typeof days === 'number' && Number.isInteger(days) && days >= 1 ? days : defaultParams().days;
}

const isObject = (input: unknown): input is Record<string, unknown> => typeof input === 'object' && input !== null && !Array.isArray(input);

/** Whether parsed JSON is a sweep file: it names a scenario and the parameters to vary. */
export function looksLikeSweep(input: unknown): boolean {
  return isObject(input) && typeof input.scenario === 'string' && 'parameters' in input;
}

/** Whether parsed JSON is a scenario: it has arms, and names no scenario of its own. */
export function looksLikeScenario(input: unknown): boolean {
  return isObject(input) && 'arms' in input && !('scenario' in input);
}

/**
 * Checks a parsed scenario; every arm must resolve to valid parameters. A sweep file, a JSON
 * Schema or some other JSON is said to be one, rather than reported by its first missing field.
 */
export function checkScenario(input: unknown, file: string): Scenario {
  const declared = (input as { $schema?: unknown } | null)?.$schema;
  if (typeof declared === 'string' && declared.includes('json-schema.org')) {
    throw new InputError(file, 'this is a JSON Schema, not a scenario');
  }
  if (looksLikeSweep(input)) throw new InputError(file, 'this is a sweep file, not a scenario: run it with kith sweep');
  if (!isObject(input) || !('arms' in input || 'reference' in input)) {
    throw new InputError(file, 'expected a scenario: an object with "arms" and a "reference" arm (scenarios/covid-lockdown.json is one)');
  }
  const result = scenarioSchema.safeParse(input);
  if (!result.success) {
    throw new InputError(file, issueToError(result.error.issues[0], { schema: scenarioSchema, input, days: daysIn(input) }).message);
  }
  const { $schema: _schema, ...scenario } = result.data;
  for (const arm of armNames(scenario)) {
    try {
      armParams(scenario, arm);
    } catch (e) {
      if (e instanceof ParamError) throw new InputError(file, `arm ${JSON.stringify(arm)}: ${e.message}`);
      throw e;
    }
  }
  return scenario;
}

/** Parses and checks the text of a scenario file. */
export function parseScenario(text: string, file: string): Scenario {
  return checkScenario(parseJson(text, file), file);
}
