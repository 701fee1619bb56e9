/**
 * `--set path=value`: a setting by its dotted path, applied after the scenario and the arm. The
 * value is read as JSON where it parses (numbers, true/false, lists, objects) and as text
 * otherwise, then checked against the parameters' schema like any scenario setting.
 */
import { formatValue, issueToError, mergeParams, nearest, PARAMETERS, settingAt, settingSchema, type ParamOverrides } from '../sim/index.ts';
import { integerFlag } from './args.ts';
import { UsageError } from './errors.ts';

const TOP = ['timeline', 'crisis', ...new Set(PARAMETERS.map((p) => p.path.split('.')[0]))];

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The overrides of a list of `path=value` assignments (later ones win). */
export function parseSets(assignments: readonly string[]): ParamOverrides {
  let overrides: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    const path = eq > 0 ? assignment.slice(0, eq).trim() : '';
    if (!path) throw new UsageError(`--set ${assignment}: expected path=value, e.g. --set lockdown.faceToFaceCut=0.5`);
    const value = parseValue(assignment.slice(eq + 1));
    const one = settingAt(path, value);
    const keys = path.split('.');
    const checked = settingSchema.safeParse(one);
    if (!checked.success) {
      const e = issueToError(checked.error.issues[0], { schema: settingSchema, input: one });
      const hint = keys.length === 1 && !TOP.includes(keys[0]) ? nearest(keys[0], TOP) : undefined;
      const detail = hint ? `unknown setting; did you mean "${hint}"?` : `${e.expected}${e.given === undefined ? '' : `, got ${formatValue(e.given)}`}`;
      throw new UsageError(`--set ${assignment}: ${e.path}: ${detail}`);
    }
    overrides = mergeParams(overrides, one);
  }
  return overrides as ParamOverrides;
}

/** The settings of `--set`, `--persons` and `--days`, which run, describe and sweep all take. */
export function commandLineSettings(command: string, values: Record<string, unknown>): ParamOverrides {
  const overrides: Record<string, unknown> = parseSets((values.set as string[] | undefined) ?? []);
  const flags = { persons: [2, 10_000_000], days: [1, 3650] } as const;
  for (const [flag, [min, max]] of Object.entries(flags)) {
    if (values[flag] === undefined) continue;
    const value = integerFlag(command, flag, values[flag], 0, min, max);
    // Either may come first on the line, so neither quietly wins.
    if (overrides[flag] !== undefined && overrides[flag] !== value) {
      throw new UsageError(`kith ${command}: --${flag} ${value} and --set ${flag}=${formatValue(overrides[flag])} disagree; give one of them`);
    }
    overrides[flag] = value;
  }
  return overrides as ParamOverrides;
}
